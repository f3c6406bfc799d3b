"""The app's side of the reading state: unread marks, places, the session, subscriptions.

The core does the work (reader/store/reading_state.py keeps what was read and where,
reader/services/subscription_loader.py reads the subscriptions); this mixin asks it
and shows the answers. A story is read once it has been in the focused reader for
READ_AFTER seconds, or once the reader moved in it. Every story keeps the place of its
focus; ``newsreader`` with no PATH saves the session (story, place, pane, copy format)
and opens it again next time. The library asks :meth:`story_mark` and
:meth:`reading_summary` for what it shows; sorting and hiding read stories hand it
another list.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.timer import Timer

from reader.model import Article
from reader.ui.keys import READING_KEYS, bindings

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.services.subscription_loader import SourceStories, SubscribedStart
    from reader.store.reading_state import ReadingState
    from reader.ui.screens.main import MainScreen

READ_AFTER = 2.0  # seconds in the focused reader that make a story read
SORTS = ("date", "source", "title")
UNREAD_MARK = "●"
_READING_ACTIONS = frozenset(action.action for action in READING_KEYS.actions)


class ReadingStateOpened(Message):
    def __init__(self, state: ReadingState | None, problem: str | None) -> None:
        super().__init__()
        self.state = state
        self.problem = problem


class SourcesRead(Message):
    """Stories of some subscriptions: cached ones at start, fresh ones as each arrives."""

    def __init__(self, results: list[SourceStories], cached: bool = False) -> None:
        super().__init__()
        self.results = results
        self.cached = cached  # the start's: already in the library being loaded


class SourcesFetched(Message):
    """Every subscription has been fetched (or given up on)."""


def _source_name(article: Article) -> str:
    return (article.source or article.site or article.origin or article.path or "").casefold()


def error_story(result: SourceStories) -> Article:
    """A library entry for a subscription that gave no story at all: its error, and what to do.

    Without it a feed that has never been fetched would vanish from the reader's sight.
    """
    from reader.sources.identity import article_id

    name, source = result.name, result.subscription.source
    title = f"{name}: could not be read"
    text = (
        f"{title}\n\n{source}\n\n{result.error}\n\n"
        "It stays in your subscriptions: R tries every subscription again, and "
        f"newsreader feeds remove {source} drops it.\n"
    )
    body = text.index(source)
    return Article(
        id=article_id(text, f"subscription-error:{source}"),
        text=text,
        title=title,
        source=name,
        body_start=body,
    )


class ReadingMixin(App[None]):
    """Keys U, J, H, s, R and the hooks NewsReaderApp calls as stories open and move."""

    BINDINGS = bindings(READING_KEYS)

    # Provided by NewsReaderApp and its other mixins.
    main: MainScreen
    articles: list[Article]
    current: Article | None
    locations: Locations
    copy_style: str
    analyses: dict
    open_article: Callable[..., None]
    library_changed: Callable[[], None]
    _story_position: Callable[[Article], str]
    _show_again: Callable[..., None]

    def init_reading(self, start: SubscribedStart | None) -> None:
        self.start = start
        self.reading: ReadingState | None = None
        self._source_of: dict[str, str] = {}  # story id -> the subscription it came from
        self._source_names: dict[str, str] = {}  # subscription -> its name for people
        self._error_stories: dict[str, Article] = {}  # subscription -> its error entry
        self._error_ids: set[str] = set()
        self._errors_shown: set[tuple[str, str]] = set()
        self._reading_problem_shown = False
        self.hide_read = False
        self.sort = SORTS[0]
        self._read_timer: Timer | None = None
        self._placed: tuple[str, int] | None = None  # (story id, offset) we focused, not the reader
        from reader.services.unread_counts import UnreadCounts

        self._unread_counts = UnreadCounts(self.is_unread)
        self._asked_to_fetch = False  # R: say what the fetch brought when it ends
        self._fetched_new = 0
        self._fetch_failed: list[str] = []

    @property
    def subscribed(self) -> bool:
        return self.start is not None and bool(self.start.subscriptions)

    # -- start-up (in the library worker's thread) -------------------------------------

    def read_start(self) -> list[Article] | None:
        """Open the reading state; with subscriptions, their stories of last time (the
        library to show at once). None: no subscriptions, read the paths as usual."""
        from reader.store import StoreError
        from reader.store.reading_state import ReadingState, reading_state_path

        try:
            state: ReadingState | None = ReadingState(reading_state_path(self.locations.db))
            problem = None
        except StoreError as error:
            state, problem = None, f"What you read will not be remembered: {error}"
        self.post_message(ReadingStateOpened(state, problem))
        if not self.subscribed:
            return None
        from reader.services.subscription_loader import SubscriptionLoader

        assert self.start is not None
        results = SubscriptionLoader(self.start.subscriptions, self.locations.cache).cached()
        self.post_message(SourcesRead(results, cached=True))
        return [article for result in results for article in result.articles]

    @on(ReadingStateOpened)
    def _reading_state_opened(self, message: ReadingStateOpened) -> None:
        from reader.ui.copying import COPY_STYLES

        self.reading = message.state
        self._unread_counts.forget()
        notice = message.problem or (message.state.notice if message.state else None)
        if notice:
            self.notify(notice, title="Reading state", severity="warning", markup=False)
        session = self.reading.session if self.reading and self.start is not None else None
        if session is not None and session.copy_style in COPY_STYLES:
            self.copy_style = session.copy_style
        self._marks_changed()

    def on_unmount(self) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
        if self.reading is not None:
            from reader.store import StoreError

            # Its journal keeps every change if this fails; folded in at the next start.
            with contextlib.suppress(StoreError):
                self.reading.close()

    async def action_quit(self) -> None:
        self.save_session()  # the pane and copy format as they are now
        await super().action_quit()

    # -- what the library asks ---------------------------------------------------------

    def is_unread(self, article: Article) -> bool:
        from reader.store.reading_state import reading_key

        if self.reading is None or article.id in self._error_ids:
            return False
        return not self.reading.is_read(reading_key(article))

    def story_mark(self, article: Article) -> str:
        return UNREAD_MARK if self.is_unread(article) else ""

    def reading_summary(self) -> str:
        if self.reading is None:
            return ""
        self._unread_counts.update(self.articles, self._source_of)
        parts = [f"{self._unread_counts.total:,} unread"]
        if self.hide_read:
            parts.append("read hidden")
        if self.sort != SORTS[0]:
            parts.append(f"by {self.sort}")
        return " · ".join(parts)

    def feed_unread(self, article: Article) -> str:
        """'Tidewater Times: 3 unread' for a story of a subscription, else ''."""
        source = self._source_of.get(article.id)
        if source is None or self.reading is None:
            return ""
        self._unread_counts.update(self.articles, self._source_of)
        unread = self._unread_counts.by_source[source]
        return f"{self._source_names.get(source, source)}: {unread:,} unread"

    def arranged(self, articles: list[Article]) -> list[Article]:
        """The library's list: read stories hidden if asked (not the open one), sorted."""
        shown = list(articles)
        current = self.current.id if self.current is not None else None
        if self.hide_read and self.reading is not None:
            shown = [a for a in shown if a.id == current or self.is_unread(a)]
        if self.sort == "source":
            shown.sort(key=_source_name)  # stable: newest first within a source
        elif self.sort == "title":
            shown.sort(key=lambda article: article.title.casefold())
        return shown

    def attach_library(self) -> None:
        library = self.main.library
        library.story_mark = self.story_mark
        library.summary = self.reading_summary

    def _marks_changed(self, rearrange: bool = False) -> None:
        if not self.main.is_mounted:
            return
        library = self.main.library
        if rearrange:
            library.set_articles(self.arranged(self.articles))
        else:
            library.refresh_marks()
        if self.current is not None:
            self._show_story_context(self.current)

    def _show_story_context(self, article: Article) -> None:
        feed = self.feed_unread(article)
        if not feed:
            self.main.status_bar.set_context(self._story_position(article))
            return
        # The feed's name says where the story is from: no address, so the status has room.
        number = next((n for n, a in enumerate(self.articles, 1) if a.id == article.id), 0)
        self.main.status_bar.set_context(f"{feed} · {number}/{len(self.articles)}")

    # -- the library is shown -----------------------------------------------------------

    def session_story(self) -> tuple[Article, bool] | None:
        """The story open when newsreader last closed (launched with no PATH), and
        whether the reader had the focus."""
        from reader.store.reading_state import reading_key

        if self.reading is None or self.start is None or self.reading.session is None:
            return None
        session = self.reading.session
        for article in self.articles:
            if reading_key(article) == session.story:
                return article, session.pane == "reader"
        return None

    def library_shown(self) -> None:
        """After the first library: the hint or problem of a start with no PATH, and the
        fetch of every subscription."""
        if self.start is None:
            return
        if self.start.problem:
            self.notify(self.start.problem, title="Subscriptions", severity="warning", markup=False)
        elif not self.start.subscriptions:
            self.notify(
                "No subscriptions yet, so here are the sample stories: "
                "newsreader feeds add FEED-OR-FOLDER subscribes to one.",
                title="Subscriptions",
                timeout=12,
                markup=False,
            )
        if self.subscribed:
            self.fetch_subscriptions()

    # -- stories open and move ------------------------------------------------------------

    def story_opened(self, article: Article, focus: bool) -> None:
        """Put the focus where the reader left this story, and start the read timer."""
        from reader.store.reading_state import reading_key

        if self._read_timer is not None:
            self._read_timer.stop()
        self._placed = None
        offset = self.reading.position(reading_key(article)) if self.reading else None
        if offset is not None and offset < len(article.text):
            view = self.main.article_view
            view.focus_sentence_at(offset)
            span = view.focus_span
            self._placed = (article.id, span.start) if span is not None else None
        self._read_timer = self.set_timer(READ_AFTER, lambda: self._read_for_a_while(article.id))
        self.save_session()
        self._show_story_context(article)

    def _read_for_a_while(self, article_id: str) -> None:
        current = self.current
        if current is None or current.id != article_id:
            return
        if self.main.article_view.has_focus_within:
            self._set_read(current, True)

    def reader_moved(self) -> None:
        """The reader's focus moved (a key, a click, a jump): remember the place."""
        from reader.store.reading_state import reading_key

        view = self.main.article_view
        article, span = view.article, view.focus_span
        if article is None or span is None or self.reading is None:
            return
        if self._placed == (article.id, span.start):
            return  # where story_opened put it: not a move of the reader's
        self._placed = None
        was_unread = self.is_unread(article)
        self._write(lambda state: state.set_position(reading_key(article), span.start))
        self.save_session()
        if was_unread:
            self._unread_counts.changed(article, unread=False)
            self._marks_changed()

    def save_session(self) -> None:
        from reader.store.reading_state import Session, reading_key

        article = self.current
        if self.reading is None or self.start is None or article is None:
            return
        if article.id in self._error_ids:
            return
        view = self.main.article_view
        span = view.focus_span if view.article is article else None
        pane = "library" if self.main.library.has_focus_within else "reader"
        session = Session(reading_key(article), span.start if span else None, pane, self.copy_style)
        self._write(lambda state: state.save_session(session))

    def _set_read(self, article: Article, read: bool) -> None:
        from reader.store.reading_state import reading_key

        changed = False

        def change(state: ReadingState) -> None:
            nonlocal changed
            changed = state.set_read(reading_key(article), read)

        self._write(change)
        if changed:
            self._unread_counts.changed(article, unread=not read)
            self._marks_changed()

    def _write(self, change: Callable[[ReadingState], None]) -> None:
        """A change to the reading state; a disk that refuses it is said once, and the
        state goes on in memory for this session."""
        from reader.store import StoreError

        if self.reading is None:
            return
        try:
            change(self.reading)
        except StoreError as error:
            self.reading.read_only = True
            change(self.reading)
            if not self._reading_problem_shown:
                self._reading_problem_shown = True
                self.notify(
                    f"What you read is not being saved: {error}",
                    title="Reading state",
                    severity="error",
                    markup=False,
                )

    # -- keys ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _READING_ACTIONS:
            from textual.command import CommandPalette

            # Not behind a dialog, the tags view or help: the keys are the main screen's.
            return self.screen is self.main or isinstance(self.screen, CommandPalette)
        return super().check_action(action, parameters)

    def _story_in_focus(self) -> Article | None:
        library = self.main.library
        if library.has_focus_within and library.highlighted is not None:
            return library.highlighted
        return self.current

    def action_toggle_read(self) -> None:
        article = self._story_in_focus()
        if article is None or self.reading is None:
            self.bell()
            return
        unread = self.is_unread(article)
        if not unread and self.current is not None and article.id == self.current.id:
            if self._read_timer is not None:
                self._read_timer.stop()  # it stays unread while it stays open
            span = self.main.article_view.focus_span
            self._placed = (article.id, span.start) if span else None
        self._set_read(article, unread)
        self.notify(f"Marked {'read' if unread else 'unread'}: {article.title}", timeout=3)

    def action_next_unread(self) -> None:
        order = self.arranged(self.articles)
        here = self._story_in_focus()
        start = next((n for n, a in enumerate(order) if here and a.id == here.id), -1)
        for article in order[start + 1 :] + order[: start + 1]:
            if self.is_unread(article) and (here is None or article.id != here.id):
                self.open_article(article, focus=True)
                return
        self.bell()
        self.notify("No unread stories left.", timeout=4)

    def action_toggle_hide_read(self) -> None:
        self.hide_read = not self.hide_read
        self._marks_changed(rearrange=True)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._marks_changed(rearrange=True)
        self.notify(f"Library sorted by {self.sort}", timeout=3)

    def action_reload_all(self) -> None:
        if not self.subscribed:
            self.notify(
                "R fetches your subscriptions: add some with newsreader feeds add, then "
                "start newsreader with no PATH (r reads one story again).",
                title="No subscriptions open",
                severity="warning",
                markup=False,
            )
            return
        assert self.start is not None
        count = len(self.start.subscriptions)
        self.notify(f"Fetching {count} subscription{'s' if count != 1 else ''}…", timeout=3)
        self._asked_to_fetch = True
        self.fetch_subscriptions()

    # -- subscriptions ------------------------------------------------------------------

    @work(
        thread=True,
        group="subscriptions",
        exclusive=True,
        exit_on_error=False,
        description="fetch the subscriptions",
    )
    def fetch_subscriptions(self) -> None:
        from textual.worker import get_current_worker

        from reader.services.subscription_loader import SubscriptionLoader

        worker = get_current_worker()
        assert self.start is not None
        loader = SubscriptionLoader(self.start.subscriptions, self.locations.cache)

        def report(results: list[SourceStories]) -> None:
            self.post_message(SourcesRead(results))

        loader.fetch(report, stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(SourcesFetched())

    @on(SourcesFetched)
    def _sources_fetched(self, _message: SourcesFetched) -> None:
        new, failed = self._fetched_new, self._fetch_failed
        self._fetched_new, self._fetch_failed = 0, []
        if not self._asked_to_fetch:
            return  # at start-up each failure has had its notice already
        self._asked_to_fetch = False
        stories = f"{new} new {'story' if new == 1 else 'stories'}"
        if failed:
            names = ", ".join(failed[:3]) + (
                f" and {len(failed) - 3} more" if len(failed) > 3 else ""
            )
            self.notify(
                f"{stories}; could not fetch {names} (their stories are kept).",
                title="Subscriptions fetched",
                severity="warning",
                markup=False,
            )
        else:
            self.notify(stories, title="Subscriptions fetched", markup=False)

    @on(SourcesRead)
    def _sources_read(self, message: SourcesRead) -> None:
        from reader.ui.reload_merge import merge_reloaded

        replaced: dict[str, Article] = {}
        for result in message.results:
            source = result.subscription.source
            self._source_names[source] = result.name
            if message.cached:
                self._source_of.update((article.id, source) for article in result.articles)
                continue
            if result.error and (source, result.error) not in self._errors_shown:
                self._errors_shown.add((source, result.error))
                self.notify(
                    f"{result.error} — its stories as last read are kept.",
                    title=f"Could not fetch {result.name}",
                    severity="warning",
                    timeout=12,
                    markup=False,
                )
            fresh = list(result.articles)
            error_entry = self._error_stories.pop(source, None)
            if error_entry is not None:
                self._error_ids.discard(error_entry.id)
                self.articles = [a for a in self.articles if a.id != error_entry.id]
            if result.error and not fresh:
                entry = error_story(result)
                self._error_stories[source] = entry
                self._error_ids.add(entry.id)
                fresh = [entry]
            old = [a for a in self.articles if self._source_of.get(a.id) == source]
            merge = merge_reloaded(self.articles, old, fresh)
            self.articles = merge.articles
            self._fetched_new += sum(1 for a in merge.added if a.id not in self._error_ids)
            if result.error:
                self._fetch_failed.append(result.name)
            replaced |= merge.replaced
            for article in fresh:
                self._source_of[article.id] = source
            for old_id in merge.replaced:
                self.analyses.pop(old_id, None)
        if message.cached or not self._library_ready():
            return
        library = self.main.library
        library.set_articles(self.arranged(self.articles), renamed=replaced)
        self.library_changed()
        current = self.current
        if current is not None and current.id in replaced:
            self._show_again(replaced[current.id], None)
        elif current is None and self.articles and self._library_ready():
            restored = self.session_story()
            article, focus = restored or (self.articles[0], False)
            self.open_article(article, focus=focus)
        elif current is not None:
            self._show_story_context(current)

    def _library_ready(self) -> bool:
        """Whether the first library has been shown (the cached one at start)."""
        return bool(getattr(self, "_main_mounted", False))
