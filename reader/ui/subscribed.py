"""Subscriptions in the app: last time's stories at once, fresh ones as they arrive, R.

The loader (reader/services/subscription_loader.py) reads them; :class:`Subscriptions`
merges each
source's stories into the library as the reload key does for one story, keeps the
stories of a source that failed (and says why, once), and lists a subscription that
never gave a story as an entry holding its error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from reader.model import Article

if TYPE_CHECKING:
    from reader.services.library_session import LibrarySession
    from reader.services.subscription_loader import SourceStories
    from reader.ui.reading import Reading
    from reader.ui.screens.main import MainScreen


class SourcesRead(Message):
    """Stories of some subscriptions: cached ones at start, fresh ones as each arrives."""

    def __init__(self, results: list[SourceStories], cached: bool = False) -> None:
        super().__init__()
        self.results = results
        self.cached = cached  # the start's: already in the library being loaded


class SourcesFetched(Message):
    """Every subscription has been fetched (or given up on)."""


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


class Subscriptions:
    """``newsreader`` with no PATH: the subscriptions' stories, and R to fetch them again."""

    def __init__(
        self,
        app: App[None],
        main: MainScreen,
        reading: Reading,
        library: LibrarySession,
        cache: Path,
        open_article: Callable[..., None],
    ) -> None:
        self._app = app
        self._main = main
        self._reading = reading
        self._library = library
        self._cache = cache
        self._open_article = open_article
        self._error_stories: dict[str, Article] = {}  # subscription -> its error entry
        self._errors_shown: set[tuple[str, str]] = set()
        self._asked_to_fetch = False  # R: say what the fetch brought when it ends
        self._fetched_new = 0
        self._fetch_failed: list[str] = []

    def read_start(self) -> list[Article] | None:
        """In the library worker's thread: open the reading state; with subscriptions,
        their stories of last time (the library to show at once). None: no
        subscriptions, read the paths as usual."""
        reading = self._reading
        reading.read_start()
        if not reading.subscribed:
            return None
        from reader.services.subscription_loader import SubscriptionLoader

        assert reading.start is not None
        results = SubscriptionLoader(reading.start.subscriptions, self._cache).cached()
        self._app.post_message(SourcesRead(results, cached=True))
        return [article for result in results for article in result.articles]

    def reload_all(self) -> None:
        if not self._reading.subscribed:
            self._app.notify(
                "R fetches your subscriptions: add some with newsreader feeds add, then "
                "start newsreader with no PATH (r reads one story again).",
                title="No subscriptions open",
                severity="warning",
                markup=False,
            )
            return
        assert self._reading.start is not None
        count = len(self._reading.start.subscriptions)
        self._app.notify(f"Fetching {count} subscription{'s' if count != 1 else ''}…", timeout=3)
        self._asked_to_fetch = True
        self.fetch()

    # -- subscriptions ------------------------------------------------------------------

    def fetch(self) -> None:
        self._app.run_worker(
            self._fetch,
            thread=True,
            group="subscriptions",
            exclusive=True,
            exit_on_error=False,
            description="fetch the subscriptions",
        )

    def _fetch(self) -> None:
        """In the worker's thread: each source's stories are posted as they arrive."""
        from textual.worker import get_current_worker

        from reader.services.subscription_loader import SubscriptionLoader

        worker = get_current_worker()
        assert self._reading.start is not None
        loader = SubscriptionLoader(self._reading.start.subscriptions, self._cache)

        def report(results: list[SourceStories]) -> None:
            self._app.post_message(SourcesRead(results))

        loader.fetch(report, stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self._app.post_message(SourcesFetched())

    def sources_fetched(self) -> None:
        """Every subscription has been fetched (the app hands its message here)."""
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
            self._app.notify(
                f"{stories}; could not fetch {names} (their stories are kept).",
                title="Subscriptions fetched",
                severity="warning",
                markup=False,
            )
        else:
            self._app.notify(stories, title="Subscriptions fetched", markup=False)

    def sources_read(self, message: SourcesRead) -> None:
        """Stories of some subscriptions (the app hands its message here)."""
        from reader.services.reload_merge import merge_reloaded

        replaced: dict[str, Article] = {}
        for result in message.results:
            source = result.subscription.source
            self._reading.source_names[source] = result.name
            if message.cached:
                self._reading.source_of.update((article.id, source) for article in result.articles)
                continue
            if result.error and (source, result.error) not in self._errors_shown:
                self._errors_shown.add((source, result.error))
                self._app.notify(
                    f"{result.error} — its stories as last read are kept.",
                    title=f"Could not fetch {result.name}",
                    severity="warning",
                    timeout=12,
                    markup=False,
                )
            fresh = list(result.articles)
            error_entry = self._error_stories.pop(source, None)
            if error_entry is not None:
                self._reading.error_ids.discard(error_entry.id)
                self._library.articles = [
                    a for a in self._library.articles if a.id != error_entry.id
                ]
            if result.error and not fresh:
                entry = error_story(result)
                self._error_stories[source] = entry
                self._reading.error_ids.add(entry.id)
                fresh = [entry]
            old = [a for a in self._library.articles if self._reading.source_of.get(a.id) == source]
            merge = merge_reloaded(self._library.articles, old, fresh)
            self._library.articles = merge.articles
            self._fetched_new += sum(1 for a in merge.added if a.id not in self._reading.error_ids)
            if result.error:
                self._fetch_failed.append(result.name)
            replaced |= merge.replaced
            for article in fresh:
                self._reading.source_of[article.id] = source
            for old_id in merge.replaced:
                self._library.analyses.pop(old_id, None)
        if message.cached or not self._reading.attached:
            return
        self._main.show_stories(renamed=replaced)
        current = self._library.current
        if current is not None and current.id in replaced:
            self._main.origin.show_again(replaced[current.id], None)
        elif current is None and self._library.articles and self._reading.attached:
            restored = self._reading.session_story()
            article, focus = restored or (self._library.articles[0], False)
            self._open_article(article, focus=focus)
        elif current is not None:
            self._reading.show_story_context(current)
