"""The library list's rows: each story drawn from a small :class:`StoryRow`, on demand.

A row is a title (wrapped), a line of date and source (with a short note such as an
annotation count), and, when the filter found its words in the text or among the
speakers rather than in the title line, a third line saying where.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import add
from typing import NamedTuple

from rich.cells import cell_len
from textual.content import Content

from reader.model import Article
from reader.safe_text import clean_line
from reader.services.library_match import NO_REASONS, Reasons
from reader.services.library_search import Found, story_meta

_WORD = re.compile(r"\S+\s*|\s+")
UNMEASURED = 2  # lines a row is taken to need until its title and meta are measured
MARK_GUTTER = 2  # cells before each row for the reading state's mark (unread)


def wrap_points(text: str, width: int) -> list[int]:
    """Where each line after the first starts when ``text`` is word-wrapped to ``width``."""
    if cell_len(text) <= width:
        return []
    points: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        word = match.group()
        cells = cell_len(word.rstrip())
        if used and used + cells > width:
            points.append(match.start())
            used = 0
        if cells > width:  # a word longer than the line: cut it into pieces
            at = match.start()
            for offset, character in enumerate(word.rstrip()):
                size = cell_len(character)
                if used + size > width:
                    points.append(at + offset)
                    used = 0
                used += size
            used += cell_len(word) - cells
            continue
        used += cell_len(word)
    return points


def wrapped_height(text: str, cells: int, width: int) -> int:
    return 1 if cells <= width else len(wrap_points(text, width)) + 1


def _marked(content: Content, words: Sequence[str]) -> Content:
    folded = content.plain.casefold()
    if len(folded) != len(content.plain):
        return content  # folding changed the length: offsets would mark the wrong letters
    for word in words:
        start = folded.find(word)
        while start != -1:
            content = content.stylize("bold $text-accent underline", start, start + len(word))
            start = folded.find(word, start + len(word))
    return content


def _wrapped(content: Content, width: int) -> list[Content]:
    points = wrap_points(content.plain, width)
    if not points:
        return [content]
    return [line.rstrip() for line in content.divide(points)]


def _around(snippet: str, words: Sequence[str], width: int) -> str:
    """``snippet`` started late enough that the words that matched show in ``width``
    (a narrow pane, or the marks' gutter, would cut the very words the reader typed)."""
    folded = snippet.casefold()
    ends = [at + len(word) for word in words if (at := folded.find(word)) >= 0]
    if not ends or len(folded) != len(snippet) or max(ends) < width - 1:
        return snippet
    start = max(1, max(ends) - (width - 3))  # the last match ends just inside the width
    return "…" + snippet[start:].lstrip("…")


class StoryRow(NamedTuple):
    """What one library entry shows."""

    title: str
    meta: str  # date and source
    extra: str = ""  # a short note after the meta, such as "✎ 2"
    found: Found | None = None  # why the filter let it through, when the title does not say

    @property
    def meta_line(self) -> str:
        if self.meta and self.extra:
            return f"{self.meta} · {self.extra}"
        return self.meta or self.extra

    def lines(self, words: Sequence[str], width: int) -> list[Content]:
        title = _marked(Content.styled(self.title or "(untitled)", "bold"), words)
        meta = _marked(Content.styled(self.meta_line, "$text-muted"), words)
        lines = _wrapped(title, width) + _wrapped(meta, width)
        if self.found is not None and self.found.kind == "speaker":
            said = Content.assemble(
                ("quoted: ", "$text-muted italic"), (self.found.detail, "$text-muted")
            )
            lines.append(_marked(said, words).truncate(width, ellipsis=True))
        elif self.found is not None:
            text = Content.styled(_around(self.found.detail, words, width), "$text-muted italic")
            lines.append(_marked(text, words).truncate(width, ellipsis=True))
        return lines


class Measured(NamedTuple):
    """A story's two list lines, cleaned once, with their widths in cells (strings and
    numbers, no cycles: the library keeps them out of the cycle collector's passes)."""

    title: str
    meta: str
    title_cells: int
    meta_cells: int


def measure(article: Article) -> Measured:
    title = clean_line(article.title) or "(untitled)"
    meta = story_meta(article)
    return Measured(title, meta, cell_len(title), cell_len(meta))


def _lines_at(lines: Measured | None, width: int) -> int:
    if lines is None:
        return UNMEASURED
    title = wrapped_height(lines.title, lines.title_cells, width)
    return title + wrapped_height(lines.meta, lines.meta_cells, width)


class RowHeights:
    """The lines each story's title and meta take, for every story, by pane width.

    Worked out once per width (a slice at a time for a big library, see
    :meth:`steps`), so that each filtered list is laid out by looking heights up.
    """

    def __init__(self, measured: list[Measured | None]) -> None:
        self.measured = measured
        self.by_width: dict[int, list[int]] = {}

    def steps(self, width: int) -> Iterator[None]:
        heights = []
        for lines in self.measured:
            heights.append(_lines_at(lines, width))
            yield
        if all(lines is not None for lines in self.measured):
            self.by_width[width] = heights

    def now(self, width: int) -> list[int]:
        for _ in self.steps(width):
            pass
        return self.by_width.get(width) or [_lines_at(m, width) for m in self.measured]


class StoryRows:
    """The stories the filter lets through, as :class:`ListRows` for the virtual list."""

    def __init__(
        self,
        articles: Sequence[Article],
        shown: Sequence[int],
        measured: list[Measured | None],
        *,
        words: Sequence[str] = (),
        extras: Mapping[str, str] | None = None,
        why: Reasons = NO_REASONS,
        heights: RowHeights | None = None,
        row_of: Mapping[str, int] | None = None,
        measure_now: bool = True,
        wanted: Callable[[int], None] | None = None,
        mark: Callable[[Article], str] | None = None,
    ) -> None:
        self.articles = articles
        self.shown = shown  # rows of ``articles``, in list order
        self.measured = measured  # by row of ``articles``; filled as rows are measured
        self.words = list(words)
        self.extras = extras or {}
        self.why = why  # rows found other than by their title line: a line more each
        self.table = heights or RowHeights(measured)
        self.row_of = row_of or {}
        self.measure_now = measure_now  # small library: work out a new width at once
        self.wanted = wanted  # told of a width whose heights are not worked out yet
        # The reading state's mark (unread) for a story: drawn in a gutter of its own
        # beside every row, so a story read or unread keeps its height.
        self.mark = mark

    def __len__(self) -> int:
        return len(self.shown)

    def article(self, index: int) -> Article:
        return self.articles[self.shown[index]]

    def _measured(self, row: int) -> Measured:
        found = self.measured[row]
        if found is None:
            found = self.measured[row] = measure(self.articles[row])
        return found

    def row(self, index: int) -> StoryRow:
        at = self.shown[index]
        article = self.articles[at]
        lines = self._measured(at)
        return StoryRow(lines.title, lines.meta, self.extras.get(article.id, ""), self.why.get(at))

    def _inner(self, width: int) -> int:
        """The width rows wrap at: less the marks' gutter when there are marks."""
        return max(1, width - MARK_GUTTER) if self.mark is not None else width

    def heights(self, width: int) -> list[int]:
        width = self._inner(width)
        table = self.table.by_width.get(width)
        if table is None and self.measure_now:
            table = self.table.now(width)
        # Every row's height, looked up in C (map, not a loop): 100,000 rows at each
        # filter keystroke.
        if table is None:
            if self.wanted is not None:
                self.wanted(width)
            heights = [UNMEASURED] * len(self.shown)  # until the table is worked out
        else:
            heights = list(map(table.__getitem__, self.shown))
        if self.why:  # a line more for each row that says why it matched
            heights = list(map(add, heights, map(self.why.rows.__contains__, self.shown)))
        for article_id, extra in self.extras.items():
            at = self.row_of.get(article_id)
            place = self._place(at)
            lines = self.measured[at] if at is not None else None
            if place is not None and lines is not None and table is not None:
                meta = f"{lines.meta} · {extra}" if lines.meta else extra
                more = wrapped_height(meta, cell_len(meta), width)
                heights[place] += more - wrapped_height(lines.meta, lines.meta_cells, width)
        return heights

    def _place(self, at: int | None) -> int | None:
        """Where row ``at`` of the library is in this list (rows are in library order)."""
        if at is None:
            return None
        place = bisect_left(self.shown, at)
        return place if place < len(self.shown) and self.shown[place] == at else None

    def lines(self, index: int, width: int) -> list[Content]:
        if self.mark is None:
            return self.row(index).lines(self.words, width)
        lines = self.row(index).lines(self.words, self._inner(width))
        mark = self.mark(self.article(index))[:1]
        first = Content.styled(f"{mark:<{MARK_GUTTER}}", "bold $text-accent")
        blank = Content(" " * MARK_GUTTER)
        return [Content.assemble(first if n == 0 else blank, line) for n, line in enumerate(lines)]
