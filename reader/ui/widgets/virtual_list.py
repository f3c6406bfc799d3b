"""A list that draws only the rows on screen, so 100,000 entries cost what 30 do.

Textual's ``OptionList`` renders every option up front to learn its height (about a
millisecond each): a feed of 100,000 stories froze the app for seconds at each filter
keystroke. Here the owner hands over a :class:`ListRows` (its data, already filtered,
as a sequence of row numbers into its own records): the list asks it for every row's
height in one cheap pass, and for the lines of a row only when that row is on screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, repeat
from operator import add
from typing import ClassVar, NamedTuple, Protocol, overload

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

ROW_CACHE = 512  # rendered rows kept: a few screens' worth


class ListRows(Protocol):
    """What a :class:`VirtualList` shows: rows it can measure in bulk and draw one by one."""

    def __len__(self) -> int: ...

    def heights(self, width: int) -> Sequence[int]:
        """Lines each row takes at ``width`` cells (at least 1), in row order."""
        ...

    def lines(self, index: int, width: int) -> Sequence[Content]:
        """Row ``index`` as exactly as many lines as ``heights`` gave it, each <= ``width``."""
        ...


class SameHeights(Sequence[int]):
    """``rows`` rows of ``height`` lines each, as :meth:`ListRows.heights` may answer:
    the list then lays them out as a range instead of summing every row (the people
    panel's 100,000 people, at each ranking and each time it is shown)."""

    def __init__(self, height: int, rows: int) -> None:
        self.height = height
        self.rows = rows

    def __len__(self) -> int:
        return self.rows

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self.height] * len(range(self.rows)[index])
        range(self.rows)[index]  # IndexError past the end, as a list
        return self.height


class NoRows:
    """The empty list."""

    def __len__(self) -> int:
        return 0

    def heights(self, width: int) -> Sequence[int]:
        return []

    def lines(self, index: int, width: int) -> Sequence[Content]:
        raise IndexError(index)


