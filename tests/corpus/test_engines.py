"""Engines keep input order, and a run survives a worker process that dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.corpus.batch import BatchResult, Options
from reader.corpus.engines import Batch, PoolEngine, SerialEngine
from tests.corpus.corpus_files import corpus_lines


def _batches(count: int, per_batch: int = 1) -> list[Batch]:
    lines = corpus_lines(count * per_batch)
    batches = []
    for n in range(count):
        block = "".join(line + "\n" for line in lines[n * per_batch : (n + 1) * per_batch])
        batches.append(Batch(block.encode(), "docs.jsonl", n * per_batch + 1, None, len(block)))
    return batches


def test_pool_and_serial_give_the_same_results_in_order() -> None:
    batches = _batches(10, per_batch=3)
    serial = SerialEngine(Options())
    expected = [(b.first_line, result) for b, result in serial.run(batches)]
    pool = PoolEngine(Options(), jobs=2)
    try:
        got = [(b.first_line, result) for b, result in pool.run(batches)]
    finally:
        pool.close()
    assert got == expected
    assert [result.analysed for _, result in got] == [3] * 10


def test_a_process_with_another_thread_gets_workers_all_the_same() -> None:
    # Forking beside a running thread could leave a worker waiting forever on a lock
    # that thread held: the workers then come from the server, with the same results.
    batches = _batches(6, per_batch=2)
    expected = [result for _, result in SerialEngine(Options()).run(batches)]
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        pool = PoolEngine(Options(), jobs=2)
        try:
            got = [result for _, result in pool.run(batches)]
        finally:
            pool.close()
    finally:
        stop.set()
        other.join()
    assert got == expected


def test_a_killed_worker_loses_no_document() -> None:
    # More batches than are in flight at once, so some are sent to the workers after
    # they are killed.
    batches = _batches(40)
    pool = PoolEngine(Options(), jobs=2)
    try:
        original = pool._pool
        results = pool.run(batches)
        first = next(results)
        # As the kernel's out-of-memory killer would: the pool breaks with batches in flight.
        for pid in list(pool._pool._processes):
            os.kill(pid, signal.SIGKILL)
        outcomes: list[tuple[Batch, BatchResult]] = [first, *results]
        assert pool._pool is not original  # the broken pool was replaced
    finally:
        pool.close()
    assert [b.first_line for b, _ in outcomes] == [n + 1 for n in range(40)]
    assert all(r.analysed == 1 and r.output and not r.problems for _, r in outcomes)


def test_workers_without_newsreader_stop_the_run_with_one_message() -> None:
    from reader.corpus.dask_engine import failed_task
    from reader.corpus.engines import EngineError

    batch = _batches(1, per_batch=2)[0]
    lost = failed_task(batch, OSError("worker killed"))
    assert [(p.position, p.error) for p in lost.problems] == [
        (0, "not analysed: the Dask task failed (OSError)"),
        (1, "not analysed: the Dask task failed (OSError)"),
    ]
    assert [batch.label(p.position) for p in lost.problems] == ["docs.jsonl:1", "docs.jsonl:2"]
    with pytest.raises(EngineError, match="install newsreader where each `dask worker` runs"):
        failed_task(batch, ModuleNotFoundError("No module named 'reader'"))


# Preloads a module found only on a folder this process added to its import path, then
# asks a worker forked from the server which process imported it.
PRELOAD_PROBE = """
import os, sys
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

def imported_by(_):
    import probe
    return probe.IMPORTED_BY, os.getpid()

if __name__ == "__main__":
    sys.path.insert(0, sys.argv[1])
    from reader.corpus.forkserver import start_forkserver
    start_forkserver(["probe"])
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        importer, worker = pool.submit(imported_by, 0).result()
    print("server" if importer != worker else "worker")
"""


def test_the_server_preloads_from_where_this_process_imports(tmp_path: Path) -> None:
    # Python 3.11's forkserver ignores the import path it is handed: what it preloads
    # (the analysis, warmed) would come from elsewhere, or not at all, and each worker
    # would import it again, possibly another copy of it.
    folder = tmp_path / "modules"
    folder.mkdir()
    (folder / "probe.py").write_text("import os\nIMPORTED_BY = os.getpid()\n")
    script = tmp_path / "probe_server.py"
    script.write_text(PRELOAD_PROBE)
    result = subprocess.run(
        [sys.executable, str(script), str(folder)],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == "server"
