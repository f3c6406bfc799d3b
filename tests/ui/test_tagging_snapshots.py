"""SVG snapshots at 120x36: the tag dialog while typing, and the annotations panel."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

import reader.analysis
from tests.ui.test_tagging_data import (
    DROUGHT_QUOTE,
    FIRST_SENTENCE,
    SIZE,
    fixed_analysis,
    seed,
    settle,
    type_text,
)


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


@pytest.fixture(autouse=True)
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The reader's header shows a story's path from the current folder: keep it fixed."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def tagged_story(library_dir, locations):
    story = library_dir / "drought.txt"
    seed(locations.db, story, FIRST_SENTENCE, ["water", "rationing"], note="compare with 2019")
    seed(locations.db, story, DROUGHT_QUOTE, ["quotes"])
    return story


def test_tag_dialog(snap_compare, make_app, library_dir, locations) -> None:
    story = library_dir / "drought.txt"
    seed(locations.db, story, FIRST_SENTENCE, ["water", "rationing"])

    async def typing(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n", "t")
        await type_text(pilot, "water, ra")
        await pilot.press("ctrl+r")
        await pilot.pause()

    assert snap_compare(make_app(story), terminal_size=SIZE, run_before=typing)


def test_annotations_panel(snap_compare, make_app, tagged_story) -> None:
    async def panel_open(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("a", "m")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(tagged_story), terminal_size=SIZE, run_before=panel_open)


def test_tags_view(snap_compare, make_app, library_dir, locations) -> None:
    seed(locations.db, library_dir / "drought.txt", FIRST_SENTENCE, ["water"], note="2019?")
    seed(locations.db, library_dir / "drought.txt", DROUGHT_QUOTE, ["quotes", "water"])
    seed(locations.db, library_dir / "harbour-vote.txt", "The harbour council", ["ferries"])

    async def tags_open(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(library_dir), terminal_size=SIZE, run_before=tags_open)


def test_annotations_panel_with_a_reworded_passage(
    snap_compare, make_app, library_dir, locations
) -> None:
    from tests.ui.test_annotations_panel import reword_first_sentence

    story = library_dir / "drought.txt"
    seed(locations.db, story, FIRST_SENTENCE, ["water", "rationing"])
    reword_first_sentence(story)

    async def panel_open(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("m")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(story), terminal_size=SIZE, run_before=panel_open)
