"""The people of one story in the people panel's order, kept as its analysis lands.

Most quoted first, then most mentioned, then by name. A long story's analysis comes
block by block, each a fuller analysis holding the same quotes and name groups as the
last one and more after them (reader.analysis_process.Merger). Ranking all of a story's
100,000 people again for each block kept the UI thread busy for about half a second per
block, and made 100,000 new rows for the collector to walk each time: here a block
costs what it adds. Only the people it adds or changes are placed again, merged into the
order kept from the blocks before.

Textual-free. :meth:`StoryPeople.update` is a generator of small steps, so that the UI
can run it a slice at a time between keys.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Generator, Sequence
from itertools import compress
from operator import attrgetter, ne, not_
from typing import NamedTuple

from reader.model import Analysis, EntityGroup, Quote

STEP = 2_000  # quotes or people handled in Python between two yields (about a millisecond)
CHUNK = 20_000  # people compared in C between two yields
SORT_PART = 4_000  # new people sorted at once (a few milliseconds)
_LONE = 1 << 40  # speakers no name group holds are placed after every group
_QUOTE_COUNT = attrgetter("quote_count")
_MENTIONS = attrgetter("mentions")


class Ranked(NamedTuple):
    """One person of the story. Tuples of these sort in the panel's order: most quoted
    first, then most mentioned, then by name, then in the order the analysis found them.
    """

    minus_quoted: int
    minus_mentions: int
    name: str
    place: int  # the name group's index, or past every group for a speaker with none

    @property
    def quoted(self) -> int:
        return -self.minus_quoted

    @property
    def mentions(self) -> int:
        return -self.minus_mentions


class StoryPeople:
    """The ranked people of one story, updated by each fuller analysis of it."""

    def __init__(self) -> None:
        self.ranked: list[Ranked] = []  # a new list at each change: a shown one stays as is
        self._start_again()

    def _start_again(self) -> None:
        self.ranked = []
        self._quotes_seen = 0
        self._last_quote: Quote | None = None
        self._groups_seen = 0
        self._last_group: EntityGroup | None = None
        self._quote_counts: list[int] = []  # each group's, when last looked at
        self._mention_counts: list[int] = []
        self._quoted: dict[str, int] = {}  # quotes said by each speaker, by name
        self._places_of: dict[str, list[int]] = {}  # the person groups of each name
        self._rank_of: dict[int, Ranked] = {}  # each person group's, by place
        self._lone: dict[str, Ranked] = {}  # speakers quoted with no group of their name
        self._lone_places: dict[int, str] = {}  # every speaker ever listed alone, by place
        self._halfway = False  # an update stopped before its end: state not to be trusted

    def rank_of(self, place: int) -> Ranked | None:
        """Where the person at ``place`` (a :attr:`Ranked.place`) stands now."""
        if place >= _LONE:
            name = self._lone_places.get(place)
            return self._lone.get(name) if name is not None else None
        return self._rank_of.get(place)

    def update(self, analysis: Analysis) -> Generator[None, None, None]:
        """Take in ``analysis`` (of the same story, or a fuller one): :attr:`ranked` is
        the story's people in order once the generator ends."""
        quotes, groups = analysis.quotes, analysis.groups
        if self._halfway or not self._grew(quotes, groups):
            self._start_again()
        self._halfway = True
        touched = yield from self._count_new_quotes(quotes)
        changed = yield from self._changed_groups(groups)
        new_names = yield from self._add_groups(groups, changed)
        yield from self._quoted_by_name(touched, changed)
        removed: set[Ranked] = set()
        added: list[Ranked] = []
        yield from self._ranks_changed(groups, changed, removed, added)
        yield from self._lone_changed(touched, new_names, removed, added)
        ranked = self.ranked
        # Sorted and merged a part at a time: one sort of a block's 25,000 new people
        # held the UI for up to 20 ms.
        for at in range(0, len(added), SORT_PART):
            part = sorted(added[at : at + SORT_PART])
            yield
            ranked = yield from _merged(ranked, removed, part)
            removed = set()
        if removed:
            ranked = yield from _merged(ranked, removed, [])
        self.ranked = ranked
        self._halfway = False

    def _grew(self, quotes: Sequence[Quote], groups: Sequence[EntityGroup]) -> bool:
        """Whether ``quotes`` and ``groups`` are the ones seen last with more at their end."""
        quotes_seen, groups_seen = self._quotes_seen, self._groups_seen
        return (
            quotes_seen <= len(quotes)
            and groups_seen <= len(groups)
            and (not quotes_seen or quotes[quotes_seen - 1] is self._last_quote)
            and (not groups_seen or groups[groups_seen - 1] is self._last_group)
        )

    def _count_new_quotes(self, quotes: Sequence[Quote]) -> Generator[None, None, set[str]]:
        """Count the quotes new since the last update by speaker; the speakers counted."""
        quoted = self._quoted
        touched: set[str] = set()
        for count, quote in enumerate(quotes[self._quotes_seen :], 1):
            speaker = quote.speaker
            if speaker and quote.kind == "quote":
                quoted[speaker] = quoted.get(speaker, 0) + 1
                touched.add(speaker)
            if count % STEP == 0:
                yield
        self._quotes_seen = len(quotes)
        self._last_quote = quotes[-1] if quotes else None
        return touched

    def _changed_groups(self, groups: Sequence[EntityGroup]) -> Generator[None, None, set[int]]:
        """Groups seen before whose quotes or mentions changed since (a later block named
        them again, or the last block counted every quote afresh), compared in C."""
        changed: set[int] = set()
        for at in range(0, self._groups_seen, CHUNK):
            part = groups[at : min(at + CHUNK, self._groups_seen)]
            places = range(at, at + len(part))
            counts = list(map(_QUOTE_COUNT, part))
            mentions = list(map(len, map(_MENTIONS, part)))
            end = at + len(part)
            changed.update(compress(places, map(ne, counts, self._quote_counts[at:end])))
            changed.update(compress(places, map(ne, mentions, self._mention_counts[at:end])))
            self._quote_counts[at:end] = counts
            self._mention_counts[at:end] = mentions
            yield
        return changed

    def _add_groups(
        self, groups: Sequence[EntityGroup], changed: set[int]
    ) -> Generator[None, None, set[str]]:
        """Take in the groups new since the last update (their people to be placed, in
        ``changed``); the names of the new people."""
        names: set[str] = set()
        for count, place in enumerate(range(self._groups_seen, len(groups)), 1):
            group = groups[place]
            self._quote_counts.append(group.quote_count)
            self._mention_counts.append(len(group.mentions))
            if group.label == "PER":
                self._places_of.setdefault(group.name, []).append(place)
                names.add(group.name)
                changed.add(place)
            if count % STEP == 0:
                yield
        self._groups_seen = len(groups)
        self._last_group = groups[-1] if groups else None
        return names

    def _quoted_by_name(self, touched: set[str], changed: set[int]) -> Generator[None, None, None]:
        """A group the analysis credited no quote to is ranked by its name's quotes: those
        of the names just quoted are placed again."""
        places_of, counts = self._places_of, self._quote_counts
        for count, name in enumerate(touched, 1):
            for place in places_of.get(name, ()):
                if not counts[place]:
                    changed.add(place)
            if count % STEP == 0:
                yield

    def _ranks_changed(
        self,
        groups: Sequence[EntityGroup],
        changed: set[int],
        removed: set[Ranked],
        added: list[Ranked],
    ) -> Generator[None, None, None]:
        """The ranks the people of ``changed`` leave (into ``removed``), and those they
        take (into ``added``, new people too)."""
        quoted, rank_of = self._quoted, self._rank_of
        counts, mentions = self._quote_counts, self._mention_counts
        for count, place in enumerate(changed, 1):
            if count % STEP == 0:
                yield
            group = groups[place]
            if group.label != "PER":
                continue
            said = counts[place] or quoted.get(group.name, 0)
            now = Ranked(-said, -mentions[place], group.name, place)
            before = rank_of.get(place)
            if now == before:
                continue
            if before is not None:
                removed.add(before)
            rank_of[place] = now
            added.append(now)

    def _lone_changed(
        self, touched: set[str], new_names: set[str], removed: set[Ranked], added: list[Ranked]
    ) -> Generator[None, None, None]:
        """Speakers the analysis quoted but did not list as a group belong in the list too,
        until a group of their name is found."""
        lone = self._lone
        for name in new_names & lone.keys():
            removed.add(lone.pop(name))
        for count, name in enumerate(touched, 1):
            if count % STEP == 0:
                yield
            if name in self._places_of:
                continue
            before = lone.get(name)
            if before is not None:
                place = before.place
                removed.add(before)
            else:
                place = _LONE + len(self._lone_places)
                self._lone_places[place] = name
            now = Ranked(-self._quoted[name], 0, name, place)
            lone[name] = now
            added.append(now)


def _merged(
    ranked: list[Ranked], removed: set[Ranked], added: list[Ranked]
) -> Generator[None, None, list[Ranked]]:
    """``ranked`` without ``removed``, with ``added`` (sorted) in their places: a new list."""
    kept = ranked
    if removed:
        kept = []
        for at in range(0, len(ranked), CHUNK):
            part = ranked[at : at + CHUNK]
            kept += compress(part, map(not_, map(removed.__contains__, part)))
            yield
    merged: list[Ranked] = []
    start = 0
    for count, person in enumerate(added, 1):
        at = bisect_left(kept, person, start)
        merged += kept[start:at]
        merged.append(person)
        start = at
        if count % STEP == 0:
            yield
    merged += kept[start:]
    return merged
