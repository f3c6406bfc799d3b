"""The parts of the main screen its first frame does not show (both side panels, the search
bar, the legend) are mounted by the key that first shows them, and show then what they
would have shown had they been there from the start (issue #18: start-up)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual.strip import Strip
from textual.widgets import Input

import reader.analysis
from reader.model import Analysis, Article
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_text import ArticleText
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.library import StoryList
from reader.ui.widgets.people_panel import PeoplePanel
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.test_article_view_data import SAMPLE, sample_analysis
from tests.ui.test_tagging_data import DROUGHT_QUOTE, FIRST_SENTENCE, SIZE, seed, settle, until


def sample_or_nothing(text: str, **_options: object) -> Analysis:
    body = text.find("Russia on Tuesday")
    if body == -1:
        return Analysis()
    return sample_analysis(Article(id="sample", text=text, title="", body_start=body))


@pytest.fixture(autouse=True)
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # the reader's header shows the story's path from here


async def test_the_first_frame_mounts_none_of_the_hidden_parts(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for part in (AnnotationsPanel, PeoplePanel, SearchBar, Legend):
            assert not app.main.query(part), part.__name__
        assert not app.main.query("#library-filter")


async def test_slash_first_pressed_mounts_the_filter_box_above_the_list(
    make_app, library_dir
) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.main.library
        await pilot.press("escape")  # nothing to clear yet: the list keeps the focus
        assert isinstance(app.focused, StoryList)
        assert not library.query("#library-filter")
        await pilot.press("slash", *"ferry")
        box = library.query_one("#library-filter", Input)
        assert app.focused is box and box.value == "ferry"
        assert list(library.children) == [box, library.query_one(StoryList)]
        assert [article.title for article in library.shown] == [
            "Harbour Council Delays Vote on Ferry Fares"
        ]
        await pilot.press("escape")
        assert not box.display and len(library.shown) == 4


async def test_i_pressed_before_the_analysis_lands_lists_the_people_once_it_does(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()

    def held(text: str, **options: object) -> Analysis:
        gate.wait(timeout=10)
        return sample_or_nothing(text)

    monkeypatch.setattr(reader.analysis, "analyze", held)
    story = Path(shutil.copy(SAMPLE, tmp_path / SAMPLE.name))
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.main.article_view.article is not None)
        await pilot.press("i")  # mounts the panel: nobody found yet
        panel = app.main.people_panel
        assert panel.display and panel.has_focus
        assert panel.names == []
        gate.set()
        await settle(pilot)
        assert panel.names[:2] == ["Sergei Ryabkov", "Dmitry Peskov"]
        assert panel.has_focus


async def test_the_first_i_draws_the_story_only_beside_the_panel(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel is mounted by the first `i`: the story's pane is drawn again once, at
    its new width beside the panel. The text lost the focus a frame before the mount
    ended, and the whole pane was drawn as it was (~30 ms of a 100,000-name story's `i`)."""
    monkeypatch.setattr(reader.analysis, "analyze", sample_or_nothing)
    story = Path(shutil.copy(SAMPLE, tmp_path / SAMPLE.name))
    app = make_app(story)
    widths: list[int] = []
    drawn = ArticleText.render_line

    def noted(text: ArticleText, y: int) -> Strip:
        widths.append(text.size.width)
        return drawn(text, y)

    monkeypatch.setattr(ArticleText, "render_line", noted)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        alone = app.main.article_view.text_widget.size.width
        widths.clear()
        await pilot.press("i")
        await settle(pilot)
        panel = app.main.people_panel
        assert panel.display and panel.has_focus
        beside = app.main.article_view.text_widget.size.width
        assert beside < alone
        assert widths and set(widths) == {beside}


async def test_m_first_pressed_on_an_annotation_highlights_that_one(
    make_app, library_dir, locations
) -> None:
    story = library_dir / "drought.txt"
    seed(locations.db, story, FIRST_SENTENCE, ["water"])
    quote = seed(locations.db, story, DROUGHT_QUOTE, ["quotes"])
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "a")  # the second annotation: the mayor's quote
        await pilot.press("m")
        await pilot.pause()
        panel = app.main.annotations_panel
        assert panel.display and panel.has_focus
        assert [a.selector.exact for a in panel.annotations] == [FIRST_SENTENCE, DROUGHT_QUOTE]
        highlighted = panel.highlighted_annotation
        assert highlighted is not None and highlighted.id == quote.id
