"""The header block of a plain-text story: title lines, "By X", a date, a source.

The user's stories look like::

     Moscow Hopes U.S. 'Serious' in Seeking
    Dialogue in New Talks

    By AFP

    July 27,2021

    TASS

    Russia on Tuesday said ...

The title may wrap over several lines (and start with a stray space); the
byline, date and source lines come in any order, each alone or together in
one block. Without a byline or a date there is no header beyond the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.sources.dates import parse_date_line
from reader.sources.layout import Block

_BYLINE = re.compile(r"by\b\s*:?\s*(?P<name>\S.*?)\s*", re.I)
_SOURCE = re.compile(r"(?:source|agency|via)\s*:\s*(?P<name>\S.*?)\s*", re.I)
# Markdown emphasis around a header line: "*By Jane Doe*", "_July 27, 2021_".
_EMPHASIS = re.compile(r"^([*_]{1,3})(?P<inner>.+?)\1$")
_MAX_TITLE_LINES = 4
_MAX_TITLE_CHARS = 300
_MAX_SHORT_LINE = 60
_MAX_SHORT_WORDS = 8
_MAX_HEADER_BLOCKS = 6


@dataclass(slots=True)
class Header:
    """What the header said, and where the body begins (index of its first block)."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    body_block: int = 0


def clean(line: str) -> str:
    """A header line without surrounding space or Markdown emphasis."""
    line = " ".join(line.split())
    match = _EMPHASIS.match(line)
    return match.group("inner").strip() if match else line


def byline_of(line: str) -> str | None:
    match = _BYLINE.fullmatch(clean(line))
    if match is None or len(line.strip()) > 100:
        return None
    name = match.group("name").rstrip(",;")
    return name if name[:1].isalpha() else None


def _short_line(line: str) -> bool:
    """Could be a source or agency name: short, few words, not a sentence."""
    line = clean(line)
    return (
        0 < len(line) <= _MAX_SHORT_LINE
        and len(line.split()) <= _MAX_SHORT_WORDS
        and line[-1] not in ".,;:!?"
        and line[0] not in "\"'\u201c\u2018\u00ab([-*>#"
    )


@dataclass(slots=True)
class Fields:
    """Header fields found so far; ``dated`` is true even for an ambiguous date."""

    byline: str | None = None
    published: str | None = None
    dated: bool = False
    source: str | None = None


def _classify(line: str, fields: Fields) -> bool:
    """Record ``line`` as a header field; False when it cannot be one."""
    text = clean(line)
    name = byline_of(text)
    if name is not None and fields.byline is None:
        fields.byline = name
        return True
    date = parse_date_line(text)
    if date is not None and not fields.dated:
        fields.dated = True
        fields.published = date.iso
        return True
    if fields.source is not None:
        return False
    labelled = _SOURCE.fullmatch(text)
    if labelled is not None:
        fields.source = labelled.group("name")
        return True
    if _short_line(text):
        fields.source = text
        return True
    return False


def is_header_line(line: str) -> bool:
    """A byline or a date line (the lines that prove a header block exists)."""
    return byline_of(line) is not None or parse_date_line(clean(line)) is not None


def _title_block(text: str, block: Block, following: Block | None) -> bool:
    joined = " ".join(line.text(text).strip() for line in block)
    if len(block) > _MAX_TITLE_LINES or len(joined) > _MAX_TITLE_CHARS:
        return False
    if any(is_header_line(line.text(text)) for line in block):
        return False
    if not joined.endswith("."):
        return True
    # A headline rarely ends with a full stop; a lede usually does. Trust a byline or date.
    return following is not None and is_header_line(following[0].text(text))


def title_text(text: str, block: Block) -> str:
    return " ".join(" ".join(line.text(text).split()) for line in block)


def fields_after(text: str, found: list[Block], first: int) -> tuple[Fields, int]:
    """Byline, date and source from blocks starting at ``first``, and the first body block.

    A short line only counts as the source when a byline or a date shows that
    this is a header at all; otherwise it is the body's first paragraph.
    """
    fields = Fields()
    index = first
    while index < len(found) and index - first < _MAX_HEADER_BLOCKS:
        trial = replace(fields)
        if not all(_classify(line.text(text), trial) for line in found[index]):
            break
        fields = trial
        index += 1
    if fields.byline is None and not fields.dated:
        return Fields(), first
    return fields, index


def parse_header(text: str, found: list[Block]) -> Header:
    """Read the header from the blocks of a plain-text story."""
    if not found:
        return Header()
    header = Header()
    first = 0
    following = found[1] if len(found) > 1 else None
    if _title_block(text, found[0], following):
        header.title = title_text(text, found[0])
        first = 1
    fields, body = fields_after(text, found, first)
    header.byline = fields.byline
    header.published = fields.published
    header.source = fields.source
    header.body_block = body
    return header
