"""While a huge story is wrapped in the background, its scroll bar is drawn again only
when the thumb moves: each redraw of the bar also redrew the widgets along its rows, and
a key pressed meanwhile waited for that frame."""

from __future__ import annotations

import pytest
from textual.scrollbar import ScrollBar

from reader.ui.widgets import article_text
from reader.ui.widgets.scroll_thumb import ScrollThumb
from tests.ui.test_article_view_data import HeldWrapping, ViewApp, huge_article

PARAGRAPHS = 7_000  # about 3 MB: hundreds of wrapping steps


def test_a_thumb_moves_when_the_range_grows_enough_to_shift_it_an_eighth_of_a_cell() -> None:
    thumb = ScrollThumb()
    assert thumb.moved(0, 30, 20)  # the first look draws it (here: no thumb at all)
    assert not thumb.moved(0, 30, 25)  # still fits: nothing to draw again
    assert thumb.moved(0, 30, 1_000)  # the text no longer fits: a thumb appears
    assert not thumb.moved(0, 30, 2_000)  # at its least length, a cell: drawn the same
    assert not thumb.moved(0, 30, 1_000_000)
    assert thumb.moved(500_000, 30, 1_000_000)  # scrolled: the thumb is elsewhere
    assert not thumb.moved(500_001, 30, 1_000_000)  # less than an eighth of a cell on
    assert thumb.moved(500_001, 30, 2_000_000)  # the text doubled: it is half as far
    shorter = ScrollThumb()
    assert shorter.moved(0, 30, 300)
    assert shorter.moved(0, 30, 600)  # three cells long, then one and a half


async def test_the_scroll_bar_is_drawn_again_only_when_its_thumb_moves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(article_text, "GROW_EVERY", 0.0)  # the range grows at every step
    wrapping_held = HeldWrapping(monkeypatch)
    app = ViewApp(huge_article(PARAGRAPHS))
    async with app.run_test(size=(100, 30)) as pilot:
        text = app.view.text_widget
        await pilot.pause()
        bar = text.vertical_scrollbar
        redrawn: list[int] = []
        real_refresh = ScrollBar.refresh

        def counted(scrollbar: ScrollBar, *args, **kwargs):
            if scrollbar is bar:
                redrawn.append(scrollbar.window_virtual_size)
            return real_refresh(scrollbar, *args, **kwargs)

        monkeypatch.setattr(ScrollBar, "refresh", counted)
        wrapping_held.release()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text.index is not None and text.index.complete
        # At the top of the story the thumb shrinks to its least size early on, then
        # stays: a few redraws, not one per step of the wrapping.
        assert 1 <= len(redrawn) <= 10
        # Once the whole story is wrapped, the bar knows its whole length.
        assert bar.window_virtual_size == text.virtual_size.height
        await pilot.press("G")
        await pilot.pause()
        assert bar.position == text.scroll_offset.y and text.scroll_offset.y == text.max_scroll_y
