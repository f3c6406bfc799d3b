"""End to end: a phrase from the middle of a sentence, selected by keys or by dragging in the
real newsreader, lands on a real X clipboard as that phrase with its citation."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.e2e.test_copy_x11 import clipboard_holding
from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.x11 import x_display  # noqa: F401 - the fixture is used by name

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"
TITLE = "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks"
PHRASE = "high-level talks with the United States"


def reader(tmp_path: Path, display: str) -> TmuxSession:
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DISPLAY": display,
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    app = TmuxSession([NEWSREADER, str(SAMPLE)], cwd=tmp_path, env=env)
    app.wait_for("n Next quote")
    app.wait_for(" quotes · ")  # the analysis is in
    return app


def test_keys_select_a_phrase_inside_a_sentence_and_y_copies_it(
    x_display: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    app = reader(tmp_path, x_display)
    try:
        # The first sentence; its start 4 words on; then its end 14 words back.
        for key in ["j", "v", "o", *["w"] * 4, "o", *["W"] * 14]:
            app.send(key)
            time.sleep(0.05)
        app.wait_for("Selection · 6 words · 39 characters")
        app.send("y")
        app.wait_for("Copied to clipboard")
        copied = clipboard_holding(x_display, PHRASE)
        assert copied.startswith(f"“{PHRASE}” (")
        assert TITLE in copied
        assert "Russia on Tuesday" not in copied and "this week" not in copied
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()


def test_a_mouse_drag_selects_a_phrase_and_y_copies_it(
    x_display: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    app = reader(tmp_path, x_display)
    try:
        [(row, line)] = [
            (y, text) for y, text in enumerate(app.screen().splitlines()) if PHRASE in text
        ]
        first = line.index(PHRASE)
        last = first + len(PHRASE) - 1

        def mouse(button: int, column: int, press: bool = True) -> None:
            # What a terminal sends for the mouse (SGR encoding, 1-based cells).
            app.send("-l", f"\x1b[<{button};{column + 1};{row + 1}{'M' if press else 'm'}")
            time.sleep(0.1)

        mouse(0, first)  # press on the first letter
        mouse(32, first + 8)  # move with the button held
        mouse(32, last)
        mouse(0, last, press=False)  # let go on the last letter
        app.wait_for("Selection · 6 words · 39 characters")
        app.send("y")
        app.wait_for("Copied to clipboard")
        copied = clipboard_holding(x_display, PHRASE)
        assert copied.startswith(f"“{PHRASE}” (")
        assert TITLE in copied
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()
