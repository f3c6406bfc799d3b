"""`--scheduler`: the same records, byte for byte and in order, from a Dask cluster."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.corpus.corpus_files import REPO, newsreader

pytest.importorskip("distributed")


def test_local_cluster_gives_the_same_bytes(corpus: Path, serial_output: bytes) -> None:
    result = newsreader("analyze", str(corpus), "--scheduler", "local", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == serial_output
    assert result.stderr == b""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dask(*args: str) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).with_name("dask")), *args]
    return subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        start_new_session=True,
    )


def _wait_for_port(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"no Dask scheduler on port {port}")


@pytest.fixture
def scheduler() -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes, started as a user starts them."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [_dask("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")]
    try:
        _wait_for_port(port, time.monotonic() + 30)
        processes.append(
            _dask("worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard")
        )
        yield address
    finally:
        for process in reversed(processes):
            os.killpg(process.pid, 15)
        for process in processes:
            process.wait(timeout=30)


def test_scheduler_and_worker_processes_give_the_same_bytes(
    corpus: Path, serial_output: bytes, scheduler: str
) -> None:
    result = newsreader("analyze", str(corpus), "--scheduler", scheduler)
    assert result.returncode == 0, result.stderr
    assert result.stdout == serial_output


def test_an_unreachable_scheduler_is_one_line(corpus: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = newsreader("analyze", str(corpus), "--scheduler", address, timeout=60)
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"newsreader: cannot use {address}:")
    assert result.stdout == b""


def test_a_local_cluster_that_cannot_start_leaves_no_record(corpus: Path) -> None:
    # Batches are analysed in this process while the cluster starts; none of them may be
    # written when it then fails. A setting its scheduler cannot read fails it at once.
    broken = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__WORKER_TTL": "not-a-time"}
    result = newsreader(
        "analyze", str(corpus), "--scheduler", "local", "--jobs", "2", env=broken, timeout=60
    )
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("newsreader: cannot use a local Dask cluster:")
    assert result.stdout == b""


def test_a_local_cluster_beside_a_blas_thread_gives_the_same_bytes(
    corpus: Path, serial_output: bytes
) -> None:
    # NumPy imported before the run (as a name finder would), asked for BLAS threads,
    # starts them at once: the workers' server is then not forked from this process but
    # started fresh, and the workers reseed NumPy's random state.
    run_after_numpy = "import sys, numpy; from reader.cli import main; sys.exit(main())"
    threads = {**os.environ, "OPENBLAS_NUM_THREADS": "4"}
    command = [sys.executable, "-c", run_after_numpy, "analyze", str(corpus)]
    result = subprocess.run(
        [*command, "--scheduler", "local", "--jobs", "2"],
        capture_output=True,
        timeout=120,
        cwd=REPO,
        env=threads,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == serial_output
    assert result.stderr == b""
