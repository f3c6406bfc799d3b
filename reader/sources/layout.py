"""Lines, blank-line blocks and body paragraphs of a decoded story, as offsets.

Everything here works on spans of the original text, so whatever the reader
shows can be mapped back to the exact characters of the file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.model import Span

# A sentence is over: final punctuation, maybe followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019\u00bb)\]]*$")
# Lines longer than this on average mean the text is not hard-wrapped: one line per paragraph.
_UNWRAPPED_LINE = 160


@dataclass(slots=True, frozen=True)
class Line:
    start: int
    end: int  # end of the line's content, before the newline

    def text(self, source: str) -> str:
        return source[self.start : self.end]


Block = list[Line]
"""Consecutive non-blank lines."""


def iter_lines(text: str, start: int = 0) -> Iterator[Line]:
    """Lines from ``start``, split on ``\\n`` only (never on form feeds or U+2028)."""
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        if newline == -1:
            newline = length
        yield Line(position, newline)
        position = newline + 1


def blocks(text: str, start: int = 0) -> list[Block]:
    """Groups of non-blank lines separated by blank (or whitespace-only) lines."""
    found: list[Block] = []
    current: Block = []
    for line in iter_lines(text, start):
        if text[line.start : line.end].strip():
            current.append(line)
        elif current:
            found.append(current)
            current = []
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


def _wrap_width(text: str, body: list[Block]) -> int | None:
    """The column the body was hard-wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(line.end - line.start for block in body for line in block)
    if not lengths:
        return None
    if sum(lengths) / len(lengths) > _UNWRAPPED_LINE:
        return None
    return lengths[(len(lengths) * 9) // 10]


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


def plain_paragraphs(text: str, body: list[Block]) -> list[Span]:
    """Body paragraphs of plain text; a wrapped line inside one stays a soft break."""
    wrap = _wrap_width(text, body)
    found: list[Span] = []
    for block in body:
        first = block[0]
        for previous, line in itertools.pairwise(block):
            if _starts_paragraph(text, previous, line, wrap):
                found.append(trimmed(text, first.start, previous.end))
                first = line
        found.append(trimmed(text, first.start, block[-1].end))
    return [span for span in found if span.end > span.start]


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
