"""Sorted spans with a value, and a fast "which overlap this range" (no Textual here).

The reader's layers (quotes, names, tags, search matches) are each one ``SpanIndex``;
the plain models (search_model.py) build them and the painter (layers.py) reads them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain
from typing import NamedTuple


class Mark(NamedTuple):
    """A span with an optional value (a tag colour, an entity label, ...).

    A named tuple, not a dataclass: a long story carries tens of thousands of marks,
    and tuples are built and sorted (by start, end, value) at C speed.
    """

    start: int
    end: int
    value: str = ""


class SpanIndex:
    """Spans sorted by start; finds those overlapping a range in O(log n + hits)."""

    __slots__ = ("_max_end", "_starts", "marks")

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self.marks = sorted(
            (mark for mark in marks if mark.end > mark.start),
            key=lambda mark: (mark.start, mark.end),
        )
        self._starts = [mark.start for mark in self.marks]
        # Running maximum of ends: the first index whose max end passes ``start`` is where
        # overlapping spans can begin, even when a long span hides behind short ones.
        self._max_end = list(accumulate((mark.end for mark in self.marks), max))

    @classmethod
    def joined(cls, parts: Sequence[SpanIndex]) -> SpanIndex:
        """One index of ``parts`` that follow each other: every mark of a part starts
        before the first of the next (the blocks of a long story). Joined at C speed,
        so a block's arrival costs its own marks, not the whole story's again."""
        index = cls.__new__(cls)
        index.marks = list(chain.from_iterable(part.marks for part in parts))
        index._starts = list(chain.from_iterable(part._starts for part in parts))
        # The running maximum of the parts' running maxima is the running maximum.
        index._max_end = list(accumulate(chain.from_iterable(part._max_end for part in parts), max))
        return index

    def __len__(self) -> int:
        return len(self.marks)

    def __bool__(self) -> bool:
        return bool(self.marks)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        first = bisect_left(self._max_end, start + 1)
        hits: list[Mark] = []
        for index in range(first, len(self.marks)):
            mark = self.marks[index]
            if mark.start >= end:
                break
            if mark.end > start:
                hits.append(mark)
        return hits
