"""Unread counts follow each mark without counting the library again."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Article
from reader.services.unread_counts import UnreadCounts


def test_counts_move_by_one_and_a_new_library_is_counted_afresh() -> None:
    stories = [Article(id=str(n), text="t", title=f"Story {n}") for n in range(5)]
    read = {"0"}
    asked: list[str] = []

    def is_unread(article: Article) -> bool:
        asked.append(article.id)
        return article.id not in read

    counts = UnreadCounts(is_unread)
    source_of = {"0": "feed-a", "1": "feed-a", "2": "feed-b"}
    counts.update(stories, source_of)
    assert (counts.total, counts.by_source["feed-a"], counts.by_source["feed-b"]) == (4, 1, 1)
    asked.clear()
    read.add("1")
    counts.changed(stories[1], unread=False)
    counts.update(stories, source_of)
    assert asked == [], "the same library is not counted again"
    assert (counts.total, counts.by_source["feed-a"]) == (3, 0)
    counts.changed(Article(id="elsewhere", text="t", title="t"), unread=False)
    assert counts.total == 3, "a story outside the library changes nothing"
    bigger = [*stories, Article(id="5", text="t", title="Story 5")]
    counts.update(bigger, source_of)
    assert counts.total == 4


def test_a_library_answered_at_once_counts_as_story_by_story() -> None:
    stories = [Article(id=str(n), text="t", title=f"Story {n}") for n in range(6)]
    read = {"0", "3"}
    source_of = {"0": "feed-a", "1": "feed-a", "2": "feed-b", "3": "feed-b", "4": "feed-b"}
    asked: list[str] = []

    def is_unread(article: Article) -> bool:
        asked.append(article.id)
        return article.id not in read

    def unread_of(library: Sequence[Article]) -> list[bool]:
        return [article.id not in read for article in library]

    one_by_one = UnreadCounts(is_unread)
    one_by_one.update(stories, source_of)
    asked.clear()
    at_once = UnreadCounts(is_unread, unread_of)
    at_once.update(stories, source_of)
    assert asked == [], "no story asked about on its own"
    assert at_once.total == one_by_one.total == 4
    assert at_once.by_source == one_by_one.by_source == {"feed-a": 1, "feed-b": 2}
    read.add("4")
    at_once.changed(stories[4], unread=False)
    assert (at_once.total, at_once.by_source["feed-b"]) == (3, 1)
