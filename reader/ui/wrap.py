"""Word-wrapping of article paragraphs into display lines that keep their text offsets.

A display line is a half-open range ``[start, end)`` of ``Article.text``. What the
reader sees on that line is ``display_text(text, start, end)``: the same characters
with line breaks, tabs, control characters and BiDi overrides shown as spaces
(``reader.safe_text.DISPLAY_TABLE``), so a column on screen
maps back to exactly one character of the story (selection and mouse clicks rely on
that). Whitespace at a line start is skipped by starting the line later, never by
deleting characters. Widths are terminal cells (``rich.cells``), so CJK and emoji
count double; a word wider than the line is broken by cells.

Nothing here imports Textual: it is pure and safe to run in a worker thread.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from functools import cache
from operator import sub

from rich.cells import cell_len, get_character_cell_size

from reader.model import Span
from reader.safe_text import DISPLAY_TABLE
from reader.span_table import SpanTable
from reader.ui.line_index import OFFSET, LineIndex

_WORD = re.compile(r"[^ ]+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def display_text(text: str, start: int, end: int) -> str:
    """The characters of ``text[start:end]`` as drawn: one character per character."""
    # Sources remove every other control character (reader.safe_text), so line breaks are
    # nearly all there is: replacing them is a C-speed scan, and the full translation runs
    # only when something else is left (a tab, a BiDi override, text made elsewhere).
    piece = text[start:end].replace("\n", " ")
    return piece if piece.isprintable() else piece.translate(DISPLAY_TABLE)


# Latin, Greek, Cyrillic, typographic punctuation (dashes, curly quotes), symbols: the
# characters news text is made of, and the only ones wrapped one cell per character.
_SINGLE_CELL_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x2FF),
    (0x370, 0x52F),
    (0x1E00, 0x1FFF),
    (0x2010, 0x27BF),
)


@cache
def _single_cell(character: str) -> bool:
    # Asked once per distinct character, not for the ~9,000 of the ranges up front: that
    # table took ~10 ms to build, on the way to a story's first paint.
    code = ord(character)
    return any(low <= code <= high for low, high in _SINGLE_CELL_RANGES) and (
        get_character_cell_size(character) == 1
    )


def is_single_cell(text: str) -> bool:
    """True when every character of ``text`` takes exactly one terminal cell."""
    if text.isascii():
        return text.isprintable()
    return all(map(_single_cell, set(text)))


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Display lines of the paragraph ``text[start:end]`` for a pane ``width`` cells wide.

    Lines break at spaces (line breaks count as spaces); a word longer than the line is
    broken at the last character that fits. Each line is ``(start, end)`` in ``text``,
    with no whitespace at either end. An all-blank paragraph has no lines.
    """
    starts: list[int] = []
    ends: list[int] = []
    _wrap_into(text, start, end, width, starts, ends)
    return list(zip(starts, ends, strict=True))


def _wrap_into(
    text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]
) -> None:
    width = max(1, width)
    para = display_text(text, start, end)
    if is_single_cell(para):
        _wrap_single_cell(para, width, start, starts, ends)
    else:
        for line_start, line_end in _wrap_measured(para, width):
            starts.append(start + line_start)
            ends.append(start + line_end)


@cache
def _line_pattern(width: int) -> re.Pattern[str]:
    # A line is the longest run that starts and ends on a non-space, fits in ``width``
    # and is followed by a space or the end; a word wider than the line is cut at
    # ``width``. One match a line, found in C: the same lines as a search for the last
    # space that fits, at a fraction of the cost.
    return re.compile(rf"[^ ](?:.{{0,{width - 2}}}[^ ])?(?= |\Z)|[^ ]{{{width}}}", re.DOTALL)


def _wrap_single_cell(para: str, width: int, base: int, starts: list[int], ends: list[int]) -> None:
    # One cell per character: lines are found by one regular expression over the whole
    # paragraph, which is what makes a 10 MB story wrap in a fraction of a second.
    if width < 2:
        for match in _WORD.finditer(para):
            for start in range(match.start(), match.end()):
                starts.append(base + start)
                ends.append(base + start + 1)
        return
    for match in _line_pattern(width).finditer(para):
        start, end = match.span()
        starts.append(base + start)
        ends.append(base + end)


def _wrap_measured(para: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = 0
    used = 0
    for match in _WORD.finditer(para):
        word_start, word_end = match.span()
        word_cells = cell_len(match.group())
        if line_start >= 0:
            gap = word_start - line_end  # spaces only: one cell each
            if used + gap + word_cells <= width:
                used += gap + word_cells
                line_end = word_end
                continue
            lines.append((line_start, line_end))
            line_start = -1
        if word_cells <= width:
            line_start, line_end, used = word_start, word_end, word_cells
            continue
        # A word wider than the pane: cut it by cells, keep the remainder open.
        piece_start, used = word_start, 0
        for index in range(word_start, word_end):
            cells = get_character_cell_size(para[index])
            if used + cells > width and index > piece_start:
                lines.append((piece_start, index))
                piece_start, used = index, 0
            used += cells
        line_start, line_end = piece_start, word_end
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines


def paragraph_spans(text: str, body_start: int = 0) -> list[Span]:
    """Body paragraphs split at blank lines: used when a loader gave none."""
    spans: list[Span] = []
    start = body_start
    for match in _BLANK_LINE.finditer(text, body_start):
        _add_trimmed(text, start, match.start(), spans)
        start = match.end()
    _add_trimmed(text, start, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))


