"""The Line-API body of the reader: a story's header and wrapped paragraphs, drawn row by row.

``ArticleText`` renders only the rows on screen, wraps a huge story in a worker while
the first page is already shown, and keeps rendered rows in an LRU cache. A jump far
ahead of the wrapping (G, a resize deep in a story) is wrapped in a window of its own,
placed by an estimate that is corrected as the rest is wrapped. The reading
state (focus, selection, search) is kept by plain models (reading_cursor.py,
search_model.py) that ``ArticleView`` around it drives; this widget only maps rows and
cells to text offsets, for clicks and drags, and draws the layers it is given.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from operator import attrgetter, sub
from time import perf_counter

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip

from reader.model import Article, Span
from reader.span_table import SpanTable
from reader.ui.layers import Layers, Painter, marks_grown, moved_text
from reader.ui.line_index import SEPARATOR, LineIndex
from reader.ui.slices import SLICE, run_in_slices
from reader.ui.widgets.article_header import GUTTER, HeaderLine, header_lines, header_row
from reader.ui.widgets.article_mouse import MouseText
from reader.ui.widgets.scroll_thumb import ScrollThumb
from reader.ui.wrap import PIECE_CHARS, display_text, wrap_chunk, wrap_pieces

MEASURE = 100  # longest line in cells: long lines are hard to read
FIRST_WRAP_CHARS = 20_000  # wrapped before the first paint (a tall screen's worth)
# Wrapped per step of the slices: a few hundred microseconds; a million one-line
# paragraphs are counted by paragraphs, not by their few characters.
STEP_CHARS = 16_000
STEP_PARAGRAPHS = 1_000
NEAR_CHARS = 300_000  # a jump this far past the wrapped text is wrapped at once (~10 ms)
# A jump farther than that (G, a resize deep in a huge story) is wrapped from a little
# before its text, in a window placed where the rows before it are estimated to end.
WINDOW_BEFORE = 40_000  # characters wrapped before the jump's text: many screens up
HURRY = 0.04  # seconds a slice may take while a jump (G) waits for the wrapping
MAKE_WAY = 0.05  # seconds the wrapping rests after a key, while the key is answered
GROW_EVERY = 0.25  # seconds between updates of the scroll range (each one lays out the screen)
_span_start = attrgetter("start")
_span_end = attrgetter("end")


class ArticleText(MouseText, can_focus=True, inherit_bindings=False):
    """Line-API body of the reader: header rows, then wrapped paragraph rows."""

    ALLOW_SELECT = True
    DEFAULT_CSS = """
    ArticleText {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.paragraphs: Sequence[Span] = []
        self._owners: list[int] | None = None
        self.index: LineIndex | None = None
        # Lines wrapped ahead of ``index`` (see _open_window), drawn from ``_window_row``;
        # the rows between are the estimated height of the paragraphs not wrapped yet.
        self._window: LineIndex | None = None
        self._window_row = 0
        self.header: list[HeaderLine] = []
        self.span_layers = Layers()
        self.painter: Painter | None = None
        self._rows: LRUCache[int, Strip] = LRUCache(1024)
        self._generation = 0
        # Scrolls waiting for wrapping to reach their text, run in order.
        self._pending: list[tuple[Span, str]] = []
        self._last_key = 0.0
        self._thumb = ScrollThumb()

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
        self.index = self._window = None
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
        index = self.index = LineIndex(width, self.paragraphs)
        self._window = None
        self._extend(index, self._step_end(0, FIRST_WRAP_CHARS))
        self._rows.clear()
        self._update_virtual_size()
        if not index.complete:
            # After the first paint, so that paint does not wait for any of it.
            self.call_after_refresh(self._wrap_rest, self._generation)
        if anchor is not None:
            # A resize keeps the reading place in the very next frame, however far in.
            self._pending = [(Span(anchor, anchor), "top")]
            self._wrap_through(anchor)
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
        window = self._window
        renumbered = window is not None and first < window.first_paragraph
        # Read before the cut: the window's rows are read through its paragraphs.
        shown = renumbered and self._window_row <= int(self.scroll_offset.y)
        anchor = self.top_offset() if shown else None
        rest, owners = wrap_pieces(self.article.text, self.paragraphs[first:])
        self.paragraphs = [*self.paragraphs[:first], *rest]
        self._owners = [*range(first), *(first + owner for owner in owners or range(len(rest)))]
        if self.index is not None:
            self.index.spans = self.paragraphs  # those it holds keep their numbers
        if window is None:
            return
        if not renumbered:
            window.spans = self.paragraphs
            return
        # Numbered anew: wrapped again in order, the reader's place shown once it is.
        if anchor is not None:
            self._pending.append((Span(anchor, anchor), "top"))
        self._window = None
        self._update_virtual_size()

    def _extend(self, index: LineIndex, stop: int) -> None:
        article = self.article
        assert article is not None
        first = index.wrapped_paragraphs
        index.absorb(
            wrap_chunk(article.text, self.paragraphs, index.width, first, stop, self._owners)
        )

    def _wrap_through(self, offset: int, now: bool = False) -> None:
        """Wrap now, up to the paragraph holding ``offset``, if that is near (or ``now``).

        A jump a little ahead (a search hit, the next quote) is wrapped at once, so it
        scrolls in the same frame. A jump far ahead (G in a 50 MB story, a resize deep in
        it) opens a window of lines wrapped from a little before it (``_open_window``):
        its text shows at once, and the slices of ``_wrap_rest`` fill in the rows before.
        """
        index = self.index
        if index is None:
            return
        paragraph = bisect_right(self.paragraphs, offset, key=_span_start) - 1
        window = self._window
        if window is not None and paragraph >= window.first_paragraph:
            index = window  # at or past the window's start: the window grows to it
        elif window is None and index.complete:
            return
        first = index.wrapped_paragraphs
        if paragraph < first:
            return
        reach = self.paragraphs[paragraph].end - self.paragraphs[first].start
        if reach > NEAR_CHARS and not now:
            if window is None and first > 0:
                self._open_window(offset)
            return
        self._step_end(first, reach + 1, paragraph + 1 - first)  # cuts what is too long
        if index is not self.index and index is not self._window:
            return  # the cut numbered the paragraphs anew: the window is gone
        paragraph = bisect_right(self.paragraphs, offset, key=_span_start) - 1
        self._extend(index, min(paragraph + 1, self._head_stop(index)))
        self._settle_window()
        self._update_virtual_size()

    def _head_stop(self, index: LineIndex) -> int:
        """Where wrapping ``index`` stops: the window's start for the head, else the end."""
        window = self._window
        stop = window.first_paragraph if window is not None else len(self.paragraphs)
        return stop if index is self.index else len(self.paragraphs)

    def _open_window(self, offset: int) -> None:
        """Wrap from a little before ``offset`` on, placed below the wrapped rows by an
        estimate of the height of the paragraphs between (corrected as they are wrapped)."""
        index = self.index
        assert index is not None and len(index)
        spans = self.paragraphs
        first = index.wrapped_paragraphs
        paragraph = bisect_right(spans, offset, key=_span_start) - 1
        start = bisect_left(spans, offset - WINDOW_BEFORE, first, paragraph, key=_span_end)
        start = max(start, first + 1)
        if start > paragraph:
            return
        # Cut what is too long from ``start`` on (the paragraphs before keep their numbers).
        self._step_end(start, spans[paragraph].end - spans[start].start + 1, paragraph + 1 - start)
        spans = self.paragraphs
        paragraph = bisect_right(spans, offset, key=_span_start) - 1
        window = LineIndex(index.width, spans, first_paragraph=start)
        # And some screens past it: the jump's text may be scrolled to the top.
        self._extend(window, self._step_end(paragraph, STEP_CHARS))
        wrapped = max(1, index.span(len(index) - 1)[1] - spans[0].start)
        between = spans[start].start - spans[first].start
        self._window = window
        self._window_row = len(self.header) + len(index) + 1 + between * len(index) // wrapped
        self._rows.clear()
        self._update_virtual_size()

    def _settle_window(self) -> None:
        """The head has grown: move the window down if the head reached its estimated place,
        and join them once the head reaches its text. Shown rows stay where they are."""
        window, index = self._window, self.index
        if window is None or index is None:
            return
        reached = len(self.header) + len(index)
        if index.wrapped_paragraphs < window.first_paragraph and reached <= self._window_row:
            return
        was_at = self._window_row
        moved = reached - was_at
        if index.wrapped_paragraphs >= window.first_paragraph:
            index.absorb(window)
            self._window = None
        else:
            self._window_row = reached
        if moved:
            changed = min(was_at, reached)  # the rows above are the head's, as they were
            cached = self._rows.keys()
            for row in [row for row in cached if row >= changed]:
                self._rows.discard(row)
            top = self.scroll_offset.y
            self._update_virtual_size()
            if top >= was_at:  # showing the window's rows: they keep their place
                self.scroll_to(y=top + moved, animate=False, immediate=True)
            if top + self.size.height > changed:
                self.refresh()

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
            budget=lambda: HURRY if self._pending or self._gap_on_screen() else SLICE,
            rest=self._rest_after_key,
        )

    def _rest_after_key(self) -> float:
        """Seconds the wrapping keeps off the loop while a key is answered and drawn
        (unless it is a jump that waits for the wrapping itself)."""
        return 0.0 if self._pending else self._last_key + MAKE_WAY - perf_counter()

    def on_key(self, _event: events.Key) -> None:
        self._last_key = perf_counter()  # the key goes on to the bindings as before

    def _wrap_steps(self, generation: int) -> Iterator[None]:
        shown = perf_counter()
        while generation == self._generation and not self._wrapped_all():
            index, window = self.index, self._window
            assert index is not None
            # A window is wrapped to its end first (its rows are the ones on screen), then
            # the head up to it; the two are then one.
            target = window if window is not None and not window.complete else index
            stop = self._step_end(target.wrapped_paragraphs, STEP_CHARS, STEP_PARAGRAPHS)
            if target is not self.index and target is not self._window:
                continue  # cut into pieces: the window is gone, the head goes on
            self._extend(target, min(stop, self._head_stop(target)))
            if target is index:
                self._settle_window()
            # The scroll bar and a waiting jump are brought up to date now and then, not
            # after every step; at once when the jump's text has just been wrapped.
            now = perf_counter()
            if self._pending:
                # Hurrying to a jump: nothing else is drawn until its text is wrapped.
                if self._pending_reached():
                    self._grown()
                    shown = now
            elif now - shown >= GROW_EVERY or self._gap_on_screen():
                self._grown()
                shown = now
            yield None
        if generation == self._generation:
            self._grown(final=True)

    def _wrapped_all(self) -> bool:
        return self.index is None or (self.index.complete and self._window is None)

    def _gap_on_screen(self) -> bool:
        """Rows between the head and the window are on screen (drawn blank until wrapped)."""
        if self._window is None or self.index is None:
            return False
        top, head_rows = int(self.scroll_offset.y), len(self.header) + len(self.index)
        return top < self._window_row and top + self.size.height > head_rows

    def _pending_reached(self) -> bool:
        if not self._pending or self.index is None:
            return False
        span = self._pending[0][0]
        return self.row_of(max(span.start, span.end - 1)) is not None

    def _grown(self, final: bool = False) -> None:
        """More lines are wrapped: a longer scroll range, and any waiting jump made."""
        height = self.virtual_size.height
        rows = self._row_count()
        # Set without the reactive's layout of the screen (several per key in a million
        # paragraphs); the bar is drawn again only if its thumb moves (scroll_thumb.py).
        self.set_reactive(ArticleText.virtual_size, Size(self.size.width, rows))
        if final or self._thumb.moved(self.scroll_offset.y, self.size.height, rows):
            self._scroll_update(self.virtual_size)
        # Only rows not wrapped before (kept by no cache: render_line) may change: the
        # whole pane redrawn 4 times a second while a window was open delayed keys.
        if height < int(self.scroll_offset.y) + self.size.height or self._gap_on_screen():
            self.refresh()
        self._run_pending()

    def _row_count(self) -> int:
        rows = len(self.header) + (len(self.index) if self.index else 0)
        if self._window is not None:
            rows = max(rows, self._window_row + len(self._window))
        return rows

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.size.width, self._row_count())

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
        index, window = self.index, self._window
        if index is None or not len(index):
            return None
        if window is not None and len(window) and offset >= window.span(0)[0]:
            index, first_row = window, self._window_row
        else:
            first_row = len(self.header)
        line = index.line_of(offset)
        if line is None:
            return None
        beyond_wrapped = line == len(index) - 1 and offset >= index.span(line)[1]
        if beyond_wrapped and not index.complete:
            return None
        return first_row + line

    def _line_at(self, row: int) -> tuple[LineIndex, int] | None:
        """The index and line drawn on ``row`` (None: the header, a row not wrapped yet)."""
        index, window = self.index, self._window
        if index is None:
            return None
        line = row - len(self.header)
        if 0 <= line < len(index):
            return index, line
        if window is not None and 0 <= row - self._window_row < len(window):
            return window, row - self._window_row
        return None

    def top_offset(self) -> int:
        """Offset of the first text on screen (the body start when the header shows)."""
        return self.offset_of_row(int(self.scroll_offset.y))

    def bottom_offset(self) -> int:
        return self.offset_of_row(int(self.scroll_offset.y) + self.size.height - 1, end=True)

    def offset_of_row(self, row: int, end: bool = False) -> int:
        if self.index is None or not len(self.index):
            return self.paragraphs[0].start if self.paragraphs else 0
        found = self._line_at(max(row, len(self.header)))
        if found is None:
            window = self._window
            if window is not None and len(window) and row < self._window_row:
                return window.span(0)[0]  # between the head and the window: its text next
            last = window if window is not None and len(window) else self.index
            found = last, len(last) - 1
        index, line = found
        return index.span(line)[1 if end else 0]

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
        grown = marks_grown(old, layers)
        if grown is not None and grown[0] < grown[1]:
            # A block of the analysis: the rows on screen are drawn again only if its
            # text is among them; rows kept for later are dropped where it is.
            if grown[0] <= self.bottom_offset() and grown[1] > self.top_offset():
                grown = None
            else:
                self._forget_rows(*grown)
        if grown is not None:
            old = replace(old, quotes=layers.quotes, names=layers.names)
        moved = moved_text(old, layers)
        rows = None if moved is None else self._rows_over(*moved)
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

    def _rows_over(self, start: int, end: int) -> tuple[int, int] | None:
        """The rows (first, last) showing ``[start, end)`` ((0, -1) for an empty range);
        None when some of it is not wrapped yet."""
        if start >= end:
            return 0, -1
        first, last = self.row_of(start), self.row_of(max(start, end - 1))
        return None if first is None or last is None else (first, last)

    def _forget_rows(self, start: int, end: int) -> None:
        """Drop the kept rows that show text of ``[start, end)``."""
        for row in list(self._rows.keys()):
            found = self._line_at(row)
            if found is not None:  # else the header's
                row_start, row_end = found[0].span(found[1])
                if row_start < end and row_end >= start:
                    self._rows.discard(row)

    # Rows are kept through restyles (no notify_style_update here): they are drawn with
    # the painter's colours only, and a new theme brings a new painter. Each tab between
    # the panes restyles this widget twice (:focus, the pane's :focus-within) without
    # changing how it looks; dropping the rows then drew every row again (~5 ms a tab).
    def set_painter(self, painter: Painter) -> None:
        self.painter = painter
        self._rows.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self.index is None and self.article is not None:
            # The first paint of a story shown before the pane had a width comes before
            # its Resize event: wrap now, so that frame already has the text.
            self._wrap(anchor=None)
        row = int(self.scroll_offset.y) + y
        strip = self._rows.get(row)
        if strip is None:
            strip = self._render_row(row)
            if row < len(self.header) or self._line_at(row) is not None:
                self._rows[row] = strip  # a row not wrapped yet is blank for now only
        return strip

    def _render_row(self, row: int) -> Strip:
        width = self.size.width
        painter = self.painter
        if painter is None or self.article is None or self.index is None:
            return Strip.blank(width)
        plain = painter.plain
        if row < len(self.header):
            return header_row(self.header[row], painter, width)
        found = self._line_at(row)
        if found is None:
            return Strip.blank(width, plain)
        index, line = found
        start, end = index.span(line)
        if start == end or index.paragraph(line) == SEPARATOR:
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
