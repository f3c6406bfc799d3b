"""Where a story came from: `r` reads a story again, `o` opens its web address.

Reading again runs in a thread worker (a fetch can take seconds) and its result is
folded into the library by the message handler (reader.services.library_session): the
highlighted story stays highlighted wherever new items land, and a story open in the
reader is shown again through ``open_article``, the path every changed story takes,
so its annotations are looked for in the new text. The browser is started by
reader.ui.browser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.command import CommandPalette
from textual.message import Message

from reader.model import Article
from reader.services.reload_merge import Place
from reader.ui.browser import BrowserMixin
from reader.ui.keys import ORIGIN_KEYS, bindings
from reader.ui.widgets.library import Library

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.services.library_session import LibrarySession
    from reader.ui.screens.main import MainScreen


class Reloaded(Message):
    """The stories read again from ``origin``, and where the reading place is now."""

    def __init__(self, origin: str, fresh: list[Article], place: Place | None) -> None:
        super().__init__()
        self.origin = origin
        self.fresh = fresh
        self.place = place


class ReloadFailed(Message):
    def __init__(self, origin: str, reason: str) -> None:
        super().__init__()
        self.origin = origin
        self.reason = reason


class StoryOriginMixin(BrowserMixin):
    """`r` and `o`. A changed library is shown by the main screen (show_stories).

    The library binds `r` itself (the highlighted story) and asks with ReloadRequested;
    the app's `r` reads again the story in the reader.
    """

    BINDINGS = bindings(ORIGIN_KEYS)

    # Provided by NewsReaderApp.
    main: MainScreen
    library: LibrarySession
    locations: Locations
    open_article: Callable[..., None]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_in_browser", "reload_story"):
            if self.screen is not self.main and not isinstance(self.screen, CommandPalette):
                return False  # a dialog, the tags view or help is in front
            return self._story_in_question() is not None
        return super().check_action(action, parameters)

    def _story_in_question(self) -> Article | None:
        return self.main.story_in_question()

    # -- r: read again ----------------------------------------------------------------

    @on(Library.ReloadRequested)
    def _reload_requested(self, message: Library.ReloadRequested) -> None:
        message.stop()
        self.reload(message.article)

    def action_reload_story(self) -> None:
        """`r` outside the library: the story in the reader."""
        article = self._story_in_question()
        if article is not None:
            self.reload(article)

    def reload(self, article: Article) -> None:
        """Read ``article`` (with the rest of its feed) again, in a worker."""
        from reader.sources import is_url, origin_of  # loaded by the library worker already

        origin = origin_of(article)
        if origin is None:
            self.notify(
                f"“{article.title}” was not read from a file or web address: nothing to reload.",
                severity="warning",
                markup=False,
            )
            return
        old = self.library.from_origin(origin)
        if is_url(origin):
            self.notify(f"Fetching {origin}…", timeout=3, markup=False)
        self._read_again(origin, old, self.main.reading_place(origin))

    @work(
        thread=True,
        group="reload",
        exit_on_error=False,
        description="read the story again",  # not the repr of every story's text
    )
    def _read_again(self, origin: str, old: list[Article], place: Place | None) -> None:
        from textual.worker import get_current_worker

        from reader.services.reload_merge import pair
        from reader.sources import SourceError, read_again
        from reader.store.anchor import reanchor

        worker = get_current_worker()
        try:
            fresh = read_again(origin, self.locations.cache, stop=lambda: worker.is_cancelled)
        except SourceError as error:
            self.post_message(ReloadFailed(origin, str(error)))
            return
        except Exception as error:  # a loader bug must not close the reader or lose its text
            self.post_message(ReloadFailed(origin, f"{origin}: {type(error).__name__}: {error}"))
            return
        if place is not None:
            # A fuzzy search of a long story takes a while: here, not in the handler.
            new = pair(old, fresh).get(place.article_id)
            if new is not None and new.id != place.article_id:
                place.found = reanchor(place.selector, new.text)
        self.post_message(Reloaded(origin, fresh, place))

    @on(ReloadFailed)
    def _reload_failed(self, message: ReloadFailed) -> None:
        from reader.sources import is_url

        kept = (
            "the cached copy is kept"
            if is_url(message.origin)
            else "the story as last read is kept"
        )
        self.notify(
            f"{message.reason} — {kept}.",
            title="Could not reload",
            severity="warning",
            markup=False,
        )

    @on(Reloaded)
    def _reloaded(self, message: Reloaded) -> None:
        merge = self.library.reloaded(message.origin, message.fresh)
        library = self.main.library
        self.main.show_stories(renamed=merge.replaced)
        current = self.library.current
        if current is not None and current.id in merge.replaced:
            keep = library.highlighted
            place = message.place
            if place is not None and place.article_id != current.id:
                place = None  # another story was opened while this one was being read
            self._show_again(merge.replaced[current.id], place)
            if keep is not None:
                library.highlight_article(keep)  # opening it moved the highlight to the open story
        elif current is not None:
            self.main.status_bar.set_context(self.library.position(current))  # "2/3" now
        self.notify(merge.summary(), title=_place_name(message.origin), markup=False)

    def _show_again(self, article: Article, place: Place | None) -> None:
        """Put the new text of the open story in the reader, at the same place if it is there."""
        view = self.main.article_view
        reading = view.has_focus_within
        focused = self.focused
        self.open_article(article, focus=reading)
        if not reading and focused is not None and focused.is_attached:
            focused.focus()  # the library, or its filter box, keeps the keys
        if place is not None:
            self.main.return_to(place)

    # -- o: open in the browser ---------------------------------------------------------

    def action_open_in_browser(self) -> None:
        article = self._story_in_question()
        if article is None:
            return
        if not article.url:
            where = article.path or "memory"
            self.notify(
                f"“{article.title}” has no web address: it was read from {where}.",
                title="Nothing to open",
                severity="warning",
                markup=False,
            )
            return
        self.open_in_browser(article.url)


def _place_name(origin: str) -> str:
    """A short name for a file or address in a notification's title."""
    from reader.sources import is_url

    return origin if is_url(origin) else Path(origin).name