PIECE_CHARS = 32_768


def wrap_pieces(
    text: str, paragraphs: Sequence[Span], limit: int = PIECE_CHARS
) -> tuple[Sequence[Span], list[int] | None]:
    """Paragraphs cut into pieces of at most ``limit`` characters, for wrapping.

    A story that is one enormous paragraph (a 5 MB single line) would otherwise be
    wrapped in one go before anything shows. Cuts fall on a space when there is one, so
    the only trace on screen is a line ending early every ``limit`` characters. Returns
    the pieces and, for each, the paragraph it belongs to (None when nothing was cut).
    """
    if all(len(span) <= limit for span in paragraphs):
        return paragraphs, None
    pieces: list[Span] = []
    owners: list[int] = []
    for number, span in enumerate(paragraphs):
        start = span.start
        while span.end - start > limit:
            cut = max(text.rfind(" ", start, start + limit), text.rfind("\n", start, start + limit))
            if cut <= start:
                cut = start + limit
            pieces.append(Span(start, cut))
            owners.append(number)
            start = cut
            while start < span.end and text[start].isspace():
                start += 1
        if start < span.end:
            pieces.append(Span(start, span.end))
            owners.append(number)
    return pieces, owners


def wrap_chunk(
    text: str,
    paragraphs: Sequence[Span],
    width: int,
    first: int,
    stop: int,
    owners: Sequence[int] | None = None,
) -> LineIndex:
    """The rows of paragraphs ``first`` to ``stop``: a blank one before each but the first
    paragraph of the story (line_index.py), to be absorbed by the index that reaches them.

    With ``owners`` (from ``wrap_pieces``) the spans are pieces, and a blank row goes
    only where a new paragraph starts.
    """
    width = max(1, width)
    if owners is None and isinstance(paragraphs, SpanTable):
        quick = _one_line_each(text, paragraphs, width, first, stop)
        if quick is not None:
            return quick
    starts: list[int] = []
    ends: list[int] = []
    first_rows: list[int] = []
    first_lines: list[int] = []
    row = 0
    # Checked once for the whole run of paragraphs (C-speed scans): when every character
    # takes one cell, a paragraph that fits on a line is that line, with no call at all.
    single = stop > first and is_single_cell(
        display_text(text, paragraphs[first].start, paragraphs[stop - 1].end)
    )
    bounds: Iterable[tuple[int, int]]
    if isinstance(paragraphs, SpanTable):  # read straight from its arrays
        bounds = zip(paragraphs.starts[first:stop], paragraphs.ends[first:stop], strict=True)
    else:
        bounds = ((span.start, span.end) for span in paragraphs[first:stop])
    for number, (start, end) in enumerate(bounds, first):
        if number > 0 and (owners is None or owners[number] != owners[number - 1]):
            row += 1  # the blank row before it
        first_rows.append(row)
        first_lines.append(len(starts))
        if single and 0 < end - start <= width and _edge(text[start]) and _edge(text[end - 1]):
            row += 1  # one line, its whole span: nothing kept
            continue
        before = len(starts)
        if single:
            _wrap_single_cell(display_text(text, start, end), width, start, starts, ends)
        else:
            _wrap_into(text, start, end, width, starts, ends)
        lines = len(starts) - before
        if not lines:  # a blank paragraph still takes a line
            starts.append(start)
            ends.append(start)
            lines = 1
        elif lines == 1 and starts[-1] == start and ends[-1] == end:
            del starts[-1], ends[-1]  # its whole span: nothing kept
        row += lines
    return LineIndex.made(width, paragraphs, first, row, first_rows, first_lines, (starts, ends))


def _one_line_each(
    text: str, paragraphs: SpanTable, width: int, first: int, stop: int
) -> LineIndex | None:
    """The rows of paragraphs that each fit on one line, made with array operations;
    None unless they all do (and are plain ASCII, one cell a character).

    A story of a million one-line paragraphs ("A b.") was wrapped a paragraph at a time,
    seconds of slices taken from the keys; each of these runs is a few C-speed passes,
    and keeps no line: each is its paragraph's span (line_index.py).
    """
    count = stop - first
    if count <= 0 or paragraphs.starts.typecode != OFFSET:
        return None
    starts, ends = paragraphs.starts[first:stop], paragraphs.ends[first:stop]
    lengths = list(map(sub, ends, starts))
    if min(lengths) < 1 or max(lengths) > width:
        return None
    shown = display_text(text, starts[0], ends[-1])
    if not (shown.isascii() and shown.isprintable()):
        return None
    # Drawn as themselves: no paragraph may start or end on a space or a line break.
    edges = "".join(map(text.__getitem__, starts)) + "".join(
        map(text.__getitem__, map((-1).__add__, ends))
    )
    if not edges.isprintable() or " " in edges:
        return None
    # Each paragraph is a blank row (not before the story's first) and its line.
    lead = 0 if first == 0 else 1
    return LineIndex.made(
        width,
        paragraphs,
        first,
        2 * count - 1 + lead,
        range(lead, 2 * count - 1 + lead, 2),
        array(OFFSET, bytes(4 * count)),
    )


def _edge(character: str) -> bool:
    """Whether a line may start or end on ``character``: it is drawn as itself, not a space."""
    return character != " " and character.isprintable()
