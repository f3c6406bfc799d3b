"""A Dask run's first batches, analysed by a forked copy while the cluster starts."""

from __future__ import annotations

import os
import signal

from reader.corpus.batch import Options
from reader.corpus.engines import SerialEngine
from reader.corpus.head_start import HeadStart
from tests.corpus.test_engines import _batches


def test_the_head_start_gives_each_batch_its_result_in_order() -> None:
    batches = _batches(5, per_batch=3)
    expected = [result for _, result in SerialEngine(Options()).run(batches)]
    head = HeadStart(batches, Options())
    try:
        got = [future.result() for future in head.futures]
    finally:
        head.close()
    assert got == expected
    assert [result.analysed for result in got] == [3] * 5


def test_a_killed_head_start_loses_no_document() -> None:
    # As the kernel's out-of-memory killer would: what it had not sent is analysed here.
    batches = _batches(4, per_batch=2)
    expected = [result for _, result in SerialEngine(Options()).run(batches)]
    head = HeadStart(batches, Options())
    try:
        os.kill(head._pid, signal.SIGKILL)
        got = [future.result() for future in head.futures]
    finally:
        head.close()
    assert got == expected


def test_the_head_start_never_outlives_the_run() -> None:
    # A run that stops early (a closed pipe, Ctrl-C) reads none of its results.
    head = HeadStart(_batches(40), Options())
    pid = head._pid
    head.close()
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass  # gone and reaped: not even a zombie is left
    else:
        raise AssertionError(f"process {pid} is still a child of this one")
