"""Engines keep input order, and a run survives a worker process that dies."""

from __future__ import annotations

import os
import signal

import pytest

from reader.corpus.batch import Options
from reader.corpus.engines import Batch, PoolEngine, SerialEngine
from tests.corpus.corpus_files import corpus_lines


def _batches(count: int) -> list[Batch]:
    return [
        Batch([f"docs.jsonl:{n + 1}"], [line.encode()], len(line))
        for n, line in enumerate(corpus_lines(count))
    ]


def test_pool_and_serial_give_the_same_outcomes_in_order() -> None:
    batches = _batches(10)
    serial = SerialEngine(Options())
    expected = [(b.labels, outcomes) for b, outcomes in serial.run(batches)]
    pool = PoolEngine(Options(), jobs=2)
    try:
        got = [(b.labels, outcomes) for b, outcomes in pool.run(batches)]
    finally:
        pool.close()
    assert got == expected


def test_a_killed_worker_loses_no_document() -> None:
    batches = _batches(12)
    pool = PoolEngine(Options(), jobs=2)
    try:
        original = pool._pool
        results = pool.run(batches)
        first = next(results)
        # As the kernel's out-of-memory killer would: the pool breaks with batches in flight.
        for pid in list(pool._pool._processes):
            os.kill(pid, signal.SIGKILL)
        outcomes = [first, *results]
        assert pool._pool is not original  # the broken pool was replaced
    finally:
        pool.close()
    assert [b.labels[0] for b, _ in outcomes] == [f"docs.jsonl:{n + 1}" for n in range(12)]
    assert all(o.line is not None and o.error is None for _, batch in outcomes for o in batch)


def test_workers_without_newsreader_stop_the_run_with_one_message() -> None:
    from reader.corpus.dask_engine import failed_task
    from reader.corpus.engines import EngineError

    batch = _batches(1)[0]
    lost = failed_task(batch, OSError("worker killed"))
    assert [o.error for o in lost] == ["not analysed: the Dask task failed (OSError)"]
    with pytest.raises(EngineError, match="install newsreader where each `dask worker` runs"):
        failed_task(batch, ModuleNotFoundError("No module named 'reader'"))
