"""The footer shows the keys of the focused pane as one widget: a focus move repaints its
line (no widget mounted, nothing restyled), a click on a key runs it, and it looks as
Textual's footer looks, cell for cell."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Footer, Static

import reader.analysis
from reader.ui.widgets.footer_layout import ShownKey
from reader.ui.widgets.key_footer import KeyFooter
from tests.ui.test_app import write_keymap
from tests.ui.test_tagging_data import SIZE, fixed_analysis, settle


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def restyles_of(app, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every node the app restyles from now on, in order (each one costs a key time)."""
    restyled: list[object] = []
    update_styles = app.update_styles

    def noted(node: object, **options: object) -> None:
        restyled.append(node)
        update_styles(node, **options)

    monkeypatch.setattr(app, "update_styles", noted)
    return restyled


def footer_keys(app) -> list[ShownKey]:
    return list(app.screen.query_one(KeyFooter).shown_keys())


def footer_text(app) -> str:
    return app.screen.query_one(KeyFooter).render_line(0).text


def _labels(keys: list[ShownKey]) -> list[str]:
    return [f"{key.key_display} {key.description}".strip() for key in keys]


async def test_the_footer_follows_the_pane_and_stays_put_within_it(make_app, library_dir):
    app = make_app(library_dir / "drought.txt", library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.article_view.focus()
        await settle(pilot)
        reading = footer_keys(app)
        assert "/ Search" in _labels(reading) and "y Copy" in _labels(reading)
        assert " / Search " in footer_text(app)
        footer = app.main.query_one(KeyFooter)
        shown = footer.shown

        # Moves inside the story and a fresh check of every key's state leave it alone.
        await pilot.press("j", "n", "j")
        app.main.refresh_bindings()
        await settle(pilot)
        assert footer.shown is shown, "same keys: the footer kept what it had"

        await pilot.press("tab")  # the library: its own keys
        await settle(pilot)
        listing = _labels(footer_keys(app))
        assert "⏎ Open" in listing and "/ Filter" in listing
        assert "/ Search" not in listing
        assert " ⏎ Open " in footer_text(app) and "Search" not in footer_text(app)

        await pilot.press("tab")
        await settle(pilot)
        assert _labels(footer_keys(app)) == _labels(reading)


async def test_a_focus_move_repaints_the_footer_without_a_widget_or_a_restyle(
    make_app, library_dir, monkeypatch: pytest.MonkeyPatch
):
    """Textual's footer mounted, styled and laid out ~11 key widgets on every focus move
    (~72 ms of the UI thread, the worst key left on big inputs), and the screen repainted
    all of itself."""
    app = make_app(library_dir / "drought.txt", library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.article_view.focus()
        await settle(pilot)
        footer = app.main.query_one(KeyFooter)
        nodes = list(app.main.walk_children(Widget))
        restyled = restyles_of(app, monkeypatch)
        refreshes: list[dict[str, object]] = []
        refresh = footer.refresh

        def noted_refresh(*regions: object, **options: object) -> object:
            refreshes.append(options)
            return refresh(*regions, **options)

        monkeypatch.setattr(footer, "refresh", noted_refresh)
        whole_screen: list[bool] = []
        screen_refresh = app.main.refresh

        def noted_screen_refresh(*regions: object, **options: object) -> object:
            whole_screen.append(not regions)
            return screen_refresh(*regions, **options)

        monkeypatch.setattr(app.main, "refresh", noted_screen_refresh)
        await pilot.press("tab")
        await settle(pilot)
        assert "⏎ Open" in _labels(footer_keys(app))
        assert list(app.main.walk_children(Widget)) == nodes, "no widget mounted or removed"
        assert footer not in restyled and not footer.children
        assert refreshes and not any(options.get("layout") for options in refreshes)
        # Nor a repaint of the whole screen (Textual's Screen.focused asks one).
        assert not any(whole_screen)


async def test_clicking_a_footer_key_runs_its_action(make_app, library_dir):
    from reader.ui.screens.help import HelpScreen

    app = make_app(library_dir / "drought.txt", library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.main.query_one(KeyFooter)
        x = footer.offset_of("help")
        assert x >= 0 and footer.key_at(x).key_display == "?"
        assert await pilot.click(KeyFooter, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_key_under_the_mouse_is_highlighted_with_its_help_as_tooltip(
    make_app, library_dir
):
    from reader.ui.keys import GROUPS

    help_of = {action.description: action.help for group in GROUPS for action in group.actions}
    app = make_app(library_dir / "drought.txt", library_dir / "museum.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.main.query_one(KeyFooter)
        line = footer.render_line(0)
        x = footer_text(app).index(" r Reload") + 1
        assert footer.key_at(x).description == "Reload"
        await pilot.hover(KeyFooter, offset=(x, 0))
        await pilot.pause()
        assert footer.tooltip == help_of["Reload"]
        hovered = footer.render_line(0)
        assert hovered.text == line.text
        changed = [
            column
            for column in range(footer.size.width)
            if _cell(hovered, column) != _cell(line, column)
        ]
        reload_start = footer_text(app).index(" r Reload")
        assert changed == list(range(reload_start, reload_start + len(" r Reload ")))
        await pilot.hover(KeyFooter, offset=(footer.size.width - 20, 0))  # between keys
        await pilot.pause()
        assert footer.tooltip is None and footer.render_line(0) == line


def _cell(strip, column: int) -> object:
    return strip.crop(column, column + 1)._segments[0].style


async def test_the_footer_shows_and_presses_a_key_a_user_keymap_renamed(
    make_app, library_dir, locations
):
    from reader.ui.screens.help import HelpScreen

    write_keymap(locations, '"app.help" = "f1"\n')
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "f1 Help" in _labels(footer_keys(app))
        assert " f1 Help " in footer_text(app) and "?" not in footer_text(app)
        footer = app.main.query_one(KeyFooter)
        await pilot.click(KeyFooter, offset=(footer.offset_of("help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("width", [40, 80])
async def test_a_narrow_footer_cuts_the_keys_and_keeps_the_palette_key(
    make_app, library_dir, width
):
    app = make_app(library_dir / "drought.txt", library_dir)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        text = footer_text(app)
        assert len(text) == width and text.endswith("▏^p Commands ")
        footer = app.main.query_one(KeyFooter)
        assert footer.key_at(width - 3).action == "command_palette"
        await pilot.click(KeyFooter, offset=(width - 3, 0))
        await pilot.pause()
        assert app.screen is not app.main  # the palette opened


# An app of our own for comparing the two footers: every kind of key Textual's draws.
_TURN = Binding.Group("Turn")
_MOVE = Binding.Group("Move", compact=True)


class _Keys(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "note('a')", "Apple", tooltip="An apple a day"),
        Binding("b,x", "note('b')", "Banana"),  # two keys, one action: shown once
        Binding("left", "note('left')", "Left", group=_TURN),
        Binding("right", "note('right')", "Right", group=_TURN),
        Binding("up", "note('up')", "Up", group=_MOVE),
        Binding("down", "note('down')", "Down", group=_MOVE),
        Binding("c", "off", "Cherry"),  # disabled: dimmed
        Binding("d", "note('d')", ""),  # no description
        Binding("e", "note('e')", "Hidden", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "off" else True

    def action_note(self, name: str) -> None:
        self.app.notes.append(name)  # type: ignore[attr-defined]


class _FooterApp(App[None]):
    def __init__(self, footer: Widget) -> None:
        super().__init__()
        self.footer = footer
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield _Keys("keys")
        yield self.footer

    def on_mount(self) -> None:
        self.query_one(_Keys).focus()


# Columns the mouse rests on: outside the footer, on keys, a group, gaps, the palette's.
_HOVERS = (None, 2, 4, 12, 19, 25, -1, -3, -12)


async def _bottom_lines(footer: Widget, width: int) -> list[list[tuple[str, str]]]:
    """The footer's line, cell by cell, as the mouse rests on each of _HOVERS in turn."""
    app = _FooterApp(footer)
    lines = []
    async with app.run_test(size=(width, 5)) as pilot:
        await pilot.pause()
        await pilot.pause()
        for hover in _HOVERS:
            await pilot.hover(offset=(0, 0) if hover is None else (hover % width, 4))
            await pilot.pause()
            line = app.screen._compositor.render_strips()[-1]
            lines.append([(char, str(segment.style)) for segment in line for char in segment.text])
    return lines


@pytest.mark.parametrize("compact", [False, True], ids=["roomy", "compact"])
@pytest.mark.parametrize("width", [100, 30])
async def test_the_footer_looks_as_textuals_cell_for_cell(compact, width) -> None:
    ours = await _bottom_lines(KeyFooter(compact=compact), width)
    textuals = await _bottom_lines(Footer(compact=compact), width)
    for hover, our_line, textual_line in zip(_HOVERS, ours, textuals, strict=True):
        assert "".join(char for char, _ in our_line) == "".join(char for char, _ in textual_line)
        assert our_line == textual_line, f"the mouse at {hover}"


async def test_a_click_on_a_key_of_a_group_runs_that_key_and_a_disabled_one_rings() -> None:
    footer = KeyFooter()
    app = _FooterApp(footer)
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = footer.render_line(0).text
        for shown in ("Apple", "Banana", "Turn", "Move", "Cherry"):
            assert shown in text
        assert "Hidden" not in text and "Left" not in text  # a group shows its title
        bells: list[bool] = []
        app.bell = lambda: bells.append(True)  # type: ignore[method-assign]
        for action in ("note('right')", "note('up')", "note('b')", "off"):
            await pilot.click(KeyFooter, offset=(footer.offset_of(action), 0))
            await pilot.pause()
        assert app.notes == ["right", "up", "b"] and bells == [True]
        assert footer.key_at(footer.offset_of("note('a')")).tooltip == "An apple a day"


def _wheel(footer: KeyFooter, down: bool) -> None:
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    footer.post_message(kind(footer, 2, 0, 0, 1 if down else -1, 0, False, False, False))


async def test_the_wheel_scrolls_keys_that_do_not_fit() -> None:
    footer = KeyFooter()
    app = _FooterApp(footer)
    async with app.run_test(size=(30, 5)) as pilot:
        await pilot.pause()
        await pilot.pause()
        first = footer.render_line(0).text
        assert first.startswith(" a Apple") and first.endswith("▏^p palette ")
        _wheel(footer, down=True)
        await pilot.pause()
        scrolled = footer.render_line(0).text
        assert scrolled != first and scrolled.endswith("▏^p palette ")
        for _ in range(20):
            _wheel(footer, down=True)
        await pilot.pause()
        assert "Cherry" in footer.render_line(0).text  # the last keys came into view
        for _ in range(20):
            _wheel(footer, down=False)
        await pilot.pause()
        assert footer.render_line(0).text == first
