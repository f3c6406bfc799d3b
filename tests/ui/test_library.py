"""The library pane on its own: listing, filtering, highlighting, per-story extras."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from reader.model import Article
from reader.services.library import newest_first
from reader.services.library_search import display_date, story_meta
from reader.ui.key_order import KeysInOrderApp
from reader.ui.widgets.library import FILTER_AT_ONCE, Library, StoryList

ARTICLES = [
    Article(
        id="a",
        text="",
        title="Harbour Council Delays Vote",
        source="Coastal Herald",
        published="2024-03-03",
        path="/news/harbour.txt",
    ),
    Article(
        id="b",
        byline="Peter Holm",
        text="",
        title="Drought Forces Rationing",
        source="Valley Gazette",
        published="2023-01-12",
    ),
    Article(id="c", text="", title="Harbour Pilots Strike", source="Coastal Herald"),
    Article(id="d", text="", title="Untitled Wire Copy", path="/news/wire-0412.txt"),
]


class LibraryApp(KeysInOrderApp[None]):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        yield Library(id="library")

    def on_mount(self) -> None:
        library = self.query_one(Library)
        library.set_articles(ARTICLES)
        library.focus_list()

    def on_library_open_requested(self, message: Library.OpenRequested) -> None:
        self.opened.append(message.article.id)


def shown_ids(app: LibraryApp) -> list[str]:
    return [article.id for article in app.query_one(Library).shown]


def row_text(app: App[None], index: int, width: int = 50) -> str:
    """What row ``index`` of the story list shows, its lines joined by newlines."""
    rows = app.query_one(Library).rows
    return "\n".join(line.plain for line in rows.lines(index, width))


def on_screen(story_list: StoryList) -> str:
    """The list's lines as drawn now."""
    return "\n".join(story_list.render_line(y).text for y in range(story_list.size.height))


def test_meta_line_prefers_source_then_file_name() -> None:
    assert story_meta(ARTICLES[0]) == "3 Mar 2024 · Coastal Herald"
    assert story_meta(ARTICLES[3]) == "wire-0412.txt"
    assert display_date("2021-07-27") == "27 Jul 2021"
    assert display_date("summer 2021") == "summer 2021"


async def test_keys_move_and_enter_asks_to_open() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        assert app.query_one(StoryList).highlighted == 0
        await pilot.press("j", "j", "enter")
        assert app.opened == ["c"]
        await pilot.press("G")
        assert app.query_one(Library).highlighted.id == "d"
        await pilot.press("g", "enter")
        assert app.opened == ["c", "a"]


async def test_filter_keeps_the_highlighted_story_when_it_still_matches() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("j", "j")  # "Harbour Pilots Strike"
        await pilot.press("slash", *"coastal")
        assert shown_ids(app) == ["a", "c"]
        assert app.query_one(Library).highlighted.id == "c"
        await pilot.press("backspace", *"xyz")
        assert shown_ids(app) == []
        assert app.query_one(Library).highlighted is None
        await pilot.press("escape")
        assert shown_ids(app) == ["a", "b", "c", "d"]
        assert app.query_one(Library).highlighted.id == "c"


async def test_escape_in_the_list_clears_a_kept_filter() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("slash", *"drought", "enter")
        assert isinstance(app.focused, StoryList)
        assert shown_ids(app) == ["b"]
        assert app.query_one("#library-filter", Input).display
        await pilot.press("escape")
        assert shown_ids(app) == ["a", "b", "c", "d"]
        assert not app.query_one("#library-filter", Input).display


async def test_enter_typed_twice_after_a_filter_opens_the_story() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("slash", *"drought")
        # Both reach the app before the first one's move to the list: a quick typist.
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, StoryList)
        assert app.opened == ["b"]
        await pilot.press("slash", *"pilots", "enter")  # back in the filter: enter leaves it
        assert isinstance(app.focused, StoryList)
        assert app.opened == ["b"]


async def test_enter_on_an_empty_filter_closes_it() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("slash", "enter")
        assert not app.query_one("#library-filter", Input).display
        assert isinstance(app.focused, StoryList)


async def test_extra_text_is_shown_and_matched_only_on_real_data() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        library = app.query_one(Library)
        library.set_extras({"b": "3 notes"})
        await pilot.pause()
        assert row_text(app, 1).endswith("12 Jan 2023 · Valley Gazette · 3 notes")
        assert "notes" not in row_text(app, 0)
        library.set_extras({})
        await pilot.pause()
        assert "notes" not in row_text(app, 1)


def test_newest_first_keeps_undated_stories_in_found_order() -> None:
    assert [a.id for a in newest_first(ARTICLES)] == ["a", "b", "c", "d"]
    shuffled = [ARTICLES[3], ARTICLES[1], ARTICLES[2], ARTICLES[0]]
    assert [a.id for a in newest_first(shuffled)] == ["a", "b", "d", "c"]


async def test_filter_finds_a_reporter_by_byline() -> None:
    app = LibraryApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("slash", *"holm")
        assert shown_ids(app) == ["b"]


class BigLibraryApp(KeysInOrderApp[None]):
    """A feed of thousands of stories: more than the list shows, filtered on a thread."""

    def compose(self) -> ComposeResult:
        yield Library(id="library")

    def on_mount(self) -> None:
        library = self.query_one(Library)
        stories = [
            Article(id=f"s{n}", text="", title=f"Story {n} on ferry fares", source="Wire")
            for n in range(FILTER_AT_ONCE + 1_000)
        ]
        stories.append(Article(id="rare", text="", title="Lighthouse keeper retires"))
        library.set_articles(stories)
        library.focus_list()


async def test_a_huge_library_lists_every_story_and_filters_on_a_thread() -> None:
    app = BigLibraryApp()
    async with app.run_test() as pilot:
        library = app.query_one(Library)
        shown = lambda: [article.id for article in library.shown]  # noqa: E731
        total = FILTER_AT_ONCE + 1_001
        assert len(library.shown) == total
        assert library.border_subtitle == f"{total:,} stories"
        await pilot.press("G")  # the very last story is there to reach, not a "more" line
        await pilot.pause()
        assert library.highlighted.id == "rare"
        assert "Lighthouse keeper retires" in on_screen(app.query_one(StoryList))
        await pilot.press("g")
        await pilot.press("slash", *"lighthouse")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown() == ["rare"]
        assert library.border_subtitle == f"1 of {total:,}"
        await pilot.press("backspace", "backspace", "backspace")  # "lighthou"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown() == ["rare"]
