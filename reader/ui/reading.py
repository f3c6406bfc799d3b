"""The app's side of the reading state: unread marks, places, the session, the keys.

The core does the work (reader/store/reading_state.py keeps what was read and where,
reader/services/subscription_loader.py reads the subscriptions); :class:`Reading`, the
app's, asks it and shows the answers on the main screen. A story is read once it has
been in the focused reader for READ_AFTER seconds, or once the reader moved in it.
Every story keeps the place of its focus; ``newsreader`` with no PATH saves the
session (story, place, pane, copy format) and opens it again next time. The library
asks :meth:`story_mark` and :meth:`reading_summary` for what it shows; sorting and
hiding read stories hand it another list.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.app import App
from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer

from reader.model import Article

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.services.library_session import LibrarySession
    from reader.services.subscription_loader import SubscribedStart
    from reader.store.reading_state import ReadingState
    from reader.ui.copying import Copier
    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.article_view import ArticleView

READ_AFTER = 2.0  # seconds in the focused reader that make a story read
SORTS = ("date", "source", "title")
UNREAD_MARK = "●"


class ReadingStateOpened(Message):
    def __init__(self, state: ReadingState | None, problem: str | None) -> None:
        super().__init__()
        self.state = state
        self.problem = problem


class ReadingNotSaved(Message):
    """Posted from the reading state's writer thread: the disk refused a change."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


def _source_name(article: Article) -> str:
    return (article.source or article.site or article.origin or article.path or "").casefold()