class VirtualList(ScrollView, can_focus=True):
    """A keyboard list over :class:`ListRows`: one highlighted row, enter or click picks it."""

    # No keys of its own: each list binds these actions (cursor_down, cursor_up, first,
    # last, page_down, page_up, select) in the key registry, reader/ui/keys.py.

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--row",
        "virtual-list--row-highlighted",
        "virtual-list--separator",
        "virtual-list--empty",
    }

    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        color: $foreground;
        overflow-x: hidden;
        background: $surface;
        & > .virtual-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .virtual-list--separator {
            color: $foreground 15%;
        }
        & > .virtual-list--empty {
            color: $text-disabled;
        }
    }
    """

    class _RowMessage(Message):
        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class Highlighted(_RowMessage):
        """The highlight moved to row ``index``."""

    class Selected(_RowMessage):
        """Row ``index`` was picked (enter or a click)."""

    def __init__(
        self,
        *,
        separators: bool = False,
        empty: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: ListRows = NoRows()
        self._separators = separators
        self._empty = empty
        self._highlighted: int | None = None
        self._ends: Sequence[int] = []  # line after each row (its separator included)
        self._total = 0  # lines of all the rows (no rule after the last)
        self._laid_out_for: tuple[int, int] | None = None  # (id of the rows, width)
        self._strips: LRUCache[tuple[int, int, bool], list[Strip]] = LRUCache(ROW_CACHE)
        self._frame: _Looks | None = None  # while a frame is drawn

    # -- data ---------------------------------------------------------------------------

    @property
    def rows(self) -> ListRows:
        return self._rows

    @property
    def option_count(self) -> int:
        """How many rows there are (named as OptionList's, which this list replaced)."""
        return len(self._rows)

    def set_rows(self, rows: ListRows, highlighted: int | None = None) -> None:
        """Show ``rows`` (a new object each time the data changes) with ``highlighted``."""
        self._rows = rows
        self._laid_out_for = None
        self._strips.clear()
        self._highlighted = self._valid(highlighted)
        self._layout()
        self.refresh()
        if self._highlighted is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, self._highlighted))

    def set_empty_text(self, text: str) -> None:
        self._empty = text
        self.refresh()

    def relayout(self) -> None:
        """The rows' heights changed (not their number): measure them again."""
        self._laid_out_for = None
        self._strips.clear()
        self._layout()
        self.refresh()
        self.scroll_to_highlight()

    def redraw_rows(self) -> None:
        """The rows' looks changed but not their number or heights: draw them again."""
        self._strips.clear()
        self.refresh()

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        index = self._valid(index)
        if index == self._highlighted:
            return
        previous, self._highlighted = self._highlighted, index
        for row in (previous, index):
            if row is not None:
                self._refresh_row(row)
        if index is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, index))

    def _valid(self, index: int | None) -> int | None:
        count = len(self._rows)
        if index is None or not count:
            return None
        return min(max(index, 0), count - 1)

    # -- geometry -----------------------------------------------------------------------

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _layout(self) -> None:
        width = self._width
        key = (id(self._rows), width)
        if not width or key == self._laid_out_for:
            return
        self._laid_out_for = key
        heights = self._rows.heights(self._inner_width(width))
        rule = 1 if self._separators else 0
        ends: Sequence[int]
        # Summed in C (map and accumulate, not a generator): 100,000 rows at each filter
        # keystroke and each escape.
        if isinstance(heights, SameHeights):
            step = heights.height + rule
            ends = range(step, step * len(heights) + 1, step)
            total = ends[-1] - rule if ends else 0
        elif self._separators and heights:
            ends = list(accumulate(map(add, heights, repeat(1))))
            total = ends[-1] - 1  # no rule after the last row
        else:
            ends = list(accumulate(heights))
            total = ends[-1] if ends else 0
        self._ends = ends
        self._total = total
        self.virtual_size = Size(width, total)

    def _inner_width(self, width: int) -> int:
        padding = self.get_component_styles("virtual-list--row").padding
        return max(1, width - padding.left - padding.right)

    def _row_span(self, index: int) -> tuple[int, int]:
        """First line of row ``index`` and its height (its separator not counted)."""
        start = self._ends[index - 1] if index else 0
        end = self._ends[index] - (1 if self._separators else 0)
        return start, max(1, end - start)

    def row_at_line(self, line: int) -> int | None:
        """The row drawn on virtual line ``line`` (None past the end)."""
        self._layout()
        index = bisect_right(self._ends, line)
        return index if index < len(self._ends) else None

    def _refresh_row(self, index: int) -> None:
        self._layout()
        if index < len(self._ends):
            start, height = self._row_span(index)
            self.refresh_lines(start, height)

    def on_resize(self, event: events.Resize) -> None:
        # Rows wrap at the width: only a new width lays them out again (showing or hiding
        # the filter box above changes the height alone, and 100,000 rows cost a frame).
        if self._laid_out_for is None or self._laid_out_for[1] != self._width:
            self._laid_out_for = None
            self._strips.clear()
            self._layout()
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def scroll_to_highlight(self, top: bool = False) -> None:
        index = self._highlighted
        if index is None or not self.is_mounted:
            return
        self._layout()
        if index >= len(self._ends):
            return
        start, height = self._row_span(index)
        self.scroll_to_region(
            Region(0, start, self._width, height),
            animate=False,
            force=True,
            top=top,
            immediate=True,
        )

    # -- drawing ------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._layout()
        # The width and looks are asked once a frame, not once a line and row: each is
        # a walk of the styles, and they were most of the time a panel took to draw
        # (its first frame after `i` cost up to 60 ms on a busy machine).
        self._frame = self._frame_looks()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _frame_looks(self) -> _Looks:
        padding = self.get_component_styles("virtual-list--row").padding
        return _Looks(
            width=self._width,
            left=padding.left,
            inner=max(1, self._width - padding.left - padding.right),
            row=self.get_visual_style("virtual-list--row"),
            lit=self.get_visual_style("virtual-list--row", "virtual-list--row-highlighted"),
            rule=self.get_visual_style("virtual-list--separator"),
        )

    def render_line(self, y: int) -> Strip:
        looks = self._frame or self._frame_looks()
        width = looks.width
        line = self.scroll_offset.y + y
        if not len(self._rows):
            if y == 0 and self._empty:
                empty = self.get_visual_style("virtual-list--empty")
                return self._strip(Content(self._empty), empty, looks)
            return Strip.blank(width, looks.row.rich_style)
        index = bisect_right(self._ends, line)
        if index >= len(self._ends) or line >= self._total:
            return Strip.blank(width, looks.row.rich_style)
        start, height = self._row_span(index)
        offset = line - start
        if offset >= height:  # the rule under the row
            return Strip([Segment("─" * width, looks.rule.rich_style)], width)
        return self._row_strips(index, looks)[offset]

    def _row_strips(self, index: int, looks: _Looks) -> list[Strip]:
        lit = index == self._highlighted
        key = (index, looks.width, lit)
        strips = self._strips.get(key)
        if strips is None:
            style = looks.lit if lit else looks.row
            _start, height = self._row_span(index)
            lines = list(self._rows.lines(index, looks.inner))[:height]
            lines += [Content("")] * (height - len(lines))
            strips = [self._strip(line, style, looks) for line in lines]
            self._strips[key] = strips
        return strips

    def _strip(self, line: Content, style: VisualStyle, looks: _Looks) -> Strip:
        rich_style = style.rich_style
        segments = [Segment(" " * looks.left, rich_style)] if looks.left else []
        segments += [
            Segment(text, part.rich_style)
            for text, part in line.render(style, end="", parse_style=self._get_style)
        ]
        # Cut or padded to the width as segments, made a strip once: each strip built
        # on the way (a crop, an extension) cost as much again.
        width = looks.width
        return Strip(Segment.adjust_line_length(segments, width, rich_style), width)

    # -- keys and mouse -----------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if self._highlighted is None:
            self.highlighted = 0
        else:
            self.highlighted = self._highlighted + 1

    def action_cursor_up(self) -> None:
        if self._highlighted is None:
            self.highlighted = len(self._rows) - 1
        else:
            self.highlighted = self._highlighted - 1

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self._rows) - 1

    def _move_page(self, direction: int) -> None:
        if self._highlighted is None:
            self.highlighted = 0 if direction < 0 else len(self._rows) - 1
            return
        self._layout()
        start, _height = self._row_span(self._highlighted)
        target = start + direction * self.scrollable_content_region.height
        row = self.row_at_line(max(0, target))
        self.highlighted = len(self._rows) - 1 if row is None else row

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    async def _on_click(self, event: events.Click) -> None:
        # The row is found from the line clicked (rows carry no meta: styling every
        # segment of every row drawn with its row number cost more than drawing it).
        offset = event.get_content_offset(self)
        if offset is None or not len(self._rows):
            return
        line = self.scroll_offset.y + offset.y
        row = self.row_at_line(line)
        if row is not None and line - self._row_span(row)[0] < self._row_span(row)[1]:
            self.highlighted = row
            self.action_select()


class _Looks(NamedTuple):
    """What every line of one frame is drawn with."""

    width: int  # of the list's content
    left: int  # padding before a row's text
    inner: int  # width of a row's text
    row: VisualStyle
    lit: VisualStyle  # the highlighted row
    rule: VisualStyle  # between rows
