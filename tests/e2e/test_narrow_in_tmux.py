"""End to end at 60 columns: one pane at a time, tab switches, the library searches text."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.ui.conftest import STORIES


def one_pane(app: TmuxSession, shown: str, hidden: str, timeout: float = 30.0) -> str:
    """The screen once ``shown`` is the only pane (the first frame may still have both)."""
    deadline = time.monotonic() + timeout
    screen = app.screen()
    while time.monotonic() < deadline:
        if f"─ {shown} ─" in screen and f"─ {hidden} ─" not in screen:
            return screen
        time.sleep(0.1)
        screen = app.screen()
    raise AssertionError(f"not {shown} alone:\n{screen}")


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
        # (Not the border's "4 stories": at this width a notice may cover it.)
        app.wait_for("Museum Returns Bronze Statue")
        screen = one_pane(app, "Library", "Reader")
        assert max(len(line) for line in screen.splitlines()) <= 60
        # Words of a story's text find it; its row says where they are.
        app.send("/")
        app.wait_for("filter by title")
        app.send("-l", "islands")
        screen = app.wait_for("to hear from the islands")
        assert "Harbour Council Delays Vote on Ferry Fares" in screen
        assert "Museum" not in screen and "Drought" not in screen
        app.send("Enter")  # from the filter to the list
        app.wait_for("⏎ Open")
        app.send("Enter")
        app.wait_for("postponed a vote")
        screen = one_pane(app, "Reader", "Library")  # the reader alone, full width
        assert "The harbour council on Monday postponed a vote on" in screen
        app.send("Tab")
        screen = one_pane(app, "Library", "Reader")
        assert "to hear from the islands" in screen and "postponed a vote" not in screen
        app.send("Tab")
        one_pane(app, "Reader", "Library")
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()
