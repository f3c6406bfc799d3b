"""SVG snapshots of the reader pane at 100x30 on the user's sample (hand-made analysis)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.ui.widgets.article_view import ArticleView
from tests.ui.conftest import REPO
from tests.ui.test_article_view_data import ViewApp, sample_analysis, sample_article

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's header shows the sample's path from the current folder: keep it fixed."""
    monkeypatch.chdir(REPO)


def app() -> ViewApp:
    article = sample_article()
    return ViewApp(article, sample_analysis(article))


async def no_blink(pilot: Pilot) -> None:
    pilot.app.query_one(ArticleView).search_bar.input.cursor_blink = False  # not mounted yet
    await pilot.pause()


def test_quotes_and_names_highlighted(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=SIZE, press=[])


def test_focused_quote_shows_its_speaker(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=SIZE, press=["n"])


def test_active_selection(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=SIZE, press=["j", "v", "j", "w", "w"])


def test_selection_inside_a_sentence(snap_compare) -> None:
    # "high-level talks with the United States": the start four words on, the end 14 back.
    keys = ["j", "v", "o", *["w"] * 4, "o", *["W"] * 14]
    assert snap_compare(app(), terminal_size=SIZE, press=keys)


def test_search_matches_while_typing(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=no_blink, press=["slash", *"moscow"])


def test_legend(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=SIZE, press=["l"])
