"""A long story's opening, shown while the whole file is read (issue #18).

A launch with one big story file (reader.sources.opening) shows the story's header and
first paragraphs from its first bytes at once; reading the whole of a 10 MB file took
~0.15 s more, all of it before the first text. The whole story then takes its place,
where the reader was in the opening. Keys that move through the text the opening
already holds (`j`, `k`, `{`, `}`, page keys, `g`) act on it at once: reading a 49 MB
story whole takes seconds, and a `j` held that long is a frozen reader (issue #15). The
others (`G`, `n`, `/` ...) and any move that would leave the opening's text are held and
act, in the order pressed, once the whole story is shown: on the opening they would have
moved through a part of the story only.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message import Message

from reader.model import Article, Span
from reader.safe_text import clean_line

if TYPE_CHECKING:
    from reader.ui.app import NewsReaderApp
    from reader.ui.units import Unit
    from reader.ui.widgets.article_view import ArticleView

PAINT_WAIT = 1.0  # seconds the library's thread waits for the opening's first paint
# The reader's actions that stay inside the text on screen and the text before it: they
# act on the opening (ArticleView keeps the place when the whole story replaces it).
MOVES_BACK = frozenset({"previous_sentence", "previous_paragraph", "page_up", "top"})
MOVES_ON = frozenset({"next_sentence", "next_paragraph", "page_down"})


class StoryOpening(Message):
    """Posted by the library's thread: the opening of the one story being read."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article


class Opening:
    def __init__(self, app: NewsReaderApp) -> None:
        self._app = app
        self.article: Article | None = None  # the opening on screen, until the story is
        self._held: list[tuple[str, DOMNode | None]] = []
        self._waiting: Article | None = None  # came before the panes were built
        self._over = False  # the library was shown: an opening coming later is too late
        self.painted = threading.Event()  # the opening is drawn (or there is none to draw)

    # -- the library's thread -----------------------------------------------------------

    def read_first(self, paths: Sequence[Path | str]) -> None:
        """With one big story file to read: post its opening and wait until it is drawn,
        so the whole file's reading does not compete with that first paint."""
        if len(paths) != 1 or not isinstance(paths[0], Path):
            return
        from reader.sources.opening import read_opening

        try:
            article = read_opening(paths[0])
        except Exception:  # only a head start: the whole file's reading says what is wrong
            return
        if article is not None:
            self._app.post_message(StoryOpening(article))
            self.painted.wait(timeout=PAINT_WAIT)

    # -- the UI's thread ----------------------------------------------------------------

    def arrived(self, article: Article, panes_built: bool) -> None:
        if self._over:
            return
        if panes_built:
            self._show(article)
        else:
            self._waiting = article  # shown by the panes' mount: see show_waiting

    def show_waiting(self) -> bool:
        """Show an opening that came before the panes were built; whether there was one."""
        article, self._waiting = self._waiting, None
        if article is None or self._over:
            return False
        self._show(article)
        return True

    def _show(self, article: Article) -> None:
        app = self._app
        self.article = article
        app.sub_title = clean_line(article.title)
        screen = app.main
        screen.show_article_view()
        screen.article_view.show_opening(article)
        screen.article_view.focus()
        app.call_after_refresh(self.painted.set)

    def holds(self, namespace: DOMNode | None, action: str = "") -> bool:
        """Whether ``action`` of ``namespace`` waits for the whole story: one of the
        reader's, while the opening is shown, unless it moves within the opening's text
        (and no key before it is waiting: keys act in the order pressed)."""
        if self.article is None:
            return False
        view = self._app.main.article_view
        if namespace is not view and namespace is not view.text_widget:
            return False
        if self._held:
            return True
        name = action.partition("(")[0]
        if name in MOVES_BACK:
            return False
        if name in MOVES_ON:
            return not self._room_ahead(view.text_widget.bottom_offset())
        return True

    def _room_ahead(self, bottom: int) -> bool:
        """Whether a move on stays in the opening: its last paragraph is not on screen
        (nor focused), so the next sentence, paragraph or page is one it holds in full."""
        article = self.article
        assert article is not None
        view = self._app.main.article_view
        if view.article is not article or not article.paragraphs:
            return False
        last = article.paragraphs[-1].start
        focus = view.focus_span
        return bottom < last and (focus is None or focus.end < last)

    def hold(self, action: str, namespace: DOMNode | None) -> None:
        self._held.append((action, namespace))

    def end(self) -> list[tuple[str, DOMNode | None]]:
        """The library is shown: no opening any more; the actions held, to run now."""
        self._over = True
        self.article = self._waiting = None
        self.painted.set()
        held, self._held = self._held, []
        return held


# -- the reader's place, from the opening to the whole story ----------------------------

Place = tuple[int, "Unit | None"]  # the text at the top (-1: the very top), the focus


def opening_place(view: ArticleView, opening: Article | None, article: Article) -> Place | None:
    """Where the reader is in ``opening`` (shown in ``view``), when ``article`` is the whole
    story it opens; None when it is not, or the reader has not moved."""
    if (
        opening is None
        or article.path != opening.path
        or article.body_start != opening.body_start
        or not article.text.startswith(opening.text)
    ):
        return None
    text = view.text_widget
    top = text.top_offset() if int(text.scroll_offset.y) else -1
    focus = view.cursor.focus
    if top < 0 and focus is None:
        return None
    return top, focus


def return_to_place(view: ArticleView, place: Place) -> None:
    """The whole story in place of its opening: the same text at the top, the same
    sentence or paragraph in focus (the opening's text is the story's own start, so
    every offset in it is the same in the whole story)."""
    top, focus = place
    if top >= 0:
        view.text_widget.scroll_to_span(Span(top, top), "top")
    if focus is None:
        return
    units = view.units
    if focus.kind == "paragraph":
        unit: Unit | None = units.paragraph_unit(units.paragraph_at(focus.span.start))
    else:
        unit = units.sentence_at(focus.span.start)
    if unit is not None:
        view.cursor.put_focus(unit)
        view.focus_drawn()
