"""Pilot tests of the app shell: panes, keys, start-up, notifications, palette."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Input

import reader.analysis
import reader.sources
from reader.model import Analysis
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.library import StoryList
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name

SIZE = (120, 36)


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], bool], tries: int = 100) -> None:
    """Let the app run until ``condition`` holds (the palette searches in its own task)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never became true")


def reading(app) -> bool:
    """The keyboard is in the reader pane (the view hands focus to its text widget)."""
    return app.main.article_view.has_focus_within


def titles(app) -> list[str]:
    return [article.title for article in app.main.library.shown]


async def test_several_stories_show_the_first_with_the_library_focused(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.main.library
        assert len(library.articles) == 4
        assert isinstance(app.focused, StoryList)
        assert app.library.current is not None
        assert app.library.current.id == library.shown[0].id
        assert app.main.article_view.display
        assert app.sub_title == app.library.current.title
        assert library.border_subtitle == "4 stories · 4 unread"
        assert [article.published for article in library.shown] == [
            "2024-09-09",
            "2024-03-03",
            "2023-01-12",
            "2022-05-05",
        ]


async def test_a_single_file_opens_in_the_reader(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reading(app)
        assert app.library.current is not None
        assert app.library.current.title == "Drought Forces Rationing in Valley Towns"


async def test_j_k_and_arrows_move_the_highlight(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        story_list = app.main.query_one(StoryList)
        assert story_list.highlighted == 0
        await pilot.press("j")
        assert story_list.highlighted == 1
        await pilot.press("down")
        assert story_list.highlighted == 2
        await pilot.press("k")
        assert story_list.highlighted == 1
        await pilot.press("up")
        assert story_list.highlighted == 0
        # Moving only highlights: the reader keeps the story it had.
        assert app.library.current.id == app.main.library.shown[0].id


async def test_g_and_shift_g_jump_to_first_and_last(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        story_list = app.main.query_one(StoryList)
        await pilot.press("G")
        assert story_list.highlighted == 3
        await pilot.press("g")
        assert story_list.highlighted == 0


async def test_enter_opens_the_highlighted_story_and_focuses_the_reader(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert app.library.current.id == app.main.library.shown[2].id
        assert reading(app)
        assert app.sub_title == app.library.current.title
        assert app.main.status_bar.context.endswith("/4")


async def test_tab_switches_between_the_panes(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert reading(app)
        await pilot.press("tab")
        assert isinstance(app.focused, StoryList)
        await pilot.press("shift+tab")
        assert reading(app)


async def test_slash_filters_as_you_type_and_escape_clears(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        filter_box = app.main.query_one("#library-filter", Input)
        assert filter_box.display and app.focused is filter_box
        await pilot.press(*"harb")
        assert titles(app) == [
            "Harbour Pilots Strike Over Night Shifts",
            "Harbour Council Delays Vote on Ferry Fares",
        ]
        assert app.main.library.border_subtitle == "2 of 4 · 4 unread"
        await pilot.press(*" pil")
        assert titles(app) == ["Harbour Pilots Strike Over Night Shifts"]
        await pilot.press("escape")
        assert len(titles(app)) == 4
        assert not filter_box.display
        assert isinstance(app.focused, StoryList)


async def test_filter_matches_the_source_and_enter_returns_to_the_list(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"arts wire", "enter")
        assert titles(app) == ["Museum Returns Bronze Statue to Lagos"]
        assert isinstance(app.focused, StoryList)
        await pilot.press("enter")
        await settle(pilot)
        assert app.library.current.title == "Museum Returns Bronze Statue to Lagos"
        assert reading(app)


async def test_a_filter_that_matches_nothing_says_so(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zebra")
        assert titles(app) == []
        assert app.main.library.border_subtitle == "0 of 4 · 4 unread"


async def test_question_mark_shows_help_for_the_focused_pane(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = app.screen.sections
        assert sections[0].title == "Library" and sections[0].focused
        library_actions = {entry.description for entry in sections[0].entries}
        # Hidden vim-style keys are listed too: help is where they are learned.
        assert {"Open", "Filter", "Next story", "Previous story", "First story"} <= library_actions
        everywhere = next(s for s in sections if s.title == "Everywhere")
        assert {"Help", "Quit", "Switch pane", "Commands"} <= {
            e.description for e in everywhere.entries
        }
        next_story = next(e for e in sections[0].entries if e.description == "Next story")
        assert next_story.keys == ["↓", "j"] or set(next_story.keys) == {"↓", "j"}
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)

        await pilot.press("tab", "question_mark")
        reader_first = app.screen.sections[0]
        assert reader_first.focused
        view = app.main.article_view
        assert all(
            entry.namespace is view
            or view in entry.namespace.ancestors
            or entry.namespace in view.unbuilt_parts()  # the search bar, before its first `/`
            for entry in reader_first.entries
        )
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running  # q closed the help, not the app


async def test_help_scrolls_with_j_and_k(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=(80, 14)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y


async def test_q_quits_with_status_zero(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_p_runs_an_action_from_the_palette(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"last story")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.highlighted is not None)
        assert "Last story" in str(commands.highlighted_option.prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert app.main.query_one(StoryList).highlighted == 3


async def test_the_palette_lists_the_reader_actions(make_app, library_dir):
    from reader.ui.commands import palette_commands
    from reader.ui.key_sections import project_bindings

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {command.title for command in palette_commands(app.main)}
        described = [b for b in project_bindings(app.main.article_view) if b.description]
        assert described, "the article view declares its keys with descriptions"
        for binding in described:
            assert any(title.endswith(binding.description) for title in commands)
        assert "Help" in commands and "Library · Filter" in commands
        await pilot.press("tab")  # from the reader, the library is one of "the other panes"
        from_reader = {command.title for command in palette_commands(app.main)}
        assert "Library · Filter" in from_reader
        assert "Library · Clear filter" not in from_reader  # nothing to clear yet


async def test_load_errors_become_warnings_and_the_rest_still_opens(make_app, library_dir):
    (library_dir / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    notes: list[Notify] = []

    def record(message) -> None:
        if isinstance(message, Notify):
            notes.append(message)

    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=record) as pilot:
        await settle(pilot)
        assert len(app.main.library.articles) == 4
        warnings = [n.notification for n in notes if n.notification.severity == "warning"]
        assert len(warnings) == 1
        assert "scan.txt" in warnings[0].message


async def test_many_load_errors_are_summed_up_in_one_warning(make_app, library_dir):
    for number in range(5):
        (library_dir / f"scan-[{number}].txt").write_bytes(b"\x00\xff\x00PK" * 50)
    notes: list[Notify] = []

    def record(message) -> None:
        if isinstance(message, Notify):
            notes.append(message)

    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=record) as pilot:
        await settle(pilot)
        warnings = [n.notification for n in notes if n.notification.severity == "warning"]
        assert len(warnings) == 1
        assert warnings[0].title == "5 files skipped"
        assert "scan-[0].txt" in warnings[0].message  # brackets in names are not markup
        assert "and 2 more" in warnings[0].message
        assert len(app.main.library.articles) == 4


async def test_the_cycle_collector_is_back_on_once_the_story_is_drawn(make_app, library_dir):
    # Start-up holds it off (a full pass took ~20 ms of the first frame); left off, a long
    # reading session would never free reference cycles.
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.library.current is not None
        assert gc.isenabled()


async def test_a_library_slow_to_read_does_not_hold_back_the_screen(
    make_app, library_dir, monkeypatch
):
    # The first frame waits a moment for the stories, then shows the panes without them.
    release = threading.Event()
    real_load_all = reader.sources.load_all

    def slow_load_all(*args, **kwargs):
        release.wait(timeout=30)
        return real_load_all(*args, **kwargs)

    monkeypatch.setattr(reader.sources, "load_all", slow_load_all)
    app = make_app(library_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.main.is_mounted)
            message = app.main.query_one("#reader-message")
            assert message.display
            assert "Loading stories" in str(message.render())
            assert app.library.current is None
            release.set()
            await settle(pilot)
            assert app.library.current is not None
            assert app.main.article_view.display
            assert not message.display
            assert len(app.main.library.articles) == 4
    finally:
        release.set()


async def test_an_empty_folder_says_there_is_nothing_to_read(make_app, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        message = app.main.query_one("#reader-message")
        assert message.display
        assert "No stories to read" in str(message.render())
        assert not app.main.article_view.display
        assert app.library.current is None


async def test_an_address_that_fails_says_why_beside_the_empty_library(
    make_app,
    web_server: LocalWebServer,  # noqa: F811
):
    # The warning notice fades; a reader coming back to the screen must still see why.
    url = web_server.serve("/gone.rss", b"", "application/rss+xml", status=410)
    app = make_app(url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = str(app.main.query_one("#reader-message").render())
        assert f"No stories to read in {url}." in shown
        assert "the server answered 410 Gone" in shown


async def test_analysis_runs_once_per_story_and_reaches_the_reader(
    make_app, library_dir, monkeypatch
):
    calls: list[str] = []
    real_analyze = reader.analysis.analyze

    def counting_analyze(text: str, **kwargs) -> Analysis:
        calls.append(text)
        return real_analyze(text, **kwargs)

    monkeypatch.setattr(reader.analysis, "analyze", counting_analyze)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.library.current
        assert first.id in app.library.analyses
        await pilot.press("j", "enter")
        await settle(pilot)
        await pilot.press("tab", "k", "enter")
        await settle(pilot)
        assert app.library.current.id == first.id
        assert len(calls) == 2  # the first story's analysis came from the cache


async def test_a_key_draws_its_focus_and_its_status_in_the_same_frame(make_app, library_dir):
    """j moves the focus bar and names its sentence in the status line: no frame shows
    the bar moved with the status line still naming the sentence before."""
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.main.article_view
        frames: list[tuple[object, str]] = []
        display = app._display

        def drawn(screen, update) -> None:  # every frame written to the terminal
            frames.append((view.text_widget.span_layers.focus, app.main.status_bar.message))
            display(screen, update)

        app._display = drawn
        for key in "jjkjk":
            await pilot.press(key)
            await pilot.pause()
        answered = {focus: status for focus, status in frames if focus is not None}
        assert len(answered) == 2 and all(s.startswith("Sentence") for s in answered.values())
        for focus, status in frames:
            if focus is not None:
                assert status == answered[focus], "the status line came a frame late"


async def test_clicking_a_story_opens_it(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        second = app.library.current
        await pilot.click(StoryList, offset=(4, 0))
        await settle(pilot)
        assert app.library.current is not second
        assert app.library.current.id == app.main.library.shown[0].id
        assert reading(app)


def write_keymap(locations, text: str) -> None:
    locations.config.mkdir(parents=True, exist_ok=True)
    (locations.config / "keymap.toml").write_text(text, encoding="utf-8")


async def test_a_keymap_file_rebinds_keys_everywhere_they_are_shown(
    make_app, library_dir, locations
):
    write_keymap(locations, '"library.filter" = "f"\n"library.next" = "n,down"\n')
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        story_list = app.main.query_one(StoryList)
        await pilot.press("n")
        assert story_list.highlighted == 1
        await pilot.press("f")
        assert app.focused is app.main.query_one("#library-filter", Input)
        await pilot.press("escape", "tab", "question_mark")
        library = next(s for s in app.screen.sections if s.title == "Library")
        keys = {entry.description: entry.keys for entry in library.entries}
        assert keys["Filter"] == ["f"]  # shown from the reader: the other pane's keys too
        assert set(keys["Next story"]) == {"n", "↓"}


async def test_help_shows_the_names_a_keymap_uses(make_app, library_dir):
    from reader.ui.screens.help import KeyTable

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "i")
        await pilot.pause()
        assert all(table.show_ids for table in app.screen.query(KeyTable))
        assert "library.open" in app.export_screenshot()
        await pilot.press("i")
        assert "library.open" not in app.export_screenshot()


async def test_a_broken_keymap_is_reported_and_ignored(make_app, library_dir, locations):
    write_keymap(locations, '"library.filter" = \n"nonsense.key" = "x"\n')
    notes: list[Notify] = []
    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=lambda m: notes.append(m)) as pilot:
        await settle(pilot)
        errors = [
            n.notification
            for n in notes
            if isinstance(n, Notify) and n.notification.severity == "error"
        ]
        assert len(errors) == 1 and "keymap.toml" in errors[0].message
        await pilot.press("slash")  # the default keys still work
        assert app.focused is app.main.query_one("#library-filter", Input)


async def test_an_unknown_name_in_the_keymap_is_a_warning(make_app, library_dir, locations):
    write_keymap(locations, '"library.filtre" = "f"\n')
    notes: list[Notify] = []
    app = make_app(library_dir)
    async with app.run_test(size=SIZE, message_hook=lambda m: notes.append(m)) as pilot:
        await settle(pilot)
        warnings = [
            n.notification
            for n in notes
            if isinstance(n, Notify) and n.notification.severity == "warning"
        ]
        assert len(warnings) == 1 and "library.filtre" in warnings[0].message


async def test_the_chosen_theme_is_remembered(make_app, library_dir, locations):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "newsreader-ink"
        app.theme = "newsreader-paper"
        await pilot.pause()
    again = make_app(library_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "newsreader-paper"


async def test_an_unreadable_settings_file_means_the_default_theme(
    make_app, library_dir, locations
):
    locations.config.mkdir(parents=True)
    (locations.config / "ui.json").write_text('{"theme": ', encoding="utf-8")
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "newsreader-ink"
