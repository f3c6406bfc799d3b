"""Database faults: a second instance, damage, full disks, read-only folders, newer files."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tinydb

from reader.store import AnnotationStore, StoreError
from reader.store import files as store_files
from reader.store.files import journal_path, list_journals
from reader.store.journal import encode_line
from tests.store.helpers import die, make_annotation, other_process

ROOT = Path(__file__).resolve().parents[2]


def test_second_instance_opens_read_only_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    holder = """
        import sys
        from pathlib import Path
        from reader.store import AnnotationStore
        from tests.store.helpers import make_annotation
        store = AnnotationStore(Path(sys.argv[1]))
        store.add(make_annotation(annotation_id="held"))
        print("ready", flush=True)
        sys.stdin.read()
        store.close()
        """
    with other_process(holder, str(db)) as process:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        with AnnotationStore(db) as second:
            assert second.read_only
            assert second.notice is not None
            assert "read-only" in second.notice and str(process.pid) in second.notice
            # It still shows what the first instance saved, journal included.
            assert second.get("held") is not None
            with pytest.raises(StoreError, match="read-only"):
                second.add(make_annotation())
    assert process.returncode == 0
    with AnnotationStore(db) as third:
        assert not third.read_only and third.notice is None
        assert [a.id for a in third.all()] == ["held"]


@pytest.mark.parametrize(
    "damaged",
    [
        b'{"annotations": {"1": {"id": "x", ',  # cut short
        b"[1, 2, 3]",  # JSON, but not a database
        b'{"annotations": {"one": {}}}',  # not TinyDB's document ids
        b"\xff\xfe\x00garbage\x00",  # not text at all
    ],
)
def test_corrupt_file_is_moved_aside_and_named(tmp_path: Path, damaged: bytes) -> None:
    db = tmp_path / "annotations.json"
    db.write_bytes(damaged)
    with AnnotationStore(db) as store:
        assert not store.read_only and store.all() == []
        assert store.notice is not None
        kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes() == damaged
        assert str(kept[0]) in store.notice
        store.add(make_annotation())
    with tinydb.TinyDB(db) as plain:
        assert len(plain.table("annotations")) == 1


def test_corrupt_snapshot_still_recovers_its_journal(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    recent = make_annotation()
    store.add(recent)
    die(store)
    db.write_text("this is not json")
    with AnnotationStore(db) as reopened:
        assert reopened.get(recent.id) == recent
        assert reopened.notice is not None and ".corrupt-" in reopened.notice


def test_truncated_final_journal_line_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    kept = [make_annotation(), make_annotation()]
    for annotation in kept:
        store.add(annotation)
    store.add(make_annotation(annotation_id="cut-short"))
    die(store)
    [(_, journal)] = list_journals(db)
    journal.write_bytes(journal.read_bytes()[:-40])
    store = AnnotationStore(db)
    assert store.notice is None
    assert {a.id for a in store.all()} == {a.id for a in kept}
    later = make_annotation()
    store.add(later)
    die(store)
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {a.id for a in [*kept, later]}


def test_damaged_journal_line_is_skipped_kept_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    first, middle, last = make_annotation(), make_annotation(), make_annotation()
    for annotation in (first, middle, last):
        store.add(annotation)
    die(store)
    [(_, journal)] = list_journals(db)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"story-1", b"story-X")  # bit rot: the CRC no longer matches
    journal.write_bytes(b"\n".join(lines))
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {first.id, last.id}
        assert reopened.notice is not None and "damaged" in reopened.notice
    assert journal.with_name(journal.name + ".damaged").exists()


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    content = json.dumps({"annotations": {}, "meta": {"1": {"schema": 99, "journal": 0}}})
    db.write_text(content)
    with pytest.raises(StoreError, match="newer newsreader") as caught:
        AnnotationStore(db)
    assert "\n" not in str(caught.value)
    assert db.read_text() == content
    assert [p.name for p in tmp_path.iterdir() if "corrupt" in p.name] == []
    # The lock was released, so a newer newsreader can still open it.
    AnnotationStore(tmp_path / "other.json").close()


def test_newer_journal_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    journal_path(db, 1).write_bytes(encode_line({"schema": 99}))
    with pytest.raises(StoreError, match="newer newsreader"):
        AnnotationStore(db)


class _DiskFills:
    """A write_all that runs out of space after ``room`` more bytes."""

    def __init__(self, room: int) -> None:
        self.room = room

    def __call__(self, fd: int, data: bytes) -> None:
        if len(data) > self.room:
            os.write(fd, data[: self.room])
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.write(fd, data)
        self.room -= len(data)


def test_disk_full_loses_nothing_acknowledged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    saved = make_annotation()
    store.add(saved)
    monkeypatch.setattr(store_files, "write_all", _DiskFills(room=100))
    refused = make_annotation()
    with pytest.raises(StoreError, match="disk is full") as caught:
        store.add(refused)
    assert "\n" not in str(caught.value)
    assert store.get(refused.id) is None and store.get(saved.id) == saved
    monkeypatch.undo()  # space was freed
    after = make_annotation()
    store.add(after)
    die(store)
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {saved.id, after.id}
        assert reopened.notice is None


def test_disk_full_when_the_partial_line_cannot_be_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    saved = make_annotation()
    store.add(saved)
    monkeypatch.setattr(store_files, "write_all", _DiskFills(room=100))

    def cannot_truncate(fd: int, length: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "ftruncate", cannot_truncate)
    with pytest.raises(StoreError):
        store.add(make_annotation())
    monkeypatch.undo()
    after = make_annotation()
    store.add(after)
    die(store)
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {saved.id, after.id}


def test_disk_full_while_compacting_keeps_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.json"
    with AnnotationStore(db) as store:
        first = make_annotation()
        store.add(first)
    store = AnnotationStore(db)
    second = make_annotation()
    store.add(second)
    monkeypatch.setattr(store_files, "write_all", _DiskFills(room=0))
    with pytest.raises(StoreError, match="nothing is lost"):
        store.close()
    monkeypatch.undo()
    assert list(tmp_path.glob("*.tmp-*")) == []
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {first.id, second.id}


def _in_child_as_ordinary_user(check: Callable[[], str]) -> str:
    """Run ``check`` in a forked child that is not root (root ignores folder permissions).

    Forking keeps the loaded interpreter, which an ordinary user could not start from
    a root-only install. Returns what ``check`` returned, or raises what it raised.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        status = 1
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            message = "ok:" + check()
            status = 0
        except BaseException as error:
            message = f"failed: {type(error).__name__}: {error}"
        finally:
            os.write(write_end, message.encode())
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, message
    return message.removeprefix("ok:")


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is private to its owner)."""
    directory = Path(tempfile.mkdtemp(prefix="newsreader-store-"))
    directory.chmod(0o755)
    yield directory
    for path in [directory, *directory.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(directory)


def test_read_only_folder_opens_read_only(shared_dir: Path) -> None:
    folder = shared_dir / "data"
    folder.mkdir()
    db = folder / "annotations.json"
    with AnnotationStore(db) as store:
        store.add(make_annotation(annotation_id="kept"))
    folder.chmod(0o555)

    def open_there() -> str:
        store = AnnotationStore(db)
        assert store.read_only, "opened for writing in a read-only folder"
        assert store.notice is not None and "not writable" in store.notice, store.notice
        assert [a.id for a in store.all()] == ["kept"]
        try:
            store.add(make_annotation())
        except StoreError as error:
            return str(error)
        finally:
            store.close()
        return "saved"

    refusal = _in_child_as_ordinary_user(open_there)
    assert "read-only" in refusal
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.json", "annotations.json.lock"]


def test_missing_database_in_read_only_folder(shared_dir: Path) -> None:
    folder = shared_dir / "data"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)

    def open_there() -> str:
        with AnnotationStore(folder / "sub" / "annotations.json") as store:
            assert store.read_only and store.all() == []
            return store.notice or ""

    assert "not writable" in _in_child_as_ordinary_user(open_there)


def test_file_system_without_locks_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.json"
    with AnnotationStore(db) as store:
        store.add(make_annotation(annotation_id="kept"))

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr("fcntl.flock", no_locks)  # what filelock calls on POSIX
    with AnnotationStore(db) as store:
        assert store.read_only and store.get("kept") is not None
        assert store.notice is not None and "could not be locked" in store.notice
