"""End to end: `y` inside tmux reaches the terminal outside through tmux's passthrough.

The README tells tmux users that `set -g allow-passthrough on` is enough for copies to
reach their own terminal. With `set-clipboard off`, tmux drops a plain OSC 52; only the
wrapped sequence passes, so this is what a terminal attached to tmux receives.
"""

from __future__ import annotations

import base64
import os
import pty
import re
import select
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import NEWSREADER, TmuxSession

STORY = (
    "Ferry Fares Rise\n\n"
    '"Fares will rise by a tenth in May," said Ines Duarte, the harbour master.\n\n'
    "The council meets on Tuesday.\n"
)
OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07")


class AttachedTerminal:
    """A terminal (a pty) attached to the session's tmux server, collecting what it gets."""

    def __init__(self, session: TmuxSession) -> None:
        self._master, slave = pty.openpty()
        self._client = subprocess.Popen(
            [*session.base, "attach", "-t", session.name],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "TERM": "xterm-256color"},
            start_new_session=True,
        )
        os.close(slave)
        self.received = b""
        self._open = True
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while self._open:
            ready, _, _ = select.select([self._master], [], [], 0.1)
            if ready:
                try:
                    self.received += os.read(self._master, 65536)
                except OSError:
                    return

    def copies(self, timeout: float = 15.0) -> list[str]:
        """The texts put on this terminal's clipboard, waiting for the first one."""
        deadline = time.monotonic() + timeout
        while not OSC52.search(self.received) and time.monotonic() < deadline:
            time.sleep(0.1)
        return [base64.b64decode(found).decode("utf-8") for found in OSC52.findall(self.received)]

    def close(self) -> None:
        self._open = False
        self._reader.join(timeout=5)
        self._client.kill()
        self._client.wait(timeout=10)
        os.close(self._master)


@pytest.mark.parametrize("passthrough", ["on", "off"])
def test_y_inside_tmux_reaches_the_outer_terminal_through_passthrough(
    tmp_path: Path, passthrough: str
) -> None:
    (tmp_path / "fares.txt").write_text(STORY, encoding="utf-8")
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": "/usr/bin:/bin",
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
        "TMUX": "inside",  # what tmux sets for its panes (the runner's own is removed)
    }
    app = TmuxSession(
        [NEWSREADER, str(tmp_path / "fares.txt")],
        cwd=tmp_path,
        env=env,
        config=("set -s set-clipboard off", f"set -g allow-passthrough {passthrough}"),
    )
    terminal = AttachedTerminal(app)
    try:
        app.wait_for("Ines Duarte")
        app.wait_for("n Next quote")  # the reader has the keys
        app.send("n", "y")  # the quote, copied with its speaker
        app.wait_for("Copy")
        copies = terminal.copies(timeout=5 if passthrough == "off" else 15)
        app.send("q")
        assert app.exit_status() == 0
    finally:
        terminal.close()
        app.close()
    if passthrough == "off":
        assert copies == []  # tmux keeps the copy to itself, as the user asked
        return
    assert len(copies) == 1
    assert "Fares will rise by a tenth in May" in copies[0]
    assert "Ines Duarte" in copies[0]
