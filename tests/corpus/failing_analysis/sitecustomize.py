"""On PYTHONPATH, loaded by every Python process of a run: the analysis fails on one document.

Python imports ``sitecustomize`` at start-up, so the worker processes (forked from a
server that Python started with the same environment) and Dask's workers fail there,
where a real failure (out of memory, a bug) would happen. The document to fail on is
the one whose text holds ``NEWSREADER_TEST_FAIL_ON``.
"""

from __future__ import annotations

import os

_MARKER = os.environ.get("NEWSREADER_TEST_FAIL_ON")

if _MARKER:
    import reader.corpus.batch
    from reader.model import Analysis

    _real_analyze = reader.corpus.batch.analyze

    def _analyze(text: str, *, ner: str = "builtin") -> Analysis:
        if _MARKER in text:
            raise MemoryError("the analysis ran out of memory")
        return _real_analyze(text, ner=ner)

    reader.corpus.batch.analyze = _analyze
