"""Reading state: read marks, positions and the session survive closing, crashes, and a
second newsreader."""

from __future__ import annotations

import os
import select
import signal
import time
from pathlib import Path

import tinydb

from reader.model import Article
from reader.store.reading_state import ReadingState, Session, reading_key, reading_state_path


def test_read_marks_positions_and_session_survive_closing(tmp_path: Path) -> None:
    path = tmp_path / "annotations.reading.json"
    with ReadingState(path) as state:
        assert not state.is_read("a") and state.position("a") is None
        assert state.set_read("a")
        assert not state.set_read("a"), "marking a read story read again changes nothing"
        state.set_position("b", 120)
        state.set_read("c")
        state.set_read("c", False)
        state.save_session(Session("b", 120, "library", "markdown"))
    with ReadingState(path) as state:
        assert state.is_read("a") and state.is_read("b") and not state.is_read("c")
        assert state.position("b") == 120
        assert state.unread(["a", "b", "c", "d"]) == 2
        assert state.read_keys() == {"a", "b"}
        assert state.session == Session("b", 120, "library", "markdown")
    # A clean close leaves a plain TinyDB file behind, as the annotations do.
    with tinydb.TinyDB(path) as plain:
        keys = {doc["key"]: doc["read"] for doc in plain.table("stories")}
    assert keys == {"a": True, "b": True, "c": False}


def test_moving_in_a_story_makes_it_read(tmp_path: Path) -> None:
    with ReadingState(tmp_path / "r.json") as state:
        state.set_position("story", 40)
        assert state.is_read("story")
        state.set_read("story", False)
        assert state.position("story") == 40, "unread again, the place is kept"


def test_second_instance_reads_but_keeps_its_changes_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    with ReadingState(path) as first:
        first.set_read("a")
        first.flush()  # written by the state's thread: a moment later
        second = ReadingState(path)
        try:
            assert second.read_only
            assert second.notice and "Another newsreader" in second.notice
            assert second.is_read("a"), "what the first one saved is seen"
            second.set_read("b")
            assert second.is_read("b")
        finally:
            second.close()
        first.set_read("c")
    with ReadingState(path) as again:
        assert again.is_read("a") and again.is_read("c")
        assert not again.is_read("b"), "the read-only window wrote nothing"


def test_a_damaged_file_is_moved_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("{not json")
    with ReadingState(path) as state:
        assert state.notice and "damaged" in state.notice
        state.set_read("a")
    with ReadingState(path) as state:
        assert state.is_read("a") and state.notice is None


def test_unreadable_session_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"session": {"1": {"story": 5}}, "stories": {"1": {"key": 3}}}')
    with ReadingState(path) as state:
        assert state.session is None
        assert not state.is_read("3")


def test_reading_key_is_stable_when_the_text_changes() -> None:
    before = Article(id="1", text="a", title="t", path="/news/a.txt")
    after = Article(id="2", text="b", title="t", path="/news/a.txt")
    assert reading_key(before) == reading_key(after) == "/news/a.txt"
    item = Article(id="3", text="c", title="t", path="/news/feed.xml", url="https://x.test/3")
    assert reading_key(item) == "https://x.test/3"
    linkless = Article(id="4", text="d", title="t", path="/news/feed.xml")
    other = Article(id="5", text="e", title="t", path="/news/feed.xml")
    assert reading_key(linkless) != reading_key(other), "items of one feed file stay apart"
    assert reading_state_path(Path("/d/notes.json")) == Path("/d/notes.reading.json")


def _writer(path: Path, pipe: int) -> None:
    state = ReadingState(path)
    # Numbers go on from the last round's, so an earlier round's positions are all lower.
    serial = state.session.offset or 0 if state.session else 0
    while True:
        serial += 1
        state.set_position(f"story-{serial % 50}", serial)
        state.save_session(Session(f"story-{serial % 50}", serial))
        if serial % 7 == 0:  # most changes are still the writer thread's as the kill comes
            state.flush()
            os.write(pipe, f"{serial}\n".encode())  # acknowledged: written


def test_sigkill_during_saves_loses_nothing_written_before_it(tmp_path: Path) -> None:
    """Changes are written by the state's thread (flush waits for it), before the fsync;
    the kernel still has them when the process dies."""
    path = tmp_path / "r.json"
    for round_number in range(12):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                _writer(path, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        received = b""
        deadline = time.monotonic() + 20
        wanted = 5 + round_number * 37
        while received.count(b"\n") < wanted and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 1.0)
            if ready:
                received += os.read(read_end, 65536)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as pipe:
            received += pipe.read()
        acknowledged = [int(line) for line in received.split()]
        assert acknowledged, "the writer never saved anything"
        last = acknowledged[-1]
        with ReadingState(path, read_only=(round_number % 2 == 1)) as state:
            # Every story's position is the last acknowledged one or a later one.
            for serial in acknowledged[-50:]:
                key = f"story-{serial % 50}"
                position = state.position(key)
                assert position is not None and position >= serial, (round_number, key)
            session = state.session
            assert session is not None and session.offset is not None
            assert session.offset >= last
