"""SIGTERM, SIGINT and a closed terminal (SIGHUP) end the app cleanly, every annotation kept."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from reader.model import Annotation, Article
from reader.sources import load_all
from reader.store import AnnotationStore, make_selector
from tests.e2e.tmux import NEWSREADER, TmuxSession

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"
STORY_BODY = "Deputy Foreign Minister Sergei Ryabkov"
ANNOTATIONS = 40


def _annotations_on(article: Article, count: int) -> list[Annotation]:
    words = [i for i, char in enumerate(article.text) if char == " "]
    annotations = []
    for n in range(count):
        start = words[n * 3] + 1
        end = words[n * 3 + 2]
        annotations.append(
            Annotation(
                id=str(uuid.uuid4()),
                article_id=article.id,
                source=article.path or str(STORY),
                title=article.title,
                created="2026-11-28T19:00:00+00:00",
                updated="2026-11-28T19:00:00+00:00",
                selector=make_selector(article.text, start, end),
                tags=["claim", f"check-{n % 4}"],
                note=f"note {n}",
            )
        )
    return annotations


@pytest.fixture
def annotated_db(tmp_path: Path) -> tuple[Path, set[str]]:
    articles, errors = load_all([STORY], cache_dir=tmp_path / "cache")
    assert not errors
    db = tmp_path / "annotations.json"
    annotations = _annotations_on(next(iter(articles)), ANNOTATIONS)
    with AnnotationStore(db) as store:
        store.add_many(annotations)
    return db, {annotation.id for annotation in annotations}


def _app_pid(session: TmuxSession) -> int:
    """The newsreader process: the child of the shell tmux started in the pane."""
    pane = session.tmux("list-panes", "-t", session.name, "-F", "#{pane_pid}").split()[0]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        children = subprocess.run(
            ["pgrep", "-P", pane], capture_output=True, text=True, check=False
        ).stdout.split()
        for child in children:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"newsreader" in command:
                return int(child)
        time.sleep(0.1)
    raise AssertionError("no newsreader process under the tmux pane")


def _start(tmp_path: Path, db: Path) -> TmuxSession:
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(db),
    }
    session = TmuxSession([NEWSREADER, str(STORY)], cwd=tmp_path, env=env)
    session.wait_for(STORY_BODY)
    time.sleep(0.5)  # the store opens just after the first frame
    return session


def _gone(pid: int, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if _process_state(pid).startswith(("gone", "State:\tZ")):
            return True  # exited; a zombie waits for a parent that may never reap it
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def _stored_ids(db: Path) -> set[str]:
    with AnnotationStore(db) as store:
        return {annotation.id for annotation in store.all()}


@pytest.mark.parametrize(
    "signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["SIGTERM", "SIGHUP", "SIGINT"]
)
def test_signal_ends_the_app_cleanly(
    tmp_path: Path, annotated_db: tuple[Path, set[str]], signum: signal.Signals
) -> None:
    db, ids = annotated_db
    session = _start(tmp_path, db)
    try:
        pid = _app_pid(session)
        os.kill(pid, signum)
        status = session.exit_status()
        screen = session.screen()
        assert "Traceback" not in screen, screen
        assert status == 0, (status, screen)
        # The app left the alternate screen: the shell's own (empty) screen shows again.
        assert STORY_BODY not in screen, screen
    finally:
        session.close()
    assert _stored_ids(db) == ids


def test_closed_terminal_keeps_every_annotation(
    tmp_path: Path, annotated_db: tuple[Path, set[str]]
) -> None:
    db, ids = annotated_db
    session = _start(tmp_path, db)
    pid = _app_pid(session)
    session.close()  # tmux kill-server: the terminal goes away under the app
    try:
        gone = _gone(pid, timeout=30)
        state = "" if gone else _process_state(pid)
        assert gone, f"newsreader kept running after its terminal closed: {state}"
    finally:
        if not _gone(pid, timeout=0):
            os.kill(pid, signal.SIGKILL)  # the test's own process: never leave it behind
    assert _stored_ids(db) == ids


def _process_state(pid: int) -> str:
    """State and wait channel of a process that would not end, for the failure message."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        wchan = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return "gone"
    state = next((line for line in status.splitlines() if line.startswith("State:")), "")
    return f"{state}, waiting in {wchan or '?'}"
