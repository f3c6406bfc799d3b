"""SVG snapshots of the main screen and the help screen at 120x36 on the bundled samples.

The analysis is replaced by an empty one here: these pictures are about the shell
(panes, library, status bar, footer, help), and the highlights have snapshots of their
own in the article view's tests. Without that, every improvement to the name finder
would redraw these pictures. A change to the article view's plain drawing still shows up
here: look at the diff, then run with `--snapshot-update`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot

import reader.analysis
from reader.locations import Locations
from reader.model import Analysis

SIZE = (120, 36)


@pytest.fixture
def locations(locations: Locations) -> Locations:
    """The help screen names the keymap file: a fixed path keeps the picture the same."""
    return replace(locations, config=Path("/nonexistent/newsreader-config"))


@pytest.fixture(autouse=True)
def plain_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", lambda text, **options: Analysis())


@pytest.fixture(autouse=True)
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The reader's header shows a story's path from the current folder: keep it fixed."""
    monkeypatch.chdir(tmp_path)


async def loaded(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def help_open(pilot: Pilot) -> None:
    await loaded(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_screen(snap_compare, make_app, samples_copy) -> None:
    assert snap_compare(make_app(samples_copy), terminal_size=SIZE, run_before=loaded)


def test_help_screen(snap_compare, make_app, samples_copy) -> None:
    assert snap_compare(make_app(samples_copy), terminal_size=SIZE, run_before=help_open)


async def reading_narrow(pilot: Pilot) -> None:
    await loaded(pilot)
    await pilot.press("enter")  # open the highlighted story: the reader takes the screen
    await pilot.pause()


@pytest.mark.parametrize("size", [(40, 12), (80, 24)], ids=["40x12", "80x24"])
def test_narrow_screen_shows_the_reader_alone(snap_compare, make_app, samples_copy, size) -> None:
    assert snap_compare(make_app(samples_copy), terminal_size=size, run_before=reading_narrow)
