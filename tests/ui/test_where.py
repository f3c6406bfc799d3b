"""The reader's header says where the story came from, in one line that fits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

import reader.analysis
from reader.ui.where import where_from
from tests.ui.test_reload import FERRY, feed
from tests.ui.test_tagging_data import SIZE, fixed_analysis, settle
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name

LONG_URL = "https://news.example.org/2024/03/07/harbour/quay-wall-repairs-begin-after-winter-storms"


def test_an_address_that_fits_is_shown_whole() -> None:
    assert where_from("https://news.example.org/a", "/ignored/path.txt", 60) == (
        "https://news.example.org/a"
    )


def test_a_long_address_keeps_its_site_and_its_end() -> None:
    shown = where_from(LONG_URL, None, 50)
    assert shown.startswith("https://news.example.org/…")
    assert shown.endswith("after-winter-storms")
    assert cell_len(shown) == 50


def test_a_narrow_pane_shows_the_site_first() -> None:
    assert where_from(LONG_URL, None, 20) == "https://news.exampl…"


def test_a_path_is_shown_from_the_current_folder_or_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, work = tmp_path / "home", tmp_path / "home" / "work"
    work.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    assert where_from(None, str(work / "news" / "story.txt"), 60) == "news/story.txt"
    assert where_from(None, str(home / "clips" / "story.txt"), 60) == "~/clips/story.txt"
    assert where_from(None, "/srv/feeds/story.txt", 60) == "/srv/feeds/story.txt"


def test_a_long_path_keeps_the_file_name() -> None:
    path = "/srv/archive/" + "deeply/nested/" * 6 + "quay-wall-repairs.txt"
    shown = where_from(None, path, 30)
    assert shown.startswith("…") and shown.endswith("/quay-wall-repairs.txt")
    assert cell_len(shown) <= 30


def test_wide_and_control_characters_stay_on_one_line_within_the_width() -> None:
    shown = where_from(None, "/srv/新闻/港口/码头维修开始了/报道\x1b[31m.txt", 16)
    assert "\x1b" not in shown and cell_len(shown) <= 16
    assert where_from(None, "/srv/bad-\udcff-name.txt", 60) == "/srv/bad-\ufffd-name.txt"


def test_a_story_from_nowhere_has_no_line() -> None:
    assert where_from(None, None, 60) == ""


async def test_the_header_shows_a_file_path_and_a_feed_items_address(
    make_app: Callable,
    library_dir: Path,
    web_server: LocalWebServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)
    monkeypatch.chdir(library_dir.parent)
    url = web_server.serve("/tidewater.rss", feed(FERRY), "application/rss+xml")
    app = make_app(library_dir, url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = app.main.article_view.text_widget
        where = [line.text for line in text.header if line.kind == "where"]
        assert where == ["library/pilots-strike.txt"]
        ferry = next(a for a in app.main.library.shown if a.title == FERRY[0])
        app.open_article(ferry, focus=True)
        await pilot.pause()
        where = [line.text for line in text.header if line.kind == "where"]
        assert where == ["https://tidewater.example/ferry-timetable-changes"]
