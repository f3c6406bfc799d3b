"""Drive the real `newsreader` command in a tmux session, as a user at a terminal would."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

NEWSREADER = str(Path(sys.executable).with_name("newsreader"))


class TmuxSession:
    """One detached tmux session running a command; read its screen, type into it."""

    def __init__(self, command: list[str], *, cwd: Path, env: dict[str, str], size=(120, 36)):
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed (Debian/Ubuntu: apt-get install tmux)")
        self.name = f"newsreader-test-{uuid.uuid4().hex[:8]}"
        self.status_file = cwd / f".{self.name}.status"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = (
            f"cd {shlex.quote(str(cwd))} && env {exports} {shlex.join(command)}; "
            f"echo $? > {shlex.quote(str(self.status_file))}; sleep 30"
        )
        width, height = size
        geometry = ["-x", str(width), "-y", str(height)]
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, *geometry, "sh", "-c", script],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def send(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def exit_status(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists() and self.status_file.read_text().strip():
                return int(self.status_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"newsreader did not exit:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)
        self.status_file.unlink(missing_ok=True)
