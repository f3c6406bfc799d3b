"""The huge-story path: a generated story of a few MB opens at once and wraps in a worker."""

from __future__ import annotations

import pytest

from reader.model import Article, Span
from reader.ui.line_index import SEPARATOR
from reader.ui.wrap import paragraph_spans
from tests.ui.test_article_view_data import (
    HeldWrapping,
    ViewApp,
    huge_article,
)

PARAGRAPHS = 7_000  # about 3 MB


def screen_text(app: ViewApp) -> str:
    text = app.view.text_widget
    return "\n".join(
        "".join(segment.text for segment in text.render_line(y)) for y in range(text.size.height)
    )


async def test_first_page_shows_before_wrapping_ends_and_g_reaches_the_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wrapping_held = HeldWrapping(monkeypatch)
    app = ViewApp(huge_article(PARAGRAPHS))
    assert len(app.article.text) > 3_000_000
    async with app.run_test(size=(100, 30)) as pilot:
        text = app.view.text_widget
        assert text.index is not None
        # Only the start is wrapped before the first paint; slices do the rest after it.
        assert not text.index.complete
        assert text.index.wrapped_paragraphs < PARAGRAPHS // 4
        assert "Paragraph 0 opens here." in screen_text(app)
        await pilot.press("G")
        wrapping_held.release()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text.index.complete
        shown = screen_text(app)
        assert f"Paragraph {PARAGRAPHS - 1} opens here." in shown
        assert "a request from the auditors themselves." in shown
        assert app.status == f"Sentence 5/5 of paragraph {PARAGRAPHS}/{PARAGRAPHS}"
        await pilot.press("k", "k")
        assert app.status == f"Sentence 3/5 of paragraph {PARAGRAPHS}/{PARAGRAPHS}"


async def test_search_and_resize_in_a_huge_story() -> None:
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"Paragraph 6543 ", "enter")
        span = app.view.focus_span
        assert span is not None
        assert app.article.text[span.start : span.end] == "Paragraph 6543 opens here."
        assert "Paragraph 6543 opens here." in screen_text(app)
        await pilot.resize_terminal(60, 30)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Paragraph 6543 opens here." in screen_text(app)
        assert app.view.text_widget.index is not None
        assert app.view.text_widget.index.width == 60 - 3 - 1


async def test_a_story_that_is_one_enormous_line_opens_lazily() -> None:
    text = "Wall of text\n\n" + "這是一個很長的句子沒有空格。" * 150_000  # 2.1 M characters
    article = Article(
        id="line", text=text, title="Wall of text", body_start=14, paragraphs=[Span(14, len(text))]
    )
    app = ViewApp(article)
    async with app.run_test(size=(100, 30)) as pilot:
        text_widget = app.view.text_widget
        assert text_widget.index is not None and not text_widget.index.complete
        assert "這是一個很長的句子" in screen_text(app)
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = screen_text(app).splitlines()
        assert any(row.rstrip().endswith("沒有空格。") for row in rows)


async def test_an_enormous_paragraph_after_many_short_ones_is_cut_when_wrapping_reaches_it() -> (
    None
):
    head = "Short one.\n\n" * 3_000
    giant = "word " * 60_000  # 300,000 characters, no blank line
    text = "Mixed\n\n" + head + giant.strip() + " The end."
    article = Article(
        id="mixed", text=text, title="Mixed", body_start=7, paragraphs=paragraph_spans(text, 7)
    )
    app = ViewApp(article)
    async with app.run_test(size=(100, 30)) as pilot:
        text_widget = app.view.text_widget
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_widget.index is not None and text_widget.index.complete
        assert screen_text(app).rstrip().endswith("word word The end.")
        # Cut into pieces, but drawn as one paragraph: no blank line inside it.
        index = text_widget.index
        first_giant_line = index.line_of(len(text) - len(giant))
        assert first_giant_line is not None
        assert SEPARATOR not in map(index.paragraph, range(first_giant_line, len(index)))
