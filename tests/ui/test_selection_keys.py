"""Selecting a phrase inside a sentence, by keys and by dragging, as y copies and t tags it."""

from __future__ import annotations

import threading

import reader.analysis
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_view import ArticleText
from reader.ui.widgets.status_bar import StatusBar
from tests.ui.test_copying import (  # noqa: F401 - autouse fixtures, by name
    known_analysis,
    recording_clipboard,
    terminal_without_osc52_knowledge,
)
from tests.ui.test_tagging_data import FIRST_SENTENCE, SIZE, fill, fixed_analysis, settle

TITLE = "Drought Forces Rationing in Valley Towns"


def selected(app) -> str:
    view = app.main.article_view
    span = view.selection_span
    assert span is not None, "nothing selected"
    return view.article.text[span.start : span.end]


async def test_keys_select_a_phrase_in_the_middle_of_a_sentence_and_y_copies_it(
    make_app, library_dir
):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "v")
        assert selected(app) == FIRST_SENTENCE
        # o: w and W now move the start; three words on, then back to the end.
        await pilot.press("o", "w", "w", "w")
        assert selected(app) == "the upper valley will ration tap water from Friday."
        assert app.main.query_one(StatusBar).message.endswith("w/W move its start")
        await pilot.press("o")
        await pilot.press(*["W"] * 6)
        assert selected(app) == "the upper valley"
        assert app.main.query_one(StatusBar).message == "Selection · 3 words · 16 characters"
        await pilot.press("y")
        await settle(pilot)
    [text] = copied
    assert text.startswith("“the upper valley” (")
    assert TITLE in text and "Peter Holm" in text
    assert "Three towns" not in text and "Friday" not in text


def cell_of(app, needle: str, after: int = 0) -> tuple[int, int]:
    """The cell of ``needle``'s first character (+ ``after``) in the reader's text pane."""
    text = app.main.article_view.text_widget
    offset = app.main.article_view.article.text.index(needle) + after
    row = text.row_of(offset)
    assert row is not None
    column = 3 + offset - text.index.span(row - len(text.header))[0]  # 3: the gutter
    return column, row - int(text.scroll_offset.y)


async def test_a_mouse_drag_is_the_selection_that_y_copies_and_keys_go_on_from(
    make_app, library_dir
):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.mouse_down(ArticleText, offset=cell_of(app, "upper"))
        await pilot.hover(ArticleText, offset=cell_of(app, "valley", 3))
        await pilot.mouse_up(ArticleText, offset=cell_of(app, "valley", 5))
        await pilot.pause()
        assert selected(app) == "upper valley"
        await pilot.press("y")
        await settle(pilot)
        # The drag goes on with keys: its start a word back, its end a word on.
        await pilot.press("o", "W", "o", "w")
        assert selected(app) == "the upper valley will"
        await pilot.press("y")
        await settle(pilot)
    assert copied[0].startswith("“upper valley” (")
    assert copied[1].startswith("“the upper valley will” (")


async def test_t_tags_what_the_mouse_selected(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.mouse_down(ArticleText, offset=cell_of(app, "tap"))
        await pilot.mouse_up(ArticleText, offset=cell_of(app, "water", 4))
        await pilot.pause()
        assert selected(app) == "tap water"
        await pilot.press("t")
        await fill(pilot, "supply")
        await pilot.press("enter")
        await settle(pilot)
        [annotation] = app.annotations.story_annotations
        assert annotation.selector.exact == "tap water"
        assert annotation.tags == ["supply"]
        assert app.main.article_view.selection_span is None  # tagged, the selection goes


async def test_o_opens_the_browser_when_nothing_is_selected(make_app, library_dir, monkeypatch):
    app = make_app(library_dir / "drought.txt")
    opened: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(
            type(app.main), "action_open_in_browser", lambda self: opened.append("o")
        )
        await pilot.press("j", "o")
        assert opened == ["o"]
        await pilot.press("v", "o")
        assert opened == ["o"]  # with a selection, o switches its moving end
        assert app.main.article_view.cursor.moves_start


async def test_help_lists_the_selection_keys_and_a_keymap_rebinds_them(
    make_app, library_dir, locations
):
    locations.config.mkdir(parents=True, exist_ok=True)
    (locations.config / "keymap.toml").write_text(
        '"article.other_end" = "ctrl+o"\n"article.shrink_word" = "B"\n', encoding="utf-8"
    )
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        reader = app.screen.sections[0]
        assert reader.title == "Reader" and reader.focused
        keys = {entry.description: entry.keys for entry in reader.entries}
        assert keys["Other end"] == ["^o"]  # as the help shows ctrl keys
        assert keys["Selection word back"] == ["B"]
        assert keys["Selection word on"] == ["w"]
        await pilot.press("escape")
        await pilot.press("v", "ctrl+o", "w", "w", "ctrl+o", "B")
        assert selected(app) == "in the upper valley will ration tap water from"


async def test_selection_keys_pressed_before_the_analysis_act_in_order_once_it_lands(
    make_app, library_dir, monkeypatch
):
    release = threading.Event()

    def analyze_later(text: str, **options: object):
        release.wait(timeout=30)
        return fixed_analysis(text)

    monkeypatch.setattr(reader.analysis, "analyze", analyze_later)
    app = make_app(library_dir / "drought.txt")
    opened: list[str] = []
    monkeypatch.setattr(type(app.main), "action_open_in_browser", lambda self: opened.append("o"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            # n waits for the quotes; v, o and w wait behind it, in order.
            await pilot.press("n", "v", "o", "w")
            assert app.main.article_view.selection_span is None
            release.set()
            await settle(pilot)
            assert selected(app) == 'litre counts this summer,"'
            assert opened == []  # o found the selection v made, not the browser
    finally:
        release.set()
