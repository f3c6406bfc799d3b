"""Sorted spans with a value, and a fast "which overlap this range" (no Textual here).

The reader's layers (quotes, names, tags, search matches) are each one ``SpanIndex``;
the plain models (search_model.py) build them and the painter (layers.py) reads them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate, count
from operator import gt, itemgetter
from typing import NamedTuple

_serials = count(1)
_START, _END, _START_END = itemgetter(0), itemgetter(1), itemgetter(0, 1)


class Mark(NamedTuple):
    """A span with an optional value (a tag colour, an entity label, ...).

    A named tuple, not a dataclass: a long story carries tens of thousands of marks,
    and tuples are built and sorted (by start, end, value) at C speed.
    """

    start: int
    end: int
    value: str = ""


class _Run(NamedTuple):
    """Marks sorted by (start, end) and the running maximum of their ends:
    the first index whose maximum end passes ``start`` is where spans overlapping it can
    begin, even when a long span hides behind short ones."""

    marks: list[Mark]
    max_end: list[int]

    def overlapping(self, start: int, end: int) -> list[Mark]:
        marks = self.marks
        hits: list[Mark] = []
        for index in range(bisect_left(self.max_end, start + 1), len(marks)):
            mark = marks[index]
            if mark.start >= end:
                break
            if mark.end > start:
                hits.append(mark)
        return hits


class SpanIndex:
    """Spans sorted by start; finds those overlapping a range in O(log n + hits).

    The spans are kept in runs that follow each other in the text (one, unless the
    index is ``joined`` from the indexes of a long story's blocks).
    """

    __slots__ = ("_reach", "_runs", "_size", "added", "grew_from", "serial")

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self._number()
        # C loops only (no Python step per mark): a long story's layers are built from
        # 127,000 names, and a search's from up to its limit of matches.
        ordered = sorted(marks, key=_START_END)
        ends = list(map(_END, ordered))
        if not all(map(gt, ends, map(_START, ordered))):  # empty spans: dropped
            ordered = [mark for mark in ordered if mark.end > mark.start]
            ends = list(map(_END, ordered))
        run = _Run(ordered, list(accumulate(ends, max)))
        self._set_runs([run] if ordered else [])

    def _set_runs(self, runs: list[_Run]) -> None:
        self._runs = runs
        self._size = sum(len(run.marks) for run in runs)
        # The farthest end reached by each run and the ones before it: the runs before
        # the first whose reach passes ``start`` hold nothing overlapping it.
        self._reach = list(accumulate((run.max_end[-1] for run in runs), max))

    @classmethod
    def joined(cls, parts: Sequence[SpanIndex]) -> SpanIndex:
        """One index of ``parts`` that follow each other: every mark of a part starts
        before the first of the next (the blocks of a long story).

        The parts' runs are shared, not copied: joining the story's quotes and names
        again for every block copied every mark so far (1.4 s of a 49 MB story's
        analysis thread, lists the UI thread then had to free), and rebuilding them
        mark by mark held the interpreter for up to 0.2 s a block.
        """
        index = cls.__new__(cls)
        index._number()
        index._set_runs([run for part in parts for run in part._runs])
        return index

    @property
    def marks(self) -> list[Mark]:
        """All the marks, in order (a list of the index's own when it has one run)."""
        if len(self._runs) == 1:
            return self._runs[0].marks
        return [mark for run in self._runs for mark in run.marks]

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
        return (self._runs[0].marks[0].start, self._reach[-1]) if self._runs else None

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0

    def overlapping(self, start: int, end: int) -> list[Mark]:
        runs = self._runs
        if len(runs) == 1:
            return runs[0].overlapping(start, end)
        hits: list[Mark] = []
        for number in range(bisect_left(self._reach, start + 1), len(runs)):
            run = runs[number]
            if run.marks[0].start >= end:
                break
            hits += run.overlapping(start, end)
        return hits
