"""Which stories of a whole library hold every word of a query, in bounded steps.

Textual-free. :func:`find` in library_search answers for one story at a time, a
Python call per story: 100,000 stories cost a few hundred milliseconds a query. Here
the library's folded search text is kept as columns (every title line, every story's
speakers, every text) and a word is looked for in a whole chunk of stories at once with
``map(contains, ...)``, which runs in C; only the stories still in question after the
title line are looked for among the speakers and then in the text. :func:`match_steps`
yields between chunks (a few milliseconds each, text included: a huge story is searched
a window at a time), so the UI can run it between keys.

Why a story matched (the speaker or the snippet a row shows) is worked out only for
rows on screen (:class:`Reasons`); the search itself only says which rows matched
somewhere other than their title line, since those rows take one more line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import attrgetter, contains, not_, or_
from typing import NamedTuple

from reader.services.library_search import Found, StoryIndex, UnfoldedText, drain, find_in

ROW_CHUNK = 8_000  # stories looked at in one step
TEXT_CHUNK = 1 << 21  # characters of text searched in one step (about a millisecond)
RECENT = 8  # queries whose results are kept, for backspace and for a query that grows


@dataclass(slots=True, frozen=True)
class SearchColumns:
    """The library's folded search text, a column per part, in library order."""

    heads: list[str]  # title, date, source and byline
    speakers: list[str]  # the folded names of the people each story quotes, a line each
    bodies: list[str | UnfoldedText]  # the text (a long one folded when searched)
    body_ends: list[int]  # running total of the texts' lengths, to cut steps by size

    def __len__(self) -> int:
        return len(self.heads)


def columns_of(index: Sequence[StoryIndex]) -> SearchColumns:
    return drain(columns_steps(index))


class Matches(NamedTuple):
    """The rows (ascending) holding every word, and those found other than by title line."""

    words: tuple[str, ...]
    rows: Sequence[int]
    elsewhere: frozenset[int]


def refines(narrower: Sequence[str], wider: Sequence[str]) -> bool:
    """Does every story matching ``narrower`` match ``wider`` too? (Each word of
    ``wider`` is inside some word of ``narrower``: "harbo fer" narrows "harb".)"""
    return all(any(old in new for new in narrower) for old in wider)


def match_steps(
    columns: SearchColumns, words: Sequence[str], within: Sequence[int] | None = None
) -> Generator[None, None, Matches]:
    """The rows of ``within`` (default: all) whose story holds every word; yields
    between chunks of work."""
    rows: Sequence[int] = range(len(columns)) if within is None else within
    elsewhere: set[int] = set()
    for word in words:
        kept: list[int] = []
        start = 0
        while start < len(rows):
            end = _chunk_end(columns, rows, start)
            chunk = rows[start:end]
            found = yield from _match_chunk(columns, chunk, word, elsewhere)
            kept += found
            start = end
            yield
        rows = kept
        if not rows:
            break
    return Matches(tuple(words), rows, frozenset(elsewhere.intersection(rows)))


def match(
    columns: SearchColumns, words: Sequence[str], within: Sequence[int] | None = None
) -> Matches:
    return drain(match_steps(columns, words, within))


def _chunk_end(columns: SearchColumns, rows: Sequence[int], start: int) -> int:
    """Where a step that starts at ``rows[start]`` ends: at most ROW_CHUNK rows, and the
    texts of the rows it spans (skipped ones included: a bound) at most TEXT_CHUNK."""
    ends = columns.body_ends
    first = rows[start]
    before = ends[first - 1] if first else 0
    last_row = bisect_right(ends, before + TEXT_CHUNK)  # rows below it fit
    end = bisect_left(rows, last_row, start, min(len(rows), start + ROW_CHUNK))
    return max(end, start + 1)


