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
    """One detached tmux session running a command; read its screen, type into it.

    With ``private=True`` the session gets a tmux server of its own (``tmux -L``, no user
    configuration, ``config`` lines read at start), so a test may change server options
    and read its buffers without touching the user's tmux; ``close`` ends that server.
    """

    def __init__(
        self,
        command: list[str],
        *,
        cwd: Path,
        env: dict[str, str],
        size=(120, 36),
        private: bool = False,
        config: tuple[str, ...] = (),
    ):
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed (Debian/Ubuntu: apt-get install tmux)")
        self.name = f"newsreader-test-{uuid.uuid4().hex[:8]}"
        self.status_file = cwd / f".{self.name}.status"
        self.private = private
        self.base = ["tmux"]
        if private:
            config_file = cwd / f".{self.name}.tmux.conf"
            config_file.write_text("".join(f"{line}\n" for line in config))
            self.base = ["tmux", "-L", self.name, "-f", str(config_file)]
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = (
            f"cd {shlex.quote(str(cwd))} && env {exports} {shlex.join(command)}; "
            f"echo $? > {shlex.quote(str(self.status_file))}; sleep 30"
        )
        width, height = size
        geometry = ["-x", str(width), "-y", str(height)]
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", self.name, *geometry, "sh", "-c", script],
            check=True,
        )

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this session's server; its standard output."""
        result = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=True, timeout=10
        )
        return result.stdout

    def screen(self) -> str:
        result = subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", self.name],
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
        subprocess.run([*self.base, "send-keys", "-t", self.name, *keys], check=True)

    def exit_status(self, timeout: float = 15.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists() and self.status_file.read_text().strip():
                return int(self.status_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"newsreader did not exit:\n{self.screen()}")

    def close(self) -> None:
        ending = ["kill-server"] if self.private else ["kill-session", "-t", self.name]
        subprocess.run([*self.base, *ending], check=False, capture_output=True)
        self.status_file.unlink(missing_ok=True)
