"""`o` opens the story's web address through the real `webbrowser` module.

BROWSER names a small script that writes the address it was given to a file, so
the standard library picks the browser, runs it and reports back as it would for
a reader; only the browser itself is ours.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App

import reader.analysis
from tests.ui.test_reload import FERRY, GULLS, Notes, feed
from tests.ui.test_tagging_data import SIZE, fixed_analysis, settle
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def browser_script(folder: Path, exit_status: int = 0) -> tuple[Path, Path]:
    """A `browser` that appends its argument to a file; returns (script, that file)."""
    opened = folder / "opened.txt"
    script = folder / "fake-browser"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\nexit {exit_status}\n')
    script.chmod(0o755)
    return script, opened


@pytest.fixture
def only_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[int], Path]:
    """Make the script the only browser `webbrowser` can find; returns its record file.

    `webbrowser` reads BROWSER and looks for browsers once per process; forgetting
    what it found (it is restored after the test) makes it look again now. An empty
    PATH and no display keep it from finding a real browser on this machine.
    """

    def install(exit_status: int = 0) -> Path:
        folder = tmp_path / "browser"
        folder.mkdir(exist_ok=True)
        script, opened = browser_script(folder, exit_status)
        monkeypatch.setenv("BROWSER", str(script))
        monkeypatch.setenv("PATH", str(folder / "empty"))
        monkeypatch.delenv("DISPLAY", raising=False)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        monkeypatch.setattr(webbrowser, "_tryorder", None)
        return opened

    return install


async def notes_after_o(app: App) -> Notes:
    """What the app said after `o` was pressed on its first story, once all was done."""
    notes = Notes()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
    return notes


async def test_o_opens_the_highlighted_story_then_the_open_one(
    make_app: Callable,
    web_server: LocalWebServer,  # noqa: F811
    only_browser: Callable[[int], Path],
) -> None:
    opened = only_browser(0)
    url = web_server.serve("/tidewater.rss", feed(FERRY, GULLS), "application/rss+xml")
    notes = Notes()
    app = make_app(url)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")  # the library's second story, not the open one
        await settle(pilot)
        gulls = "https://tidewater.example/gull-count-falls-again"
        assert opened.read_text().splitlines() == [gulls]
        assert notes.texts()[-1] == f"Opened in your browser: {gulls}"

        await pilot.press("tab", "o")  # from the reader: the story it shows
        await settle(pilot)
        ferry = "https://tidewater.example/ferry-timetable-changes"
        assert opened.read_text().splitlines() == [gulls, ferry]


async def test_o_without_a_working_browser_gives_the_address(
    make_app: Callable,
    web_server: LocalWebServer,  # noqa: F811
    only_browser: Callable[[int], Path],
) -> None:
    opened = only_browser(1)  # the only browser there is fails
    url = web_server.serve("/tidewater.rss", feed(FERRY), "application/rss+xml")
    warning = (await notes_after_o(make_app(url))).warning()
    assert opened.exists()  # it was tried
    assert warning.message.endswith(
        "The address: https://tidewater.example/ferry-timetable-changes"
    )
    assert "No web browser could be started" in warning.message
    assert "\n" not in warning.message


async def test_o_with_no_browser_at_all_gives_the_address(
    make_app: Callable,
    web_server: LocalWebServer,  # noqa: F811
    only_browser: Callable[[int], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    only_browser(0)
    monkeypatch.delenv("BROWSER")  # and PATH holds nothing: webbrowser finds none
    url = web_server.serve("/tidewater.rss", feed(FERRY), "application/rss+xml")
    warning = (await notes_after_o(make_app(url))).warning()
    assert "No web browser could be started" in warning.message
    assert warning.message.endswith(
        "The address: https://tidewater.example/ferry-timetable-changes"
    )


async def test_o_on_a_story_read_from_a_file_says_where_it_is(
    make_app: Callable, library_dir: Path, only_browser: Callable[[int], Path]
) -> None:
    opened = only_browser(0)
    warning = (await notes_after_o(make_app(library_dir))).warning()
    assert not opened.exists()
    path = (library_dir / "pilots-strike.txt").resolve()
    title = "Harbour Pilots Strike Over Night Shifts"
    assert warning.message == f"“{title}” has no web address: it was read from {path}."
