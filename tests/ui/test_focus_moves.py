"""Tab between the panes redraws the panes' frames, not the story's rows (issue #18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.strip import Strip

from reader.ui.widgets.article_text import ArticleText
from tests.ui.test_tagging_data import SIZE, settle

STORY = "moscow-us-strategic-stability.txt"  # longer than the pane: every row has text


@pytest.fixture
def drawn_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The story rows painted (layers and all) that hold text, as they are painted."""
    rows: list[int] = []
    real = ArticleText._render_row

    def counted(self: ArticleText, row: int) -> Strip:
        strip = real(self, row)
        if strip.text.strip():
            rows.append(row)
        return strip

    monkeypatch.setattr(ArticleText, "_render_row", counted)
    return rows


async def test_tab_between_the_panes_draws_no_story_row_again(
    make_app: Callable, samples_copy: Path, drawn_rows: list[int]
) -> None:
    app = make_app(samples_copy / STORY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = app.main.article_view.text_widget
        assert app.focused is text
        assert len(drawn_rows) > 20, "the story fills the pane"
        shown = [text.render_line(y) for y in range(text.size.height)]
        drawn_rows.clear()
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is text
        # Each tab restyled the text twice (its :focus, the pane's :focus-within), and
        # every row on screen was painted again, though none of them looked different.
        assert drawn_rows == []
        assert [text.render_line(y) for y in range(text.size.height)] == shown


async def test_a_new_theme_still_paints_the_rows_in_its_colours(
    make_app: Callable, samples_copy: Path, drawn_rows: list[int]
) -> None:
    app = make_app(samples_copy / STORY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = app.main.article_view.text_widget
        before = text.render_line(12)
        drawn_rows.clear()
        app.theme = "textual-light" if app.current_theme.dark else "textual-dark"
        await settle(pilot)
        await pilot.pause(0.1)
        after = text.render_line(12)
        assert drawn_rows, "the rows are painted again with the new painter"
        assert after.text == before.text and after != before, "same words, new colours"
