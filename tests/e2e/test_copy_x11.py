"""End to end: `y` in the real newsreader puts the quote and its speaker on a real X clipboard."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.x11 import x_display  # noqa: F401 - the fixture is used by name

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"


def clipboard_holding(display: str, words: str, timeout: float = 10.0) -> str:
    """The X clipboard as `xclip -o` reads it, once it holds ``words`` (or the timeout)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        result = subprocess.run(
            ["xclip", "-selection", "clipboard", "-o"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            timeout=5,
            check=False,
        )
        text = result.stdout.decode("utf-8", "replace")
        if words in text:
            break
        time.sleep(0.1)
    return text


def test_y_copies_the_focused_quote_with_its_speaker(x_display: str, tmp_path: Path) -> None:  # noqa: F811
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DISPLAY": x_display,
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    app = TmuxSession([NEWSREADER, str(SAMPLE)], cwd=tmp_path, env=env)
    try:
        app.wait_for("Deputy Foreign Minister Sergei Ryabkov")
        app.wait_for("n Next quote")
        app.wait_for(" quotes · ")  # the analysis is in: `n` has quotes to go to
        for _ in range(6):  # the quotes before Ryabkov's are Russia's and the headline's
            app.send("n")
            time.sleep(0.3)
            if "Quote" in app.screen() and "Sergei Ryabkov" in app.screen().splitlines()[-2]:
                break
        app.send("y")
        app.wait_for("Copied to clipboard")
        copied = clipboard_holding(x_display, "Sergei Ryabkov")
        assert "— Sergei Ryabkov" in copied
        assert "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks" in copied
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()


def test_y_copies_a_citation_with_the_outlet_and_repaired_ocr_marks(
    x_display: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The scanned grain story: its ,,low marks'' arrive as one proper pair, and the copy
    names the speaker, the reporter, the paper and the date."""
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DISPLAY": x_display,
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    sample = REPO / "sample_articles" / "grain-cooperative-silo-ocr-scan.txt"
    app = TmuxSession([NEWSREADER, str(sample)], cwd=tmp_path, env=env)
    try:
        app.wait_for("n Next quote")
        app.wait_for(" quotes · ")
        app.send("n")  # the first quote: "We are farmers, not speculators"
        app.wait_for("Quote 1/")
        app.send("y")
        app.wait_for("Copied to clipboard")
        copied = clipboard_holding(x_display, "Lowland Farmer Weekly")
        assert copied.startswith("“We are farmers, not speculators")
        assert ",," not in copied and "''" not in copied
        assert copied.endswith(
            "(Grain Co-operative Votes to Build New Silo Despite Price Slump, Margaret Dunmore, "
            "Lowland Farmer Weekly, 2 October 1998)"
        )
        app.send("q")
        assert app.exit_status() == 0
    finally:
        app.close()
