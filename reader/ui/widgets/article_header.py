"""The rows above a story's text in the reader pane: its title, byline and date, where it
came from, and a rule; built for the pane's width and drawn in the theme's colours."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.model import Article
from reader.safe_text import clean_line
from reader.ui.layers import Painter
from reader.ui.where import where_from
from reader.ui.wrap import wrap_paragraph

GUTTER = 3  # focus bar, annotation bar, space: before every row of the pane


class HeaderLine(NamedTuple):
    text: str
    kind: str  # "title", "meta", "where" (the story's address or path), "rule" or "blank"


def header_lines(article: Article, width: int) -> list[HeaderLine]:
    lines: list[HeaderLine] = []
    # The header quotes the story's own fields: cleaned again here, at the screen.
    title = clean_line(article.title) or "Untitled"
    for start, end in wrap_paragraph(title, 0, len(title), width):
        lines.append(HeaderLine(title[start:end], "title"))
    meta = clean_line(
        " · ".join(
            part
            for part in (article.byline, article.published, article.source or article.site)
            if part
        )
    )
    if meta:
        for start, end in wrap_paragraph(meta, 0, len(meta), width):
            lines.append(HeaderLine(meta[start:end], "meta"))
    where = where_from(article.url, article.path, width)
    if where:
        lines.append(HeaderLine(where, "where"))
    lines.append(HeaderLine("─" * min(width, max(cell_len(title), 20)), "rule"))
    lines.append(HeaderLine("", "blank"))
    return lines


def header_row(line: HeaderLine, painter: Painter, width: int) -> Strip:
    plain = painter.plain
    palette = painter.palette
    if line.kind == "title":
        style = plain + Style(color=palette.header.rich_color, bold=True)
    elif line.kind in ("meta", "where", "rule"):
        style = plain + Style(color=palette.muted.rich_color, italic=line.kind == "meta")
    else:
        style = plain
    segments = [Segment(" " * GUTTER, plain), Segment(line.text, style)]
    return Strip(segments, GUTTER + cell_len(line.text)).crop_extend(0, width, plain)
