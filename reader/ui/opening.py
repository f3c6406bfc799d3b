"""A long story's opening, shown while the whole file is read (issue #18).

A launch with one big story file (reader.sources.opening) shows the story's header and
first paragraphs from its first bytes at once; reading the whole of a 10 MB file took
~0.15 s more, all of it before the first text. The whole story then takes its place,
at the top as the opening was. The reader's keys pressed meanwhile (`G`, `j`, `n` ...)
are held and act, in the order pressed, once the whole story is shown: on the opening
they would have moved through a part of the story only.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message import Message

from reader.model import Article
from reader.safe_text import clean_line

if TYPE_CHECKING:
    from reader.ui.app import NewsReaderApp

PAINT_WAIT = 1.0  # seconds the library's thread waits for the opening's first paint


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

    def holds(self, namespace: DOMNode | None) -> bool:
        """Whether an action of ``namespace`` waits for the whole story: one of the
        reader's, while the opening is shown."""
        if self.article is None:
            return False
        view = self._app.main.article_view
        return namespace is view or namespace is view.text_widget

    def hold(self, action: str, namespace: DOMNode | None) -> None:
        self._held.append((action, namespace))

    def end(self) -> list[tuple[str, DOMNode | None]]:
        """The library is shown: no opening any more; the actions held, to run now."""
        self._over = True
        self.article = self._waiting = None
        self.painted.set()
        held, self._held = self._held, []
        return held
