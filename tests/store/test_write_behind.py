"""The reading state's changes are written by a thread of its own: a caller (the UI
thread, at every j and k) never waits for the disk, and nothing handed over is lost."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

import reader.store.durable as durable
from reader.store import files
from reader.store.journal import read_journal
from reader.store.reading_state import ReadingState, Session
from tests.store.helpers import HeldDisk


def test_changes_return_at_once_while_the_disk_is_held_and_are_written_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    disk = HeldDisk(monkeypatch)
    with ReadingState(path) as state:
        state.set_position("story", 1)
        assert disk.entered.wait(5), "the writer thread writes without being asked twice"
        for offset in range(2, 200):  # a burst of j presses while the first line is held
            state.set_position("story", offset)
            state.save_session(Session("story", offset))
        assert state.position("story") == 199, "the change is there at once, in memory"
        assert not disk.timed_out, "a change waited for the disk"
        assert threading.main_thread().name not in disk.callers
        disk.gate.set()
        assert state.flush(5)
        journals = files.list_journals(path)
        lines = sum(len(read_journal(journal).transactions) for _seq, journal in journals)
        assert lines <= 3, "a burst is written as the latest place, not as 198 lines"
    with ReadingState(path) as again:
        assert again.position("story") == 199
        assert again.session == Session("story", 199)


def test_closing_writes_what_is_still_handed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    disk = HeldDisk(monkeypatch)
    state = ReadingState(path)
    state.set_position("a", 5)
    assert disk.entered.wait(5)
    state.set_position("b", 7)  # waits behind the held line
    state.set_read("c")
    assert not state.flush(0.05), "flush says when the writes are not done yet"
    threading.Timer(0.1, disk.gate.set).start()
    state.close()
    with ReadingState(path) as again:
        assert again.position("a") == 5 and again.position("b") == 7
        assert again.is_read("c")


def test_a_refused_write_is_said_once_and_the_state_goes_on_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    problems: list[str] = []
    saying = threading.Event()

    def said(problem: str) -> None:
        problems.append(problem)
        saying.set()

    path = tmp_path / "r.json"
    with ReadingState(path, on_write_error=said) as state:
        monkeypatch.setattr(durable.files, "write_all", full)
        state.set_position("a", 3)
        assert saying.wait(5)
        assert state.read_only
        state.set_position("a", 9)
        state.set_read("b")
        assert state.flush(5)
        assert state.position("a") == 9 and state.is_read("b"), "kept in memory"
        assert len(problems) == 1 and "the disk is full" in problems[0]
        monkeypatch.undo()
