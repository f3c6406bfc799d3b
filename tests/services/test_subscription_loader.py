"""Subscriptions load from the items cache at once, then afresh from a real local server."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from reader.cache.items_cache import load_items, save_items
from reader.model import Article
from reader.services.subscription_loader import SourceStories, SubscriptionLoader
from reader.sources.subscriptions import Subscription
from tests.ui.test_reload import FERRY, GULLS, feed
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name


def titles(result: SourceStories) -> list[str]:
    return sorted(article.title for article in result.articles)


def test_fresh_stories_are_cached_and_shown_first_next_time(
    tmp_path: Path,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/tide.rss", feed(FERRY, GULLS), "application/rss+xml")
    story = tmp_path / "quay.txt"
    story.write_text("Quay Wall Repairs Begin\n\nBy Ines Duarte\n\nCrews closed the quay.\n")
    subscriptions = [Subscription(url, title="Tidewater"), Subscription(str(story))]
    cache = tmp_path / "cache"
    loader = SubscriptionLoader(subscriptions, cache)
    assert [r.articles for r in loader.cached()] == [[], []], "nothing read yet"
    results: list[SourceStories] = []
    loader.fetch(results.extend)
    by_source = {r.subscription.source: r for r in results}
    assert titles(by_source[url]) == [FERRY[0], GULLS[0]]
    assert by_source[url].fresh and by_source[url].error is None
    assert by_source[url].name == "Tidewater"
    assert titles(by_source[str(story)]) == ["Quay Wall Repairs Begin"]

    web_server.close()  # offline now: the next launch still has every story
    cached = {r.subscription.source: r for r in SubscriptionLoader(subscriptions, cache).cached()}
    assert titles(cached[url]) == [FERRY[0], GULLS[0]]
    again = cached[url].articles[0]
    original = next(a for a in by_source[url].articles if a.id == again.id)
    assert again == original, "a cached story is the story as it was read, every field"


def test_a_failing_source_keeps_its_stories_and_says_why(
    tmp_path: Path,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/tide.rss", feed(FERRY), "application/rss+xml")
    cache = tmp_path / "cache"
    loader = SubscriptionLoader([Subscription(url)], cache)
    (first,) = [loader.fetch_one(s) for s in loader.subscriptions]
    assert first.error is None
    web_server.fail("/tide.rss", 503)
    failed = loader.fetch_one(loader.subscriptions[0])
    assert failed.error is not None and "503" in failed.error
    assert not failed.fresh
    assert titles(failed) == [FERRY[0]], "the stories read before are kept"
    gone = loader.fetch_one(Subscription(str(tmp_path / "missing")))
    assert gone.error is not None and "no such file" in gone.error and gone.articles == []


def test_fetches_run_a_few_at_a_time_and_report_as_each_ends(tmp_path: Path) -> None:
    running = 0
    most = 0
    lock = threading.Lock()

    def slow_read(source: str, cache_dir: Path, stop: object) -> list[Article]:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05 if source != "slow" else 1.0)
        with lock:
            running -= 1
        return [Article(id=source, text="t", title=source)]

    sources = ["slow", *(f"s{n}" for n in range(9))]
    loader = SubscriptionLoader(
        [Subscription(s) for s in sources], tmp_path, at_once=3, read=slow_read
    )
    batches: list[list[str]] = []
    loader.fetch(lambda results: batches.append([r.subscription.source for r in results]))
    assert sorted(s for batch in batches for s in batch) == sorted(sources)
    assert most == 3, "never more fetches at once than allowed"
    assert batches[-1] == ["slow"], "a slow source does not hold back the others' results"
    assert len(batches) < len(sources), "results close together come together"


def test_a_damaged_cache_file_is_no_cache(tmp_path: Path) -> None:
    article = Article(id="1", text="Title\n\nBody.\n", title="Title", url="https://x.test/1")
    save_items(tmp_path, "https://x.test/feed", [article])
    assert load_items(tmp_path, "https://x.test/feed") == [article]
    (cached,) = (tmp_path / "items").iterdir()
    cached.write_bytes(cached.read_bytes()[:20])
    assert load_items(tmp_path, "https://x.test/feed") is None
    hostile = Article(id="2", text="x", title="Bad\x1b]52;c;ZXZpbA==\x07 title")
    save_items(tmp_path, "s", [hostile])
    (loaded,) = load_items(tmp_path, "s") or []
    assert "\x1b" not in loaded.title and "\x07" not in loaded.title


def test_an_unsubscribed_source_leaves_the_cache_at_the_next_fetch(
    tmp_path: Path,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    kept = web_server.serve("/kept.rss", feed(FERRY), "application/rss+xml")
    dropped = web_server.serve("/dropped.rss", feed(GULLS), "application/rss+xml")
    cache = tmp_path / "cache"
    SubscriptionLoader([Subscription(kept), Subscription(dropped)], cache).fetch(lambda _: None)
    assert len(list((cache / "items").iterdir())) == 2
    SubscriptionLoader([Subscription(kept)], cache).fetch(lambda _: None)
    assert load_items(cache, dropped) is None
    assert load_items(cache, kept) is not None
