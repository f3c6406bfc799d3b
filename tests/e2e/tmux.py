"""Drive the real `newsreader` command in a tmux session, as a user at a terminal would."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

NEWSREADER = str(Path(sys.executable).with_name("newsreader"))

# What the test runner's own environment may hold that a user's terminal would not hand
# the app: COLUMNS/LINES fix its size whatever the pane's (shutil.get_terminal_size reads
# them first, so a CI runner's COLUMNS=80 drew every test at 80 columns), proxies would send
# fetches of 127.0.0.1 elsewhere, TMUX names the runner's own tmux server.
RUNNER_ONLY = (
    "COLUMNS",
    "LINES",
    "TMUX",
    "TMUX_PANE",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    # The suite's own cache dir (tests/conftest.py): each tmux test's HOME holds its own.
    "NEWSREADER_CACHE",
)


def server_env() -> dict[str, str]:
    """The environment a test's own tmux server starts with: the runner's, less RUNNER_ONLY."""
    return {name: value for name, value in os.environ.items() if name not in RUNNER_ONLY}


def in_user_env(env: dict[str, str], command: list[str]) -> str:
    """A shell line running ``command`` with ``env`` added and RUNNER_ONLY removed."""
    unset = " ".join(f"-u {name}" for name in RUNNER_ONLY)
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    return f"env {unset} {exports} {shlex.join(command)}"


class TmuxSession:
    """One detached tmux session running a command; read its screen, type into it.

    Each session has a tmux server of its own (``tmux -L``, no user configuration,
    ``config`` lines read at start), so a test may change server options and read its
    buffers without touching anyone's tmux, and no runner's server settings reach it;
    ``close`` ends that server.
    """

    def __init__(
        self,
        command: list[str],
        *,
        cwd: Path,
        env: dict[str, str],
        size=(120, 36),
        config: tuple[str, ...] = (),
    ):
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed (Debian/Ubuntu: apt-get install tmux)")
        self.name = f"newsreader-test-{uuid.uuid4().hex[:8]}"
        self.status_file = cwd / f".{self.name}.status"
        config_file = cwd / f".{self.name}.tmux.conf"
        config_file.write_text("".join(f"{line}\n" for line in config))
        self.base = ["tmux", "-L", self.name, "-f", str(config_file)]
        script = (
            f"cd {shlex.quote(str(cwd))} && {in_user_env(env, command)}; "
            f"echo $? > {shlex.quote(str(self.status_file))}; sleep 30"
        )
        width, height = size
        geometry = ["-x", str(width), "-y", str(height)]
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", self.name, *geometry, "sh", "-c", script],
            check=True,
            env=server_env(),
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

    def settled(self, still_for: float = 0.12, timeout: float = 2.0) -> str:
        """The screen once it has stayed the same for ``still_for`` seconds (or at the
        timeout): a key's answer drawn, without a fixed sleep sized for a loaded machine."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        still_since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.04)
            now = self.screen()
            if now != screen:
                screen, still_since = now, time.monotonic()
            elif time.monotonic() - still_since >= still_for:
                break
        return screen

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
        subprocess.run([*self.base, "kill-server"], check=False, capture_output=True)
        self.status_file.unlink(missing_ok=True)
