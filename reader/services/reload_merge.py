"""Fold the stories read again from one file or address into the library.

A story read again is the same story when it has the same id (same text at the
same place), or else when it sits at the same place (a feed item's link, a
page's address) and nothing else there could be it. A changed story takes its
old one's place; a new one is added; one that is gone from its feed stays, as a
reader may be in the middle of it. No I/O: the handler of a reload's result calls these.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.model import Article, Selector
from reader.services.library import newest_first


class Place:
    """Where the reader was in a story: the focused passage, or the text at the top."""

    def __init__(self, article_id: str, selector: Selector, focused: bool) -> None:
        self.article_id = article_id
        self.selector = selector
        self.focused = focused
        self.found: tuple[int, int] | None = None  # in the new text, set by the worker


@dataclass(slots=True)
class Merge:
    articles: list[Article]  # the library after the reload, newest first
    replaced: dict[str, Article] = field(default_factory=dict)  # old id -> its new text
    added: list[Article] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the notification: what the reload changed."""
        added, changed = len(self.added), len(self.replaced)
        parts = []
        if added:
            parts.append(f"{added} new {'story' if added == 1 else 'stories'}")
        if changed:
            parts.append(f"{changed} changed" if added or changed > 1 else "the story changed")
        return f"Reloaded: {', '.join(parts)}" if parts else "Reloaded: unchanged"


def pair(old: list[Article], fresh: list[Article]) -> dict[str, Article]:
    """Each old story's new version (by old id), for those that have one."""
    fresh_ids = {article.id for article in fresh}
    pairs = {article.id: article for article in old if article.id in fresh_ids}
    rest_old = [article for article in old if article.id not in pairs]
    taken = set(pairs)
    rest_fresh = [article for article in fresh if article.id not in taken]
    if len(rest_old) == 1 and len(rest_fresh) == 1:
        # One story at this place before and after: the same story, whatever changed in it.
        return pairs | {rest_old[0].id: rest_fresh[0]}
    old_places = Counter(article.location for article in rest_old)
    fresh_by_place: dict[str, list[Article]] = {}
    for article in rest_fresh:
        fresh_by_place.setdefault(article.location, []).append(article)
    for article in rest_old:
        candidates = fresh_by_place.get(article.location, [])
        if old_places[article.location] == 1 and len(candidates) == 1:
            pairs[article.id] = candidates[0]
    return pairs


def merge_reloaded(library: list[Article], old: list[Article], fresh: list[Article]) -> Merge:
    """``library`` with ``old`` (its stories from one place) updated from ``fresh``."""
    pairs = pair(old, fresh)
    replaced = {old_id: new for old_id, new in pairs.items() if new.id != old_id}
    present = {new.id for new in pairs.values()} | {article.id for article in library}
    added = [article for article in fresh if article.id not in present]
    updated = [replaced.get(article.id, article) for article in library]
    return Merge(newest_first(updated + added), replaced, added)
