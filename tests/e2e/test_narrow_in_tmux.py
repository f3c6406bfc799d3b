"""End to end at 60 columns: one pane at a time, tab switches, the library searches text."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.ui.conftest import STORIES


def test_sixty_columns_show_one_pane_and_tab_switches(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    for name, text in STORIES.items():
        (library / name).write_text(text, encoding="utf-8")
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
        "NEWSREADER_CACHE": str(tmp_path / "cache"),
    }
    app = TmuxSession([NEWSREADER, str(library)], cwd=tmp_path, env=env, size=(60, 20))
    try:
        screen = app.wait_for("4 stories")
        assert "Library" in screen and "Reader" not in screen  # the library alone
        assert max(len(line) for line in screen.splitlines()) <= 60
        # Words of a story's text find it; its row says where they are.
        app.send("/")
        app.wait_for("filter by title")
        app.send("-l", "islands")
        screen = app.wait_for("1 of 4")
        assert "Harbour Council Delays Vote on Ferry Fares" in screen
        assert "to hear from the islands" in screen
        app.send("Enter")  # from the filter to the list
        app.wait_for("⏎ Open")
        app.send("Enter")
        screen = app.wait_for("postponed a vote")
        assert "Reader" in screen and "Library" not in screen  # the reader alone, full width
        assert "The harbour council on Monday postponed a vote on" in screen
        app.send("Tab")
        screen = app.wait_for("1 of 4")
        assert "Library" in screen and "postponed a vote" not in screen
        app.send("Tab")
        app.wait_for("postponed a vote")
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()
