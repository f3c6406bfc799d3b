"""Corpus mode: analyse a stream of documents on every core or on a Dask cluster.

``analyze_documents`` is the pure per-document function every engine runs; it is
importable on its own, so it also serves as a Spark ``mapPartitions`` function.
No Textual and no store here.
"""

from reader.corpus.batch import Options, Outcome, analyze_batch, analyze_documents

__all__ = ["Options", "Outcome", "analyze_batch", "analyze_documents"]
