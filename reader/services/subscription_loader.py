"""The stories of every subscription: last time's at once, fresh ones fetched in parallel.

``cached()`` reads each subscription's stories from the items cache (no network, no
parsing of feeds): what the first frame shows. ``fetch(on_result)`` then reads every
source afresh, a few at a time, and reports each one as it finishes; a source that
fails keeps the stories it had (from the cache) and carries its error, so the reader
still finds them and learns why they are old. Each fresh list replaces the cached one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from reader.cache.items_cache import load_items, prune_items, save_fetch_error, save_items
from reader.model import Article
from reader.safe_text import clean_line
from reader.sources.subscriptions import Subscription

# Fetches at once: enough to hide the network's latency, few enough not to flood a
# server or the machine (each parse holds the interpreter lock for a while).
FETCH_AT_ONCE = 4
# Results finishing this close together are reported (and drawn) together.
BATCH_WINDOW = 0.2


@dataclass(slots=True)
class SourceStories:
    """One subscription's stories, and why they are not fresh if they are not."""

    subscription: Subscription
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    fresh: bool = False

    @property
    def name(self) -> str:
        """How the reader knows the source: its title, else the name its stories give
        (a feed's title), else its address or path."""
        named = next((a.source or a.site for a in self.articles if a.source or a.site), None)
        return self.subscription.title or named or self.subscription.source


def _read(source: str, cache_dir: Path, stop: Callable[[], bool] | None) -> list[Article]:
    """Every story at ``source``; SourceError (one line) if there are none to be had."""
    from reader.sources import SourceError, load_all, read_again
    from reader.sources.kinds import is_url

    if is_url(source):
        return read_again(source, cache_dir, stop=stop)
    articles, errors = load_all([Path(source)], cache_dir, stop=stop)
    if not articles and errors:
        raise SourceError(source, errors[0].removeprefix(f"{source}: "))
    return articles


class SubscriptionLoader:
    """Loads the stories of ``subscriptions``, keeping each one's last list in ``cache_dir``."""

    def __init__(
        self,
        subscriptions: Sequence[Subscription],
        cache_dir: Path,
        *,
        at_once: int = FETCH_AT_ONCE,
        read: Callable[[str, Path, Callable[[], bool] | None], list[Article]] = _read,
    ) -> None:
        self.subscriptions = list(subscriptions)
        self.cache_dir = cache_dir
        self.at_once = max(1, at_once)
        self._read = read

    def cached(self) -> list[SourceStories]:
        """Each subscription's stories as last read (none for one never read)."""
        return [
            SourceStories(subscription, load_items(self.cache_dir, subscription.source) or [])
            for subscription in self.subscriptions
        ]

    def fetch_one(
        self, subscription: Subscription, stop: Callable[[], bool] | None = None
    ) -> SourceStories:
        from reader.sources import SourceError

        try:
            articles = self._read(subscription.source, self.cache_dir, stop)
        except SourceError as error:
            why = clean_line(str(error))
        except Exception as error:  # a parser's bug must not lose the other sources
            why = clean_line(f"{subscription.source}: {type(error).__name__}: {error}")
        else:
            save_items(self.cache_dir, subscription.source, articles)
            return SourceStories(subscription, articles, fresh=True)
        if stop is None or not stop():  # giving up at quit is no fault of the source
            save_fetch_error(self.cache_dir, subscription.source, why)
        kept = load_items(self.cache_dir, subscription.source) or []
        return SourceStories(subscription, kept, why)

    def fetch(
        self,
        on_results: Callable[[list[SourceStories]], None],
        stop: Callable[[], bool] | None = None,
        window: float = BATCH_WINDOW,
    ) -> None:
        """Read every source afresh, ``at_once`` at a time. ``on_results`` hears them as
        they finish (on the fetching thread), those that finish within ``window`` of the
        first together: the library is redrawn once for them, not once each."""
        with ThreadPoolExecutor(self.at_once, thread_name_prefix="subscription") as pool:
            pending = {pool.submit(self.fetch_one, s, stop) for s in self.subscriptions}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                if pending and window > 0:
                    more, pending = wait(pending, timeout=window, return_when=ALL_COMPLETED)
                    done |= more
                if stop is not None and stop():
                    for waiting in pending:
                        waiting.cancel()
                    return
                on_results([future.result() for future in done])
        # Every subscription has its fresh list: the files of those dropped since can go.
        prune_items(self.cache_dir, [s.source for s in self.subscriptions])


@dataclass(slots=True, frozen=True)
class SubscribedStart:
    """What ``newsreader`` with no PATH opens: the subscriptions (none: the samples)."""

    subscriptions: list[Subscription]
    problem: str | None = None  # the subscriptions file could not be read: why


def subscribed_start(config_dir: Path) -> SubscribedStart:
    from reader.sources.subscriptions import SubscriptionError, SubscriptionsFile

    try:
        return SubscribedStart(SubscriptionsFile(config_dir).read())
    except SubscriptionError as error:
        return SubscribedStart([], clean_line(str(error)))
