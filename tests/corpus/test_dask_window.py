"""Tasks go to a Dask cluster as its workers free up and come back in input order; the
cluster closes quickly."""

from __future__ import annotations

from collections import deque
from typing import Any

from reader.corpus.batch import BatchResult, Counts
from reader.corpus.dask_engine import DaskEngine
from tests.corpus.test_engines import _batches


class _Task:
    """What the engine reads of a Dask future: whether it is done, and its result."""

    def __init__(self, result: BatchResult | None = None) -> None:
        self.outcome = result

    def done(self) -> bool:
        return self.outcome is not None

    def result(self) -> BatchResult:
        assert self.outcome is not None, "waited for a task that is still running"
        return self.outcome


def _result(number: int) -> BatchResult:
    return BatchResult(f"record {number}\n".encode(), 1, Counts(), ())


def _engine(window: int, finishing: list[_Task]) -> DaskEngine:
    """An engine without a cluster, whose waits finish ``finishing`` one by one."""
    engine = DaskEngine.__new__(DaskEngine)
    engine.head = None
    engine.window = window

    def wait_any(futures: list[Any]) -> None:
        task = finishing.pop(0)
        assert task in futures
        task.outcome = _result(99)

    engine._wait_any = wait_any  # type: ignore[method-assign]
    return engine


def test_a_worker_free_gets_a_task_while_the_first_task_still_runs() -> None:
    # The first task (a larger one) still runs and the second is done: one worker is
    # free, so another task goes out now, and nothing is written out of order.
    first, second = _batches(2)
    pending: deque[tuple[Any, Any]] = deque([(first, _Task()), (second, _Task(_result(2)))])
    written = list(_engine(window=2, finishing=[])._written(pending, until_empty=False))
    assert written == []
    assert [batch for batch, _ in pending] == [first, second]


def test_a_full_cluster_is_waited_for_and_results_come_out_in_order() -> None:
    batches = _batches(3)
    running = [_Task(), _Task()]
    pending: deque[tuple[Any, Any]] = deque(
        [(batches[0], running[0]), (batches[1], running[1]), (batches[2], _Task(_result(3)))]
    )
    # The second task finishes first: the engine may take another, and writes nothing.
    engine = _engine(window=2, finishing=[running[1], running[0]])
    assert list(engine._written(pending, until_empty=False)) == []
    assert len(pending) == 3
    # At the end of the input every result is written, in input order.
    written = list(engine._written(pending, until_empty=True))
    assert [batch for batch, _ in written] == batches
    assert [result for _, result in written] == [_result(99), _result(99), _result(3)]


def test_a_local_cluster_closes_before_its_client() -> None:
    # The scheduler then closes the client's connection itself, and the client does not
    # wait for an answer to its goodbye.
    closed: list[str] = []

    class _Closes:
        def __init__(self, name: str) -> None:
            self.name = name

        def close(self) -> None:
            closed.append(self.name)

    engine = DaskEngine.__new__(DaskEngine)
    engine._cluster = _Closes("cluster")
    engine._client = _Closes("client")
    engine._close_cluster()
    assert closed == ["cluster", "client"]
