"""Where a story came from: `r` reads a story again, `o` opens its web address.

Reading again runs in a thread worker (a fetch can take seconds) and its result is
folded into the library by the message handler (reader.ui.reload_merge): the
highlighted story stays highlighted wherever new items land, and a story open in the
reader is shown again through ``open_article``, the path every changed story takes,
so its annotations are looked for in the new text. The browser is started by
reader.ui.browser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.command import CommandPalette
from textual.message import Message

from reader.model import Article, Selector, Span
from reader.ui.annotations_state import AnnotationsState
from reader.ui.browser import BrowserMixin
from reader.ui.keys import ORIGIN_KEYS, bindings
from reader.ui.widgets.library import Library

# Text kept from the top of the screen to find the reading place again in a new text.
PLACE_CHARS = 64


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


class Place:
    """Where the reader was in a story: the focused passage, or the text at the top."""

    def __init__(self, article_id: str, selector: Selector, focused: bool) -> None:
        self.article_id = article_id
        self.selector = selector
        self.focused = focused
        self.found: tuple[int, int] | None = None  # in the new text, set by the worker


class StoryOriginMixin(BrowserMixin, AnnotationsState):
    """`r` and `o`. Built on the annotations state: a changed library must tell it.

    The library binds `r` itself (the highlighted story) and asks with ReloadRequested;
    the app's `r` reads again the story in the reader.
    """

    BINDINGS = bindings(ORIGIN_KEYS)

    _story_position: Callable[[Article], str]  # provided by NewsReaderApp
    arranged: Callable[[list[Article]], list[Article]]  # the reading state's sort and hiding

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_in_browser", "reload_story"):
            if self.screen is not self.main and not isinstance(self.screen, CommandPalette):
                return False  # a dialog, the tags view or help is in front
            return self._story_in_question() is not None
        return super().check_action(action, parameters)

    def _story_in_question(self) -> Article | None:
        """The library's highlighted story while the library has the keys, else the open one."""
        if not self.main.is_mounted:
            return None
        library = self.main.library
        if library.has_focus_within and library.highlighted is not None:
            return library.highlighted
        return self.current

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
        old = [known for known in self.articles if origin_of(known) == origin]
        if is_url(origin):
            self.notify(f"Fetching {origin}…", timeout=3, markup=False)
        self._read_again(origin, old, self._reading_place(origin))

    def _reading_place(self, origin: str) -> Place | None:
        """Where the reader is in the open story, if that story is being reloaded."""
        from reader.sources import origin_of
        from reader.store.anchor import make_selector

        article = self.current
        if article is None or origin_of(article) != origin or not article.text:
            return None
        view = self.main.article_view
        focus = view.focus_span
        if focus is not None and focus.start < focus.end:
            span, focused = focus, True
        elif view.text_widget.scroll_offset.y > 0:
            top = view.text_widget.top_offset()
            span, focused = Span(top, min(len(article.text), top + PLACE_CHARS)), False
        else:
            return None  # at the top of the story: it opens there anyway
        if span.start >= span.end:
            return None
        return Place(article.id, make_selector(article.text, span.start, span.end), focused)

    @work(
        thread=True,
        group="reload",
        exit_on_error=False,
        description="read the story again",  # not the repr of every story's text
    )
    def _read_again(self, origin: str, old: list[Article], place: Place | None) -> None:
        from textual.worker import get_current_worker

        from reader.sources import SourceError, read_again
        from reader.store.anchor import reanchor
        from reader.ui.reload_merge import pair

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
        from reader.sources import origin_of
        from reader.ui.reload_merge import merge_reloaded

        # Compared with the library as it is now: it may have changed during the fetch.
        old = [known for known in self.articles if origin_of(known) == message.origin]
        merge = merge_reloaded(self.articles, old, message.fresh)
        self.articles = merge.articles
        for old_id in merge.replaced:
            self.analyses.pop(old_id, None)
        library = self.main.library
        library.set_articles(self.arranged(self.articles), renamed=merge.replaced)
        self.library_changed()
        current = self.current
        if current is not None and current.id in merge.replaced:
            keep = library.highlighted
            place = message.place
            if place is not None and place.article_id != current.id:
                place = None  # another story was opened while this one was being read
            self._show_again(merge.replaced[current.id], place)
            if keep is not None:
                library.highlight_article(keep)  # opening it moved the highlight to the open story
        elif current is not None:
            self.main.status_bar.set_context(self._story_position(current))  # "2/3" now
        self.notify(merge.summary(), title=_place_name(message.origin), markup=False)

    def _show_again(self, article: Article, place: Place | None) -> None:
        """Put the new text of the open story in the reader, at the same place if it is there."""
        view = self.main.article_view
        reading = view.has_focus_within
        focused = self.focused
        self.open_article(article, focus=reading)
        if not reading and focused is not None and focused.is_attached:
            focused.focus()  # the library, or its filter box, keeps the keys
        if place is None or place.found is None:
            return
        start, end = place.found
        if place.focused:
            view.focus_offset(start)
        else:
            view.text_widget.scroll_to_span(Span(start, end), "top")

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
