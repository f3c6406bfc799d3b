"""The rows of a story's wrapped body: its display lines, and a blank row before each
paragraph but the first. No Textual here.

A row is either a display line (a half-open range of ``Article.text``, see wrap.py) or
the blank row drawn between two paragraphs. Neither kind is kept row by row:

- the blank rows are implied: each paragraph keeps the row its first line is on, and a
  row between one paragraph's last line and the next one's first is blank;
- a paragraph that is one line, the whole of its text (most of a story of short
  paragraphs), keeps no line at all: its line is its span;
- the other paragraphs keep their lines in two arrays of offsets.

A story of a million one-line paragraphs kept three integers for each of its two
million rows (24 MB, four times its text); it now keeps two integers a paragraph.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from operator import attrgetter

from reader.model import Span
from reader.span_table import SpanTable

SEPARATOR = -1
"""The paragraph number ``paragraph`` gives for the blank row before a paragraph."""
# Line indexes hold 32-bit integers: stories are read up to 50 MB (reader.sources), so
# every offset, row and line number fits, in half the memory of 64-bit ones.
OFFSET = "i"
_start = attrgetter("start")


class LineIndex:
    """The rows of paragraphs ``first_paragraph`` to ``wrapped_paragraphs`` of ``spans``.

    Built in paragraph order: ``absorb`` adds the rows of the index that starts where
    this one ends (a chunk just wrapped, or a window wrapped ahead where the reader
    jumped). ``complete`` says whether every paragraph of ``spans`` is in.
    """

    __slots__ = (
        "_ends",
        "_first_line",
        "_first_row",
        "_rows",
        "_starts",
        "first_paragraph",
        "spans",
        "width",
    )

    def __init__(self, width: int, spans: Sequence[Span], first_paragraph: int = 0) -> None:
        self.width = width
        self.spans = spans  # the paragraphs (or pieces of them, see wrap.wrap_pieces)
        self.first_paragraph = first_paragraph
        self._rows = 0
        # For each paragraph (numbered from ``first_paragraph``): the row of its first
        # line, and where its lines begin in ``_starts`` and ``_ends``. A paragraph with
        # no line there before the next one's is one line: its own span.
        self._first_row = array(OFFSET)
        self._first_line = array(OFFSET)
        self._starts = array(OFFSET)
        self._ends = array(OFFSET)

    @classmethod
    def made(
        cls,
        width: int,
        spans: Sequence[Span],
        first_paragraph: int,
        rows: int,
        first_rows: Iterable[int],
        first_lines: Iterable[int],
        lines: tuple[Iterable[int], Iterable[int]] = ((), ()),
    ) -> LineIndex:
        """An index of ``rows`` rows from its arrays (as described in ``__init__``)."""
        index = cls(width, spans, first_paragraph)
        index._rows = rows
        index._first_row.extend(first_rows)
        index._first_line.extend(first_lines)
        index._starts.extend(lines[0])
        index._ends.extend(lines[1])
        if len(index._first_row) != len(index._first_line):
            raise ValueError("each paragraph needs its first row and its first line")
        return index

    def __len__(self) -> int:
        """Rows, the blank ones included."""
        return self._rows

    @property
    def paragraph_count(self) -> int:
        return len(self.spans)

    @property
    def wrapped_paragraphs(self) -> int:
        """The paragraphs wrapped so far end before this one."""
        return self.first_paragraph + len(self._first_row)

    @property
    def complete(self) -> bool:
        return self.wrapped_paragraphs >= len(self.spans)

    def absorb(self, later: LineIndex) -> None:
        """Add the rows of ``later``, an index that starts where this one ends."""
        if later.first_paragraph != self.wrapped_paragraphs or later.width != self.width:
            raise ValueError("only the index that follows on can be absorbed")
        rows, lines = self._rows, len(self._starts)
        self._first_row.extend(map(rows.__add__, later._first_row) if rows else later._first_row)
        self._first_line.extend(
            map(lines.__add__, later._first_line) if lines else later._first_line
        )
        self._starts.extend(later._starts)
        self._ends.extend(later._ends)
        self._rows += later._rows

    # -- rows ------------------------------------------------------------------------

    def _lines_of(self, number: int) -> tuple[int, int]:
        """Where the kept lines of paragraph ``number`` (counted from the first) are."""
        first = self._first_line[number]
        after = number + 1
        stop = self._first_line[after] if after < len(self._first_line) else len(self._starts)
        return first, stop

    def _locate(self, row: int) -> tuple[int, int]:
        """(paragraph counted from the first, its line) on ``row``; line -1: the blank
        row before that paragraph."""
        number = bisect_right(self._first_row, row) - 1
        if number < 0:
            return 0, -1
        first, stop = self._lines_of(number)
        within = row - self._first_row[number]
        if within < max(1, stop - first):
            return number, within
        return number + 1, -1

    def paragraph(self, row: int) -> int:
        """The paragraph ``row`` shows a line of, or SEPARATOR for a blank row."""
        number, line = self._locate(row)
        return SEPARATOR if line < 0 else self.first_paragraph + number

    def span(self, row: int) -> tuple[int, int]:
        """The text on ``row``; a blank row is empty, at the start of the next paragraph."""
        number, line = self._locate(row)
        paragraph = self.first_paragraph + number
        if line >= 0:
            first, stop = self._lines_of(number)
            if stop > first:
                return self._starts[first + line], self._ends[first + line]
        spans = self.spans
        if isinstance(spans, SpanTable):  # read straight from its arrays
            start, end = spans.starts[paragraph], spans.ends[paragraph]
        else:
            span = spans[paragraph]
            start, end = span.start, span.end
        return (start, start) if line < 0 else (start, end)

    def line_of(self, offset: int) -> int | None:
        """The row showing ``offset`` (or the line before the gap it falls in)."""
        count = len(self._first_row)
        if not count:
            return None
        low = self.first_paragraph
        spans = self.spans
        if isinstance(spans, SpanTable):
            paragraph = bisect_right(spans.starts, offset, low, low + count) - 1
        else:
            paragraph = bisect_right(spans, offset, low, low + count, key=_start) - 1
        if paragraph < low:
            return 0
        number = paragraph - low
        first, stop = self._lines_of(number)
        if stop == first:
            return self._first_row[number]
        line = max(first, bisect_right(self._starts, offset, first, stop) - 1)
        return self._first_row[number] + line - first
