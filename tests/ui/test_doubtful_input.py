"""What the screen says about input that had to be guessed at or could not be read."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.pilot import Pilot

from tests.sources.other_scripts import RUSSIAN
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name

SIZE = (120, 36)


def screen(app) -> str:
    """Every character on the screen, as a reader sees it."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Ferry fares frozen</title><pubDate>0000-00-00</pubDate>
<description>The council froze ferry fares for a year.</description></item>
<item><title>Pilots call off strike</title><pubDate>2021-13-45T99:00</pubDate>
<description>Harbour pilots returned to work on Monday.</description></item>
<item><title>Bridge repairs begin</title><pubDate>Tue, 27 Jul 2021 23:30:00 -0500</pubDate>
<description>Crews closed one lane of the bridge.</description></item>
</channel></rss>
"""


async def test_feed_items_with_impossible_dates_show_no_date(make_app, tmp_path: Path) -> None:
    feed = tmp_path / "harbour.rss"
    feed.write_text(FEED, encoding="utf-8")
    app = make_app(feed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen(app)
        assert "Ferry fares frozen" in shown and "Pilots call off strike" in shown
        assert "-1-11-30" not in shown and "30 Nov" not in shown
        assert "2022" not in shown and "1 Jan" not in shown
        assert "27 Jul 2021 · Harbour Gazette" in shown  # the day where it was published
        dates = {article.title: article.published for article in app.main.library.articles}
        assert dates == {
            "Bridge repairs begin": "2021-07-27",
            "Ferry fares frozen": None,
            "Pilots call off strike": None,
        }


WIRE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tidewater Wire</title>
<item><title>Lock gates jammed</title><pubDate>0000-00-00</pubDate>
<description>The lock keeper sent for divers.</description></item>
<item><title>Night ferry returns</title><pubDate>Tue, 27 Jul 2021 09:30:00 +2500</pubDate>
<description>The night crossing runs again from Friday.</description></item>
<item><title>Quay rebuilt</title><pubDate>Tue, 27 Jul 99 09:30:00 GMT</pubDate>
<description>The old quay reopened after two years.</description></item>
</channel></rss>
"""


async def test_a_fetched_feed_shows_no_date_for_an_impossible_one(
    make_app,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/wire.rss", WIRE_FEED.encode(), "application/rss+xml")
    app = make_app(url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen(app)
        assert "Lock gates jammed" in shown and "Night ferry returns" in shown
        assert "-1-11-30" not in shown and "30 Nov" not in shown
        assert "2021" not in shown  # the stamp with a zone a day ahead is not trusted
        # A two-digit year as RSS 0.9x wrote it: 1999, not 2099.
        assert "27 Jul 1999 · Tidewater Wire" in shown
        dates = {article.title: article.published for article in app.main.library.articles}
        assert dates == {
            "Lock gates jammed": None,
            "Night ferry returns": None,
            "Quay rebuilt": "1999-07-27",
        }


async def test_status_bar_names_the_guessed_encoding(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "most.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "ferry.txt").write_text(
        "Ferry Stays\n\nBy Ana Ruiz\n\nThe council kept the ferry running.\n", encoding="utf-8"
    )
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the first story opens with the library focused
        for keys in ((), ("j", "enter")):
            await pilot.press(*keys)
            await settle(pilot)
            shown = screen(app)
            assert app.library.current is not None and app.library.current.path is not None
            if app.library.current.path.endswith("most.txt"):
                assert "Городской совет" in shown  # read as written, not as mojibake
                assert app.main.status_bar.note == "Windows-1251 (guessed)"
                assert "Windows-1251 (guessed)" in shown
            else:
                assert "The council kept the ferry running." in shown
                assert "guessed" not in shown
                assert app.main.status_bar.note == ""
        assert {app.library.current.title, app.main.library.shown[0].title} == {
            "Ferry Stays",
            "Мост через реку закроют на ремонт",
        }


async def test_a_short_western_story_opens_as_written_and_says_so(make_app, tmp_path: Path) -> None:
    story = "Smörgåsbord för alla\n\nCaféet på torget öppnar igen på lördag.\n"
    path = tmp_path / "kort.txt"
    path.write_bytes(story.encode("cp1252"))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen(app)
        assert "Caféet på torget öppnar igen på lördag." in shown  # not "pĺ torget"
        assert "Windows-1252 (guessed)" in shown
