"""The reader pane: a story drawn line by line with highlights and a keyboard focus.

``ArticleView`` is the pane other code mounts and talks to (``show``,
``set_analysis``, ``set_annotations``, ``focus_span``, ``target_span`` ...). It holds
the reading state (focus, selection, search) and the side widgets (search bar, legend,
people panel). ``ArticleText`` inside it is the Line-API widget: it renders only the
rows on screen, wraps huge stories in a worker while the first page is already
shown, and keeps rendered rows in an LRU cache.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.model import Analysis, Annotation, Article, Quote, Span
from reader.safe_text import clean_line
from reader.ui.counts import counted
from reader.ui.layers import NAME_LABELS, Layers, Mark, Painter, SpanIndex, ThemePalette
from reader.ui.units import Unit, Units
from reader.ui.where import where_from
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.people_panel import PeoplePanel
from reader.ui.widgets.search_bar import SearchBar, SearchMatches
from reader.ui.wrap import (
    SEPARATOR,
    LineIndex,
    display_text,
    paragraph_spans,
    wrap_chunk,
    wrap_pieces,
)

GUTTER = 3  # focus bar, annotation bar, space
MEASURE = 100  # longest line in cells: long lines are hard to read
FIRST_WRAP_CHARS = 20_000  # wrapped before the first paint (a tall screen's worth)
CHUNK_CHARS = 1_000_000  # text wrapped per worker step (about 30 ms)
_span_start = attrgetter("start")
_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


@dataclass(slots=True, frozen=True)
class HeaderLine:
    text: str
    kind: str  # "title", "meta", "where" (the story's address or path), "rule" or "blank"


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

    # -- loading and wrapping ------------------------------------------------------------

    @property
    def wrap_width(self) -> int:
        return max(8, min(MEASURE, self.size.width - GUTTER - 1))

    def load(self, article: Article, paragraphs: list[Span]) -> None:
        self.article = article
        # Wrapping works on pieces of at most PIECE_CHARS, so one enormous paragraph is
        # wrapped lazily like many ordinary ones.
        self.paragraphs, self._owners = wrap_pieces(article.text, paragraphs)
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
        self.header = self._header_lines(article, width)
        index = self.index = LineIndex(width, len(self.paragraphs))
        stop, budget = 0, 0
        while stop < len(self.paragraphs) and budget < FIRST_WRAP_CHARS:
            budget += len(self.paragraphs[stop])
            stop += 1
        index.extend(wrap_chunk(article.text, self.paragraphs, width, 0, stop, self._owners))
        self._rows.clear()
        self._update_virtual_size()
        if not index.complete:
            # After the first paint, so the worker does not compete with it for the GIL.
            generation = self._generation
            self.call_after_refresh(self._wrap_rest, generation, width, stop)
        if anchor is not None:
            self._pending = [(Span(anchor, anchor), "top")]
            self._wrap_through(anchor)
        self._run_pending()

    def _wrap_through(self, offset: int) -> None:
        """Wrap now, on this thread, up to the paragraph holding ``offset``.

        A jump far ahead (G, a search hit, a quote at the end) should not wait for the
        worker to get there: wrapping is linear and quick (about 30 ms a MB), so the
        paragraphs in between are wrapped at once and the worker carries on after them.
        """
        index, article = self.index, self.article
        if index is None or article is None or index.complete:
            return
        paragraph = bisect_right(self.paragraphs, offset, key=_span_start) - 1
        first = index.wrapped_paragraphs
        if paragraph < first:
            return
        self._generation += 1
        self.workers.cancel_group(self, "wrap")
        stop = min(len(self.paragraphs), paragraph + 1)
        index.extend(
            wrap_chunk(article.text, self.paragraphs, index.width, first, stop, self._owners)
        )
        self._rows.clear()
        self._update_virtual_size()
        if not index.complete:
            self._wrap_rest(self._generation, index.width, stop)

    def _wrap_rest(self, generation: int, width: int, first: int) -> None:
        if generation != self._generation:
            return  # the story or the width changed before this got to start
        article = self.article
        paragraphs = self.paragraphs
        owners = self._owners
        assert article is not None

        def work() -> None:
            worker = get_current_worker()
            start = first
            while start < len(paragraphs) and not worker.is_cancelled:
                stop, budget = start, 0
                while stop < len(paragraphs) and budget < CHUNK_CHARS:
                    budget += len(paragraphs[stop])
                    stop += 1
                chunk = wrap_chunk(article.text, paragraphs, width, start, stop, owners)
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self._add_chunk, generation, chunk)
                start = stop

        self.run_worker(work, thread=True, group="wrap", exit_on_error=False)

    def _add_chunk(self, generation: int, chunk) -> None:
        if generation != self._generation or self.index is None:
            return
        self.index.extend(chunk)
        self._update_virtual_size()
        self._run_pending()
        self.refresh()

    @property
    def wrapping_done(self) -> bool:
        return self.index is not None and self.index.complete

    def _update_virtual_size(self) -> None:
        rows = len(self.header) + (len(self.index) if self.index else 0)
        self.virtual_size = Size(self.size.width, rows)

    def _header_lines(self, article: Article, width: int) -> list[HeaderLine]:
        from reader.ui.wrap import wrap_paragraph

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
        self.span_layers = layers
        self._rows.clear()
        self.refresh()

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
            return self._header_row(self.header[row], plain, width)
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

    def _header_row(self, line: HeaderLine, plain: Style, width: int) -> Strip:
        assert self.painter is not None
        palette = self.painter.palette
        if line.kind == "title":
            style = plain + Style(color=palette.header.rich_color, bold=True)
        elif line.kind in ("meta", "where", "rule"):
            style = plain + Style(color=palette.muted.rich_color, italic=line.kind == "meta")
        else:
            style = plain
        segments = [Segment(" " * GUTTER, plain), Segment(line.text, style)]
        return Strip(segments, GUTTER + cell_len(line.text)).crop_extend(0, width, plain)

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
        if self.index is None or not len(self.index) or not self.paragraphs:
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
            if line >= len(self.index):
                return last_text
            start, end = self.index.span(line)
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


def _key(
    action: str,
    keys: str,
    description: str,
    help: str,
    *,
    show: bool = False,
    display: str | None = None,
    name: str | None = None,
) -> Binding:
    """A reader binding; its id ("article.<name>") lets a user keymap rebind it."""
    return Binding(
        keys, action, description, show=show, key_display=display, tooltip=help,
        id=f"article.{name or action}",
    )  # fmt: skip


class ArticleView(Widget):
    """The reader pane: show a story, move a focus through it, select, search."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        layout: vertical;
    }
    ArticleView > #article-row {
        height: 1fr;
    }
    ArticleView ArticleText {
        width: 1fr;
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("next_sentence", "down,j", "Next sentence", "Focus the next sentence."),
        _key("previous_sentence", "up,k", "Previous sentence", "Focus the previous sentence."),
        _key("next_paragraph", "right_curly_bracket", "Next paragraph",
             "Focus the next paragraph.", display="}"),
        _key("previous_paragraph", "left_curly_bracket", "Previous paragraph",
             "Focus the previous paragraph.", display="{"),
        _key("next_quote", "n", "Next quote",
             "Focus the next direct quotation and show its speaker.", show=True),
        _key("previous_quote", "N", "Previous quote", "Focus the previous direct quotation."),
        _key("next_person", "p", "Next person", "Focus the next mention of a person's name."),
        _key("previous_person", "P", "Previous person",
             "Focus the previous mention of a person's name."),
        _key("page_down", "pagedown", "Page down", "Scroll down one screen."),
        _key("page_down", "space", "Page down", "Scroll down one screen.", name="page_down_space"),
        _key("page_up", "pageup", "Page up", "Scroll up one screen."),
        _key("page_up", "b", "Page up", "Scroll up one screen.", name="page_up_b"),
        _key("top", "g,home", "Top", "Go to the start of the story."),
        _key("end", "G,end", "End", "Go to the end of the story."),
        _key("select", "v", "Select",
             "Start a selection at the focus; moves then extend it.", show=True),
        _key("grow_word", "w", "Grow selection", "Extend the selection by one word at its end."),
        _key("shrink_word", "W", "Shrink selection",
             "Shrink the selection by one word at its end."),
        _key("clear", "escape", "Clear", "Clear the selection, then the search highlights."),
        _key("search", "slash", "Search",
             "Search the story as you type; enter jumps to the match.", show=True, display="/"),
        _key("next_match", "ctrl+n", "Next match", "Focus the next search match."),
        _key("previous_match", "ctrl+b", "Previous match", "Focus the previous search match."),
        _key("toggle_legend", "l", "Legend",
             "Show or hide what each highlight means.", show=True, name="legend"),
        _key("toggle_people", "i", "People",
             "Show or hide the people in this story and how often each is quoted.",
             show=True, name="people"),
    ]  # fmt: skip

    class StatusChanged(Message):
        """What the focus or selection is now, for the status bar."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.analysis = Analysis()
        self._analysed = False
        self.units = Units("", [])
        self._focus: Unit | None = None
        self._anchor: Span | None = None  # where a keyboard selection started
        self._selection: Span | None = None
        self._mouse_selection: Span | None = None
        self._annotations = SpanIndex()
        self._annotation_source: tuple[list[Annotation], dict[str, str]] = ([], {})
        self._quote_layer = SpanIndex()
        self._name_layer = SpanIndex()
        self._matches = SearchMatches()
        # Built here, not in compose, so show() works before the pane is mounted.
        self._text = ArticleText(id="article-text")
        self._people = PeoplePanel(id="article-people")
        self._legend = Legend(id="article-legend")
        self._search = SearchBar(id="article-search")

    def compose(self) -> ComposeResult:
        with Horizontal(id="article-row"):
            yield self._text
            yield self._people
        yield self._legend
        yield self._search

    @property
    def text_widget(self) -> ArticleText:
        return self._text

    def on_mount(self) -> None:
        self._apply_theme()
        # After the refresh: the new theme's CSS must be applied before colours are read.
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self.call_after_refresh(self._apply_theme)
        )

    def _apply_theme(self) -> None:
        background = self.text_widget.background_colors[1]
        palette = ThemePalette.from_theme(self.app.theme_variables, background)
        painter = Painter(palette)
        self.text_widget.set_painter(painter)
        self._legend.set_painter(painter)

    def focus(self, scroll_visible: bool = True) -> ArticleView:
        """Keyboard focus goes to the text (or the open search bar)."""
        self.text_widget.focus(scroll_visible)
        return self

    # -- public API ------------------------------------------------------------------

    def show(self, article: Article) -> None:
        """Show a story: its text at once; highlights come with ``set_analysis``."""
        self.article = article
        paragraphs = article.paragraphs or paragraph_spans(article.text, article.body_start)
        self.analysis = Analysis()
        self._analysed = False
        self.units = Units(article.text, paragraphs)
        self._quote_layer = self._name_layer = SpanIndex()
        self._focus = self._anchor = self._selection = self._mouse_selection = None
        self._annotations = self._annotation_marks()
        self._matches.clear()
        self._people.set_people(self.analysis)
        self.text_widget.load(article, paragraphs)
        self._update_layers()
        words = "" if not paragraphs else counted(len(paragraphs), "paragraph")
        self._status(f"{article.title} · {words}" if words else article.title)

    def set_analysis(self, analysis: Analysis) -> None:
        """Quotes and names found by the analysis: drawn as soon as they arrive."""
        self.analysis = analysis
        self._analysed = True
        self.units.set_analysis(analysis)
        # Built once per analysis: a key press only changes the focus and selection marks.
        self._quote_layer = SpanIndex(Mark(q.start, q.end) for q in self.units.quotes)
        self._name_layer = SpanIndex(
            Mark(e.start, e.end, e.label) for e in analysis.entities if e.label in NAME_LABELS
        )
        self._people.set_people(analysis)
        if self._focus is not None:
            # The old focus may point at a quote of an earlier analysis: find it again.
            self._focus = self._same_unit(self._focus)
        self._update_layers()
        if self._focus is not None:
            self._status(self._describe())
        elif self._selection is None:
            people = sum(1 for group in analysis.groups if group.label == "PER")
            quotes = len(self.units.quotes)
            self._status(
                f"{counted(quotes, 'quote')} · {counted(people, 'person')} · n: next quote"
            )

    def _same_unit(self, unit: Unit) -> Unit | None:
        start = unit.span.start
        units = self.units
        if unit.kind == "quote":
            found = units.quote_at(start)
            return found if found is not None else units.sentence_at(start)
        if unit.kind == "person":
            found = units.next_person(start - 1)
            if found is not None and found.span == unit.span:
                return found
            return units.sentence_at(start)
        return unit  # sentences and paragraphs do not depend on the analysis

    def set_annotations(self, annotations: list[Annotation], colours: dict[str, str]) -> None:
        """Draw tagged passages in their tag colour (orphans have no place to be drawn).

        Annotations of other stories are ignored, so this may be called before or after
        ``show`` of the story they belong to.
        """
        self._annotation_source = (annotations, colours)
        self._annotations = self._annotation_marks()
        self._update_layers()

    def _annotation_marks(self) -> SpanIndex:
        annotations, colours = self._annotation_source
        article_id = self.article.id if self.article is not None else None
        marks = []
        for note in annotations:
            if note.orphan or (article_id is not None and note.article_id != article_id):
                continue
            colour = note.colour or next(
                (colours[tag] for tag in note.tags if tag in colours), None
            )
            marks.append(Mark(note.selector.start, note.selector.end, colour or ""))
        return SpanIndex(marks)

    @property
    def focus_span(self) -> Span | None:
        return self._focus.span if self._focus is not None else None

    @property
    def focus_unit(self) -> Unit | None:
        return self._focus

    @property
    def selection_span(self) -> Span | None:
        return self._selection or self._mouse_selection

    @property
    def target_span(self) -> Span | None:
        """What tag and copy act on: the selection if any, else the focus."""
        return self.selection_span or self.focus_span

    @property
    def focused_quote(self) -> Quote | None:
        """The quote in focus, or the quote holding the focused sentence or name."""
        if self._focus is None:
            return None
        if self._focus.quote is not None:
            return self._focus.quote
        holder = self.units.quote_at(self._focus.span.start)
        if holder is not None and holder.span.end >= self._focus.span.end:
            return holder.quote
        return None

    @property
    def search_matches(self) -> list[Span]:
        return [Span(mark.start, mark.end) for mark in self._matches.marks.marks]

    def focus_offset(self, offset: int) -> None:
        """Put the focus on the unit at ``offset`` (used to jump to annotations, matches)."""
        unit = self.units.unit_at(offset)
        if unit is not None:
            self._set_focus(unit)

    # -- state -> screen -------------------------------------------------------------

    def _update_layers(self) -> None:
        focus = self._focus
        speaker = None
        if focus is not None and focus.quote is not None:
            quote = focus.quote
            if quote.speaker_start is not None and quote.speaker_end is not None:
                speaker = Mark(quote.speaker_start, quote.speaker_end)
        selection = self.selection_span
        self.text_widget.set_layers(
            Layers(
                quotes=self._quote_layer,
                names=self._name_layer,
                annotations=self._annotations,
                search=self._matches.marks,
                current_match=self._matches.current_mark,
                focus=Mark(focus.span.start, focus.span.end) if focus else None,
                speaker=speaker,
                selection=Mark(selection.start, selection.end) if selection else None,
            )
        )

    def _status(self, text: str) -> None:
        self.post_message(self.StatusChanged(text))

    def _set_focus(self, unit: Unit, how: str = "nearest") -> None:
        self._focus = unit
        if self._anchor is not None:
            start = min(self._anchor.start, unit.span.start)
            end = max(self._anchor.end, unit.span.end)
            self._selection = Span(start, end)
        self._update_layers()
        self.text_widget.scroll_to_span(unit.span, how)
        self._status(self._describe())

    def _describe(self) -> str:
        selection = self.selection_span
        if selection is not None and self.article is not None:
            words = len(self.article.text[selection.start : selection.end].split())
            return f"Selection · {words} words · {len(selection)} characters"
        if self._focus is not None:
            return self.units.describe(self._focus)
        return ""

    def _visible_focus(self) -> bool:
        if self._focus is None:
            return False
        text = self.text_widget
        row = text.row_of(self._focus.span.start)
        end_row = text.row_of(max(self._focus.span.start, self._focus.span.end - 1))
        top = int(text.scroll_offset.y)
        if row is None or end_row is None:
            return True  # still being wrapped: it was put there on purpose
        return end_row >= top and row < top + text.size.height

    def _move(self, finder: Callable[[int], Unit | None], forward: bool, what: str) -> None:
        if self.article is None:
            return
        text = self.text_widget
        if self._visible_focus():
            assert self._focus is not None
            origin = self._focus.span.start
        elif forward:
            origin = text.top_offset() - 1
        else:
            origin = text.bottom_offset() + 1
        unit = finder(origin)
        if unit is not None:
            self._set_focus(unit)
            return
        self.app.bell()
        if what in ("quote", "person") and not self._analysed:
            self._status("Still finding quotes and names…")
        elif what in ("quote", "person") and not self._count(what):
            self._status(f"No {'quotes' if what == 'quote' else 'people'} found in this story")
        else:
            self._status(f"No {what} {'after' if forward else 'before'} this one")

    def _count(self, what: str) -> int:
        return len(self.units.quotes) if what == "quote" else len(self.units.people)

    # -- actions ---------------------------------------------------------------------

    def action_next_sentence(self) -> None:
        self._move(self.units.next_sentence, True, "sentence")

    def action_previous_sentence(self) -> None:
        self._move(self.units.previous_sentence, False, "sentence")

    def action_next_paragraph(self) -> None:
        self._move(self.units.next_paragraph, True, "paragraph")

    def action_previous_paragraph(self) -> None:
        self._move(self.units.previous_paragraph, False, "paragraph")

    def action_next_quote(self) -> None:
        self._move(self.units.next_quote, True, "quote")

    def action_previous_quote(self) -> None:
        self._move(self.units.previous_quote, False, "quote")

    def action_next_person(self) -> None:
        self._move(self.units.next_person, True, "person")

    def action_previous_person(self) -> None:
        self._move(self.units.previous_person, False, "person")

    def action_page_down(self) -> None:
        self.text_widget.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.text_widget.scroll_page_up(animate=False)

    def action_top(self) -> None:
        unit = self.units.first_sentence()
        if unit is not None:
            self._set_focus(unit)
        self.text_widget.scroll_to(y=0, animate=False, immediate=True)

    def action_end(self) -> None:
        unit = self.units.last_sentence()
        if unit is not None:
            self._set_focus(unit, "bottom")
            # Show the story's last line, not just the last sentence's.
            last = self.units.paragraphs[-1]
            self.text_widget.scroll_to_span(Span(last.end - 1, last.end), "bottom")

    def action_select(self) -> None:
        if self._focus is None:
            self.action_next_sentence()
        if self._focus is None:
            return
        self._mouse_selection = None
        self.text_widget.screen.clear_selection()
        self._anchor = self._focus.span
        self._selection = self._focus.span
        self._update_layers()
        self._status(self._describe())

    def action_grow_word(self) -> None:
        if self._selection is None:
            self.action_select()
        if self._selection is None:
            return
        end = self.units.word_end_after(self._selection.end)
        if end is None:
            self.app.bell()
            return
        self._resize_selection(end)

    def action_shrink_word(self) -> None:
        if self._selection is None:
            self.app.bell()
            return
        end = self.units.word_end_before(self._selection.end, self._selection.start)
        if end is None:
            self.app.bell()
            return
        self._resize_selection(end)

    def _resize_selection(self, end: int) -> None:
        assert self._selection is not None
        self._selection = Span(self._selection.start, end)
        self._anchor = self._selection
        self._update_layers()
        self.text_widget.scroll_to_span(Span(max(self._selection.start, end - 1), end))
        self._status(self._describe())

    def action_clear(self) -> None:
        if self._search.display:
            self._close_search()
        elif self.selection_span is not None:
            self._anchor = self._selection = self._mouse_selection = None
            self.text_widget.screen.clear_selection()
            self._update_layers()
            self._status(self._describe())
        elif self._matches:
            self._matches.clear()
            self._update_layers()
        elif self._people.display:
            self.action_toggle_people()
        else:
            raise SkipAction()

    def action_toggle_legend(self) -> None:
        legend = self._legend
        legend.display = not legend.display

    def action_toggle_people(self) -> None:
        panel = self._people
        panel.display = not panel.display
        if panel.display:
            if panel.highlighted is None and panel.option_count:
                panel.highlighted = 0
            panel.focus()
        else:
            self.text_widget.focus()

    @on(PeoplePanel.Picked)
    def _jump_to_person(self, event: PeoplePanel.Picked) -> None:
        event.stop()
        unit = self.units.first_quote_of(event.name)
        if unit is None:
            for index, entity in enumerate(self.units.people):
                if self.units.group_name(entity) == event.name:
                    unit = self.units.person_unit(index)
                    break
        self.text_widget.focus()
        if unit is not None:
            self._set_focus(unit, "top")

    @on(PeoplePanel.Closed)
    def _people_closed(self, event: PeoplePanel.Closed) -> None:
        event.stop()
        self._people.display = False
        self.text_widget.focus()

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        self._search.open(self._matches.query)

    def _close_search(self) -> None:
        self._search.close()
        self.text_widget.focus()

    def _find(self, query: str) -> None:
        paragraphs = self.units.paragraphs
        if self.article is None or not paragraphs:
            self._matches.clear()
            return
        self._matches.find(self.article.text, query, paragraphs[0].start, paragraphs[-1].end)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        event.stop()
        matches = self._matches
        self._find(event.query)
        # Typing previews the first match from the top of the view; the focus stays.
        matches.current = matches.from_offset(self.text_widget.top_offset())
        self._update_layers()
        if (mark := matches.current_mark) is not None:
            self.text_widget.scroll_to_span(Span(mark.start, mark.end))
        self._status(matches.describe())

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        matches = self._matches
        if event.query != matches.query:
            self._find(event.query)
            matches.current = matches.from_offset(self.text_widget.top_offset())
        self._close_search()
        if matches.current is None:
            self._update_layers()
            self._status(matches.describe())
        else:
            self._go_to_match(matches.current)

    @on(SearchBar.Cancelled)
    def _search_cancelled(self, event: SearchBar.Cancelled) -> None:
        event.stop()
        self._close_search()

    def _go_to_match(self, index: int) -> None:
        """Focus the unit holding match ``index``: its quote when it lies in one."""
        self._matches.current = index
        mark = self._matches.marks.marks[index]
        unit = self.units.unit_at(mark.start)
        if unit is not None:
            self._focus = unit
        self._update_layers()
        self.text_widget.scroll_to_span(Span(mark.start, mark.end))
        focus = f" · {self.units.describe(unit)}" if unit is not None else ""
        self._status(self._matches.describe() + focus)

    def _match_origin(self) -> int:
        mark = self._matches.current_mark
        focus = self._focus
        if mark is not None and (focus is None or focus.span.contains(mark.start)):
            return mark.start
        if focus is not None and self._visible_focus():
            return focus.span.start
        return self.text_widget.top_offset() - 1

    def action_next_match(self) -> None:
        index = self._matches.after(self._match_origin())
        if index is None:
            self.app.bell()
        else:
            self._go_to_match(index)

    def action_previous_match(self) -> None:
        index = self._matches.before(self._match_origin())
        if index is None:
            self.app.bell()
        else:
            self._go_to_match(index)

    # -- mouse -----------------------------------------------------------------------

    @on(ArticleText.Clicked)
    def _clicked(self, event: ArticleText.Clicked) -> None:
        event.stop()
        unit = self.units.unit_at(event.offset)
        if unit is None:
            return
        self._anchor = self._selection = None
        self._set_focus(unit)

    @on(ArticleText.MouseSelected)
    def _mouse_selected(self, event: ArticleText.MouseSelected) -> None:
        event.stop()
        self._mouse_selection = event.span
        if event.span is not None:
            self._anchor = self._selection = None
        self._update_layers()
        self._status(self._describe())
