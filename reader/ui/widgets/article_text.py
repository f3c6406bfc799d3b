"""The Line-API body of the reader: a story's header and wrapped paragraphs, drawn row by row.

``ArticleText`` renders only the rows on screen, wraps a huge story in a worker while
the first page is already shown, and keeps rendered rows in an LRU cache. The reading
state (focus, selection, search) is kept by plain models (reading_cursor.py,
search_model.py) that ``ArticleView`` around it drives; this widget only maps rows and
cells to text offsets, for clicks and drags, and draws the layers it is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from operator import attrgetter, sub
from time import perf_counter

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.model import Article, Span
from reader.span_table import SpanTable
from reader.ui.layers import Layers, Painter
from reader.ui.slices import SLICE, run_in_slices
from reader.ui.widgets.article_header import GUTTER, HeaderLine, header_lines, header_row
from reader.ui.wrap import (
    PIECE_CHARS,
    SEPARATOR,
    LineIndex,
    display_text,
    wrap_chunk,
    wrap_pieces,
)

MEASURE = 100  # longest line in cells: long lines are hard to read
FIRST_WRAP_CHARS = 20_000  # wrapped before the first paint (a tall screen's worth)
# Wrapped per step of the slices: a few hundred microseconds; a million one-line
# paragraphs are counted by paragraphs, not by their few characters.
STEP_CHARS = 16_000
STEP_PARAGRAPHS = 1_000
NEAR_CHARS = 300_000  # a jump this far past the wrapped text is wrapped at once (~10 ms)
HURRY = 0.04  # seconds a slice may take while a jump (G) waits for the wrapping
MAKE_WAY = 0.05  # seconds the wrapping rests after a key, while the key is answered
GROW_EVERY = 0.25  # seconds between updates of the scroll range (each one lays out the screen)
_span_start = attrgetter("start")
_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


class ArticleText(ScrollView, can_focus=True, inherit_bindings=False):
    """Line-API body of the reader: header rows, then wrapped paragraph rows."""

    ALLOW_SELECT = True
    DEFAULT_CSS = """
    ArticleText {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    class Clicked(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class MouseSelected(Message):
        def __init__(self, span: Span | None) -> None:
            super().__init__()
            self.span = span

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.paragraphs: Sequence[Span] = []
        self._owners: list[int] | None = None
        self.index: LineIndex | None = None
        self.header: list[HeaderLine] = []
        self.span_layers = Layers()
        self.painter: Painter | None = None
        self._rows: LRUCache[int, Strip] = LRUCache(1024)
        self._generation = 0
        # Scrolls waiting for wrapping to reach their text, run in order.
        self._pending: list[tuple[Span, str]] = []
        self._last_key = 0.0

    # -- loading and wrapping ------------------------------------------------------------

    @property
    def wrap_width(self) -> int:
        return max(8, min(MEASURE, self.size.width - GUTTER - 1))

    def load(self, article: Article, paragraphs: Sequence[Span]) -> None:
        self.article = article
        # Wrapping works on pieces of at most PIECE_CHARS, so one enormous paragraph is
        # wrapped lazily like many ordinary ones; they are cut when wrapping reaches them
        # (``_step_end``): looking through a million paragraphs first cost ~100 ms here.
        # Kept as offsets (span_table.py): a million paragraphs are two arrays, and runs of
        # one-line paragraphs wrap by array operations (wrap.py).
        if not isinstance(paragraphs, SpanTable):
            paragraphs = SpanTable.of(paragraphs, len(article.text))
        self.paragraphs, self._owners = paragraphs, None
        self.index = None
        self._pending = []
        if not self.is_mounted:
            return  # wrapped on the first resize, once the pane has a width
        self.scroll_to(0, 0, animate=False, immediate=True)
        if self.size.width:
            self._wrap(anchor=None)
        self.refresh()

    def _wrap(self, anchor: int | None) -> None:
        """(Re)build the line index for the current width; keep ``anchor`` at the top."""
        article = self.article
        if article is None:
            return
        self._generation += 1
        self.workers.cancel_group(self, "wrap")
        width = self.wrap_width
        self.header = header_lines(article, width)
        index = self.index = LineIndex(width, len(self.paragraphs))
        self._extend(index, self._step_end(0, FIRST_WRAP_CHARS))
        self._rows.clear()
        self._update_virtual_size()
        if not index.complete:
            # After the first paint, so that paint does not wait for any of it.
            self.call_after_refresh(self._wrap_rest, self._generation)
        if anchor is not None:
            # A resize keeps the reading place in the very next frame, however far in.
            self._pending = [(Span(anchor, anchor), "top")]
            self._wrap_through(anchor, now=True)
        self._run_pending()

    def _step_end(self, first: int, chars: int, paragraphs: int = 1 << 62) -> int:
        """Where a step of wrapping from paragraph ``first`` stops: after about ``chars``
        characters or ``paragraphs`` paragraphs, whichever comes first."""
        spans = self.paragraphs
        last = min(len(spans), first + paragraphs)
        if isinstance(spans, SpanTable) and first < last:
            # Counted from the first start to each end (the blank lines between count too):
            # one search of the ends instead of a look at every paragraph.
            stop = min(bisect_left(spans.ends, spans.starts[first] + chars, first, last) + 1, last)
            longest = max(map(sub, spans.ends[first:stop], spans.starts[first:stop]))
            if longest <= PIECE_CHARS or self._owners is not None:
                return stop
        stop, budget = first, 0
        while stop < last and budget < chars:
            size = len(spans[stop])
            if size > PIECE_CHARS and self._owners is None:
                self._cut_from(stop)
                return self._step_end(first, chars, paragraphs)
            budget += size
            stop += 1
        return stop

    def _cut_from(self, first: int) -> None:
        """Cut the paragraphs from ``first`` on into pieces (see ``wrap_pieces``)."""
        assert self.article is not None
        rest, owners = wrap_pieces(self.article.text, self.paragraphs[first:])
        self.paragraphs = [*self.paragraphs[:first], *rest]
        self._owners = [*range(first), *(first + owner for owner in owners or range(len(rest)))]
        if self.index is not None:
            self.index.paragraph_count = len(self.paragraphs)

    def _extend(self, index: LineIndex, stop: int) -> None:
        article = self.article
        assert article is not None
        first = index.wrapped_paragraphs
        index.extend(
            wrap_chunk(article.text, self.paragraphs, index.width, first, stop, self._owners)
        )

    def _wrap_through(self, offset: int, now: bool = False) -> None:
        """Wrap now, up to the paragraph holding ``offset``, if that is near (or ``now``).

        A jump a little ahead (a search hit, the next quote) is wrapped at once, so it
        scrolls in the same frame. A jump far ahead (G in a 50 MB story) waits for the
        slices of ``_wrap_rest``, which hurry while it waits: no key waits behind it.
        """
        index = self.index
        if index is None or index.complete:
            return
        paragraph = bisect_right(self.paragraphs, offset, key=_span_start) - 1
        first = index.wrapped_paragraphs
        if paragraph < first:
            return
        reach = self.paragraphs[paragraph].end - self.paragraphs[first].start
        if reach > NEAR_CHARS and not now:
            return
        self._step_end(first, reach + 1, paragraph + 1 - first)  # cuts what is too long
        paragraph = bisect_right(self.paragraphs, offset, key=_span_start) - 1
        self._extend(index, paragraph + 1)
        self._update_virtual_size()

    def _wrap_rest(self, generation: int) -> None:
        if generation != self._generation:
            return  # the story or the width changed before this got to start
        self.run_worker(
            self._wrap_in_slices(generation), group="wrap", exclusive=True, exit_on_error=False
        )

    async def _wrap_in_slices(self, generation: int) -> None:
        # On the UI thread, a few milliseconds at a time (slices.py): a thread doing this
        # held the interpreter lock against every key and every frame.
        await run_in_slices(
            self._wrap_steps(generation),
            budget=lambda: HURRY if self._pending else SLICE,
            rest=self._rest_after_key,
        )

    def _rest_after_key(self) -> float:
        """Seconds the wrapping keeps off the loop: a key pressed a moment ago is being
        answered and drawn (unless it is a jump that waits for the wrapping itself)."""
        if self._pending:
            return 0.0
        return self._last_key + MAKE_WAY - perf_counter()

    def on_key(self, _event: events.Key) -> None:
        self._last_key = perf_counter()  # the key goes on to the bindings as before

    def _wrap_steps(self, generation: int) -> Iterator[None]:
        index = self.index
        shown = perf_counter()
        while index is not None and not index.complete:
            if generation != self._generation or index is not self.index:
                return
            self._extend(
                index, self._step_end(index.wrapped_paragraphs, STEP_CHARS, STEP_PARAGRAPHS)
            )
            # The scroll bar and a waiting jump are brought up to date now and then, not
            # after every step; at once when the jump's text has just been wrapped.
            now = perf_counter()
            if self._pending:
                # Hurrying to a jump: nothing else is drawn until its text is wrapped.
                if self._pending_reached():
                    self._grown()
                    shown = now
            elif now - shown >= GROW_EVERY:
                self._grown()
                shown = now
            yield None
        if generation == self._generation and index is self.index:
            self._grown()

    def _pending_reached(self) -> bool:
        if not self._pending or self.index is None:
            return False
        span = self._pending[0][0]
        return self.row_of(max(span.start, span.end - 1)) is not None

    def _grown(self) -> None:
        """More lines are wrapped: a longer scroll range, and any waiting jump made."""
        height = self.virtual_size.height
        rows = len(self.header) + (len(self.index) if self.index else 0)
        # Only the scroll range grows: set without the layout pass of the whole screen
        # that the reactive asks for (as Textual does when a layout is not needed), and
        # tell the scroll bar. Laid out four times a second, a story of a million
        # paragraphs cost every key several full layouts while it was being wrapped.
        self.set_reactive(ArticleText.virtual_size, Size(self.size.width, rows))
        self._scroll_update(self.virtual_size)
        if height < int(self.scroll_offset.y) + self.size.height:
            self._rows.clear()  # rows past the old end were drawn blank
            self.refresh()
        self._run_pending()

    def _update_virtual_size(self) -> None:
        rows = len(self.header) + (len(self.index) if self.index else 0)
        self.virtual_size = Size(self.size.width, rows)

    def on_resize(self, event: events.Resize) -> None:
        if self.article is None:
            return
        if self.index is not None and self.index.width == self.wrap_width:
            self._rows.clear()
            self._update_virtual_size()
            return
        if self.index is None:
            self._wrap(anchor=None)
            return
        # Keep the reading position: the text at the top stays at the top, and a focus
        # that was on screen stays on screen. A scroll still waiting for wrapping wins.
        pending = self._pending
        focus = self.span_layers.focus
        focus_visible = focus is not None and self._on_screen(Span(focus.start, focus.end))
        top = self.top_offset() if self.scroll_offset.y else None
        self._wrap(anchor=None if pending else top)
        if pending:
            self._pending = pending
        elif focus_visible:
            assert focus is not None
            self._pending.append((Span(focus.start, focus.end), "nearest"))
        self._run_pending()

    def _on_screen(self, span: Span) -> bool:
        first = self.row_of(span.start)
        last = self.row_of(max(span.start, span.end - 1))
        top = int(self.scroll_offset.y)
        if first is None or last is None:
            return False
        return last >= top and first < top + self.size.height

    # -- geometry --------------------------------------------------------------------

    def row_of(self, offset: int) -> int | None:
        """The row showing ``offset``, or None while that part is still being wrapped."""
        if self.index is None or not len(self.index):
            return None
        line = self.index.line_of(offset)
        if line is None:
            return None
        beyond_wrapped = line == len(self.index) - 1 and offset >= self.index.ends[line]
        if beyond_wrapped and not self.index.complete:
            return None
        return len(self.header) + line

    def top_offset(self) -> int:
        """Offset of the first text on screen (the body start when the header shows)."""
        return self.offset_of_row(int(self.scroll_offset.y))

    def bottom_offset(self) -> int:
        return self.offset_of_row(int(self.scroll_offset.y) + self.size.height - 1, end=True)

    def offset_of_row(self, row: int, end: bool = False) -> int:
        if self.index is None or not len(self.index):
            return self.paragraphs[0].start if self.paragraphs else 0
        line = min(max(0, row - len(self.header)), len(self.index) - 1)
        return self.index.ends[line] if end else self.index.starts[line]

    def offset_at(self, x: int, row: int) -> int | None:
        """Text offset under the cell ``x`` of ``row`` (None over the header)."""
        if self.index is None or self.article is None or row < len(self.header):
            return None
        line = row - len(self.header)
        if line >= len(self.index):
            return None
        start, end = self.index.span(line)
        if self.index.paragraphs[line] == SEPARATOR:
            return None
        cells, column = 0, max(0, x - GUTTER)
        for position in range(start, end):
            cells += get_character_cell_size(self.article.text[position])
            if cells > column:
                return position
        return max(start, end - 1)

    def scroll_to_span(self, span: Span, how: str = "nearest") -> None:
        """Bring ``span`` on screen now, or as soon as wrapping reaches it."""
        self._pending = [(span, how)]
        if self.size.width:
            self._wrap_through(max(span.start, span.end - 1))
        self._run_pending()

    def _run_pending(self) -> None:
        while self._pending:
            span, how = self._pending[0]
            first = self.row_of(span.start)
            last = self.row_of(max(span.start, span.end - 1))
            if first is None or last is None:
                return
            self._pending.pop(0)
            self._scroll_rows(span, first, last, how)

    def _scroll_rows(self, span: Span, first: int, last: int, how: str) -> None:
        height = max(1, self.size.height)
        top = int(self.scroll_offset.y)
        if how == "top":
            target = first
        elif how == "bottom":
            target = last - height + 1
        elif first < top:
            target = first - 1 if first - 1 >= len(self.header) else first
        elif last >= top + height:
            target = min(first, last - height + 2)
        else:
            return
        if span.start <= (self.paragraphs[0].start if self.paragraphs else 0):
            target = 0  # the first sentence: show the headline too
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    # -- drawing ---------------------------------------------------------------------

    def set_layers(self, layers: Layers) -> None:
        old, self.span_layers = self.span_layers, layers
        rows = self._rows_changed(old, layers)
        if rows is None:
            self._rows.clear()
            self.refresh()
            return
        # A key that only moves the focus (or the selection) redraws the rows it left and
        # the rows it reached, not the whole pane.
        first, last = rows
        cached = self._rows.keys()
        if last - first + 1 > len(cached):
            stale = [row for row in cached if first <= row <= last]
        else:
            stale = [row for row in range(first, last + 1) if row in cached]
        for row in stale:
            self._rows.discard(row)
        top = int(self.scroll_offset.y)
        low, high = max(first, top), min(last, top + self.size.height - 1)
        if low <= high:
            self.refresh_lines(low, high - low + 1)

    def _rows_changed(self, old: Layers, new: Layers) -> tuple[int, int] | None:
        """The rows (first, last) that differ between two sets of layers that share their
        span indexes, or None: draw everything again."""
        if (
            old.quotes is not new.quotes
            or old.names is not new.names
            or old.annotations is not new.annotations
            or old.search is not new.search
            or old.current_match != new.current_match
        ):
            return None
        moved = [
            mark
            for before, after in (
                (old.focus, new.focus),
                (old.speaker, new.speaker),
                (old.selection, new.selection),
                (old.caret, new.caret),
            )
            if before != after
            for mark in (before, after)
            if mark is not None
        ]
        if not moved:
            return 0, -1
        start = min(mark.start for mark in moved)
        end = max(mark.end for mark in moved)
        first, last = self.row_of(start), self.row_of(max(start, end - 1))
        if first is None or last is None:
            return None
        return first, last

    def set_painter(self, painter: Painter) -> None:
        self.painter = painter
        self._rows.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows.clear()

    def render_line(self, y: int) -> Strip:
        if self.index is None and self.article is not None:
            # The first paint of a story shown before the pane had a width comes before
            # its Resize event: wrap now, so that frame already has the text.
            self._wrap(anchor=None)
        row = int(self.scroll_offset.y) + y
        strip = self._rows.get(row)
        if strip is None:
            strip = self._render_row(row)
            self._rows[row] = strip
        return strip

    def _render_row(self, row: int) -> Strip:
        width = self.size.width
        painter = self.painter
        if painter is None or self.article is None or self.index is None:
            return Strip.blank(width)
        plain = painter.plain
        if row < len(self.header):
            return header_row(self.header[row], painter, width)
        line = row - len(self.header)
        if line >= len(self.index):
            return Strip.blank(width, plain)
        start, end = self.index.span(line)
        if self.index.paragraphs[line] == SEPARATOR or start == end:
            return Strip.blank(width, plain)
        shown = display_text(self.article.text, start, end)
        segments = self._gutter(start, end, painter)
        segments += painter.paint(shown, start, self.span_layers)
        cells = GUTTER + cell_len(shown)
        if cells < width:
            segments.append(Segment(" " * (width - cells), plain))
        # Offsets tell Textual's selection which character each cell is: the text starts
        # at column 0, so the gutter gets negative offsets (clamped when read back).
        strip = Strip(segments, max(cells, width)).apply_offsets(-GUTTER, row)
        return strip.crop(0, width) if cells > width else strip

    def _gutter(self, start: int, end: int, painter: Painter) -> list[Segment]:
        layers = self.span_layers
        focus = layers.focus
        focused = focus is not None and focus.start < end and focus.end > start
        notes = layers.annotations.overlapping(start, end) if layers.annotations else []
        return [
            Segment("▌", painter.bar) if focused else Segment(" ", painter.plain),
            Segment("┃", painter.margin(notes[-1].value)) if notes else Segment(" ", painter.plain),
            Segment(" ", painter.plain),
        ]

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
            line = row - len(self.header)
            if line >= len(index):
                return last_text
            start, end = index.span(line)
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
