"""The library filter searches the stories' text and speakers, and says why a story matched."""

from __future__ import annotations

import pytest

import reader.analysis
from reader.cache.analysis_cache import FOLDER, AnalysisCache
from reader.sources import load
from reader.ui.widgets.library import StoryList
from tests.ui.conftest import STORIES
from tests.ui.test_tagging_data import fixed_analysis, settle

SIZE = (120, 30)


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def on_screen(app) -> str:
    story_list = app.main.query_one(StoryList)
    return "\n".join(story_list.render_line(y).text for y in range(story_list.size.height))


async def test_words_of_a_storys_text_find_it_and_its_row_shows_them(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.main.library
        library.focus_list()
        current = app.library.current
        assert current is not None and current.title.startswith("Harbour Pilots")
        await pilot.press("slash", *"hear islands")
        await settle(pilot)
        assert [a.title for a in library.shown] == ["Harbour Council Delays Vote on Ferry Fares"]
        assert library.border_subtitle == "1 of 4 · 4 unread"
        screen = on_screen(app)
        assert "Harbour Council Delays Vote" in screen
        assert "to hear from the islands" in screen  # the snippet: why it matched
        await pilot.press("enter")  # back to the list
        await pilot.pause()
        await pilot.press("enter")  # open it
        await settle(pilot)
        assert app.library.current.title.startswith("Harbour Council")


async def test_a_title_match_keeps_the_two_line_row(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.library.focus_list()
        await pilot.press("slash", *"museum")
        await settle(pilot)
        rows = app.main.library.rows
        assert len(rows) == 1 and rows.row(0).found is None
        assert len(rows.lines(0, 40)) == 2  # title, then date and source


async def test_a_speaker_analysed_before_is_found_and_named(make_app, library_dir, locations):
    # The drought story was analysed in an earlier session: its analysis is in the cache.
    text = load(library_dir / "drought.txt").text
    AnalysisCache(locations.cache / FOLDER).put(text, fixed_analysis(text))
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.library.focus_list()
        await pilot.press("slash", *"brandt")
        await settle(pilot)
        rows = app.main.library.rows
        assert [rows.article(n).title for n in range(len(rows))] == [
            "Drought Forces Rationing in Valley Towns"
        ]
        assert "quoted: Lena Brandt" in on_screen(app)


async def test_the_filter_box_says_what_it_searches(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.library.focus_list()
        await pilot.press("slash")
        await pilot.pause()
        assert "text or speaker" in app.main.query_one("#library-filter").placeholder


def test_the_fixture_stories_hold_the_words_the_tests_search() -> None:
    story = STORIES["harbour-vote.txt"]
    assert "hear from the islands" in story and "islands" not in story.splitlines()[0]
