"""End to end: the installed `newsreader` command in a real terminal (tmux)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.tmux import NEWSREADER, TmuxSession

REPO = Path(__file__).resolve().parents[2]
SAMPLE_TITLE = "Moscow Hopes U.S."
SAMPLE_BODY = "Deputy Foreign Minister Sergei Ryabkov"


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }


@pytest.fixture
def session_factory(tmp_path: Path, user_env: dict[str, str]):
    sessions: list[TmuxSession] = []

    def start(*args: str) -> TmuxSession:
        session = TmuxSession([NEWSREADER, *args], cwd=tmp_path, env=user_env)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()


def test_samples_open_read_and_quit(session_factory) -> None:
    app = session_factory(str(REPO / "sample_articles"))
    app.wait_for(" stories ")
    app.send("/")
    app.wait_for("filter by title")
    app.send("-l", "Moscow")
    app.wait_for(SAMPLE_TITLE)
    # Enter leaves the filter for the list, and a second one opens the story, however
    # quickly it follows (both reached the filter before its move to the list: lost once).
    app.send("Enter")
    app.send("Enter")
    app.wait_for(SAMPLE_BODY)
    app.send("q")
    assert app.exit_status() == 0


def test_single_story_opens_in_the_reader(session_factory) -> None:
    app = session_factory(str(REPO / "sample_articles" / "moscow-us-strategic-stability.txt"))
    app.wait_for(SAMPLE_BODY)
    app.send("q")
    assert app.exit_status() == 0


def test_a_missing_path_is_named_and_the_others_open(session_factory) -> None:
    story = REPO / "sample_articles" / "moscow-us-strategic-stability.txt"
    app = session_factory(str(story), "gone-story.txt")
    screen = app.wait_for("gone-story.txt: no such file or folder")
    assert "Story skipped" in screen
    app.wait_for(SAMPLE_BODY)  # the story that is there opens
    app.send("q")
    assert app.exit_status() == 0


def test_no_path_opens_the_bundled_samples(session_factory) -> None:
    app = session_factory()
    app.wait_for(" stories ")
    app.send("G")  # oldest story last: the user's sample from 2021
    app.wait_for(SAMPLE_TITLE)
    app.send("q")
    assert app.exit_status() == 0


def test_keys_typed_in_one_burst_act_in_turn_from_the_first_instant(session_factory) -> None:
    """tmux sends each burst in one write, as a fast typist or a paste does: every key
    acts where the key before it left the focus, even before the app is up."""
    app = session_factory(str(REPO / "sample_articles"))
    app.send("/", "w", "a", "t")  # as the command starts, before any frame
    screen = app.wait_for("3 of 8")
    assert "│ wat " in screen  # every letter reached the filter, none the list
    app.send("Escape")
    app.wait_for(" 8 stories ")
    # Into the reader, the first quote, the tag dialog, a tag and enter: one burst.
    app.send("Tab", "n", "t", "c", "l", "a", "i", "m", "Enter")
    app.wait_for("Quote 1/17 · Port Ardwell’s town council · ✎ #claim")
    app.send("q")
    assert app.exit_status() == 0
