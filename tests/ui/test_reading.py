"""Read state, places and the session, driven with Pilot as a reader would."""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

import reader.store.durable as durable
import reader.ui.reading
from reader.locations import Locations
from reader.services.subscription_loader import SubscribedStart
from reader.sources.subscriptions import Subscription
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.library import StoryList
from tests.store.helpers import HeldDisk
from tests.ui.test_tagging_data import SIZE, settle, until

# Newest first, as the library lists them.
PILOTS = "Harbour Pilots Strike Over Night Shifts"
HARBOUR = "Harbour Council Delays Vote on Ferry Fares"
DROUGHT = "Drought Forces Rationing in Valley Towns"
MUSEUM = "Museum Returns Bronze Statue to Lagos"


@pytest.fixture(autouse=True)
def quick_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.ui.reading, "READ_AFTER", 0.2)


def marked(app: NewsReaderApp) -> list[str]:
    """The titles the library marks unread."""
    return [a.title for a in app.main.library.shown if app.reading.story_mark(a)]


def subscribed_app(locations: Locations, *sources: Path) -> NewsReaderApp:
    start = SubscribedStart([Subscription(str(source)) for source in sources])
    return NewsReaderApp([], locations=locations, start=start)


async def open_titled(pilot: Pilot, title: str) -> None:
    app = pilot.app
    assert isinstance(app, NewsReaderApp)
    library = app.main.library
    library.focus_list()
    await pilot.press("g")  # from the top: the list does not wrap round
    for _ in library.shown:
        if library.highlighted.title == title:
            break
        await pilot.press("j")
    assert library.highlighted.title == title, f"{title!r} is not in the library"
    await pilot.press("enter")
    await pilot.pause()


async def test_moving_in_a_story_makes_it_read_and_the_count_drops(
    make_app: Callable, library_dir: Path
) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.main.library
        assert marked(app) == [PILOTS, HARBOUR, DROUGHT, MUSEUM]
        assert library.border_subtitle == "4 stories · 4 unread"
        await pilot.pause(0.4)
        assert app.reading.is_unread(app.library.current), (
            "shown while the library has the keys: not read"
        )
        await pilot.press("tab", "j")
        assert marked(app) == [HARBOUR, DROUGHT, MUSEUM]
        assert library.border_subtitle == "4 stories · 3 unread"


async def test_a_story_open_in_the_focused_reader_for_a_while_is_read(
    make_app: Callable, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader.ui.reading, "READ_AFTER", 1.5)  # time to look before it
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_titled(pilot, DROUGHT)
        assert app.reading.is_unread(app.library.current)
        await until(pilot, lambda: not app.reading.is_unread(app.library.current), tries=200)
        assert marked(app) == [PILOTS, HARBOUR, MUSEUM]


async def test_U_toggles_J_goes_to_the_next_unread_H_hides_read(
    make_app: Callable, library_dir: Path
) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.main.library
        await pilot.press("U")  # in the library: the highlighted story
        assert marked(app) == [HARBOUR, DROUGHT, MUSEUM]
        await pilot.press("j", "U")
        assert marked(app) == [DROUGHT, MUSEUM]
        await pilot.press("U")
        assert marked(app) == [HARBOUR, DROUGHT, MUSEUM], "U again: unread again"
        await pilot.press("J")
        assert app.library.current.title == DROUGHT, "J skips the read one, opens the next unread"
        assert app.main.article_view.has_focus_within
        await pilot.press("j")  # moved in: read
        assert not app.reading.is_unread(app.library.current)
        await pilot.press("U")  # in the reader: the open story, unread again
        await pilot.pause(0.5)
        assert app.reading.is_unread(app.library.current), "it stays unread while it stays open"
        await pilot.press("j")
        assert not app.reading.is_unread(app.library.current), "until the reader moves in it again"
        await pilot.press("question_mark", "U")  # help in front: the key is not the library's
        assert not app.reading.is_unread(app.library.current)
        await pilot.press("escape")
        await pilot.press("H")
        assert [a.title for a in library.shown] == [HARBOUR, DROUGHT, MUSEUM][:3]
        assert DROUGHT in [a.title for a in library.shown], "the open story stays listed"
        assert PILOTS not in [a.title for a in library.shown]
        assert "read hidden" in library.border_subtitle
        await pilot.press("H")
        assert len(library.shown) == 4


