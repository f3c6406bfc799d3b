"""The mouse on the reader's text: a click focuses the unit under it, a drag selects.

``MouseText`` is the part of ``ArticleText`` (article_text.py) that turns cells into text
offsets for Textual's selection and for clicks; the rows themselves are ArticleText's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import get_character_cell_size
from textual import events
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection

from reader.model import Article, Span
from reader.ui.line_index import SEPARATOR, LineIndex
from reader.ui.widgets.article_header import GUTTER, HeaderLine

_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


class MouseText(ScrollView):
    """Clicks and drags over wrapped rows (see ArticleText for the rows)."""

    article: Article | None
    paragraphs: Sequence[Span]
    index: LineIndex | None
    header: list[HeaderLine]

    class Clicked(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class MouseSelected(Message):
        def __init__(self, span: Span | None) -> None:
            super().__init__()
            self.span = span

    def _line_at(self, row: int) -> tuple[LineIndex, int] | None:
        raise NotImplementedError

    def _row_count(self) -> int:
        raise NotImplementedError

    def offset_of_row(self, row: int, end: bool = False) -> int:
        raise NotImplementedError

    def offset_at(self, x: int, row: int) -> int | None:
        """Text offset under the cell ``x`` of ``row`` (None over the header)."""
        found = self._line_at(row)
        if found is None or self.article is None or row < len(self.header):
            return None
        index, line = found
        start, end = index.span(line)
        if index.paragraph(line) == SEPARATOR:
            return None
        cells, column = 0, max(0, x - GUTTER)
        for position in range(start, end):
            cells += get_character_cell_size(self.article.text[position])
            if cells > column:
                return position
        return max(start, end - 1)

    # -- mouse -----------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        selection = self.text_selection
        if selection is not None and selection.start != selection.end:
            return  # the end of a drag, not a click
        position = event.get_content_offset(self)
        if position is None:
            return
        offset = self.offset_at(position.x, position.y + int(self.scroll_offset.y))
        if offset is not None:
            self.post_message(self.Clicked(offset))

    def selection_span(self, selection: Selection) -> Span | None:
        """The text range a mouse selection covers."""
        index = self.index
        if index is None or not len(index) or not self.paragraphs:
            return None
        first_text = self.paragraphs[0].start
        last_text = self.paragraphs[-1].end

        def offset(point, default: int) -> int:
            if point is None:
                return default
            row, column = point.y, max(0, point.x)
            if row < len(self.header):
                return first_text
            found = self._line_at(row)
            if found is None:  # past the end, or not wrapped yet (the text after it)
                return last_text if row >= self._row_count() else self.offset_of_row(row)
            lines, line = found
            start, end = lines.span(line)
            return min(start + column, end)

        start = offset(selection.start, first_text)
        end = offset(selection.end, last_text)
        if end <= start:
            return None
        return Span(start, end)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        if self.article is None:
            return None
        span = self.selection_span(selection)
        if span is None:
            return None
        return _SOFT_BREAK.sub(" ", self.article.text[span.start : span.end]), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        span = self.selection_span(selection) if selection is not None else None
        self.post_message(self.MouseSelected(span))
