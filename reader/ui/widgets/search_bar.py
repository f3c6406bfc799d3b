"""The reader pane's one-line search box, and the matches of what is typed in it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from reader.ui.keys import SEARCH_KEYS, bindings
from reader.ui.layers import Mark, SpanIndex

MAX_MATCHES = 50_000  # enough to read; a 10 MB story can hold millions of "e"


class SearchBar(Horizontal):
    """``/`` opens it; typing posts ``Changed``, enter ``Submitted``, escape ``Cancelled``."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        dock: bottom;
        height: 1;
        background: $panel;
    }
    SearchBar > Label {
        width: auto;
        padding: 0 1;
        color: $text-accent;
        text-style: bold;
    }
    SearchBar > Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0;
        background: $panel;
    }
    SearchBar > Input:focus {
        border: none;
        background-tint: transparent;
    }
    """

    BINDINGS = bindings(SEARCH_KEYS)

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Cancelled(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Search /")
        yield Input(placeholder="words to find (any case) · enter: go · escape: close")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def open(self, query: str = "") -> None:
        self.display = True
        box = self.input
        with box.prevent(Input.Changed):
            box.value = query
        box.cursor_position = len(query)
        box.focus()

    def close(self) -> None:
        self.display = False

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


@dataclass(slots=True)
class SearchMatches:
    """Where a query occurs in a story, case-insensitively, and which match is current."""

    query: str = ""
    marks: SpanIndex = field(default_factory=SpanIndex)
    current: int | None = None
    limit: int = MAX_MATCHES
    _starts: list[int] = field(default_factory=list, init=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.marks)

    def __len__(self) -> int:
        return len(self.marks)

    def find(self, text: str, query: str, start: int, end: int) -> None:
        """Every occurrence of ``query`` in ``text[start:end]`` (at most ``limit``)."""
        self.query = query
        self.current = None
        marks: list[Mark] = []
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for match in pattern.finditer(text, start, end):
                marks.append(Mark(match.start(), match.end()))
                if len(marks) >= self.limit:
                    break
        self.marks = SpanIndex(marks)
        self._starts = [mark.start for mark in marks]

    def clear(self) -> None:
        self.find("", "", 0, 0)

    @property
    def current_mark(self) -> Mark | None:
        return self.marks.marks[self.current] if self.current is not None else None

    def from_offset(self, origin: int) -> int | None:
        """The first match at or after ``origin``, wrapping to the first one."""
        if not self.marks:
            return None
        index = bisect_left(self._starts, origin)
        return index if index < len(self._starts) else 0

    def after(self, origin: int) -> int | None:
        """The first match starting after ``origin``, wrapping round."""
        if not self.marks:
            return None
        index = bisect_right(self._starts, origin)
        return index if index < len(self._starts) else 0

    def before(self, origin: int) -> int | None:
        """The last match starting before ``origin``, wrapping round."""
        if not self.marks:
            return None
        index = bisect_left(self._starts, origin) - 1
        return index if index >= 0 else len(self._starts) - 1

    def describe(self) -> str:
        if not self.query:
            return "Search"
        if not self.marks:
            return f"No match for “{self.query}”"
        more = "+" if len(self.marks) >= self.limit else ""
        return f"Match {(self.current or 0) + 1}/{len(self.marks)}{more} for “{self.query}”"