async def test_s_sorts_by_date_source_and_title(make_app: Callable, library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.main.library
        assert [a.title for a in library.shown] == [PILOTS, HARBOUR, DROUGHT, MUSEUM]
        await pilot.press("s")
        # Arts Wire, Coastal Herald (newest first), Valley Gazette.
        assert [a.title for a in library.shown] == [MUSEUM, PILOTS, HARBOUR, DROUGHT]
        await pilot.press("s")
        assert [a.title for a in library.shown] == [DROUGHT, HARBOUR, PILOTS, MUSEUM]
        assert "by title" in library.border_subtitle
        await pilot.press("s")
        assert [a.title for a in library.shown] == [PILOTS, HARBOUR, DROUGHT, MUSEUM]


async def test_every_story_keeps_its_place_within_and_across_sessions(
    make_app: Callable, library_dir: Path
) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_titled(pilot, DROUGHT)
        await pilot.press("j", "j")
        place = app.main.article_view.focus_span
        await open_titled(pilot, MUSEUM)
        await pilot.press("j")
        await open_titled(pilot, DROUGHT)
        assert app.main.article_view.focus_span == place
    again = make_app(library_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_titled(pilot, DROUGHT)
        assert again.main.article_view.focus_span == place


async def test_a_key_does_not_wait_for_a_disk_that_holds_the_reading_state(
    make_app: Callable, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every j saves the place: a disk that does not answer (a write held for seconds)
    must not hold the next key's screen, and the place is still saved once it answers."""
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_titled(pilot, DROUGHT)
        await settle(pilot)
        disk = HeldDisk(monkeypatch)
        view, status = app.main.article_view, app.main.status_bar
        shown = [status.message]
        for _ in range(3):
            await pilot.press("j")
            shown.append(status.message)
        place = view.focus_span
        assert len(set(shown)) == 4, f"each j showed its sentence: {shown}"
        await until(pilot, disk.entered.is_set)  # the place is being written meanwhile
        assert not disk.timed_out, "a key waited for the disk"
        disk.gate.set()
    again = make_app(library_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_titled(pilot, DROUGHT)
        assert again.main.article_view.focus_span == place


async def test_a_full_disk_is_said_once_and_the_reading_goes_on(
    make_app: Callable, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    notes: list[str] = []
    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=recorder(notes)) as pilot:
        await settle(pilot)
        await open_titled(pilot, DROUGHT)
        await settle(pilot)
        monkeypatch.setattr(durable.files, "write_all", full)
        await pilot.press("j")
        await until(pilot, lambda: any("not being saved" in note for note in notes))
        await pilot.press("j", "j", "U")
        place = app.main.article_view.focus_span
        await pilot.pause(0.1)
        said = [note for note in notes if "not being saved" in note]
        assert len(said) == 1 and "the disk is full" in said[0]
        assert app.reading.is_unread(app.library.current), "U still marks it, in memory"
        await open_titled(pilot, MUSEUM)
        await open_titled(pilot, DROUGHT)
        assert app.main.article_view.focus_span == place, "kept in memory"
        monkeypatch.undo()


async def test_no_path_reopens_the_last_story_place_pane_and_copy_format(
    locations: Locations, library_dir: Path
) -> None:
    app = subscribed_app(locations, library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(app.main.library.articles) == 4, "the subscribed folder's stories"
        await open_titled(pilot, HARBOUR)
        await pilot.press("j", "j", "c")
        place = app.main.article_view.focus_span
        style = app.copier.style
        assert style != "plain"
        await pilot.press("q")
    again = subscribed_app(locations, library_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.library.current.title == HARBOUR
        assert again.main.article_view.focus_span == place
        assert again.main.article_view.has_focus_within
        assert again.copier.style == style
        await pilot.press("tab", "c")  # the library has the keys, another copy format
        style = again.copier.style
        again.exit()  # as a signal ends it: no q
    third = subscribed_app(locations, library_dir)
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert third.library.current.title == HARBOUR
        assert isinstance(third.focused, StoryList)
        assert third.copier.style == style


def recorder(notes: list[str]) -> Callable[[object], None]:
    def record(message: object) -> None:
        from textual.notifications import Notify

        if isinstance(message, Notify):
            notes.append(message.notification.message)

    return record


async def test_R_reads_every_subscription_again(locations: Locations, library_dir: Path) -> None:
    app = subscribed_app(locations, library_dir)
    notes: list[str] = []
    async with app.run_test(size=SIZE, message_hook=recorder(notes)) as pilot:
        await settle(pilot)
        (library_dir / "late.txt").write_text(
            "Late Ferry Delayed by Fog\n\nBy Ana Ruiz\n\nMarch 9, 2025\n\nThe ferry waited.\n",
            encoding="utf-8",
        )
        notes.clear()
        await pilot.press("R")
        await settle(pilot)
        assert "1 new story" in notes, "R says what it brought"
        titles = [a.title for a in app.main.library.shown]
        assert titles[0] == "Late Ferry Delayed by Fog" and len(titles) == 5
        assert app.reading.is_unread(app.main.library.shown[0])


async def test_no_subscriptions_opens_the_samples_with_a_hint(
    locations: Locations, samples_copy: Path
) -> None:
    notes: list[str] = []
    record = recorder(notes)
    app = NewsReaderApp([samples_copy], locations=locations, start=SubscribedStart([]))
    async with app.run_test(size=SIZE, message_hook=record) as pilot:
        await settle(pilot)
        assert app.main.library.articles
        assert any("feeds add" in note for note in notes)


async def test_a_feed_opened_by_path_counts_its_own_unread(
    make_app: Callable, tmp_path: Path
) -> None:
    from tests.ui.test_reload import FERRY, GULLS, feed

    path = tmp_path / "tidewater.rss"
    path.write_bytes(feed(FERRY, GULLS))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.status_bar.context.startswith("Tidewater Times: 2 unread")
        await pilot.press("enter", "j")
        assert app.main.status_bar.context.startswith("Tidewater Times: 1 unread")


async def test_a_story_opened_before_the_reading_state_lands_still_goes_to_its_place(
    make_app: Callable, library_dir: Path
) -> None:
    # With PATHs the reading state opens after the first frame: the first story is shown
    # before it, and is moved to its place when it lands.
    story = library_dir / "drought.txt"
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.article_view.focus()
        await pilot.press("j", "j", "j")
        await settle(pilot)
        place = app.main.article_view.focus_span
        assert place is not None
    again = make_app(story)
    opened, gate = again.reading.open_reading_state, threading.Event()

    def late() -> None:  # in the library worker's thread, as the real one runs
        gate.wait(timeout=10)
        opened()

    again.reading.open_reading_state = late  # type: ignore[method-assign]
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.main.article_view.article is not None  # shown, the state not there
        assert again.main.article_view.focus_span is None
        gate.set()
        await settle(pilot)
        assert again.main.article_view.focus_span == place


async def test_unread_marks_are_drawn_when_the_reading_state_lands_after_the_library(
    make_app: Callable, library_dir: Path
) -> None:
    # The reading state opens after the first frame: the library is drawn without marks,
    # and the rows already drawn must be drawn again with them.
    app = make_app(library_dir)
    opened, gate = app.reading.open_reading_state, threading.Event()

    def late() -> None:  # in the library worker's thread, as the real one runs
        gate.wait(timeout=10)
        opened()

    app.reading.open_reading_state = late  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(app.main.library.shown) == 4)
        await pilot.pause()
        story_list = app.main.query_one(StoryList)
        assert unread_drawn(story_list) == []
        gate.set()
        await settle(pilot)
        assert unread_drawn(story_list) == [PILOTS, "Harbour Council Delays Vote on Ferry"]


def unread_drawn(story_list: StoryList) -> list[str]:
    """The first line of each title drawn with the unread mark (the first two fit)."""
    lines = [story_list.render_line(y).text.strip() for y in range(story_list.size.height)]
    return [line.removeprefix("● ") for line in lines if line.startswith("● ")][:2]
