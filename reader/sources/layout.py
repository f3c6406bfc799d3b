"""Lines, blank-line blocks and body paragraphs of a decoded story, as offsets.

Everything here works on spans of the original text, so whatever the reader
shows can be mapped back to the exact characters of the file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import NamedTuple

from reader.model import Span

# A sentence is over: final punctuation, maybe followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:][\"'\u201d\u2019\u00bb)\]]*$")
# Lines longer than this on average mean the text is not hard-wrapped: one line per paragraph.
_UNWRAPPED_LINE = 160


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


def _wrap_width(body: list[Block]) -> int | None:
    """The column the body was hard-wrapped at, or None when lines are whole paragraphs."""
    lengths = [line.end - line.start for block in body for line in block]
    if not lengths:
        return None
    if sum(lengths) / len(lengths) > _UNWRAPPED_LINE:
        return None  # told before sorting: a long unwrapped story's lines are many
    lengths.sort()
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
    wrap = _wrap_width(body)
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
