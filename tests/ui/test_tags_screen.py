"""Pilot tests of the tags view (#): every tag of the library, its passages, open one."""

from __future__ import annotations

import pytest

import reader.analysis
from reader.ui.screens.tags_screen import TagsScreen
from tests.ui.test_tagging_data import (
    DROUGHT_QUOTE,
    FIRST_SENTENCE,
    SIZE,
    fixed_analysis,
    notes,
    seed,
    settle,
)

PILOTS_QUOTE = '"Nobody can guide a tanker safely after sixteen hours,"'


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def option_texts(option_list) -> list[str]:
    return [str(option.prompt) for option in option_list.options]


async def test_a_tag_lists_its_passages_across_stories_and_opens_one(
    make_app, library_dir, locations
):
    seed(locations.db, library_dir / "drought.txt", FIRST_SENTENCE, ["water"])
    seed(locations.db, library_dir / "drought.txt", DROUGHT_QUOTE, ["quotes"])
    pilots = seed(locations.db, library_dir / "pilots-strike.txt", PILOTS_QUOTE, ["quotes"])
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TagsScreen)
        assert screen.tags == ["quotes", "water"]  # most used first
        assert option_texts(screen.tag_list)[0] == "● quotes  2"
        passages = option_texts(screen.passage_list)
        assert len(passages) == 2
        assert any(text.startswith("Drought Forces Rationing") for text in passages)
        assert any(text.startswith("Harbour Pilots Strike") for text in passages)
        assert screen.passage_list.border_subtitle == "2 passages · 2 stories"
        await pilot.press("j")  # the next tag shows its own passages
        assert screen.current_tag == "water"
        assert [a.selector.exact for a in screen.passages] == [FIRST_SENTENCE]
        await pilot.press("k", "enter")  # back to #quotes, into its passages
        assert screen.passage_list.has_focus
        index = next(n for n, a in enumerate(screen.passages) if a.id == pilots.id)
        screen.passage_list.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
        assert app.library.current.title == "Harbour Pilots Strike Over Night Shifts"
        assert app.main.article_view.has_focus_within
        assert app.main.annotation_at_focus().id == pilots.id


async def test_escape_goes_back_and_an_empty_library_says_how_to_tag(make_app, library_dir):
    app = make_app(library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TagsScreen)
        assert option_texts(screen.tag_list) == ["No tags yet: press t on a passage."]
        await pilot.press("escape")
        assert app.screen is app.main


async def test_a_passage_from_a_story_not_loaded_opens_it_from_where_it_was_tagged(
    make_app, library_dir, locations
):
    museum = seed(locations.db, library_dir / "museum.md", "The national museum", ["arts"])
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.screen is app.main
        assert app.library.current.title == "Museum Returns Bronze Statue to Lagos"
        assert len(app.main.library.articles) == 2
        assert app.main.annotation_at_focus().id == museum.id


async def test_a_story_that_is_gone_says_where_it_was(make_app, library_dir, locations):
    seed(locations.db, library_dir / "museum.md", "The national museum", ["arts"])
    (library_dir / "museum.md").unlink()
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.library.current.title.startswith("Drought")
        [said] = [note for note in notes(app) if "could not be opened" in note]
        assert str((library_dir / "museum.md").resolve()) in said


async def test_slash_filters_the_tags_and_escape_clears_the_filter(
    make_app, library_dir, locations
):
    for tag in ("water", "weather", "ferries"):
        seed(locations.db, library_dir / "drought.txt", FIRST_SENTENCE, [tag])
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", "w")
        assert screen.tags == ["water", "weather"]
        await pilot.press("e")
        assert screen.tags == ["weather"]
        assert screen.current_tag == "weather"
        await pilot.press("enter")  # back to the list, the filter stays
        assert screen.tag_list.has_focus and screen.tags == ["weather"]
        await pilot.press("escape")  # clears the filter first...
        assert sorted(screen.tags) == ["ferries", "water", "weather"]
        assert screen.current_tag == "weather"
        await pilot.press("escape")  # ...then goes back to reading
        assert app.screen is app.main
