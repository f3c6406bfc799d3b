"""The top line of every screen: the app's icon (a click opens the command palette) and,
centred, the title and the open story's title.

It draws what Textual's Header draws, as one widget: the Header composes four (icon,
title, clock space) and defines five widget classes, and their styling, mounting and
painting were ~10 ms of the first frame (issue #18).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.reactive import Reactive
from textual.widget import Widget

ICON_CELLS = 8  # the icon's place on the left (a click there opens the palette)
RIGHT_CELLS = 10  # kept blank on the right, as the Header's clock space, so the title centres alike
PALETTE_TIP = "Open the command palette"


class TitleBar(Widget):
    """``icon`` on the left, then the screen's (else the app's) title and subtitle, centred."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: left middle;
    }
    TitleBar.-tall {
        height: 3;
    }
    TitleBar > .title-bar--icon-hover {
        background: $foreground 10%;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--icon-hover"}

    icon: Reactive[str] = Reactive("⭘")

    def __init__(self, icon: str | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        if icon is not None:
            self.set_reactive(TitleBar.icon, icon)
        self._over_icon = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitled, init=False)
            self.watch(node, "sub_title", self._retitled, init=False)

    def _retitled(self) -> None:
        self.refresh()

    @property
    def title_content(self) -> Content:
        """What the middle shows: the screen's title and subtitle, else the app's."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render(self) -> Content:
        width = self.size.width
        icon = Content(f" {self.icon}").truncate(ICON_CELLS, pad=True)
        if self._over_icon:
            icon = icon.stylize(self.get_visual_style("title-bar--icon-hover", partial=True))
        middle = max(0, width - ICON_CELLS - RIGHT_CELLS)
        title = self.title_content.truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2
        title = title.pad(left, middle - title.cell_length - left)
        return Content.assemble(icon, title, " " * RIGHT_CELLS).truncate(width)

    def _set_over_icon(self, over: bool) -> None:
        if over != self._over_icon:
            self._over_icon = over
            self.tooltip = PALETTE_TIP if over else None
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_over_icon(event.x < ICON_CELLS)

    def on_leave(self, event: events.Leave) -> None:
        self._set_over_icon(False)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        if event.x < ICON_CELLS:
            await self.run_action("app.command_palette")
        else:
            self.toggle_class("-tall")  # as the Header: a click elsewhere makes it taller
