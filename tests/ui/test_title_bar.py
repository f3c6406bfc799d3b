"""The top line: the icon opens the command palette, the title follows the open story."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from reader.ui.widgets.title_bar import ICON_CELLS, PALETTE_TIP, TitleBar


async def test_the_title_names_the_open_story(make_app, library_dir: Path) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(100, 20)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        bar = app.screen.query_one(TitleBar)
        line = bar.render().plain
        assert line.startswith(" ❝")
        assert "newsreader — Drought Forces Rationing in Valley Towns" in line
        assert len(line) == 100
        app.sub_title = "Another story"
        await pilot.pause()
        assert "newsreader — Another story" in bar.render().plain


async def test_a_long_title_ends_in_an_ellipsis_inside_the_line(make_app, library_dir) -> None:
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=(40, 12)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        line = app.screen.query_one(TitleBar).render().plain
        assert len(line) == 40
        assert line.rstrip().endswith("…")
        assert line.endswith(" " * 10)  # the right edge stays clear, as the Header's clock space


async def test_the_icon_opens_the_command_palette(make_app, library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=(100, 20)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.hover(TitleBar, offset=(1, 0))
        assert app.screen.query_one(TitleBar).tooltip == PALETTE_TIP
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_click_beside_the_icon_makes_the_line_taller(make_app, library_dir) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=(100, 20)) as pilot:
        await app.workers.wait_for_complete()
        bar = app.screen.query_one(TitleBar)
        await pilot.hover(TitleBar, offset=(ICON_CELLS + 5, 0))
        assert bar.tooltip is None
        await pilot.click(TitleBar, offset=(ICON_CELLS + 5, 0))
        await pilot.pause()
        assert bar.size.height == 3
        assert not isinstance(app.screen, CommandPalette)
