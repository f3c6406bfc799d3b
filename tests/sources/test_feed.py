from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.model import Article
from reader.sources import SourceError, discover, is_feed, load, load_all, load_many

FIXTURES = Path(__file__).parent / "fixtures"


def paragraphs(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def test_rss2_items_prefer_full_content() -> None:
    first, second = load_many(FIXTURES / "harbour-gazette-rss2.rss")
    assert first.title == "Lifeboat crew rescue two from sandbank"
    assert first.byline == "Owen Pryce"
    assert first.published == "2024-03-11"
    assert first.source == first.site == "Harbour Gazette – Latest"
    assert first.url == "https://harbourgazette.example/news/lifeboat-sandbank"
    assert paragraphs(first) == [
        "Two walkers were rescued from a sandbank off Kestrel Point on Monday evening after "
        "being cut off by the rising tide.",
        "“They did exactly the right thing by calling us early,” said the helmsman, Dafydd Rees. "
        "“Another twenty minutes and it would have been a very different night.”",
    ]
    assert "Short summary" not in first.text and "Advertisement" not in first.text
    # Without content:encoded, the escaped HTML description is the body.
    assert paragraphs(second) == [
        "Mooring fees will rise by 6% from 1 April, the harbour board said.",
        "“We held them for two years,” she said.",
    ]


def test_atom_entry() -> None:
    (entry,) = load_many(FIXTURES / "valley-ledger-atom.atom")
    assert entry.title == "Inquiry hears engineer’s notebook evidence"
    assert (entry.byline, entry.published, entry.source) == (
        "Ruth Adeyemi",
        "2023-11-21",
        "Valley Ledger",
    )
    assert entry.url == "https://valleyledger.example/news/inquiry-notebook"
    assert paragraphs(entry)[1] == (
        "“I wrote the words down as soon as I got back to my desk,” she said."
    )


def test_rss1_in_latin1() -> None:
    (item,) = load_many(FIXTURES / "fenbridge-rss1.rdf")
    assert item.title == "Fête raises £2,400 for church roof"
    assert item.published == "1998-08-03"
    assert paragraphs(item) == [
        'The summer fête raised £2,400, the organisers said. "Best year yet," said Mrs Fawcett.'
    ]


def test_items_have_distinct_stable_ids() -> None:
    ids = [a.id for a in load_many(FIXTURES / "harbour-gazette-rss2.rss")]
    assert len(set(ids)) == 2
    assert ids == [a.id for a in load_many(FIXTURES / "harbour-gazette-rss2.rss")]


def test_feed_that_is_not_xml(write) -> None:
    path = write("news.rss", "This is just a note someone saved with the wrong name.\n")
    with pytest.raises(SourceError) as error:
        load_many(path)
    assert str(error.value) == f"{path}: not an RSS or Atom feed"


def test_feed_without_items(write) -> None:
    path = write("empty.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>')
    with pytest.raises(SourceError, match="the feed has no items"):
        load_many(path)


def test_load_refuses_a_feed_with_a_clear_line() -> None:
    path = FIXTURES / "valley-ledger-atom.atom"
    assert is_feed(path)
    with pytest.raises(SourceError, match="a feed holds several stories"):
        load(path)


def test_folder_with_feeds_and_other_xml(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "harbour-gazette-rss2.rss", tmp_path / "gazette.xml")
    (tmp_path / "settings.xml").write_text("<settings><colour>blue</colour></settings>")
    assert discover([tmp_path])[0] == []  # one-story files only, unless feeds are asked for
    files, errors = discover([tmp_path], feeds=True)
    assert [f.name for f in files] == ["gazette.xml"]
    articles, errors = load_all([tmp_path])
    assert errors == []
    assert [a.title for a in articles] == [
        "Lifeboat crew rescue two from sandbank",
        "Harbour dues to rise in April",
    ]
