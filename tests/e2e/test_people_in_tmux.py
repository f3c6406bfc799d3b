"""End to end: open the people view, pick a person, open one of their quotes in its story."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.services.stories import write_stories


def test_people_view_pick_a_person_and_open_their_quote(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    write_stories(library)
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    app = TmuxSession([NEWSREADER, str(library)], cwd=tmp_path, env=env)
    try:
        app.wait_for(" stories ")
        app.send("I")
        app.wait_for("4 quotes · 3 stories")  # Priya Nandakumar, across her forms
        app.send("/")
        app.wait_for("filter people")
        app.send("-l", "samuel")
        app.wait_for("2 quotes · 2 stories")
        app.wait_for("The river is lower now")  # his quotes, on the right
        # Each key waits for the one before: a key typed while the filter still has the
        # focus would go into the filter.
        for key in ("Enter", "Enter", "j", "Enter"):  # to the list, his quotes, the 2nd, open
            app.send(key)
            time.sleep(0.4)
        screen = app.wait_for("Traders were back in the square")
        assert "People ·" not in screen  # back in the reader
        assert "The river is lower now" in screen
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()
