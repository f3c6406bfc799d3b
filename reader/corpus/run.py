"""One corpus run: documents read in order, cut into batches, analysed by an engine, written.

Batches are cut by size so each carries enough work to be worth a trip to a worker and
little enough that a few in flight keep memory flat.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from reader.corpus.batch import Options
from reader.corpus.dask_engine import DaskEngine
from reader.corpus.engines import Batch, Engine, PoolEngine, SerialEngine
from reader.corpus.inputs import Item
from reader.corpus.output import Output

BATCH_BYTES = 256 * 1024
BATCH_DOCUMENTS = 256


def batches(
    items: Iterable[Item], max_bytes: int = BATCH_BYTES, max_documents: int = BATCH_DOCUMENTS
) -> Iterator[Batch]:
    labels: list[str] = []
    documents: list = []
    size = 0
    for item in items:
        labels.append(item.label)
        documents.append(item.document)
        size += item.size
        if size >= max_bytes or len(documents) >= max_documents:
            yield Batch(labels, documents, size)
            labels, documents, size = [], [], 0
    if documents:
        yield Batch(labels, documents, size)


def open_engine(
    options: Options, jobs: int, scheduler: str | None, stream: Iterable[Batch]
) -> tuple[Engine, Iterator[Batch]]:
    """The engine for this run, and the batches (a couple of them read ahead to choose)."""
    stream = iter(stream)
    if scheduler:
        return DaskEngine(options, scheduler, jobs), stream
    head = list(itertools.islice(stream, 2))
    rest = itertools.chain(head, stream)
    # A single batch gains nothing from workers and would pay for starting them.
    if jobs <= 1 or len(head) < 2:
        return SerialEngine(options), rest
    return PoolEngine(options, jobs), rest


def analyze_stream(
    options: Options, jobs: int, scheduler: str | None, items: Iterable[Item], output: Output
) -> None:
    """Analyse every item and write its record; raises BrokenPipeError if stdout closes."""
    engine, stream = open_engine(options, jobs, scheduler, batches(items))
    results = engine.run(stream)
    try:
        for batch, outcomes in results:
            output.take(batch, outcomes)
    finally:
        results.close()  # gives up what is still in flight before the workers stop
        engine.close()
