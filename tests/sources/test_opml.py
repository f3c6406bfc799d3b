"""OPML as a user moves subscriptions between readers: round trip, other layouts, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.sources.opml import OpmlError, parse_opml, read_opml, to_opml
from reader.sources.subscriptions import Subscription

DATA = Path(__file__).parent / "data"


def test_round_trip_keeps_sources_tags_and_titles(tmp_path: Path) -> None:
    story = tmp_path / "saved story.html"
    story.write_text("<p>hi</p>")
    ours = [
        Subscription("https://wire.example.org/rss?x=1&y=2", ("politics", "long reads")),
        Subscription(str(story), (), "My saved story"),
        Subscription("http://lab.example.com/feed", ("science",), 'Lab "Letters" <weekly>'),
    ]
    document = to_opml(ours)
    assert '<opml version="2.0">' in document
    assert 'xmlUrl="https://wire.example.org/rss?x=1&amp;y=2"' in document
    assert parse_opml(document.encode()).subscriptions == ours


def test_import_of_another_readers_nested_folders() -> None:
    imported = read_opml(DATA / "nested_reader_export.opml")
    by_source = {s.source: s for s in imported.subscriptions}
    assert list(by_source) == [
        "https://wire.example.org/politics/rss",
        "https://notes.example.eu/feed.atom",
        "http://lab.example.com/index.xml",
        "https://daily.example.net/rss",
    ]
    assert by_source["https://notes.example.eu/feed.atom"].tags == ("Politics", "Europe")
    assert by_source["http://lab.example.com/index.xml"].tags == (
        "Science & Tech",
        "Weekly",
        "Longform",
    )
    assert by_source["https://daily.example.net/rss"].tags == ()
    assert by_source["https://wire.example.org/politics/rss"].title == "Capitol Wire"
    assert imported.skipped == 1  # the mailto: feed; the bookmark has no xmlUrl at all


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<opml><body><outline", "not well-formed"),
        (b"<rss><channel/></rss>", "not OPML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml/>', "DTD"),
        (b"<opml><head/></opml>", "no <body>"),
    ],
)
def test_bad_opml_is_one_clear_reason(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError) as caught:
        parse_opml(data)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_titles_and_tags_from_a_stranger_are_cleaned() -> None:
    data = (
        # XML 1.0 refuses ESC itself, but not the one-byte CSI (U+009B) or a BiDi override.
        '<opml version="2.0"><body><outline text="Evil\u009b2J feed\u202e"'
        ' category="/ok,/\u202eabc" xmlUrl="https://e.example/rss"/></body></opml>'
    ).encode()
    (subscription,) = parse_opml(data).subscriptions
    assert subscription.title == "Evil feed"  # the whole sequence goes, not just its byte
    assert subscription.tags == ("ok", "abc")


def test_absurd_nesting_is_refused() -> None:
    data = b"<opml><body>" + b"<outline text='a'>" * 200 + b"</outline>" * 200 + b"</body></opml>"
    with pytest.raises(OpmlError, match="nested deeper"):
        parse_opml(data)
