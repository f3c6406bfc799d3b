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
from dataclasses import dataclass, field, replace

from reader.sources.dates import parse_date_line
from reader.sources.layout import Block

_BYLINE = re.compile(
    r"(?:(?:(?:written|reporting|words)\s+)?by\b\s*:?|(?:byline|authors?)\s*:)\s*(?P<name>\S.*?)\s*",
    re.I,
)
_SOURCE = re.compile(r"(?:source|agency|via)\s*:\s*(?P<name>\S.*?)\s*", re.I)
# Markdown emphasis around a header line: "*By Jane Doe*", "_July 27, 2021_".
_EMPHASIS = re.compile(r"^([*_]{1,3})(?P<inner>.+?)\1$")
_MAX_TITLE_LINES = 4
_MAX_TITLE_CHARS = 300
_MAX_SHORT_LINE = 60
_MAX_SHORT_WORDS = 8
_MAX_HEADER_BLOCKS = 6
_MAX_HEADER_LINE = 120


@dataclass(slots=True)
class Header:
    """What the header said, and the blocks of the body that follows it."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    body: list[Block] = field(default_factory=list)


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
    if len(line) > _MAX_HEADER_LINE:
        return False
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
    if len(line) > _MAX_HEADER_LINE:
        return False
    return byline_of(line) is not None or parse_date_line(clean(line)) is not None


def _looks_like_title(text: str, lines: Block, header_follows: bool) -> bool:
    if len(lines) > _MAX_TITLE_LINES or lines[-1].end - lines[0].start > 2 * _MAX_TITLE_CHARS:
        return False
    joined = title_text(text, lines)
    if len(joined) > _MAX_TITLE_CHARS:
        return False
    # A headline rarely ends with a full stop; a lede usually does. Trust a byline or date.
    return header_follows or not joined.endswith(".")


def title_text(text: str, block: Block) -> str:
    return " ".join(" ".join(line.text(text).split()) for line in block)


def fields_before_body(text: str, found: list[Block]) -> tuple[Fields, list[Block]]:
    """Byline, date and source lines at the start of ``found``, and the body blocks after them.

    A block may hold header lines and then body lines; it is cut where the body
    starts. A short line only counts as the source when a byline or a date
    shows that this is a header at all; otherwise it is the body's first line.
    """
    fields = Fields()
    index = 0
    body = found
    while index < len(found) and index < _MAX_HEADER_BLOCKS:
        block = found[index]
        trial = replace(fields)
        taken = 0
        while taken < len(block) and _classify(block[taken].text(text), trial):
            taken += 1
        if taken == len(block):
            fields = trial
            index += 1
            body = found[index:]
            continue
        # Cut a block only after a byline or date line in it: "Lede line\nmore lede." is body.
        if taken and (trial.byline, trial.dated) != (fields.byline, fields.dated):
            fields = trial
            body = [block[taken:], *found[index + 1 :]]
        else:
            body = found[index:]
        break
    if fields.byline is None and not fields.dated:
        return Fields(), found
    return fields, body


def parse_header(text: str, found: list[Block]) -> Header:
    """Read the header from the blocks of a plain-text story."""
    if not found:
        return Header()
    first = found[0]
    cut = next((i for i, line in enumerate(first) if is_header_line(line.text(text))), len(first))
    title: str | None = None
    rest = found
    if cut < len(first):
        # Title lines and header lines in one block, with no blank line between.
        if cut and _looks_like_title(text, first[:cut], header_follows=True):
            title = title_text(text, first[:cut])
            rest = [first[cut:], *found[1:]]
    else:
        following = found[1][0].text(text) if len(found) > 1 else ""
        if _looks_like_title(text, first, header_follows=is_header_line(following)):
            title = title_text(text, first)
            rest = found[1:]
    fields, body = fields_before_body(text, rest)
    if title and body is rest and _standfirst_then_header(text, rest):
        # Title, a one-paragraph summary, then "By X" and the date: the summary
        # opens the body; the byline and date lines between are left out of it.
        fields, after = fields_before_body(text, rest[1:])
        body = [rest[0], *after]
    return Header(title, fields.byline, fields.published, fields.source, body)


def _standfirst_then_header(text: str, found: list[Block]) -> bool:
    if len(found) < 3 or len(found[0]) > _MAX_TITLE_LINES:
        return False
    summary = found[0]
    if summary[-1].end - summary[0].start > 2 * _MAX_TITLE_CHARS:
        return False
    return is_header_line(found[1][0].text(text))
