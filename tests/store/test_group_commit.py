"""Group commit: saves return before their fsync; sync() waits for it and reports a refusal."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

import reader.store.durable as durable
from reader.store import AnnotationStore, StoreError
from tests.store.helpers import make_annotation


def test_saves_do_not_wait_for_the_disk_but_sync_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.fdatasync
    gate = threading.Event()
    synced: list[int] = []

    def slow_disk(fd: int) -> None:
        gate.wait(5)  # the disk answers only when the test lets it
        real(fd)
        synced.append(fd)

    with AnnotationStore(tmp_path / "a.json") as store:
        store.add(make_annotation("story-0"))  # the journal is made (and synced) here
        store.sync()
        monkeypatch.setattr(durable.os, "fdatasync", slow_disk)
        for n in range(1, 6):
            store.add(make_annotation(f"story-{n}"))  # returns while the disk is held
        assert len(store) == 6 and not synced
        waiter = threading.Thread(target=store.sync)
        waiter.start()
        waiter.join(0.2)
        assert waiter.is_alive(), "sync() waits for the disk"
        gate.set()
        waiter.join(5)
        assert not waiter.is_alive() and synced
        assert len(synced) < 5, "one fsync covers the saves made meanwhile"
        monkeypatch.setattr(durable.os, "fdatasync", real)


def test_a_disk_that_refuses_the_fsync_is_reported_by_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    with AnnotationStore(tmp_path / "a.json") as store:
        store.add(make_annotation("story-0"))  # the journal is made (and synced) here
        store.sync()
        monkeypatch.setattr(durable.os, "fdatasync", broken)
        annotation = make_annotation()
        store.add(annotation)
        with pytest.raises(StoreError, match="Input/output error"):
            store.sync()
        assert store.get(annotation.id) is not None, "kept in memory and in the journal"
        monkeypatch.undo()
        store.add(make_annotation("story-2"))
        store.sync()  # the disk is back: no error left over
    with AnnotationStore(tmp_path / "a.json") as again:
        assert len(again) == 3


def test_the_first_move_of_a_session_leaves_the_new_journal_to_the_syncer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading state saves on the UI thread at the first j of a session: the new
    journal's header and name go to the disk from the syncer thread, not from that key."""
    from reader.store import files
    from reader.store.reading_state import ReadingState

    calls: list[tuple[str, bool]] = []
    real_datasync, real_dir = os.fdatasync, files.fsync_dir

    def datasync(fd: int) -> None:
        calls.append(("fdatasync", threading.current_thread() is threading.main_thread()))
        real_datasync(fd)

    def dir_sync(directory: Path) -> None:
        calls.append(("fsync_dir", threading.current_thread() is threading.main_thread()))
        real_dir(directory)

    path = tmp_path / "annotations.reading.json"
    with ReadingState(path) as state:
        monkeypatch.setattr(durable.os, "fdatasync", datasync)
        monkeypatch.setattr(files, "fsync_dir", dir_sync)
        state.set_position("story", 120)  # the journal is made here
        assert ("fdatasync", True) not in calls and ("fsync_dir", True) not in calls
        state.sync()
        assert ("fdatasync", False) in calls, "the syncer wrote the journal to the disk"
        assert ("fsync_dir", False) in calls, "and its new name"
        monkeypatch.undo()
    with ReadingState(path) as again:
        assert again.position("story") == 120
