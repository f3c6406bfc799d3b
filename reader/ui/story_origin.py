"""Where a story came from: `r` reads a story again, `o` opens its web address.

The main screen binds the keys and hands them to :class:`StoryOrigin`. Reading again
runs in a thread worker (a fetch can take seconds) and its result is folded into the
library (reader.services.library_session) back on the UI thread: the highlighted story
stays highlighted wherever new items land, and a story open in the reader is shown
again through ``open_article``, the path every changed story takes, so its
annotations are looked for in the new text. The browser is started by
reader.ui.browser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Article

if TYPE_CHECKING:
    from reader.services.library_session import LibrarySession
    from reader.services.reload_merge import Place
    from reader.ui.browser import Browser
    from reader.ui.screens.main import MainScreen


class StoryOrigin:
    """`r` and `o` for the main screen. A changed library is shown by the screen
    (show_stories).

    The library binds `r` itself (the highlighted story) and asks with ReloadRequested;
    the screen's `r` reads again the story in the reader.
    """

    def __init__(
        self,
        screen: MainScreen,
        library: LibrarySession,
        cache: Path,
        open_article: Callable[..., None],
    ) -> None:
        self._screen = screen
        self._library = library
        self._cache = cache
        self._open_article = open_article
        self._browser: Browser | None = None

    @property
    def browser(self) -> Browser:
        """Made on the first `o` (its module is not needed for the first frame)."""
        if self._browser is None:
            from reader.ui.browser import Browser

            self._browser = Browser(self._screen)
        return self._browser

    # -- r: read again ----------------------------------------------------------------

    def reload(self, article: Article) -> None:
        """Read ``article`` (with the rest of its feed) again, in a worker."""
        from reader.sources import is_url, origin_of  # loaded by the library worker already

        screen = self._screen
        origin = origin_of(article)
        if origin is None:
            screen.notify(
                f"“{article.title}” was not read from a file or web address: nothing to reload.",
                severity="warning",
                markup=False,
            )
            return
        old = self._library.from_origin(origin)
        if is_url(origin):
            screen.notify(f"Fetching {origin}…", timeout=3, markup=False)
        place = screen.reading_place(origin)
        screen.run_worker(
            lambda: self._read_again(origin, old, place),
            thread=True,
            group="reload",
            exit_on_error=False,
            description="read the story again",  # not the repr of every story's text
        )

    def _read_again(self, origin: str, old: list[Article], place: Place | None) -> None:
        """In the worker's thread; the result is shown on the UI thread."""
        from textual.worker import get_current_worker

        from reader.services.reload_merge import pair
        from reader.sources import SourceError, read_again
        from reader.store.anchor import reanchor

        worker = get_current_worker()
        answer = self._screen.app.call_from_thread
        try:
            fresh = read_again(origin, self._cache, stop=lambda: worker.is_cancelled)
        except SourceError as error:
            answer(self._reload_failed, origin, str(error))
            return
        except Exception as error:  # a loader bug must not close the reader or lose its text
            answer(self._reload_failed, origin, f"{origin}: {type(error).__name__}: {error}")
            return
        if place is not None:
            # A fuzzy search of a long story takes a while: here, not on the UI thread.
            new = pair(old, fresh).get(place.article_id)
            if new is not None and new.id != place.article_id:
                place.found = reanchor(place.selector, new.text)
        answer(self._reloaded, origin, fresh, place)

    def _reload_failed(self, origin: str, reason: str) -> None:
        from reader.sources import is_url

        kept = "the cached copy is kept" if is_url(origin) else "the story as last read is kept"
        self._screen.notify(
            f"{reason} — {kept}.",
            title="Could not reload",
            severity="warning",
            markup=False,
        )

    def _reloaded(self, origin: str, fresh: list[Article], place: Place | None) -> None:
        screen = self._screen
        merge = self._library.reloaded(origin, fresh)
        library = screen.library
        screen.show_stories(renamed=merge.replaced)
        current = self._library.current
        if current is not None and current.id in merge.replaced:
            keep = library.highlighted
            if place is not None and place.article_id != current.id:
                place = None  # another story was opened while this one was being read
            self.show_again(merge.replaced[current.id], place)
            if keep is not None:
                library.highlight_article(keep)  # opening it moved the highlight to the open story
        elif current is not None:
            screen.status_bar.set_context(self._library.position(current))  # "2/3" now
        screen.notify(merge.summary(), title=_place_name(origin), markup=False)

    def show_again(self, article: Article, place: Place | None) -> None:
        """Put the new text of the open story in the reader, at the same place if it is there."""
        screen = self._screen
        reading = screen.article_view.has_focus_within
        focused = screen.focused
        self._open_article(article, focus=reading)
        if not reading and focused is not None and focused.is_attached:
            focused.focus()  # the library, or its filter box, keeps the keys
        if place is not None:
            screen.return_to(place)

    # -- o: open in the browser ---------------------------------------------------------

    def open_in_browser(self, article: Article) -> None:
        if not article.url:
            where = article.path or "memory"
            self._screen.notify(
                f"“{article.title}” has no web address: it was read from {where}.",
                title="Nothing to open",
                severity="warning",
                markup=False,
            )
            return
        self.browser.open(article.url)


def _place_name(origin: str) -> str:
    """A short name for a file or address in a notification's title."""
    from reader.sources import is_url

    return origin if is_url(origin) else Path(origin).name
