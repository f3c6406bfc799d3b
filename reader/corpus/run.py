"""One corpus run: batches read in order, analysed by an engine, written in order.

Batches are cut by size (see ``reader.corpus.lines.block_bytes``) so each carries enough
work to be worth a trip to a worker and little enough that a few in flight keep memory
flat.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from reader.corpus.batch import Options
from reader.corpus.engines import Batch, Engine, PoolEngine, SerialEngine
from reader.corpus.output import Output


def open_engine(
    options: Options, jobs: int, scheduler: str | None, stream: Iterable[Batch]
) -> tuple[Engine, Iterator[Batch]]:
    """The engine for this run, and the batches (a couple of them read ahead to choose)."""
    stream = iter(stream)
    if scheduler:
        from reader.corpus.dask_engine import open_dask  # with its logging, only for Dask

        return open_dask(options, scheduler, jobs, stream)
    head = list(itertools.islice(stream, 2))
    rest = itertools.chain(head, stream)
    # A single batch gains nothing from workers and would pay for starting them.
    if jobs <= 1 or len(head) < 2:
        return SerialEngine(options), rest
    return PoolEngine(options, jobs), rest


def analyze_stream(
    options: Options, jobs: int, scheduler: str | None, stream: Iterable[Batch], output: Output
) -> None:
    """Analyse every batch and write its records; raises BrokenPipeError if stdout closes."""
    from reader.corpus.warm import settle  # the analysis is warm once this is imported

    # Before the progress bar starts its thread: a pool forks its workers from this
    # process, which must then have no other thread.
    engine, batches = open_engine(options, jobs, scheduler, stream)
    settle()  # what the engine imported (Dask, for one) joins what is frozen
    try:
        with output.progress:
            results = engine.run(batches)
            try:
                for batch, result in results:
                    output.take(batch, result)
            finally:
                results.close()  # gives up what is still in flight before the workers stop
    finally:
        engine.close()
