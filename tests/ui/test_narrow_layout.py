"""Narrow terminals: below 90 columns the focused pane alone takes the width; tab switches."""

from __future__ import annotations

import pytest

import reader.analysis
from reader.ui.widgets.article_view import ArticleView
from tests.ui.test_key_footer import restyles_of
from tests.ui.test_tagging_data import fixed_analysis, settle


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_a_narrow_terminal_shows_one_pane_at_a_time(make_app, library_dir, size) -> None:
    app = make_app(library_dir / "drought.txt", library_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.main
        reader_pane = screen.query_one("#reader")
        library = screen.library
        screen.focus_reader()
        await pilot.pause()
        assert reader_pane.region.width == size[0]  # the whole width
        assert library.region.width == 0
        view = screen.query_one(ArticleView)
        assert view.text_widget.region.width >= size[0] - 4
        await pilot.press("tab")
        await pilot.pause()
        assert library.has_focus_within
        assert library.region.width == size[0]
        assert reader_pane.region.width == 0
        await pilot.press("tab")
        await pilot.pause()
        assert reader_pane.region.width == size[0]


async def test_a_wide_terminal_keeps_both_panes(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt", library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.main
        assert screen.library.region.width > 20
        assert screen.query_one("#reader").region.width > 60


async def test_z_maximizes_the_focused_pane_and_the_help_lists_it(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt", library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.main
        screen.focus_reader()
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is screen.query_one("#reader")
        assert screen.query_one("#reader").region.width == 120
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None
        assert screen.library.region.width > 20
        await pilot.press("question_mark")
        await pilot.pause()
        from reader.ui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        described = {
            entry.description for section in app.screen.sections for entry in section.entries
        }
        assert "Maximize" in described


async def test_a_pane_switch_on_a_wide_screen_restyles_nothing_and_narrowing_shows_it(
    make_app, library_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab on a wide screen restyled the screen and every widget in it, twice, for a class
    only a narrow screen's layout reads; the class still follows the focus, and a screen
    made narrow after the switch shows the pane that has the focus."""
    app = make_app(library_dir / "drought.txt", library_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.main
        screen.focus_reader()
        await pilot.pause()
        restyled = restyles_of(app, monkeypatch)
        await pilot.press("tab")
        await pilot.pause()
        assert screen.library.has_focus_within and screen.has_class("-pane-library")
        assert screen not in restyled
        assert screen.query_one("#reader").region.width > 60  # both panes still show

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.library.region.width == 80
        assert screen.query_one("#reader").region.width == 0
        await pilot.press("tab")
        await pilot.pause()
        assert screen in restyled  # narrow: the pane's class is its layout
        assert screen.query_one("#reader").region.width == 80
        assert screen.library.region.width == 0
