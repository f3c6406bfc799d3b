"""A long story's highlights arrive block by block while it is read: a block drawn only
where its text is on screen."""

from __future__ import annotations

import pytest

from reader.model import Analysis, Entity
from reader.ui.story_marks import LayerParts
from reader.ui.widgets import article_view
from reader.ui.widgets.article_text import ArticleText
from tests.ui.test_article_view_data import ViewApp, huge_article

PARAGRAPHS = 3_000


def ann_lees(text: str, start: int, end: int) -> Analysis:
    """Every "Ann Lee" of ``text[start:end]`` as a person."""
    names, at = [], text.find("Ann Lee", start)
    while 0 <= at < end:
        names.append(Entity(at, at + 7, "Ann Lee", "PER"))
        at = text.find("Ann Lee", at + 1)
    return Analysis(entities=names)


def name_style(text: ArticleText, offset: int) -> tuple[object, object] | None:
    """The colour and weight of "Ann Lee" on the row holding ``offset`` (on screen), or
    None when the name is not drawn apart from the text around it."""
    row = text.row_of(offset)
    assert row is not None
    segments = text.render_line(row - int(text.scroll_offset.y))
    styles = [segment.style for segment in segments if segment.text == "Ann Lee"]
    return (styles[0].color, styles[0].bold) if styles and styles[0] else None


async def test_a_block_landing_far_below_the_screen_redraws_no_row_and_shows_when_reached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A key pressed as a block far below landed waited for a redraw of the whole pane.
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()  # wrapped whole
        await pilot.pause()
        view, text, story = app.view, app.view.text_widget, app.article.text
        half = story.index("Paragraph 1500 opens")
        top, bottom = ann_lees(story, 0, half), ann_lees(story, half, len(story))
        parts = LayerParts()
        view.set_analysis(top, complete=False, layers=parts.add(0, top))
        await pilot.pause()
        first_name = top.entities[0].start
        highlighted = name_style(text, first_name)
        assert highlighted is not None
        # Scrolled to the end (the scroll bar, the mouse wheel) and back: the rows there
        # are drawn, and kept, without highlights.
        text.scroll_to(y=text.max_scroll_y, animate=False, immediate=True)
        await pilot.pause()
        assert name_style(text, bottom.entities[-1].start) is None
        text.scroll_to(y=0, animate=False, immediate=True)
        await pilot.pause()
        drawn: list[int] = []
        real = ArticleText._render_row

        def counted(widget: ArticleText, row: int):
            drawn.append(row)
            return real(widget, row)

        monkeypatch.setattr(ArticleText, "_render_row", counted)
        both = Analysis(entities=[*top.entities, *bottom.entities])
        view.set_analysis(both, complete=True, layers=parts.add(half, bottom))
        await pilot.pause()
        assert drawn == [], "no row on screen shows the new block's text"
        text.scroll_to(y=text.max_scroll_y, animate=False, immediate=True)
        await pilot.pause()
        last_name = bottom.entities[-1].start
        assert name_style(text, last_name) == highlighted


async def test_a_block_landing_on_the_screen_is_drawn_at_once() -> None:
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view, text, story = app.view, app.view.text_widget, app.article.text
        half = story.index("Paragraph 1500 opens")
        top, bottom = ann_lees(story, 0, half), ann_lees(story, half, len(story))
        parts = LayerParts()
        view.set_analysis(bottom, complete=False, layers=parts.add(half, bottom))
        await pilot.pause()
        assert name_style(text, top.entities[0].start) is None
        view.set_analysis(top, complete=True, layers=parts.add(0, top))
        await pilot.pause()
        assert name_style(text, top.entities[0].start) is not None


async def test_a_block_landing_hands_the_one_before_over_to_be_freed_off_the_ui_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The story-long lists of the block before (its quotes, names and their layers)
    # cost the UI thread ~345 ms to free over a 49 MB story's analysis.
    handed: list[tuple[object, ...]] = []
    monkeypatch.setattr(article_view, "let_go", lambda *objects: handed.append(objects))
    app = ViewApp(huge_article(300))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view, story = app.view, app.article.text
        half = story.index("Paragraph 150 opens")
        top, bottom = ann_lees(story, 0, half), ann_lees(story, half, len(story))
        parts = LayerParts()
        first_layers = parts.add(0, top)
        view.set_analysis(top, complete=False, layers=first_layers)
        handed.clear()
        view.set_analysis(bottom, complete=True, layers=parts.add(half, bottom))
        await pilot.pause()
        assert len(handed) == 1
        analysis, *layers = handed[0]
        assert analysis is top and tuple(layers) == first_layers