class Reading:
    """Keys U, J, H and s, and the hooks the app calls as stories open and move."""

    def __init__(
        self,
        app: App[None],
        main: MainScreen,
        library: LibrarySession,
        locations: Locations,
        copier: Copier,
        open_article: Callable[..., None],
        start: SubscribedStart | None,
    ) -> None:
        self._app = app
        self._main = main
        self._library = library
        self._locations = locations
        self._copier = copier
        self._open_article = open_article
        self.start = start
        self.state: ReadingState | None = None
        self.source_of: dict[str, str] = {}  # story id -> the subscription it came from
        self.source_names: dict[str, str] = {}  # subscription -> its name for people
        self.error_ids: set[str] = set()  # the entries of subscriptions that gave no story
        self.attached = False  # the first library is shown
        self._reading_problem_shown = False
        self.hide_read = False
        self.sort = SORTS[0]
        self._read_timer: Timer | None = None
        self._placed: tuple[str, int] | None = None  # (story id, offset) we focused, not the reader
        from reader.services.unread_counts import UnreadCounts

        self.unread_counts = UnreadCounts(self.is_unread, self.unread_of)

    @property
    def subscribed(self) -> bool:
        return self.start is not None and bool(self.start.subscriptions)

    # -- start-up (in the library worker's thread) -------------------------------------

    def read_start(self) -> list[Article] | None:
        """In the library worker's thread, before the library is read. Returns None: the
        library is read from the paths; see Subscriptions for the subscriptions.

        A launch with no PATH opens the reading state now (its session says which story
        to show first); one with PATHs opens it after the library is posted (see
        read_later): importing the store and opening the file took ~75 ms that the first
        frame waited for."""
        if self.start is not None:
            self.open_reading_state()
        return None

    def read_later(self) -> None:
        """After the library of a launch with PATHs is posted: open the reading state."""
        if self.start is None:
            self.open_reading_state()

    def open_reading_state(self) -> None:
        """Open the reading state (in the library worker's thread) and post it."""
        from reader.store import StoreError
        from reader.store.reading_state import ReadingState, reading_state_path

        def not_saved(problem: str) -> None:  # in the state's writer thread
            self._app.post_message(ReadingNotSaved(problem))

        try:
            state: ReadingState | None = ReadingState(
                reading_state_path(self._locations.db), on_write_error=not_saved
            )
            problem = None
        except StoreError as error:
            state, problem = None, f"What you read will not be remembered: {error}"
        self._app.post_message(ReadingStateOpened(state, problem))

    def state_opened(self, message: ReadingStateOpened) -> None:
        """The app's handler of the message hands it here."""
        from reader.ui.copying import COPY_STYLES

        self.state = message.state
        self.unread_counts.forget()
        notice = message.problem or (message.state.notice if message.state else None)
        if message.state and message.state.held_elsewhere:
            from reader.store.reading_state import one_holder_of_both

            if one_holder_of_both(self._locations.db):
                notice = None  # the annotations' read-only notice says it for both
        if notice:
            self._app.notify(notice, title="Reading state", severity="warning", markup=False)
        session = self.state.session if self.state and self.start is not None else None
        if session is not None and session.copy_style in COPY_STYLES:
            self._copier.style = session.copy_style
        self._marks_changed()
        # A story opened before the state came (a launch with PATHs) goes to its place,
        # unless the reader has moved in it already.
        current, view = self._library.current, self._view()
        if current is not None and view is not None and view.focus_span is None:
            self._restore_place(current)

    def close(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
        if self.state is not None:
            from reader.store import StoreError

            # Its journal keeps every change if this fails; folded in at the next start.
            with contextlib.suppress(StoreError):
                self.state.close()

    def save_pending_now(self, timeout: float) -> bool:
        """From any thread, before a forced exit: write the changes handed over."""
        return self.state.flush(timeout) if self.state is not None else True

    # -- what the library asks ---------------------------------------------------------

    def is_unread(self, article: Article) -> bool:
        # Every import of reading_state waits for a reading state: importing the store on
        # the UI thread before the first frame would cost that frame ~55 ms.
        if self.state is None or article.id in self.error_ids:
            return False
        from reader.store.reading_state import reading_key

        return not self.state.is_read(reading_key(article))

    def unread_of(self, articles: Sequence[Article]) -> list[bool]:
        """``is_unread`` of each story, with the marks read once for all of them."""
        if self.state is None:
            return [False] * len(articles)
        from reader.store.reading_state import reading_key

        read = self.state.read_keys()
        errors = self.error_ids
        return [
            not (key in read or article.id in errors)
            for key, article in zip(map(reading_key, articles), articles, strict=True)
        ]

    def story_mark(self, article: Article) -> str:
        return UNREAD_MARK if self.is_unread(article) else ""

    def reading_summary(self) -> str:
        if self.state is None:
            return ""
        self.unread_counts.update(self._library.articles, self.source_of)
        parts = [f"{self.unread_counts.total:,} unread"]
        if self.hide_read:
            parts.append("read hidden")
        if self.sort != SORTS[0]:
            parts.append(f"by {self.sort}")
        return " · ".join(parts)

    def feed_unread(self, article: Article) -> str:
        """'Tidewater Times: 3 unread' for a story of a subscription, else ''."""
        source = self.source_of.get(article.id)
        if source is None or self.state is None:
            return ""
        self.unread_counts.update(self._library.articles, self.source_of)
        unread = self.unread_counts.by_source[source]
        return f"{self.source_names.get(source, source)}: {unread:,} unread"

    def arranged(self, articles: list[Article]) -> list[Article]:
        """The library's list: read stories hidden if asked (not the open one), sorted."""
        shown = list(articles)
        current = self._library.current.id if self._library.current is not None else None
        if self.hide_read and self.state is not None:
            shown = [a for a in shown if a.id == current or self.is_unread(a)]
        if self.sort == "source":
            shown.sort(key=_source_name)  # stable: newest first within a source
        elif self.sort == "title":
            shown.sort(key=lambda article: article.title.casefold())
        return shown

    def attach_library(self) -> None:
        """Called as the first library is shown: the library asks us for its marks."""
        self.attached = True
        library = self._main.library
        library.story_mark = self.story_mark
        library.summary = self.reading_summary
        # Opened by PATH: a feed's items count as one feed too (a subscription's are
        # known by the loader).
        from reader.sources import is_feed  # loaded by the library worker already

        # Asked once per file: a feed's 100,000 items share one path, and a Path made
        # for each held the screen ~0.3 s as the library was shown.
        feeds: dict[str, bool] = {}
        for article in self._library.articles:
            if article.id in self.source_of:
                continue
            path = article.path
            if path and not article.origin and path not in feeds:
                feeds[path] = is_feed(path)
            feed = article.origin or (path if path and feeds[path] else None)
            if feed is not None:
                self.source_of[article.id] = feed
                self.source_names.setdefault(feed, article.source or article.site or feed)

    def _marks_changed(self, rearrange: bool = False) -> None:
        if not self._main.is_mounted:
            return
        try:
            if rearrange:
                self._main.show_stories()
            else:
                self._main.library.refresh_marks()
            if self._library.current is not None:
                self.show_story_context(self._library.current)
        except NoMatches:
            return  # the state landed as a quick `q` was taking the screen's widgets down

    def show_story_context(self, article: Article) -> None:
        feed = self.feed_unread(article)
        if not feed:
            self._main.status_bar.set_context(self._library.position(article))
            return
        # The feed's name says where the story is from: no address, so the status has room.
        number = next((n for n, a in enumerate(self._library.articles, 1) if a.id == article.id), 0)
        self._main.status_bar.set_context(f"{feed} · {number}/{len(self._library.articles)}")

    # -- the library is shown -----------------------------------------------------------

    def session_story(self) -> tuple[Article, bool] | None:
        """The story open when newsreader last closed (launched with no PATH), and
        whether the reader had the focus."""
        if self.state is None or self.start is None or self.state.session is None:
            return None
        from reader.store.reading_state import reading_key

        session = self.state.session
        for article in self._library.articles:
            if reading_key(article) == session.story:
                return article, session.pane == "reader"
        return None

    def library_shown(self) -> None:
        """After the first library: the hint or problem of a start with no PATH."""
        if self.start is None:
            return
        if self.start.problem:
            self._app.notify(
                self.start.problem, title="Subscriptions", severity="warning", markup=False
            )
        elif not self.start.subscriptions:
            self._app.notify(
                "No subscriptions yet, so here are the sample stories: "
                "newsreader feeds add FEED-OR-FOLDER subscribes to one.",
                title="Subscriptions",
                timeout=12,
                markup=False,
            )

    # -- stories open and move ------------------------------------------------------------

    def story_opened(self, article: Article, focus: bool) -> None:
        """Put the focus where the reader left this story, and start the read timer."""
        if self._read_timer is not None:
            self._read_timer.stop()
        self._placed = None
        self._restore_place(article)
        self._read_timer = self._app.set_timer(
            READ_AFTER, lambda: self._read_for_a_while(article.id)
        )
        self.save_session()
        self.show_story_context(article)

    def _view(self) -> ArticleView | None:
        """The reader pane, or None once the main screen is being taken down: a timer or
        a message of the reader's can still arrive then, as the app closes."""
        from textual.css.query import NoMatches

        try:
            return self._main.article_view
        except NoMatches:
            return None

    def _restore_place(self, article: Article) -> None:
        """Focus the sentence where the reader left ``article`` (if the state knows one)."""
        if self.state is None:
            return
        from reader.store.reading_state import reading_key

        offset = self.state.position(reading_key(article))
        if offset is not None and offset < len(article.text):
            view = self._main.article_view
            view.focus_sentence_at(offset)
            span = view.focus_span
            self._placed = (article.id, span.start) if span is not None else None

    def _read_for_a_while(self, article_id: str) -> None:
        current = self._library.current
        if current is None or current.id != article_id:
            return
        view = self._view()
        if view is not None and view.has_focus_within:
            self._set_read(current, True)

    def reader_moved(self) -> None:
        """The reader's focus moved (a key, a click, a jump): remember the place."""
        view = self._view()
        if view is None or self.state is None:
            return
        from reader.store.reading_state import reading_key

        article, span = view.article, view.focus_span
        if article is None or span is None or self.state is None:
            return
        if self._placed == (article.id, span.start):
            return  # where story_opened put it: not a move of the reader's
        self._placed = None
        was_unread = self.is_unread(article)
        self._write(lambda state: state.set_position(reading_key(article), span.start))
        self.save_session()
        if was_unread:
            self.unread_counts.changed(article, unread=False)
            self._marks_changed()

    def save_session(self) -> None:
        article = self._library.current
        if self.state is None or self.start is None or article is None:
            return
        from reader.store.reading_state import Session, reading_key

        if article.id in self.error_ids:
            return
        view = self._view()
        if view is None:
            return
        span = view.focus_span if view.article is article else None
        pane = "library" if self._main.library.has_focus_within else "reader"
        session = Session(
            reading_key(article), span.start if span else None, pane, self._copier.style
        )
        self._write(lambda state: state.save_session(session))

    def _set_read(self, article: Article, read: bool) -> None:
        from reader.store.reading_state import reading_key

        changed = False

        def change(state: ReadingState) -> None:
            nonlocal changed
            changed = state.set_read(reading_key(article), read)

        self._write(change)
        if changed:
            self.unread_counts.changed(article, unread=not read)
            self._marks_changed()

    def _write(self, change: Callable[[ReadingState], None]) -> None:
        """A change to the reading state: made in memory now, written to the disk by the
        state's own thread (a key never waits for the disk; see not_saved)."""
        if self.state is not None:
            change(self.state)

    def not_saved(self, message: ReadingNotSaved) -> None:
        """The disk refused a change: said once; the state goes on in memory for this
        session. The app's handler of the message hands it here."""
        if not self._reading_problem_shown:
            self._reading_problem_shown = True
            self._app.notify(
                f"What you read is not being saved: {message.problem}",
                title="Reading state",
                severity="error",
                markup=False,
            )

    # -- keys ---------------------------------------------------------------------------

    def toggle_read(self) -> None:
        article = self._main.story_in_question()
        if article is None or self.state is None:
            self._app.bell()
            return
        unread = self.is_unread(article)
        if (
            not unread
            and self._library.current is not None
            and article.id == self._library.current.id
        ):
            if self._read_timer is not None:
                self._read_timer.stop()  # it stays unread while it stays open
            span = self._main.article_view.focus_span
            self._placed = (article.id, span.start) if span else None
        self._set_read(article, unread)
        self._app.notify(f"Marked {'read' if unread else 'unread'}: {article.title}", timeout=3)

    def next_unread(self) -> None:
        order = self.arranged(self._library.articles)
        here = self._main.story_in_question()
        start = next((n for n, a in enumerate(order) if here and a.id == here.id), -1)
        for article in order[start + 1 :] + order[: start + 1]:
            if self.is_unread(article) and (here is None or article.id != here.id):
                self._open_article(article, focus=True)
                return
        self._app.bell()
        self._app.notify("No unread stories left.", timeout=4)

    def toggle_hide_read(self) -> None:
        self.hide_read = not self.hide_read
        self._marks_changed(rearrange=True)

    def cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._marks_changed(rearrange=True)
        self._app.notify(f"Library sorted by {self.sort}", timeout=3)