def _match_chunk(
    columns: SearchColumns, chunk: Sequence[int], word: str, elsewhere: set[int]
) -> Generator[None, None, list[int]]:
    """The rows of ``chunk`` holding ``word``; those not by title line added to ``elsewhere``."""
    in_head = list(map(contains, map(columns.heads.__getitem__, chunk), repeat(word)))
    others = list(compress(chunk, map(not_, in_head)))
    if not others:
        return list(chunk)
    by_name = map(contains, map(columns.speakers.__getitem__, others), repeat(word))
    said = list(by_name)
    rest = list(compress(others, map(not_, said)))
    hits = set(compress(others, said))
    if len(rest) == 1 and len(columns.bodies[rest[0]]) > TEXT_CHUNK:
        if (yield from _in_long_text(columns.bodies[rest[0]], word)):
            hits.add(rest[0])
    elif rest:
        in_text = map(contains, map(columns.bodies.__getitem__, rest), repeat(word))
        hits.update(compress(rest, in_text))
    elsewhere.update(hits)
    return list(compress(chunk, map(or_, in_head, map(hits.__contains__, chunk))))


def _in_long_text(text: str | UnfoldedText, word: str) -> Generator[None, None, bool]:
    """``word in text``, a window at a time (``find`` with bounds copies nothing)."""
    if isinstance(text, UnfoldedText):
        for _start, _original, folded in text.windows(word):
            if word in folded:
                return True
            yield
        return False
    overlap = len(word) - 1
    for start in range(0, len(text), TEXT_CHUNK):
        if text.find(word, max(0, start - overlap), start + TEXT_CHUNK) != -1:
            return True
        yield
    return False


@dataclass(slots=True)
class RecentMatches:
    """The last few queries' results on one set of columns: backspace answers at once,
    and a query that grows searches only the stories the shorter one found."""

    columns: SearchColumns
    found: dict[tuple[str, ...], Matches] = field(default_factory=dict)

    def get(self, words: Sequence[str]) -> Matches | None:
        return self.found.get(tuple(words))

    def base(self, words: Sequence[str]) -> Sequence[int] | None:
        """The fewest rows known to hold every story matching ``words`` (None: all)."""
        wider = [m.rows for m in self.found.values() if refines(words, m.words)]
        return min(wider, key=len) if wider else None

    def keep(self, matches: Matches) -> None:
        self.found.pop(matches.words, None)
        self.found[matches.words] = matches
        while len(self.found) > RECENT:
            del self.found[next(iter(self.found))]

    def steps(self, words: Sequence[str]) -> Generator[None, None, Matches]:
        known = self.get(words)
        if known is not None:
            return known
        matches = yield from match_steps(self.columns, words, self.base(words))
        self.keep(matches)
        return matches


class Reasons:
    """Why each row matched, for rows found other than by their title line: worked out
    when a row is drawn (a speaker, or a snippet of the text), not for every row found."""

    def __init__(
        self,
        rows: frozenset[int] = frozenset(),
        entry: Callable[[int], StoryIndex | None] | None = None,
        text: Callable[[int], str] | None = None,
        words: Sequence[str] = (),
    ) -> None:
        self.rows = rows
        self._entry = entry
        self._text = text
        self._words = list(words)
        self._found: dict[int, Found] = {}

    def __contains__(self, row: object) -> bool:
        return row in self.rows

    def __iter__(self) -> Iterator[int]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, row: int) -> Found | None:
        if row not in self.rows or self._entry is None:
            return None
        found = self._found.get(row)
        if found is None:
            entry = self._entry(row)
            text = self._text(row) if self._text is not None else None
            found = find_in(entry, self._words, text) if entry is not None else None
            if found is None:
                return None
            self._found[row] = found
        return found

    def items(self) -> Iterator[tuple[int, Found]]:
        for row in sorted(self.rows):
            found = self.get(row)
            if found is not None:
                yield row, found


NO_REASONS = Reasons()


def columns_steps(index: Sequence[StoryIndex]) -> Generator[None, None, SearchColumns]:
    """:func:`columns_of`, a chunk of stories at a time."""
    heads: list[str] = []
    speakers: list[str] = []
    bodies: list[str | UnfoldedText] = []
    for start in range(0, len(index), ROW_CHUNK):
        chunk = index[start : start + ROW_CHUNK]
        heads += map(attrgetter("head"), chunk)
        speakers += map("\n".join, map(attrgetter("folded_speakers"), chunk))
        bodies += map(attrgetter("body"), chunk)
        yield
    return SearchColumns(heads, speakers, bodies, list(accumulate(map(len, bodies))))
