"""Sorted spans with a value, and a fast "which overlap this range" (no Textual here).

The reader's layers (quotes, names, tags, search matches) are each one ``SpanIndex``;
the plain models (search_model.py) build them and the painter (layers.py) reads them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate, count
from typing import NamedTuple

_serials = count(1)


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

    __slots__ = ("_max_end", "_starts", "added", "grew_from", "marks", "serial")

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self._number()
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
        before the first of the next (the blocks of a long story).

        Joined by copying the parts' lists whole: the running maximum of ends carries
        over as it is when each part's marks end before the next part's first ends, as
        a story's blocks do. Rebuilding it mark by mark, with the story's quotes and names
        joined again for every block, held the interpreter for up to 0.2 s a block of a
        49 MB story, and every key waited for it.
        """
        index = cls.__new__(cls)
        index._number()
        index.marks, index._starts, index._max_end = [], [], []
        for part in parts:
            if index._max_end and part._max_end and part._max_end[0] < index._max_end[-1]:
                # A mark reaches into the next part: the running maximum is recounted.
                later = accumulate(part._max_end, max, initial=index._max_end[-1])
                next(later)
                index._max_end += later
            else:
                index._max_end += part._max_end
            index.marks += part.marks
            index._starts += part._starts
        return index

    def _number(self) -> None:
        self.serial = next(_serials)
        # The serial of an index this one is, with marks added or changed in ``added`` (a
        # text range) only; 0: none (see ``changed_from``).
        self.grew_from = 0
        self.added = (0, 0)

    def grew(self, base_serial: int, start: int, end: int) -> None:
        """Say that this index is the one numbered ``base_serial`` with only the marks
        inside ``[start, end)`` added or changed (a block of a long story's analysis)."""
        self.grew_from, self.added = base_serial, (start, end)

    def changed_from(self, other: SpanIndex) -> tuple[int, int] | None:
        """The text range where this index's marks differ from ``other``'s: empty when
        they are one index, None when that is not known (then all of it may differ).

        A view that draws ``other`` redraws only the text in that range: a block of a
        49 MB story's analysis landing far below the screen redrew the whole pane, and a
        key pressed then waited for that frame (~12 ms) and the next one.
        """
        if other is self:
            return (0, 0)
        return self.added if self.grew_from == other.serial else None

    @property
    def extent(self) -> tuple[int, int] | None:
        """From the first mark's start to the farthest end; None without marks."""
        return (self.marks[0].start, self._max_end[-1]) if self.marks else None

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
