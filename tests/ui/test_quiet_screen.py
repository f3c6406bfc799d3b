"""The main screen draws itself whole once at start-up and lays itself out only for a new
size: Textual's Screen drew it twice and laid it out seven times, in the way of the first
key pressed."""

from __future__ import annotations

import pytest
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

import reader.analysis
from reader.ui.screens.quiet_screen import QuietScreen
from tests.ui.test_tagging_data import fixed_analysis, settle


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def whole_frames(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every frame of the whole screen drawn from now on."""
    drawn: list[object] = []
    render_full_update = Compositor.render_full_update

    def noted(compositor: Compositor, *args: object, **options: object) -> object:
        drawn.append(compositor)
        return render_full_update(compositor, *args, **options)

    monkeypatch.setattr(Compositor, "render_full_update", noted)
    return drawn


def layouts(screen: Screen, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every layout of ``screen`` from now on."""
    laid_out: list[object] = []
    refresh_layout = screen._refresh_layout

    def noted(*args: object, **options: object) -> None:
        laid_out.append(args)
        refresh_layout(*args, **options)

    monkeypatch.setattr(screen, "_refresh_layout", noted)
    return laid_out


class _Hello(QuietScreen[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello", id="hello")


class _HelloApp(App[None]):
    def get_default_screen(self) -> Screen:
        return _Hello()


async def test_a_quiet_screen_is_drawn_whole_once_as_it_starts(monkeypatch) -> None:
    drawn = whole_frames(monkeypatch)
    app = _HelloApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        assert len(drawn) == 1  # Textual's Screen: a second frame just after the first
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert len(drawn) == 2
        assert app.query_one("#hello").region.width == 30
        assert "hello" in app.export_screenshot()


async def test_the_main_screen_is_laid_out_again_for_a_new_size_only(
    make_app, library_dir, monkeypatch
) -> None:
    app = make_app(library_dir / "drought.txt", library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        laid_out = layouts(app.main, monkeypatch)
        await pilot.resize_terminal(120, 30)  # the size it has: nothing moves
        await pilot.pause()
        assert not laid_out
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert laid_out and app.main.query_one("#reader").region.right == 100
