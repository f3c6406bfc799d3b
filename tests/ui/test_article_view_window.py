"""A jump far into a huge story shows its text at once, before the text above it is
wrapped: `G` as the story opens, and a resize deep in it (`i` opens the people panel)."""

from __future__ import annotations

import pytest

from tests.ui.test_article_view_data import HeldWrapping, ViewApp, huge_article
from tests.ui.test_article_view_huge import screen_text

PARAGRAPHS = 7_000  # about 3 MB


async def test_g_shows_the_last_paragraph_before_the_story_above_it_is_wrapped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wrapping_held = HeldWrapping(monkeypatch)
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        text = app.view.text_widget
        await pilot.press("G")
        await pilot.pause()
        # The wrapping of the story is held: the end was wrapped on its own.
        assert text.index is not None and text.index.wrapped_paragraphs < PARAGRAPHS // 4
        shown = screen_text(app)
        assert f"Paragraph {PARAGRAPHS - 1} opens here." in shown
        assert "a request from the auditors themselves." in shown
        assert app.status == f"Sentence 5/5 of paragraph {PARAGRAPHS}/{PARAGRAPHS}"
        await pilot.press("k", "k", "pageup")
        assert app.status == f"Sentence 3/5 of paragraph {PARAGRAPHS}/{PARAGRAPHS}"
        await pilot.press("pagedown")
        await pilot.pause()
        before = screen_text(app)
        assert f"Paragraph {PARAGRAPHS - 1} opens here." in before
        wrapping_held.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Wrapped whole: the estimate of the rows above is replaced by the real ones, and
        # the screen has not moved.
        assert text.index.complete and text.index.wrapped_paragraphs == PARAGRAPHS
        assert screen_text(app) == before
        assert text.max_scroll_y == text.scroll_offset.y
        await pilot.press("k")
        assert app.status == f"Sentence 2/5 of paragraph {PARAGRAPHS}/{PARAGRAPHS}"


async def test_a_resize_deep_in_a_huge_story_keeps_the_place_before_it_is_wrapped_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        text = app.view.text_widget
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"Paragraph 5432 ", "enter", "j")
        await pilot.pause()
        focus = app.view.focus_span
        assert focus is not None and "Paragraph 5432 opens here." in screen_text(app)
        wrapping_held = HeldWrapping(monkeypatch)
        await pilot.resize_terminal(66, 30)  # as when the people panel opens beside it
        await pilot.pause()
        assert text.index is not None and text.index.width == 66 - 3 - 1
        assert text.index.wrapped_paragraphs < PARAGRAPHS // 4
        # The focused sentence is on screen still, drawn in the narrower rows.
        row = text.row_of(focus.start)
        y = int(text.scroll_offset.y)
        assert row is not None and y <= row < y + text.size.height
        assert app.article.text[focus.start : focus.start + 30] in screen_text(app).replace(
            "\n", " "
        )
        await pilot.press("j")
        assert app.view.focus_span is not None and app.view.focus_span.start > focus.start
        moved_to = app.view.focus_span
        shown = screen_text(app)
        wrapping_held.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text.index.complete
        assert screen_text(app) == shown
        # Rows and offsets agree everywhere once the story is wrapped whole.
        row = text.row_of(moved_to.start)
        assert row is not None and text.offset_of_row(row) <= moved_to.start
        await pilot.press("g")
        assert "Paragraph 0 opens here." in screen_text(app)


async def test_g_then_an_enormous_paragraph_above_the_end_is_cut_and_the_end_stays_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Cutting the enormous paragraph into pieces numbers the paragraphs after it anew:
    # the lines wrapped ahead of it are wrapped again, and the end is shown again.
    short = huge_article(3_000)
    wall = "word " * 60_000
    text = short.text + wall.strip() + "\n\n" + short.text[short.body_start :]
    article = huge_article(3_000)
    article = type(article)(
        id="walled", text=text, title=article.title, byline=article.byline,
        body_start=article.body_start,
    )  # fmt: skip
    wrapping_held = HeldWrapping(monkeypatch)
    app = ViewApp(article)
    async with app.run_test(size=(100, 30)) as pilot:
        text_widget = app.view.text_widget
        await pilot.press("G")
        await pilot.pause()
        shown = screen_text(app)
        assert "Paragraph 2999 opens here." in shown
        wrapping_held.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_widget.index is not None and text_widget.index.complete
        assert screen_text(app) == shown
        last = app.view.units.paragraphs[-1]
        focus = app.view.focus_span
        assert focus is not None and last.start <= focus.start < last.end


async def test_rows_on_screen_are_not_drawn_again_while_the_head_grows_toward_a_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # G opens a window at the end; g goes back to the top, whose rows are wrapped. The
    # head then grows toward the window for seconds: the rows on screen stay as they are
    # (they were drawn again 4 times a second, and a key that met one of those waited).
    from reader.ui.widgets.article_text import ArticleText

    wrapping_held = HeldWrapping(monkeypatch)
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        text = app.view.text_widget
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        top = screen_text(app)
        assert "Paragraph 0 opens here." in top and text._window is not None
        drawn: list[int] = []
        real = ArticleText._render_row

        def counted(widget: ArticleText, row: int):
            drawn.append(row)
            return real(widget, row)

        monkeypatch.setattr(ArticleText, "_render_row", counted)
        wrapping_held.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text.index is not None and text.index.complete and text._window is None
        assert screen_text(app) == top
        assert drawn == []
        await pilot.press("G")
        assert f"Paragraph {PARAGRAPHS - 1} opens here." in screen_text(app)
