"""The writer lock across real processes: one writer, a named holder, no stale locks."""

from __future__ import annotations

import subprocess
import sys
import threading
from contextlib import AbstractContextManager
from pathlib import Path

from reader.store import AnnotationStore
from reader.store.lock import WriterLock, holder_pid, lock_path
from tests.store.helpers import make_annotation, other_process

ROOT = Path(__file__).resolve().parents[2]

_HOLDER = """
import sys
from pathlib import Path
from reader.store.lock import WriterLock
lock = WriterLock.try_acquire(Path(sys.argv[1]))
print("held" if lock else "refused", flush=True)
sys.stdin.read()
if lock:
    lock.release()
"""


def _holder(db: Path, script: str = _HOLDER) -> AbstractContextManager[subprocess.Popen[str]]:
    """Another process that has taken the lock (or tried to) and waits for its stdin."""
    return other_process(script, str(db))


def test_a_second_process_is_refused_and_sees_who_holds_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    with _holder(db) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        assert WriterLock.try_acquire(db) is None
        assert holder_pid(db) == process.pid
    mine = WriterLock.try_acquire(db)
    assert mine is not None, "the lock outlived the process that released it"
    assert holder_pid(db) is not None
    mine.release()


def test_a_process_is_refused_while_this_one_holds_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    mine = WriterLock.try_acquire(db)
    assert mine is not None
    try:
        with _holder(db) as process:
            assert process.stdout is not None and process.stdout.readline().strip() == "refused"
    finally:
        mine.release()


def test_the_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    with _holder(db) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        process.kill()  # SIGKILL: no release, no clean-up, the lock file stays
        process.wait(timeout=30)
    assert lock_path(db).exists() and holder_pid(db) == process.pid
    taken = WriterLock.try_acquire(db)
    assert taken is not None, "a dead process's lock kept the database read-only"
    taken.release()


def test_store_opens_writable_after_the_holder_was_killed(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    script = """
    import sys
    from pathlib import Path
    from reader.store import AnnotationStore
    from tests.store.helpers import make_annotation, other_process
    store = AnnotationStore(Path(sys.argv[1]))
    store.add(make_annotation(annotation_id="before the crash"))
    print("held" if not store.read_only else "refused", flush=True)
    sys.stdin.read()
    """
    with _holder(db, script) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        with AnnotationStore(db) as meanwhile:
            assert meanwhile.read_only and meanwhile.notice is not None
            assert f"Another newsreader (process {process.pid})" in meanwhile.notice
        process.kill()
        process.wait(timeout=30)
    with AnnotationStore(db) as store:
        assert not store.read_only and store.notice is None
        assert store.get("before the crash") is not None
        store.add(make_annotation(annotation_id="after"))


def test_a_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    first = WriterLock.try_acquire(db)
    assert first is not None
    assert WriterLock.try_acquire(db) is None
    first.release()
    again = WriterLock.try_acquire(db)
    assert again is not None
    again.release()
    again.release()  # closing twice is harmless


def test_a_lock_released_from_another_thread_is_free(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    lock = WriterLock.try_acquire(db)
    assert lock is not None
    closer = threading.Thread(target=lock.release)
    closer.start()
    closer.join()
    again = WriterLock.try_acquire(db)
    assert again is not None, "released in another thread, but still held"
    again.release()


def test_the_store_imports_without_fcntl() -> None:
    """Windows has no fcntl: the store must still import (and lock with what it has)."""
    script = "import sys; sys.modules['fcntl'] = None; import reader.store.store; print('ok')"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_app_takes_no_lock_library_before_its_first_frame() -> None:
    """The store (and filelock, ~15-40 ms to import) load on the store's thread, after the
    first frame; importing the store alone still leaves filelock for the first lock."""
    script = (
        "import sys, reader.cli, reader.ui.app; "
        "early = [m for m in ('reader.store', 'filelock') if m in sys.modules]; "
        "import reader.store; print(early, 'filelock' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] False"
