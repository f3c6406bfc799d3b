"""Big stories stay readable while they load: keys act while the text is still being
wrapped and while its analysis lands block by block (issues #15 and #18)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader import analysis_process
from reader.model import Article
from reader.ui.wrap import paragraph_spans
from tests.ui.test_article_view_data import (
    HeldWrapping,
    ViewApp,
    huge_article,
)

TINY_PARAGRAPHS = 100_000  # CI-sized: the story had a million


def tiny_paragraphs(count: int) -> Article:
    text = "Tiny\n\n" + "A b.\n\n" * count
    return Article(
        id="tiny", text=text, title="Tiny", body_start=6, paragraphs=paragraph_spans(text, 6)
    )


def screen_rows(app: ViewApp) -> list[str]:
    text = app.view.text_widget
    return [
        "".join(segment.text for segment in text.render_line(y)) for y in range(text.size.height)
    ]


def focused_row(app: ViewApp) -> int:
    """The screen row that carries the focus bar."""
    [row] = [y for y, line in enumerate(screen_rows(app)) if line.startswith("▌")]
    return row


async def test_keys_act_in_a_story_of_a_hundred_thousand_tiny_paragraphs_while_it_wraps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wrapping_held = HeldWrapping(monkeypatch)
    # A million of these froze the reader (keys unanswered for seconds) on main.
    app = ViewApp(tiny_paragraphs(TINY_PARAGRAPHS))
    async with app.run_test(size=(80, 24)) as pilot:
        index = app.view.text_widget.index
        assert index is not None and not index.complete  # still being wrapped
        await pilot.press("j")
        assert app.status == f"Sentence 1/1 of paragraph 1/{TINY_PARAGRAPHS}"
        first = focused_row(app)
        await pilot.press("j")
        assert app.status == f"Sentence 1/1 of paragraph 2/{TINY_PARAGRAPHS}"
        assert focused_row(app) == first + 2  # the next one, past its blank line
        await pilot.press("G")  # the focus goes at once; the screen once it is wrapped
        assert app.status == f"Sentence 1/1 of paragraph {TINY_PARAGRAPHS}/{TINY_PARAGRAPHS}"
        assert not index.complete
        wrapping_held.release()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert index.complete
        rows = screen_rows(app)
        assert rows[focused_row(app)].rstrip().endswith("A b.")
        await pilot.press("k")
        last = TINY_PARAGRAPHS - 1
        assert app.status == f"Sentence 1/1 of paragraph {last}/{TINY_PARAGRAPHS}"


async def test_g_pressed_as_a_big_story_opens_reaches_its_end_and_other_keys_still_act(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapping_held = HeldWrapping(monkeypatch)
    story = huge_article(2_500)  # about 1 MB: wrapped and analysed after it shows
    path = tmp_path / "big.txt"
    path.write_text(story.text, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.main.article_view
        text = view.text_widget
        for _ in range(500):
            if text.index is not None:
                break
            await pilot.pause(0.02)
        assert text.index is not None and not text.index.complete
        await pilot.press("j", "j")
        assert app.main.status_bar.message == "Sentence 2/12500 · Paragraph 1/2500"
        await pilot.press("G")
        await pilot.press("k")  # acts on the last sentence, before wrapping got there
        assert app.main.status_bar.message == "Sentence 12499/12500 · Paragraph 2500/2500"
        assert not text.index.complete
        wrapping_held.release()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = "\n".join(
            "".join(segment.text for segment in text.render_line(y))
            for y in range(text.size.height)
        )
        assert "Paragraph 2499 opens here." in shown
    analysis_process.shutdown_analysis_process()


@pytest.fixture
def blocks_held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Long stories come in blocks of 30,000 characters; every block after the first
    waits for the returned event, so the story stays half analysed meanwhile."""
    real_blocks = analysis_process.blocks
    monkeypatch.setattr(analysis_process, "blocks", lambda text: real_blocks(text, 30_000))
    release = threading.Event()
    real_result = analysis_process.AnalysisProcess._result
    served = 0

    def result(self, future):  # type: ignore[no-untyped-def]
        nonlocal served
        while served and not release.wait(0.05):
            if self._closed:  # the app is closing (a failed test): no more waiting
                raise analysis_process.AnalysisCrashed("the app is closing")
        served += 1
        return real_result(self, future)

    monkeypatch.setattr(analysis_process.AnalysisProcess, "_result", result)
    yield release
    release.set()
    analysis_process.shutdown_analysis_process()


async def test_a_long_story_being_analysed_block_by_block_scrolls_searches_and_is_drawn(
    make_app, tmp_path: Path, blocks_held: threading.Event
) -> None:
    story = huge_article(300)  # about 130,000 characters: five blocks
    path = tmp_path / "long.txt"
    path.write_text(story.text, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.main.article_view
        deadline = time.monotonic() + 30
        while not view.analysis.quotes:  # the first block has landed
            assert time.monotonic() < deadline, "the first block never landed"
            await pilot.pause(0.05)
        text = view.text_widget
        assert not view._analysed
        first_block_quotes = len(text.span_layers.quotes)
        assert 0 < first_block_quotes < 300  # drawn: the first block's quotes, not all
        await pilot.press("pagedown")
        assert text.scroll_offset.y > 0
        await pilot.press("g", "slash", *"Paragraph 250 ", "enter")
        span = view.focus_span
        assert span is not None
        assert view.article is not None
        assert view.article.text[span.start : span.end] == "Paragraph 250 opens here."
        await pilot.press("j")
        assert app.main.status_bar.message == "Sentence 1252/1500 · Paragraph 251/300"
        assert not blocks_held.is_set()  # all of it while the rest was still out
        blocks_held.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(text.span_layers.quotes) == 300  # every block's quotes drawn in the end
        await pilot.press("n")
        assert view.focused_quote is not None
