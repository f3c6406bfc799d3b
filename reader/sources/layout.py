"""Lines, blank-line blocks and body paragraphs of a decoded story, as offsets.

Everything here works on spans of the original text, so whatever the reader
shows can be mapped back to the exact characters of the file.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from reader.model import Span
from reader.span_table import SpanTable, offset_array

# A sentence is over: final punctuation, maybe followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019\u00bb)\]]*$")
# Lines longer than this on average mean the text is not hard-wrapped: one line per paragraph.
_UNWRAPPED_LINE = 160
# Lines measured by one call into C (about a millisecond's work): see _lines_wrap_width.
MEASURED_AT_ONCE = 20_000


class Line(NamedTuple):
    """One line's content, ``[start, end)``, without its newline.

    A named tuple rather than a dataclass: a 5 MB story has 100,000 of them.
    """

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


Block = list[Line]
"""Consecutive non-blank lines."""


def blocks(text: str, start: int = 0) -> list[Block]:
    """Groups of non-blank lines separated by blank (or whitespace-only) lines.

    Lines are split on ``\n`` only, never on form feeds or U+2028, so offsets
    agree with what every other stage counts as a line.
    """
    found: list[Block] = []
    current: Block = []
    position = start
    for content in text[start:].split("\n"):
        end = position + len(content)
        if content and not content.isspace():
            current.append(Line(position, end))
        elif current:
            found.append(current)
            current = []
        position = end + 1
    if current:
        found.append(current)
    return found


def trimmed(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _starts_paragraph(text: str, previous: Line, line: Line, wrap: int | None) -> bool:
    """Whether ``line`` begins a new paragraph although no blank line precedes it."""
    if wrap is None:
        return True
    before = text[previous.start : previous.end].rstrip()
    if not _SENTENCE_END.search(before):
        return False
    if text[line.start : line.end][:1].isspace():
        # An indented first line after a finished sentence: indented-paragraph style.
        return True
    # A finished sentence on a line far shorter than the wrap column ended its paragraph.
    return len(before) < 0.6 * wrap


def head_blocks(text: str, limit: int, start: int = 0) -> tuple[list[Block], int]:
    """The first ``limit`` blocks from ``start`` (as ``blocks`` finds them), and where the
    text after them begins: ``len(text)`` when they are all there is.

    The header of a story is in its first few blocks; reading the rest as ``Line`` and
    ``Block`` objects cost a story of a million short paragraphs ~300 MB on the way to
    its paragraphs (``plain_paragraphs`` reads the rest through ``BodyLines``).
    """
    found: list[Block] = []
    current: Block = []
    position, size = start, len(text)
    while position <= size:
        newline = text.find("\n", position)
        end = size if newline < 0 else newline
        if end > position and not text[position:end].isspace():
            current.append(Line(position, end))
        elif current:
            found.append(current)
            current = []
            if len(found) >= limit:
                return found, position
        position = end + 1
    if current:
        found.append(current)
    return found, size


# A line with something on it: what ``blocks`` keeps (``\S`` is what str.isspace is not).
_CONTENT_LINE = re.compile(r"[^\n]*\S[^\n]*")


class BodyLines:
    """The body's non-blank lines as offsets, and which of them open a block."""

    __slots__ = ("ends", "opens", "starts")

    def __init__(self, text: str, head: list[Block], tail: int) -> None:
        self.starts = offset_array(len(text))
        self.ends = offset_array(len(text))
        self.opens = bytearray()
        for block in head:
            for number, line in enumerate(block):
                self._add(line.start, line.end, number == 0)
        previous_end = -2  # the tail starts at a blank line: its first line opens a block
        for match in _CONTENT_LINE.finditer(text, tail):
            start, end = match.span()
            # Lines next to each other share a block; anything between them is blank lines.
            self._add(start, end, start > previous_end + 1)
            previous_end = end

    def _add(self, start: int, end: int, opens: bool) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.opens.append(opens)

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, number: int) -> Line:
        return Line(self.starts[number], self.ends[number])


def _lines_wrap_width(lines: BodyLines) -> int | None:
    """The column the body was hard-wrapped at, or None when lines are whole paragraphs."""
    count = len(lines)
    if not count:
        return None
    # The lengths are counted ``MEASURED_AT_ONCE`` lines at a time: a story is read on a
    # thread beside the UI, and one call into C holds the interpreter lock until it
    # returns. Sorting the lengths of a million lines in one call held it ~100 ms, and
    # the first key pressed after such a story showed waited for it.
    lengths: Counter[int] = Counter()
    starts, ends = lines.starts, lines.ends
    for at in range(0, count, MEASURED_AT_ONCE):
        stop = at + MEASURED_AT_ONCE
        lengths.update(map(operator.sub, ends[at:stop], starts[at:stop]))
    total = sum(length * times for length, times in lengths.items())
    if total / count > _UNWRAPPED_LINE:
        return None
    # The length of the line at nine tenths of the way through them, shortest first.
    wanted, seen = (count * 9) // 10, 0
    for length in sorted(lengths):
        seen += lengths[length]
        if seen > wanted:
            return length
    raise AssertionError("every line was counted")  # pragma: no cover


def plain_paragraphs(text: str, body: list[Block], tail: int | None = None) -> SpanTable:
    """Body paragraphs of plain text; a wrapped line inside one stays a soft break.

    ``body`` is the body's blocks; with ``tail``, the body goes on with the text from
    that offset (see ``head_blocks``), read as offsets only.
    """
    lines = BodyLines(text, body, len(text) if tail is None else tail)
    wrap = _lines_wrap_width(lines)
    starts, ends = offset_array(len(text)), offset_array(len(text))

    def add(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            starts.append(start)
            ends.append(end)

    if wrap is None:  # every line is a paragraph
        for start, end in zip(lines.starts, lines.ends, strict=True):
            add(start, end)
        return SpanTable(starts, ends)
    first = 0
    for number in range(1, len(lines)):
        if lines.opens[number] or _starts_paragraph(
            text, lines.line(number - 1), lines.line(number), wrap
        ):
            add(lines.starts[first], lines.ends[number - 1])
            first = number
    if len(lines):
        add(lines.starts[first], lines.ends[-1])
    return SpanTable(starts, ends)


def split_blocks(
    text: str, body: list[Block], starts_paragraph: Callable[[str], bool]
) -> list[Block]:
    """Cut blocks further before every line for which ``starts_paragraph`` is true."""
    result: list[Block] = []
    for block in body:
        current: Block = []
        for line in block:
            if current and starts_paragraph(text[line.start : line.end]):
                result.append(current)
                current = []
            current.append(line)
        result.append(current)
    return result
