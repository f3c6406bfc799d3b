"""Small things a new reader noticed: singular counts, toasts over the status line, the
legend's labels split across lines."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import reader.analysis
from reader.model import Analysis
from reader.ui.counts import counted
from reader.ui.widgets.legend import Legend
from tests.ui.test_tagging_data import fixed_analysis, settle


def test_counts_are_singular_for_one() -> None:
    assert counted(1, "paragraph") == "1 paragraph"
    assert counted(3, "paragraph") == "3 paragraphs"
    assert counted(0, "quote") == "0 quotes"
    assert counted(1, "person") == "1 person"
    assert counted(2, "person") == "2 people"


async def test_a_one_paragraph_story_says_1_paragraph(
    make_app, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = library_dir / "short.txt"
    story.write_text("Harbour Notice\n\nThe ferry leaves at nine from the east pier.\n", "utf-8")
    released = threading.Event()

    def slow_for_the_short_story(text: str, **options: object) -> Analysis:
        if "ferry" in text:
            released.wait(10)  # the status line shows the paragraph count until this ends
        return fixed_analysis(text, **options)

    monkeypatch.setattr(reader.analysis, "analyze", slow_for_the_short_story)
    app = make_app(library_dir / "drought.txt", story)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        [short] = [article for article in app.library.articles if article.title == "Harbour Notice"]
        app.main.library.focus_list()
        app.main.library.highlight_article(short)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if "paragraph" in app.main.status_bar.message:
                break
        message = app.main.status_bar.message
        released.set()
        assert message == "Harbour Notice · 1 paragraph"


async def test_one_quote_is_counted_as_one_quote(make_app, library_dir, monkeypatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.status_bar.message.startswith("1 quote · 0 people ·")


async def test_a_toast_leaves_the_status_line_uncovered(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.notify("A long enough notice to reach across the right end of the status line")
        await pilot.pause(0.2)
        from textual.widgets._toast import Toast

        [toast] = app.screen.query(Toast)
        status = app.main.status_bar.region
        assert toast.region.height > 0
        assert toast.region.bottom <= status.y, (toast.region, status)


@pytest.mark.parametrize("width", [80, 100])
async def test_a_toast_leaves_the_library_count_uncovered(make_app, library_dir, width) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(width, 30), notifications=True) as pilot:
        await settle(pilot)
        app.main.library.focus_list()  # below 90 columns only the focused pane shows
        await pilot.pause(0.1)
        app.notify("A long enough notice to reach across the right end of the status line")
        await pilot.pause(0.2)
        from textual.widgets._toast import Toast

        [toast] = app.screen.query(Toast)
        library = app.main.library.region
        assert library.width > 0 and "1 story" in str(app.main.library.border_subtitle)
        count_row = library.bottom - 1  # the bottom edge, where the count is drawn
        assert toast.region.height > 0
        assert toast.region.bottom <= count_row, (toast.region, library)


@pytest.mark.parametrize("width", [40, 60, 100])
async def test_no_legend_label_is_split_across_lines(make_app, library_dir, width) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        legend = app.screen.query_one(Legend)
        assert legend.display
        lines = legend._legend().plain.splitlines()
        assert any("other name" in line for line in lines)
        for label in ("other name", "speaker of focused quote", "name in a quote"):
            assert any(label in line for line in lines), (label, lines)


async def test_a_status_that_comes_while_the_screen_closes_is_dropped(make_app, library_dir):
    # An analysis can land while the app quits, after the status bar has gone.
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        main = app.main
        await main.status_bar.remove()
        main.reader_status("Sentence 1/3")  # raised NoMatches before
        await pilot.pause()
