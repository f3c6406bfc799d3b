"""Subscriptions in the app: last time's stories at once, fresh ones as they arrive, R.

The loader (reader/services/subscription_loader.py) reads them; this mixin merges each
source's stories into the library as the reload key does for one story, keeps the
stories of a source that failed (and says why, once), and lists a subscription that
never gave a story as an entry holding its error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message

from reader.model import Article
from reader.ui.reading import ReadingMixin

if TYPE_CHECKING:
    from reader.services.subscription_loader import SourceStories


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


class SubscribedMixin(ReadingMixin):
    """``newsreader`` with no PATH: the subscriptions' stories, and R to fetch them again."""

    def read_start(self) -> list[Article] | None:
        """Open the reading state; with subscriptions, their stories of last time (the
        library to show at once). None: no subscriptions, read the paths as usual."""
        super().read_start()
        if not self.subscribed:
            return None
        from reader.services.subscription_loader import SubscriptionLoader

        assert self.start is not None
        results = SubscriptionLoader(self.start.subscriptions, self.locations.cache).cached()
        self.post_message(SourcesRead(results, cached=True))
        return [article for result in results for article in result.articles]

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
        from reader.services.reload_merge import merge_reloaded

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
                self.library.articles = [a for a in self.library.articles if a.id != error_entry.id]
            if result.error and not fresh:
                entry = error_story(result)
                self._error_stories[source] = entry
                self._error_ids.add(entry.id)
                fresh = [entry]
            old = [a for a in self.library.articles if self._source_of.get(a.id) == source]
            merge = merge_reloaded(self.library.articles, old, fresh)
            self.library.articles = merge.articles
            self._fetched_new += sum(1 for a in merge.added if a.id not in self._error_ids)
            if result.error:
                self._fetch_failed.append(result.name)
            replaced |= merge.replaced
            for article in fresh:
                self._source_of[article.id] = source
            for old_id in merge.replaced:
                self.library.analyses.pop(old_id, None)
        if message.cached or not self._library_ready():
            return
        self.main.show_stories(renamed=replaced)
        current = self.library.current
        if current is not None and current.id in replaced:
            self._show_again(replaced[current.id], None)
        elif current is None and self.library.articles and self._library_ready():
            restored = self.session_story()
            article, focus = restored or (self.library.articles[0], False)
            self.open_article(article, focus=focus)
        elif current is not None:
            self._show_story_context(current)

    def _library_ready(self) -> bool:
        """Whether the first library has been shown (the cached one at start)."""
        return bool(getattr(self, "_main_mounted", False))
