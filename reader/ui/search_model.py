"""What the reader's search found: every match of the query in the story, and which is current.

No Textual here: ``ArticleView`` asks, draws the marks and scrolls to the current one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model import Span
from reader.ui.span_index import Mark, SpanIndex
from reader.ui.units import Unit

MAX_MATCHES = 50_000  # enough to read; a 10 MB story can hold millions of "e"


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

    def find_in_story(self, text: str, paragraphs: Sequence[Span], query: str) -> None:
        """Every occurrence of ``query`` in the story's body (not in its header)."""
        if not paragraphs:
            self.clear()
            return
        self.find(text, query, paragraphs[0].start, paragraphs[-1].end)

    def clear(self) -> None:
        self.find("", "", 0, 0)

    @property
    def spans(self) -> list[Span]:
        return [Span(mark.start, mark.end) for mark in self.marks.marks]

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

    def origin(self, focus: Unit | None, focus_visible: bool, top: int) -> int:
        """Where ``ctrl+n``/``ctrl+b`` go on from: the current match while the focus holds
        it, else the focus when on screen, else the top of the screen."""
        mark = self.current_mark
        if mark is not None and (focus is None or focus.span.contains(mark.start)):
            return mark.start
        if focus is not None and focus_visible:
            return focus.span.start
        return top - 1

    def describe(self) -> str:
        if not self.query:
            return "Search"
        if not self.marks:
            return f"No match for “{self.query}”"
        more = "+" if len(self.marks) >= self.limit else ""
        return f"Match {(self.current or 0) + 1}/{len(self.marks)}{more} for “{self.query}”"
