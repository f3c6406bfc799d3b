"""Pilot tests of the people view (I): everyone quoted, their quotes, open one, copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.store import AnnotationStore
from reader.ui.commands import palette_commands
from reader.ui.screens.people_screen import PeopleScreen
from reader.ui.screens.tag_dialog import TagDialog
from tests.services.stories import write_stories
from tests.ui.test_tagging_data import SIZE, drawn_marks, notes, settle, type_text


@pytest.fixture
def people_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "people"
    folder.mkdir()
    write_stories(folder)
    return folder


async def open_people(pilot: Pilot) -> PeopleScreen:
    await settle(pilot)
    await pilot.press("I")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    assert screen.loaded
    return screen


def option_texts(option_list) -> list[str]:
    return [str(option.prompt) for option in option_list.options]


async def test_people_across_stories_and_a_quote_opens_in_its_story(make_app, people_dir):
    app = make_app(people_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        names = [p.name for p in screen.people]
        assert names[0] == "Priya Nandakumar"  # most quoted first
        assert names.count("Ravi Nandakumar") == 1
        assert "Ford Motor Company" in names and "Samuel Ford" in names
        first = option_texts(screen.people_list)[0]
        assert "4 quotes · 3 stories" in first and "Mayor" in first
        assert screen.quote_list.border_subtitle == "4 quotes · 3 stories"
        await pilot.press("enter")
        assert screen.quote_list.has_focus
        quotes = option_texts(screen.quote_list)
        assert any("River defences to be raised" in text for text in quotes)
        river = "River defences to be raised"
        index = next(n for n, r in enumerate(screen.quotes) if r.article.title == river)
        record = screen.quotes[index]
        screen.quote_list.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
        assert app.library.current.title == "River defences to be raised"
        view = app.main.article_view
        assert view.has_focus_within
        assert view.focused_quote is not None
        assert view.focused_quote.start == record.quote.start


async def test_t_tags_the_highlighted_quote_and_its_story_shows_the_tag(
    make_app, people_dir, locations
):
    app = make_app(people_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await pilot.press("t")  # no quote highlighted yet: nothing to tag
        assert isinstance(app.screen, PeopleScreen)
        assert notes(app)[-1] == "Highlight a quote first: enter lists the person's quotes."
        await pilot.press("enter")  # the most quoted person's quotes
        river = "River defences to be raised"
        index = next(n for n, r in enumerate(screen.quotes) if r.article.title == river)
        record = screen.quotes[index]
        screen.quote_list.highlighted = index
        await pilot.press("t")
        assert isinstance(app.screen, TagDialog)
        await type_text(pilot, "flood")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen  # back in the people view, at the same quote
        assert screen.current_quote == record
        assert notes(app)[-1] == "Tagged: #flood"
        await pilot.press("enter")  # open the quote in its story
        await settle(pilot)
        assert app.library.current.title == river
        [saved] = app.annotations.story_annotations
        quote = record.quote
        assert (saved.tags, saved.selector.start, saved.selector.end) == (
            ["flood"],
            quote.start,
            quote.end,
        )
        assert saved.speaker == quote.speaker  # attributed as a tag in the reader would be
        assert [(start, end) for start, end, _colour in drawn_marks(app)] == [
            (quote.start, quote.end)
        ]
    with AnnotationStore(locations.db) as store:
        assert [a.tags for a in store.all()] == [["flood"]]


async def test_filter_as_you_type_sort_and_back(make_app, people_dir):
    app = make_app(people_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await pilot.press("slash", "f", "o", "r", "d")
        assert [p.name for p in screen.people] == ["Samuel Ford", "Ford Motor Company"]
        await pilot.press("escape")  # clears the filter first
        assert len(screen.people) > 2 and isinstance(app.screen, PeopleScreen)
        await pilot.press("slash", *"libraries", "space", *"close")  # words said, not a name
        assert [p.name for p in screen.people] == ["Priya Nandakumar"]
        assert [r.article.title for r in screen.quotes] == ["Council approves budget"]
        assert screen.quote_list.border_subtitle == "1 of 4 quotes · 3 stories"
        await pilot.press("escape")
        assert len(screen.people) > 2 and isinstance(app.screen, PeopleScreen)
        await pilot.press("s")
        assert screen.order == "name"
        names = [p.name.casefold() for p in screen.people]
        assert names == sorted(names)
        await pilot.press("s")
        assert screen.order == "date"
        # The corner shop story (the latest) quotes a Nandakumar no one else can be sure of.
        assert (screen.people[0].name, screen.people[0].last) == ("Nandakumar", "2026-03-23")
        await pilot.press("escape")
        assert app.screen is app.main


async def test_opened_again_on_the_same_library_the_list_is_there_at_once(make_app, people_dir):
    app = make_app(people_dir)
    async with app.run_test(size=SIZE) as pilot:
        first = [p.name for p in (await open_people(pilot)).people]
        await pilot.press("escape", "I")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen) and screen.loaded
        assert [p.name for p in screen.people] == first


async def test_y_copies_the_persons_quotes_with_citations(make_app, people_dir):
    app = make_app(people_dir)
    copied: list[str] = []
    app.copier.copy_function = copied.append
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await pilot.press("slash", *"samuel", "enter")
        assert [p.name for p in screen.people] == ["Samuel Ford"]
        await pilot.press("y")
        await settle(pilot)
        assert len(copied) == 1
        text = copied[0]
        assert "We have the money for the walls" in text and "The river is lower now" in text
        assert "Samuel Ford" in text
        assert "River defences to be raised" in text and "Market day returns" in text
        await pilot.press("tab", "y")  # in the quotes list: the highlighted quote only
        await settle(pilot)
        assert len(copied) == 2 and "The river is lower now" not in copied[1]


async def test_the_people_view_is_in_the_palette(make_app, people_dir):
    app = make_app(people_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title: command for command in palette_commands(app.screen)}
        assert "People view" in titles
        await titles["People view"].run()
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)


def test_people_view_snapshot(snap_compare, make_app, people_dir, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)

    async def people_open(pilot: Pilot) -> None:
        await open_people(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(people_dir), terminal_size=SIZE, run_before=people_open)


async def test_a_person_quoted_more_than_a_screenful_has_every_quote_reachable(make_app, tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    lines = [f'"Point number {n} stands," said Priya Nandakumar.' for n in range(1, 61)]
    (folder / "long-hearing.txt").write_text(
        "Long hearing\nBy Lena Ortiz\n2026-04-01\n\n" + "\n\n".join(lines) + "\n",
        encoding="utf-8",
    )
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert len(screen.people[0].quotes) == 60
        await pilot.press("enter")
        await pilot.press(*["j"] * 59)
        await pilot.pause()
        assert screen.current_quote is not None
        assert "Point number 60 stands" in screen.current_quote.quote.text
        assert screen.quote_list.option_count == 60
