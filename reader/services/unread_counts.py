"""How many stories are unread, in all and per source, without walking the library each time.

Counting 100,000 stories takes a tenth of a second; a story becoming read (every first
move in one) must not cost that. The counts are made once per library (a new list is
a new library) and then moved by one as each mark changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import compress
from operator import attrgetter

from reader.model import Article


class UnreadCounts:
    """``is_unread`` answers for one story; ``unread_of``, when given, for a whole library
    at once (one look at the marks, not a call per story: the count of a 100,000-story
    feed held the keys for a few tenths of a second)."""

    def __init__(
        self,
        is_unread: Callable[[Article], bool],
        unread_of: Callable[[Sequence[Article]], list[bool]] | None = None,
    ) -> None:
        self._is_unread = is_unread
        self._unread_of = unread_of
        self._library: list[Article] | None = None
        self._ids: set[str] = set()
        self._sources: Mapping[str, str] = {}
        self.total = 0
        self.by_source: Counter[str] = Counter()

    def update(self, library: list[Article], source_of: Mapping[str, str]) -> None:
        """Count ``library`` afresh unless it is the list counted last time."""
        if library is self._library:
            return
        self._library, self._sources = library, source_of
        ids = list(map(attrgetter("id"), library))
        self._ids = set(ids)
        if self._unread_of is not None:
            unread = self._unread_of(library)
        else:
            unread = list(map(self._is_unread, library))
        unread_ids = list(compress(ids, unread))
        self.total = len(unread_ids)
        self.by_source = Counter(
            source for story in unread_ids if (source := source_of.get(story)) is not None
        )

    def forget(self) -> None:
        """Count again at the next update (the marks were read anew)."""
        self._library = None

    def changed(self, article: Article, unread: bool) -> None:
        """``article`` became unread (or read): move the counts by one."""
        if self._library is None or article.id not in self._ids:
            return
        step = 1 if unread else -1
        self.total += step
        source = self._sources.get(article.id)
        if source is not None:
            self.by_source[source] += step
