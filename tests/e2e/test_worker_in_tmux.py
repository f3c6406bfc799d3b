"""End to end: a long story's analysis process, in a real terminal, ends with the app."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import NEWSREADER, TmuxSession

PARAGRAPH = (
    "Paragraph {n} opens here. The council met on Tuesday to review the figures, and "
    'members spoke about the schools. "We will publish everything," said Ann Lee, the '
    "chair.\n\n"
)


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        found += map(int, Path(f"/proc/{pid}/task/{task}/children").read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def long_story(tmp_path: Path) -> Path:
    story = tmp_path / "long.txt"
    # Over the app's in-thread limit, so its analysis goes to the worker process.
    story.write_text(
        "A Long Story\n\n" + "".join(PARAGRAPH.format(n=n) for n in range(600)), "utf-8"
    )
    return story


@pytest.mark.parametrize("ending", ["q", "terminal closed"])
def test_the_analysis_process_ends_with_the_app(tmp_path: Path, long_story: Path, ending):
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    session = TmuxSession([NEWSREADER, str(long_story)], cwd=tmp_path, env=env)
    try:
        session.wait_for("Paragraph 0 opens")
        session.send("n")  # held until the worker's analysis lands, then acts
        session.wait_for("Quote 1/600 · Ann Lee", timeout=60)
        [app] = [
            pid for pid in os.listdir("/proc") if pid.isdigit() and _is_app(int(pid), long_story)
        ]
        workers = _children(int(app))
        assert workers, "the long story was not analysed in a worker process"
        if ending == "q":
            session.send("q")
        else:
            session.close()
        if not _wait(lambda: not _alive(int(app)), 10):
            # An app stuck on a lost terminal is issue #15's own bug: end it the hard way,
            # which is also the worst case for the worker (no clean exit path at all).
            os.kill(int(app), 9)
        assert _wait(lambda: not any(_alive(pid) for pid in workers), 5)
    finally:
        session.close()


def _is_app(pid: int, story: Path) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(part.endswith(b"newsreader") for part in command) and str(story).encode() in command
