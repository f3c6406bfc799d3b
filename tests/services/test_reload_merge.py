"""Folding stories read again into the library: same, changed, new, gone."""

from __future__ import annotations

from reader.model import Article
from reader.services.reload_merge import merge_reloaded, pair


def story(
    id: str,
    title: str,
    *,
    url: str | None = None,
    published: str | None = None,
    path: str | None = None,
) -> Article:
    return Article(id=id, text=title, title=title, url=url, published=published, path=path)


FERRY = story("f1", "Ferry", url="https://t.example/ferry", published="2024-03-05")
GULLS = story("g1", "Gulls", url="https://t.example/gulls", published="2024-03-04")
LOCAL = story("l1", "Local story", published="2024-03-10")


def test_an_unchanged_reload_keeps_every_story_as_it_was() -> None:
    library = [LOCAL, FERRY, GULLS]
    merge = merge_reloaded(library, [FERRY, GULLS], [FERRY, GULLS])
    assert merge.articles == library
    assert merge.replaced == {} and merge.added == []
    assert merge.summary() == "Reloaded: unchanged"


def test_new_items_are_placed_by_date_and_changed_ones_take_their_place() -> None:
    dredger = story("d1", "Dredger", url="https://t.example/dredger", published="2024-03-06")
    gulls_edited = story("g2", "Gulls (corrected)", url=GULLS.url, published=GULLS.published)
    merge = merge_reloaded([LOCAL, FERRY, GULLS], [FERRY, GULLS], [dredger, FERRY, gulls_edited])
    assert [a.id for a in merge.articles] == ["l1", "d1", "f1", "g2"]
    assert merge.replaced == {"g1": gulls_edited}
    assert merge.added == [dredger]
    assert merge.summary() == "Reloaded: 1 new story, 1 changed"


def test_an_item_gone_from_the_feed_stays_in_the_library() -> None:
    merge = merge_reloaded([FERRY, GULLS], [FERRY, GULLS], [FERRY])
    assert merge.articles == [FERRY, GULLS]
    assert merge.summary() == "Reloaded: unchanged"


def test_one_story_before_and_after_is_the_same_story_even_at_a_new_address() -> None:
    moved = story("p2", "Page", url="https://t.example/page-renamed")
    page = story("p1", "Page", url="https://t.example/page")
    assert pair([page], [moved]) == {"p1": moved}
    assert merge_reloaded([page], [page], [moved]).summary() == "Reloaded: the story changed"


def test_stories_sharing_a_place_are_not_guessed_between() -> None:
    # Items without links of a feed file all sit at the file: no way to tell them apart.
    feed = "/feeds/tidewater.rss"
    a, b = story("a1", "A", path=feed), story("b1", "B", path=feed)
    a2, b2 = story("a2", "A again", path=feed), story("b2", "B again", path=feed)
    assert pair([a, b], [a2, b2]) == {}
    merge = merge_reloaded([a, b], [a, b], [a2, b2])
    assert [x.id for x in merge.articles] == ["a1", "b1", "a2", "b2"]
    assert merge.summary() == "Reloaded: 2 new stories"
