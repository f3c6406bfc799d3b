"""The footer of keys: one widget that draws its line itself.

Textual's footer is a container of one widget per key, built again (mounted, styled,
laid out with the screen) on every change of the screen's bindings: each focus move
and each check of an action's state. A focus move cost ~72 ms of the UI thread for the
footer alone, and the first key pressed as start-up ended waited for it. This footer is
one widget: a change of the keys it shows is a new line of text and one repaint (no
mount, no style, no layout). It looks and acts as Textual's: the same keys in the same
places (footer_layout.py), theme colours from its component classes, a disabled key
dimmed, the key under the mouse highlighted with its binding's tooltip, a click runs
the key, the wheel scrolls keys that do not fit.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.css.styles import RenderStyles
from textual.reactive import reactive
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from reader.ui.widgets.footer_layout import (
    DESCRIPTION,
    DIVIDER,
    KEY,
    LABEL,
    PADDING,
    Run,
    Shown,
    ShownKey,
    layout_keys,
    layout_palette,
    shown_keys,
    width_of,
)

_NOTHING = Shown((), None)
SCROLL_CELLS = 4  # cells the keys move per turn of the wheel


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--item",
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--disabled",
        "key-footer--label",
        "key-footer--divider",
    }
    # The rules of Textual's FooterKey, Footer and FooterLabel, as parts of one line.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--item {
            background: $footer-item-background;
        }
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-footer--disabled {
            text-style: dim;
        }
        .key-footer--label {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--divider {
            color: $foreground 20%;
        }
    }
    """

    compact = reactive(False, toggle_class="-compact")
    show_command_palette = reactive(True)

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__()
        self.set_reactive(KeyFooter.compact, compact)
        self.set_class(compact, "-compact", update=False)
        self.set_reactive(KeyFooter.show_command_palette, show_command_palette)
        self._shown = _NOTHING
        self._keys: list[Run] = []  # the keys' line, left to right
        self._palette: list[Run] = []
        self._keys_width = 0
        self._palette_width = 0
        self._scroll = 0  # cells of the keys scrolled off on the left
        self._hover = -1  # owner number of the key under the mouse
        self._check_asked = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus:
            return  # as Textual's: shown again once the terminal has the focus
        if self.is_attached and screen is self.screen and not self._check_asked:
            # A focus move and a state check in one turn make one look, after the refresh.
            self._check_asked = True
            self.call_after_refresh(self._show_current)

    def _show_current(self) -> None:
        self._check_asked = False
        if self.is_attached:
            self.show(shown_keys(self.screen, self.app, self.show_command_palette))

    def show(self, shown: Shown) -> None:
        """Draw ``shown`` (a repaint of this line, only if it differs from the last)."""
        if shown == self._shown:
            return
        self._shown = shown
        self._lay_out()

    def _lay_out(self) -> None:
        self._keys = layout_keys(self._shown, self.compact)
        self._palette = layout_palette(self._shown, self.compact)
        self._keys_width = width_of(self._keys)
        self._palette_width = width_of(self._palette)
        self._set_hover(-1)  # its number may be another key's now: the next move says
        self.refresh()

    def _watch_compact(self) -> None:
        self._lay_out()

    def _watch_show_command_palette(self) -> None:
        if self.is_attached:
            self.show(shown_keys(self.screen, self.app, self.show_command_palette))

    @property
    def shown(self) -> Shown:
        return self._shown

    def shown_keys(self) -> tuple[ShownKey, ...]:
        """Every key the footer shows, in order, the command palette's last."""
        palette = self._shown.palette
        return self._shown.keys + ((palette,) if palette is not None else ())

    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column ``x`` of the footer, if any."""
        owner = self._owner_at(x)
        return None if owner < 0 else self.shown_keys()[owner]

    def offset_of(self, action: str) -> int:
        """The first column of the key that runs ``action``, or -1 if not in view."""
        for x in range(self.size.width):
            key = self.key_at(x)
            if key is not None and key.action == action:
                return x
        return -1

    # Drawing ----------------------------------------------------------------------

    def _keys_room(self) -> int:
        return max(0, self.size.width - self._palette_width)

    def _max_scroll(self) -> int:
        return max(0, self._keys_width - self._keys_room())

    @property
    def _scrolled(self) -> int:
        """Cells of the keys scrolled off, as far as the width allows now."""
        return min(self._scroll, self._max_scroll())

    def _owner_at(self, x: int) -> int:
        """The key drawn at column ``x``: the keys are scrolled and cut at the palette's
        key, which sits at the right whatever the width."""
        room = self._keys_room()
        runs, column = (self._keys, x + self._scrolled) if x < room else (self._palette, x - room)
        start = 0
        for run in runs:
            start += cell_len(run.text)
            if column < start:
                return run.owner
        return -1

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        _base, background = self.background_colors
        base = Style.from_color(None, background.rich_color)
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        shown = self.shown_keys()
        styles: dict[tuple[str, bool, bool], Style] = {}  # a handful of distinct ones

        def strip(runs: list[Run]) -> Strip:
            segments = []
            for run in runs:
                owned = run.owner >= 0
                kind = (run.part, owned and shown[run.owner].enabled, run.owner == self._hover)
                if kind not in styles:
                    styles[kind] = self._style_of(run, background)
                segments.append(Segment(run.text, styles[kind]))
            return Strip(segments)

        room = self._keys_room()
        scrolled = self._scrolled
        keys = strip(self._keys).crop(scrolled, scrolled + room)
        keys = keys.extend_cell_length(room, base)
        return Strip.join([keys, strip(self._palette)]).crop(0, width)

    def _style_of(self, run: Run, background: Color) -> Style:
        """A run's style as Textual's widgets would compose it: the key's own
        background over the footer's, its part's colours over that."""
        blank = Style.from_color(None, background.rich_color)  # as a widget's blank cells
        if run.owner < 0:
            if run.part == LABEL:
                return self._part("key-footer--label", background, Style())[0]
            return blank
        key = self.shown_keys()[run.owner]
        item = "key-footer--hover" if run.owner == self._hover else "key-footer--item"
        extra = (
            self.get_component_styles("key-footer--disabled").text_style
            if not key.enabled
            else Style()
        )
        _style, item_background = self._part(item, background, extra)
        if run.part == PADDING:
            return Style.from_color(None, item_background.rich_color)
        if run.part == DIVIDER:
            # Textual blends a border's colour over the background under the widget.
            divider = self.get_component_styles("key-footer--divider").color
            return Style.from_color((background + divider).rich_color, item_background.rich_color)
        name = "key-footer--key" if run.part == KEY else "key-footer--description"
        assert run.part in (KEY, DESCRIPTION)
        return self._part(name, item_background, extra)[0]

    def _part(self, name: str, under: Color, extra: Style) -> tuple[Style, Color]:
        styles: RenderStyles = self.get_component_styles(name)
        background = under + styles.background if styles.has_rule("background") else under
        color = styles.color if styles.has_rule("color") else self.styles.color
        style = (
            extra
            + Style.from_color((background + color).rich_color, background.rich_color)
            + styles.text_style
        )
        return style, background

    # The mouse --------------------------------------------------------------------

    def _set_hover(self, owner: int) -> None:
        if owner == self._hover:
            return
        self._hover = owner
        key = None if owner < 0 else self.shown_keys()[owner]
        self.tooltip = key.tooltip if key is not None and key.tooltip else None
        self.styles.pointer = "pointer" if key is not None else None  # a key is a button
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._owner_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(-1)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(SCROLL_CELLS, event)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-SCROLL_CELLS, event)

    def _scroll_by(self, cells: int, event: events.MouseEvent) -> None:
        scroll = max(0, min(self._max_scroll(), self._scrolled + cells))
        if scroll != self._scroll:
            self._scroll = scroll
            self.refresh()
            event.stop()
            event.prevent_default()
