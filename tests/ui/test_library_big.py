"""A big library (a CI-sized feed of 20,000 stories) filtered as fast as keys come:
the rows shown are those of the last query typed, found by title, speaker or text."""

from __future__ import annotations

import gc

from textual import events
from textual.app import App, ComposeResult

from reader.model import Analysis, Article, Quote
from reader.services.library_search import StoryIndex
from reader.ui.key_order import KeysInOrderApp
from reader.ui.widgets.library import FILTER_AT_ONCE, FREEZE_EVERY, Library, StoryList, _index_steps
from reader.ui.widgets.story_rows import Measured

STORIES = 20_000
assert STORIES > 4 * FILTER_AT_ONCE  # searched a chunk at a time between keys


def story(n: int) -> Article:
    return Article(
        id=f"s{n}",
        title=f"Story {n} about ferry fares {n % 97}",
        source="Wire",
        text=f"Body {n}." + (" The lighthouse keeper retires." if n % 1000 == 7 else ""),
    )


class BigFeedApp(KeysInOrderApp[None]):
    def __init__(self) -> None:
        super().__init__()
        self.articles = [story(n) for n in range(STORIES)]
        quote = Quote(0, 4, "Body", speaker="Lena Brandt", kind="quote")
        # The app's analyses of the stories read so far: their speakers are searched too.
        self.analyses = {"s12345": Analysis(quotes=[quote])}

    def compose(self) -> ComposeResult:
        yield Library(id="library")

    def on_mount(self) -> None:
        library = self.query_one(Library)
        library.set_articles(self.articles)
        library.focus_list()


def expected(query: str) -> list[str]:
    words = query.casefold().split()

    def holds(n: int) -> bool:
        article = story(n)
        where = f"{article.title}\nWire\n{article.text}".casefold()
        if n == 12345:
            where += "\nlena brandt"
        return all(word in where for word in words)

    return [f"s{n}" for n in range(STORIES) if holds(n)]


def typed(app: App[None], keys: str) -> None:
    """Every key queued at once, as a fast typist's keys reach a busy app."""
    for key in keys:
        if key == "<":
            app.post_message(events.Key("backspace", None))
        else:
            app.post_message(events.Key(key, key))


async def settled(app: App[None], pilot) -> None:
    """Every key typed has been answered, and every search still running (not the
    cancelled ones) has ended."""
    keys = app.keys_in_order if isinstance(app, KeysInOrderApp) else None
    for _ in range(500):
        await pilot.pause(0.01)
        if keys is not None and keys.answering():
            continue  # a key still on its way starts a search of its own
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause()
            return
    raise AssertionError("the search never ended")


def shown(library: Library) -> list[str]:
    return [article.id for article in library.shown]


async def test_keys_typed_quickly_all_land_and_the_last_query_is_the_one_shown() -> None:
    app = BigFeedApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        await pilot.press("slash")
        typed(app, "fares 4<<<s 4<43")  # letters and backspaces, in the order typed
        await settled(app, pilot)
        assert library.filter_text == "fares 43"
        assert shown(library) == expected("fares 43")
        assert library.border_subtitle == f"{len(expected('fares 43')):,} of {STORIES:,}"
        # A query that grows is searched within the last one's results; backspace brings
        # back an earlier answer: either way, the rows are those of the query now typed.
        for keys, query in [("3", "fares 433"), ("<<<", "fares "), ("<<<<<<9", "9")]:
            typed(app, keys)
            await settled(app, pilot)
            assert library.filter_text == query
            assert shown(library) == expected(query)


async def test_a_stale_search_never_replaces_the_newer_querys_rows() -> None:
    app = BigFeedApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        await pilot.press("slash")
        # Each key starts a search of the whole feed; the next key comes before it ends.
        for key in "story 1":
            typed(app, key)
            await pilot.pause(0)
        typed(app, "x")
        await settled(app, pilot)
        assert library.filter_text == "story 1x"
        assert shown(library) == []
        assert library.border_subtitle == f"0 of {STORIES:,}"
        typed(app, "<")
        await settled(app, pilot)
        assert shown(library) == expected("story 1")


async def test_words_in_the_text_and_a_speaker_find_stories_and_say_why() -> None:
    app = BigFeedApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        await pilot.press("slash")
        typed(app, "keeper retires")
        await settled(app, pilot)
        assert shown(library) == expected("keeper retires")
        assert len(shown(library)) == STORIES // 1000
        lines = [line.plain for line in library.rows.lines(0, 50)]
        assert lines[0] == "Story 7 about ferry fares 7"
        assert "lighthouse keeper retires" in lines[-1]
        typed(app, "<" * len("keeper retires") + "brandt")
        await settled(app, pilot)
        assert shown(library) == ["s12345"]
        assert [line.plain for line in library.rows.lines(0, 50)][-1] == "quoted: Lena Brandt"
        await pilot.press("escape")
        await settled(app, pilot)
        assert len(library.shown) == STORIES
        assert library.highlighted is not None and library.highlighted.id == "s12345"


async def test_back_to_the_words_shown_while_a_longer_query_runs_keeps_those_rows() -> None:
    app = BigFeedApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        await pilot.press("slash")
        typed(app, "story 1")
        await settled(app, pilot)
        await pilot.press("down", "down")  # in the filter box: the list keeps its place
        library.highlight_article(story(1000))
        # "2" starts a search of the rows found; backspace and a space bring the words
        # shown back before it ends: that search is dropped, nothing else changes.
        typed(app, "2< ")
        await settled(app, pilot)
        assert library.filter_text == "story 1 "
        assert shown(library) == expected("story 1")
        assert library.border_subtitle == f"{len(expected('story 1')):,} of {STORIES:,}"
        assert library.highlighted is not None and library.highlighted.id == "s1000"


async def test_escape_brings_back_every_story_with_the_highlighted_one_on_screen() -> None:
    app = BigFeedApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        await pilot.press("slash")
        typed(app, "fares 43")
        await settled(app, pilot)
        library.highlight_article(story(19_443))  # far down the whole list
        await pilot.press("escape")
        await settled(app, pilot)
        assert len(library.shown) == STORIES
        assert library.border_subtitle == f"{STORIES:,} stories"
        assert library.highlighted is not None and library.highlighted.id == "s19443"
        story_list = app.query_one("#story-list", StoryList)
        drawn = [story_list.render_line(y).text for y in range(story_list.size.height)]
        assert any("Story 19443 about ferry fares" in line for line in drawn)
        await pilot.press("j")
        assert library.highlighted.id == "s19444"


def test_the_index_of_a_big_library_stays_out_of_the_cycle_collectors_passes() -> None:
    """Each story's entry is a named tuple, which the collector keeps tracking: made by
    the hundred thousand, they lengthened its full passes (keys frozen for 0.1-0.4 s)."""
    articles = [story(n) for n in range(3 * FREEZE_EVERY)]
    measured: list[Measured | None] = [None] * len(articles)
    index: list[StoryIndex | None] = [None] * len(articles)
    for _ in _index_steps(articles, measured, index, lambda _article: (), [False]):
        pass
    assert all(entry is not None for entry in index)
    made = {id(entry) for entry in index} | {id(lines) for lines in measured}
    collected = [thing for thing in gc.get_objects() if id(thing) in made]
    assert len(collected) <= FREEZE_EVERY  # at most those made since the last move
