"""The people panel (i) in the whole app: the main screen shows it beside the story, fills it
from the story's analysis, and hides it again (i, escape); enter jumps to a person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

import reader.analysis
from reader.model import Analysis, Article
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.people_panel import PeoplePanel
from tests.ui.test_article_view_data import SAMPLE, sample_analysis
from tests.ui.test_tagging_data import settle, until

SIZE = (120, 36)


def sample_or_nothing(text: str, **_options: object) -> Analysis:
    """The hand-made analysis of the user's sample; nothing for other stories."""
    body = text.find("Russia on Tuesday")
    if body == -1:
        return Analysis()
    return sample_analysis(Article(id="sample", text=text, title="", body_start=body))


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", sample_or_nothing)


@pytest.fixture(autouse=True)
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The reader's header shows a story's path from the current folder: keep it fixed."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def sample_story(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    return Path(shutil.copy(SAMPLE, folder / SAMPLE.name))


def panel(app: NewsReaderApp) -> PeoplePanel:
    return app.main.people_panel  # mounted on its first `i`


def names(people: PeoplePanel) -> list[str]:
    return people.names


def focused_text(app: NewsReaderApp) -> str:
    span = app.main.article_view.focus_span
    assert span is not None, "nothing is focused"
    article = app.library.current
    assert article is not None
    return article.text[span.start : span.end]


async def test_i_lists_people_by_quotes_and_enter_jumps_to_the_first_quote(make_app, sample_story):
    app = make_app(sample_story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = panel(app)
        assert not people.display
        await pilot.press("i")
        assert people.display and people.has_focus
        assert names(people)[:2] == ["Sergei Ryabkov", "Dmitry Peskov"]
        await pilot.press("down", "enter")
        view = app.main.article_view
        assert view.text_widget.has_focus
        assert focused_text(app).startswith('"is a very')
        assert app.main.status_bar.message.startswith("Quote 6/7 · Dmitry Peskov")
        await pilot.press("i")
        assert not people.display


async def test_i_in_the_panel_and_escape_hide_it_and_give_the_text_the_keys(make_app, sample_story):
    app = make_app(sample_story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = panel(app)
        text = app.main.article_view.text_widget
        await pilot.press("i")
        assert people.has_focus
        await pilot.press("i")  # the key that opened it closes it, from the list too
        assert not people.display and text.has_focus
        await pilot.press("i", "escape")
        assert not people.display and text.has_focus


async def test_escape_in_the_text_clears_the_selection_before_it_hides_the_panel(
    make_app, sample_story
):
    app = make_app(sample_story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = panel(app)
        view = app.main.article_view
        await pilot.press("i", "enter")  # to the first quote of the most quoted: the text
        assert people.display and view.text_widget.has_focus
        await pilot.press("v")
        assert view.selection_span is not None
        await pilot.press("escape")
        assert view.selection_span is None and people.display
        await pilot.press("escape")
        assert not people.display and view.text_widget.has_focus
        await pilot.press("escape")  # nothing left to close: the story stays as it is
        assert not people.display and app.main.article_view.display
        await pilot.press("i", "tab", "escape")  # in the library, escape is the library's
        assert people.display and app.main.library.has_focus_within


async def test_the_panel_lists_the_people_of_the_story_now_open(make_app, sample_story):
    other = sample_story.parent / "short.txt"
    other.write_text("A Short Story\n\nNobody is quoted here.\n", encoding="utf-8")
    app = make_app(sample_story.parent)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.library
        sample = next(a for a in library.articles if a.path == str(sample_story))
        short = next(a for a in library.articles if a.path == str(other))
        app.open_article(sample, focus=True)
        await settle(pilot)
        await pilot.press("i")
        people = panel(app)
        assert names(people)[:2] == ["Sergei Ryabkov", "Dmitry Peskov"]
        app.open_article(short, focus=False)
        await settle(pilot)
        assert names(people) == []
        assert people.render_line(0).text.strip() == "No people found yet."


async def test_the_palette_shows_the_panel_as_the_key_does(make_app, sample_story):
    app = make_app(sample_story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"reader people")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.highlighted is not None)
        assert "Reader · People" in str(commands.highlighted_option.prompt)
        await pilot.press("enter")
        await pilot.pause()
        people = panel(app)
        assert people.display and people.has_focus
        assert names(people)[:2] == ["Sergei Ryabkov", "Dmitry Peskov"]


def test_people_panel(snap_compare, make_app, sample_story) -> None:
    async def panel_open(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(make_app(sample_story), terminal_size=SIZE, run_before=panel_open)


async def test_keys_typed_right_after_i_move_the_panels_highlight_not_the_storys_focus(
    make_app, sample_story
):
    app = make_app(sample_story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = panel(app)
        view = app.main.article_view
        before = view.focus_span
        # Typed faster than the app answers: every key is queued before the first is read.
        for key in "ijj":
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert people.has_focus
        assert people.highlighted == 2
        assert view.focus_span == before
        for key in "kG":
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert people.highlighted == len(names(people)) - 1
        assert view.focus_span == before
