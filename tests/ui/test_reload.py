"""`r` in the library: a story or feed read again from its file or a real local web server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.notifications import Notification, Notify

import reader.analysis
from reader.locations import Locations
from reader.ui.commands import palette_commands
from tests.ui.test_tagging_data import SIZE, fixed_analysis, seed, settle
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name

PILOTS = "Harbour Pilots Strike Over Night Shifts"
WALKOUT = "Harbour pilots walked out at midnight over new rosters."
INSERTED = "Two tankers waited off the breakwater until dawn."


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


class Notes(list[Notification]):
    """Notifications the app sent, recorded through ``run_test(message_hook=...)``."""

    def __call__(self, message: object) -> None:
        if isinstance(message, Notify):
            self.append(message.notification)

    def texts(self) -> list[str]:
        return [note.message for note in self]

    def warning(self) -> Notification:
        """The one warning sent (there must be exactly one)."""
        (warning,) = [note for note in self if note.severity == "warning"]
        return warning


def feed(*items: tuple[str, str, str]) -> bytes:
    """An RSS 2.0 feed of (title, date, paragraph) items, each with its own link."""
    entries = "".join(
        f"<item><title>{title}</title>"
        f"<link>https://tidewater.example/{title.lower().replace(' ', '-')}</link>"
        f"<pubDate>{date}</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
        for title, date, text in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Tidewater Times</title>{entries}</channel></rss>"
    ).encode()


FERRY = ("Ferry timetable changes", "Tue, 05 Mar 2024 08:00:00 +0000", "Sailings move an hour.")
GULLS = ("Gull count falls again", "Mon, 04 Mar 2024 08:00:00 +0000", "Fewer nests this year.")
DREDGE = ("Dredger arrives for channel", "Wed, 06 Mar 2024 08:00:00 +0000", "Work starts Monday.")
STORY = b"Quay Wall Repairs Begin\n\nBy Ines Duarte\n\nMarch 7, 2024\n\nCrews closed the quay.\n"


async def test_a_changed_file_is_read_again_and_its_annotations_follow(
    make_app: Callable, library_dir: Path, locations: Locations
) -> None:
    story = library_dir / "pilots-strike.txt"
    seed(locations.db, story, WALKOUT, ["strike"])
    notes = Notes()
    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        assert app.library.current.title == PILOTS  # the newest story opens first
        await pilot.press("tab", "j")  # the reader's focus on the walkout sentence
        view = app.main.article_view
        focused = view.focus_span
        assert app.library.current.text[focused.start : focused.end] == WALKOUT
        await pilot.press("tab")  # back to the library, still on the open story
        text = story.read_text(encoding="utf-8")
        story.write_text(text.replace(WALKOUT, f"{INSERTED}\n\n{WALKOUT}"), encoding="utf-8")

        await pilot.press("r")
        await settle(pilot)

        new_text = app.library.current.text
        assert INSERTED in view.article.text and view.article is app.library.current
        assert app.main.library.highlighted is app.library.current
        assert app.main.library.has_focus_within  # the keys stay in the library
        # The tagged sentence moved down by a paragraph; its annotation went with it.
        (annotation,) = app.annotations.story_annotations
        assert not annotation.orphan
        assert annotation.selector.start == new_text.index(WALKOUT)
        assert annotation.article_id == app.library.current.id
        # The reader's focus stayed on the sentence it was on, not on the offset.
        focused = view.focus_span
        assert new_text[focused.start : focused.end] == WALKOUT
        assert "Reloaded: the story changed" in notes.texts()

        await pilot.press("r")
        await settle(pilot)
        assert notes.texts()[-1] == "Reloaded: unchanged"


async def test_reloading_another_story_keeps_the_open_one(
    make_app: Callable, library_dir: Path
) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opened = app.library.current
        await pilot.press("j")
        assert app.main.library.highlighted.title == "Harbour Council Delays Vote on Ferry Fares"
        vote = library_dir / "harbour-vote.txt"
        vote.write_text(vote.read_text(encoding="utf-8") + "\nThe vote is now set for May.\n")
        await pilot.press("r")
        await settle(pilot)
        highlighted = app.main.library.highlighted
        assert highlighted.title == "Harbour Council Delays Vote on Ferry Fares"
        assert "set for May" in highlighted.text
        assert app.library.current is opened and app.main.article_view.article is opened


async def test_a_feed_read_again_adds_its_new_items_and_keeps_the_highlight(
    make_app: Callable,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/tidewater.rss", feed(FERRY, GULLS), "application/rss+xml")
    notes = Notes()
    app = make_app(url)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        library = app.main.library
        assert [a.title for a in library.shown] == [FERRY[0], GULLS[0]]
        await pilot.press("j")
        assert library.highlighted.title == GULLS[0]
        # The newest item lands at the top, above the highlighted one.
        web_server.serve("/tidewater.rss", feed(DREDGE, FERRY, GULLS), "application/rss+xml")

        await pilot.press("r")
        await settle(pilot)

        assert [a.title for a in library.shown] == [DREDGE[0], FERRY[0], GULLS[0]]
        assert library.highlighted.title == GULLS[0]
        assert library.border_subtitle == "3 stories · 3 unread"
        assert app.library.current.title == FERRY[0]  # the open story was not disturbed
        assert "Reloaded: 1 new story" in notes.texts()
        assert web_server.requests.count("/tidewater.rss") == 2  # fetched, not the saved copy


async def test_r_in_the_reader_fetches_the_open_page_again(
    make_app: Callable,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/quay.txt", STORY, "text/plain; charset=utf-8")
    app = make_app(url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.article_view.has_focus_within  # one story opens in the reader
        changed = STORY.replace(b"closed the quay.", b"closed the quay until June.")
        web_server.serve("/quay.txt", changed, "text/plain; charset=utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert "until June" in app.main.article_view.article.text
        assert app.main.article_view.has_focus_within
        assert web_server.requests == ["/quay.txt", "/quay.txt"]


@pytest.mark.parametrize("failure", [500, 404, "offline"])
async def test_a_failed_fetch_keeps_the_text_and_says_so(
    make_app: Callable,
    web_server: LocalWebServer,  # noqa: F811
    failure: int | str,
) -> None:
    url = web_server.serve("/quay.txt", STORY, "text/plain; charset=utf-8")
    notes = Notes()
    app = make_app(url)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        before = app.library.current
        assert before.title == "Quay Wall Repairs Begin"
        if failure == "offline":
            web_server.close()
        else:
            web_server.fail("/quay.txt", failure)

        await pilot.press("r")
        await settle(pilot)

        assert app.library.current is before and app.main.article_view.article is before
        assert [a.id for a in app.main.library.articles] == [before.id]
        warning = notes.warning()
        assert warning.title == "Could not reload"
        assert warning.message.startswith(f"{url}: ")
        assert warning.message.endswith(" — the cached copy is kept.")
        assert "\n" not in warning.message
        reason = {500: "500 Internal Server Error", 404: "404 Not Found"}.get(
            failure, "connection refused"
        )
        assert reason in warning.message


async def test_a_deleted_file_keeps_the_story_and_says_so(
    make_app: Callable, library_dir: Path
) -> None:
    notes = Notes()
    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        before = app.library.current
        (library_dir / "pilots-strike.txt").unlink()
        await pilot.press("r")
        await settle(pilot)
        assert app.library.current is before and len(app.main.library.articles) == 4
        warning = notes.warning()
        assert "pilots-strike.txt" in warning.message
        assert warning.message.endswith("— the story as last read is kept.")


async def test_reload_is_in_the_library_footer_help_and_palette(
    make_app: Callable, library_dir: Path
) -> None:
    from reader.ui.screens.help import HelpScreen

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in palette_commands(app.main)}
        assert "Library · Reload" in titles and "Open in browser" in titles
        shown = [b.binding.key for b in app.main.active_bindings.values() if b.binding.show]
        assert "r" in shown and "o" not in shown  # o stays out of a crowded footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = {section.title: section for section in app.screen.sections}
        assert "Reload" in {entry.description for entry in sections["Library"].entries}
        assert "Open in browser" in {e.description for e in sections["Everywhere"].entries}
