"""End to end: stories in other encodings, with stray NULs, and feeds with impossible dates."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_app_in_tmux import session_factory, user_env  # noqa: F401 (fixtures)
from tests.sources.other_scripts import RUSSIAN


def test_koi8_r_story_reads_as_written_and_says_it_was_a_guess(
    session_factory,  # noqa: F811
    tmp_path: Path,
) -> None:
    story = tmp_path / "most.txt"
    story.write_bytes(RUSSIAN.encode("koi8_r"))
    app = session_factory(str(story))
    screen = app.wait_for("KOI8-R (guessed)")
    assert "Городской совет в понедельник" in screen
    app.send("q")
    assert app.exit_status() == 0


def test_story_with_a_stray_nul_opens_with_a_note(session_factory, tmp_path: Path) -> None:  # noqa: F811
    paragraph = "The harbour council met on Monday and kept the ferry running. " * 6 + "\n\n"
    text = "Ferry Stays\n\nBy Ana Ruiz\n\n" + paragraph * 90  # about 38 KB
    data = text.encode()
    story = tmp_path / "ferry.txt"
    story.write_bytes(data[:20_000] + b"\x00" + data[20_000:])
    app = session_factory(str(story))
    screen = app.wait_for("1 NUL byte removed")
    assert "The harbour council met on Monday" in screen
    app.send("q")
    assert app.exit_status() == 0


def test_feed_with_impossible_dates_lists_no_such_dates(session_factory, tmp_path: Path) -> None:  # noqa: F811
    feed = tmp_path / "gazette.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
        "<item><title>Ferry fares frozen</title><pubDate>0000-00-00</pubDate>"
        "<description>The council froze fares.</description></item>"
        "<item><title>Pilots call off strike</title><pubDate>2021-13-45T99:00</pubDate>"
        "<description>Pilots went back to work.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    app = session_factory(str(feed))
    screen = app.wait_for("Pilots call off strike")
    assert "Ferry fares frozen" in screen
    assert "-1-11-30" not in screen and "2022" not in screen
    app.send("q")
    assert app.exit_status() == 0
