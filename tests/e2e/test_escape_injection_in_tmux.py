"""End to end: stories, a feed and file names full of escape sequences, in a real tmux.

tmux is set up the way the README asks (``set-clipboard on``) plus window renaming, so
a sequence that reached the terminal would leave a mark: a paste buffer, a pane title, a
window name. The reader opens every story, copies a passage from each, and afterwards
the only buffers are our copies, clean, and the titles are as tmux started them.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.payloads import hostile_folder

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

UNSAFE = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]


def _wait_for_new_story(app: TmuxSession, seen: set[str]) -> str:
    """The header line (it names the open story) once it names one not opened before."""
    deadline = time.monotonic() + 30  # generous: a loaded machine, not a slow app
    while time.monotonic() < deadline:
        header = app.screen().split("\n", 1)[0].strip()
        if "newsreader — " in header and header not in seen:
            return header
        time.sleep(0.05)
    raise AssertionError(f"no new story opened:\n{app.screen()}")


def _wait_for_buffers(app: TmuxSession, count: int) -> None:
    deadline = time.monotonic() + 30  # generous: a loaded machine, not a slow app
    while len(app.tmux("list-buffers", "-F", "#{buffer_name}").split()) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"copy {count} never reached tmux:\n{app.screen()}")
        time.sleep(0.05)


def test_hostile_text_leaves_clipboard_title_and_window_alone(tmp_path: Path) -> None:
    stories = hostile_folder(tmp_path / "news")
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": "/usr/bin:/bin",
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    app = TmuxSession(
        [NEWSREADER, str(tmp_path / "news")],
        cwd=tmp_path,
        env=env,
        config=(
            "set -s set-clipboard on",
            "set -g allow-rename on",
            "set -g set-titles on",
            "set -g automatic-rename off",
        ),
    )
    try:
        title_before = app.tmux("display", "-p", "-t", app.name, "#{pane_title}")
        window_before = app.tmux("display", "-p", "-t", app.name, "#{window_name}")
        # The status line's count: below 90 columns notices may cover the library's border.
        app.wait_for(f" · 1/{stories}", timeout=20)
        app.wait_for("Story skipped")
        opened: set[str] = set()
        for copies in range(1, stories + 1):
            app.send("Enter")  # open the highlighted story in the reader
            app.wait_for("n Next quote")  # the reader has the keys
            opened.add(_wait_for_new_story(app, opened))
            app.send("j", "y")  # focus a sentence, copy it: OSC 52 makes a tmux buffer
            _wait_for_buffers(app, copies)
            app.send("Tab")  # back to the library
            app.wait_for("⏎ Open")
            app.send("j")  # the next story
        app.send("q")
        assert app.exit_status() == 0
        title_after = app.tmux("display", "-p", "-t", app.name, "#{pane_title}")
        window_after = app.tmux("display", "-p", "-t", app.name, "#{window_name}")
        names = app.tmux("list-buffers", "-F", "#{buffer_name}").split()
        buffers = [app.tmux("show-buffer", "-b", name) for name in names]
    finally:
        app.close()
    assert title_after == title_before and "PWNED" not in title_after
    assert window_after == window_before and "PWNED" not in window_after
    assert buffers, "our own copies should have reached tmux through OSC 52"
    for buffer in buffers:
        assert "PWNED" not in buffer, buffer
        assert not any(char in buffer for char in UNSAFE if char not in "\t\n"), repr(buffer)
