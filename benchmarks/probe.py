"""Drive the real `newsreader` in tmux and time what a user sees: text, keys, memory.

A key's latency is the time from `tmux send-keys` to the first screen that differs
from the one before it (polled with `capture-pane`, a few ms a poll); a frozen main
thread shows up as a long latency. Memory is the resident size of the app and every
process it started, summed, sampled while it works.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_startup import Tmux, end

NEWSREADER = str(Path(sys.executable).with_name("newsreader"))
POLL = 0.003


class Launch:
    """One `newsreader ARGS` in its own tmux session (120x36), with a scratch home."""

    def __init__(self, tmux: Tmux, args: list[str], workdir: Path, size=(120, 36)) -> None:
        self.tmux = tmux
        self.name = f"nr-probe-{uuid.uuid4().hex[:8]}"
        env = {
            "HOME": str(workdir),
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "NEWSREADER_DB": str(workdir / "annotations.json"),
            "NEWSREADER_CACHE": str(workdir / "cache"),
            "PYTHONPYCACHEPREFIX": str(workdir / "bytecode"),
        }
        # A/B against another checkout's build: PYTHONPATH=OTHER python -m benchmarks...
        if os.environ.get("PYTHONPATH"):
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        command = shlex.join([NEWSREADER, *args])
        # Warm bytecode, as on every launch after a user's first (see bench_startup): with
        # PYTHONDONTWRITEBYTECODE from the shell each launch would compile our modules again.
        script = (
            f"cd {shlex.quote(str(workdir))} && exec env -u PYTHONDONTWRITEBYTECODE"
            f" {exports} {command}"
        )
        self.began = time.perf_counter()
        geometry = ["-x", str(size[0]), "-y", str(size[1])]
        new = ["new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", self.name, *geometry]
        self.pid = int(tmux(*new, "sh", "-c", script))
        self.peak_mib = 0.0

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name, check=False)

    def wait_for(self, found: Callable[[str], bool], timeout: float = 60.0) -> float:
        """Seconds since launch when ``found(screen)`` first holds."""
        deadline = time.perf_counter() + timeout
        while True:
            screen = self.screen()
            now = time.perf_counter()
            self.sample_memory()
            if found(screen):
                return now - self.began
            if now > deadline:
                raise TimeoutError(f"never seen on screen:\n{screen}")
            time.sleep(POLL)

    def styled_screen(self) -> str:
        """The screen with its colours: a highlight that moves changes it too."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.name, check=False)

    def settle(
        self, quiet: float = 0.05, limit: float = 2.0, capture: Callable[[], str] | None = None
    ) -> str:
        """The screen once it has stopped changing for ``quiet`` seconds (``limit`` at most).

        One key can be drawn in several frames (the text, then the status line): a key
        sent before the last of them lands would take that frame for its own answer, and
        the next key could then undo it before anything was seen to change.
        """
        capture = capture or self.screen
        screen = capture()
        still_since = time.perf_counter()
        deadline = still_since + limit
        while time.perf_counter() < deadline:
            time.sleep(POLL)
            now_screen = capture()
            if now_screen != screen:
                screen, still_since = now_screen, time.perf_counter()
            elif time.perf_counter() - still_since >= quiet:
                break
        return screen

    def key_latency(
        self,
        key: str,
        timeout: float = 60.0,
        styled: bool = False,
        answered: Callable[[str, str], bool] | None = None,
    ) -> float:
        """Seconds from sending ``key`` to the screen changing (``styled``: its text or
        its colours, for a key that only moves a highlight; ``answered(before, screen)``,
        when given: a change the key itself makes, not the app's own)."""
        capture = self.styled_screen if styled else self.screen
        before = self.settle(capture=capture)
        sent = time.perf_counter()
        self.tmux("send-keys", "-t", self.name, key)
        deadline = sent + timeout
        while True:
            screen = capture()
            now = time.perf_counter()
            if answered(before, screen) if answered else screen != before:
                return now - sent
            if now > deadline:
                return timeout  # never answered: counted as the whole wait
            time.sleep(POLL)

    def send(self, *keys: str) -> float:
        self.tmux("send-keys", "-t", self.name, *keys)
        return time.perf_counter()

    def sample_memory(self) -> float:
        total = sum(_rss_kib(pid) for pid in _tree(self.pid)) / 1024
        self.peak_mib = max(self.peak_mib, total)
        return total

    def close(self) -> None:
        end(self.pid)
        self.tmux("kill-session", "-t", self.name, check=False)


def status_changed(before: str, screen: str) -> bool:
    """The status line (the last but one) says something new: a j or k has landed."""
    lines = screen.splitlines()
    old = before.splitlines()
    return len(lines) >= 2 and len(old) >= 2 and lines[-2] != old[-2]


# The sentence named, with its paragraph's number but not the paragraph total.
_SENTENCE = re.compile(r"^\s*(Sentence \d+/\d+(?: of paragraph \d+)?|No sentence \w+ this one)")


def sentence_changed(before: str, screen: str) -> bool:
    """A j or k has landed: the status line names another sentence (or says there is
    none). The app's own changes to that line do not count: a long story's whole text
    replacing its opening says "paragraph 1/254974" where the opening said "paragraph 1",
    and a key sent just then was taken as answered, the next one timed against a screen
    its answer had not reached yet (20 s, "never answered")."""
    lines, old = screen.splitlines(), before.splitlines()
    if len(lines) < 2 or len(old) < 2:
        return False
    now, was = _SENTENCE.match(lines[-2]), _SENTENCE.match(old[-2])
    if now is None:
        return False
    return was is None or now.group(1) != was.group(1)


def _tree(root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                children = Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                todo += [int(child) for child in children]
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def whole_process(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds a whole command takes, start-up included."""
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - began
