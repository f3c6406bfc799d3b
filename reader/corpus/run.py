"""One corpus run: batches read in order, analysed by an engine, written in order.

Batches are cut by size (see ``reader.corpus.lines``) so each carries enough work to be
worth a trip to a worker and little enough that a few in flight keep memory flat.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from reader.corpus.batch import Options
from reader.corpus.engines import Batch, Engine, PoolEngine, SerialEngine
from reader.corpus.output import Output

# Batches of 128 KB (some 25 ms of analysis) keep a pool's workers busiest: the first
# results come soon after start-up and the last batches leave a core idle only briefly,
# while a trip to a worker costs well under 1% of a batch. A Dask task costs more to
# schedule, so its batches are larger. Measured on 2 cores: 20 MB in 2.15 s with 64 or
# 128 KB batches, 2.3 to 2.5 s with 512 KB; Dask as fast with 256 KB to 1 MB, slower
# with 128 KB.
POOL_BLOCK_BYTES = 128 * 1024
DASK_BLOCK_BYTES = 512 * 1024
MIN_BLOCK_BYTES = 32 * 1024
BATCHES_PER_WORKER = 8


def block_bytes(total_bytes: int | None, jobs: int, on_dask: bool = False) -> int:
    """The batch size for an input of ``total_bytes`` (None: not known) on ``jobs`` workers.

    A small input is cut finer, so that every worker gets several batches to share.
    """
    largest = DASK_BLOCK_BYTES if on_dask else POOL_BLOCK_BYTES
    if total_bytes is None:
        return largest
    share = total_bytes // (BATCHES_PER_WORKER * max(1, jobs))
    return max(MIN_BLOCK_BYTES, min(largest, share))


def open_engine(
    options: Options, jobs: int, scheduler: str | None, stream: Iterable[Batch]
) -> tuple[Engine, Iterator[Batch]]:
    """The engine for this run, and the batches (a couple of them read ahead to choose)."""
    stream = iter(stream)
    if scheduler:
        from reader.corpus.dask_engine import DaskEngine  # with its logging, only for Dask

        return DaskEngine(options, scheduler, jobs), stream
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
    engine, batches = open_engine(options, jobs, scheduler, stream)
    results = engine.run(batches)
    try:
        for batch, result in results:
            output.take(batch, result)
    finally:
        results.close()  # gives up what is still in flight before the workers stop
        engine.close()
