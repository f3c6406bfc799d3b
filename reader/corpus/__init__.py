"""Corpus mode: analyse a stream of documents on every core or on a Dask cluster.

``analyze_documents`` is the pure per-document function every engine runs; it is
importable on its own, so it also serves as a Spark ``mapPartitions`` function.
No Textual and no store here.

The names below are looked up on first use: a run starts its worker processes before
it imports the analysis, and importing ``reader.corpus.forkserver`` must not import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.corpus.batch import Options, Outcome, analyze_batch, analyze_documents

__all__ = ["Options", "Outcome", "analyze_batch", "analyze_documents"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reader.corpus import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'reader.corpus' has no attribute {name!r}")
