"""StoreQueue: calls run in the order asked, after the open; close finishes what is queued."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.services.store_queue import StoreFailed, StoreQueue
from reader.store import AnnotationStore


@dataclass
class Said:
    text: str


@dataclass
class FakeApp:
    """Records what the queue asks of the app; threads run only when the test says so."""

    workers: list[Callable[[], None]] = field(default_factory=list)
    messages: list[Said | StoreFailed] = field(default_factory=list)


def make_queue(db: Path) -> tuple[FakeApp, StoreQueue[Said], list[str]]:
    app = FakeApp()
    log: list[str] = []

    def opener() -> tuple[AnnotationStore | None, Said]:
        log.append("open")
        return AnnotationStore(db), Said("opened")

    return app, StoreQueue(opener, app.messages.append, app.workers.append), log


def test_calls_run_in_order_after_the_open_in_one_worker(tmp_path: Path) -> None:
    app, queue, log = make_queue(tmp_path / "a.json")
    for n in range(3):
        queue.submit(lambda store, n=n: log.append(f"call {n}") or Said(f"done {n}"))
    assert len(app.workers) == 1  # one worker drains them all
    app.workers[0]()
    assert log == ["open", "call 0", "call 1", "call 2"]
    assert [m.text for m in app.messages] == ["opened", "done 0", "done 1", "done 2"]
    queue.submit(lambda store: None)
    assert len(app.workers) == 2  # the first one finished: a new one starts
    queue.close()


def test_a_failing_call_becomes_a_message_and_the_next_still_runs(tmp_path: Path) -> None:
    app, queue, _log = make_queue(tmp_path / "a.json")

    def broken(store: AnnotationStore) -> Said:
        raise ValueError("bad input")

    queue.submit(broken)
    queue.submit(lambda store: Said("after"))
    app.workers[0]()
    failed, after = app.messages[1:]
    assert isinstance(failed, StoreFailed) and "ValueError: bad input" in failed.text
    assert isinstance(after, Said)
    queue.close()


def test_close_finishes_calls_the_worker_never_got_to(tmp_path: Path) -> None:
    db = tmp_path / "a.json"
    _app, queue, log = make_queue(db)
    queue.submit(lambda store: store.set_tag_colour("economy", "#E5A93B"))
    queue.close()  # quit before the worker started: the save is still made
    assert log == ["open"]
    with AnnotationStore(db) as store:
        assert store.tag_colours() == {"economy": "#E5A93B"}
    queue.submit(lambda store: log.append("late"))  # after close: ignored
    assert log == ["open"]


FORCED_EXIT = """
import os, sys
from pathlib import Path
from tests.services.test_store_queue import make_queue
_app, queue, _log = make_queue(Path(sys.argv[1]))
queue.submit(lambda store: store.set_tag_colour("economy", "#E5A93B"))
assert queue.save_queued(timeout=1.0)
queue.submit(lambda store: store.set_tag_colour("late", "#000000"))  # after: kept out
os._exit(129)  # as the exit watch ends a process whose terminal is gone: no close
"""


def test_saves_queued_before_a_forced_exit_are_kept_and_the_lock_dropped(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    db = tmp_path / "a.json"
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", FORCED_EXIT, str(db)], cwd=repo, capture_output=True, text=True
    )
    assert done.returncode == 129, done.stderr
    with AnnotationStore(db) as store:
        assert not store.read_only  # the next start may write
        assert store.tag_colours() == {"economy": "#E5A93B"}


def test_close_does_not_wait_for_a_save_to_reach_a_slow_disk(tmp_path: Path) -> None:
    # Under disk pressure a save's fsync takes seconds; quitting then waited for it, the
    # screen blank (#15). The close's compaction syncs the line anyway.
    import threading

    db = tmp_path / "a.json"
    app, queue, _log = make_queue(db)
    disk_done = threading.Event()
    syncing = threading.Event()

    def slow_sync(store: AnnotationStore) -> None:
        original = store.sync

        def sync() -> None:
            syncing.set()
            disk_done.wait(30)
            original()

        store.sync = sync  # type: ignore[method-assign]

    queue.submit(lambda store: slow_sync(store) or Said("slow disk"))
    queue.submit(lambda store: store.set_tag_colour("economy", "#E5A93B") or Said("saved"))
    queue.submit(lambda store: store.set_tag_colour("ports", "#3B8EE5") or Said("queued"))
    drain = threading.Thread(target=app.workers[0])
    drain.start()
    assert syncing.wait(30)  # the worker made the first save and waits for the disk
    closing = threading.Thread(target=queue.close)
    closing.start()
    closing.join(20)
    try:
        assert not closing.is_alive(), "close waited for the disk"
    finally:
        disk_done.set()
        drain.join(30)
        closing.join(30)
    with AnnotationStore(db) as store:
        assert not store.read_only  # unlocked
        assert store.tag_colours() == {"economy": "#E5A93B", "ports": "#3B8EE5"}
    assert [getattr(m, "text", None) for m in app.messages] == ["opened", "slow disk"]
