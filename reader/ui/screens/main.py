"""The main screen: library on the left, the reader on the right, status and keys below."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from reader.ui.keys import MAIN_SCREEN_KEYS, bindings
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.library import Library
from reader.ui.widgets.status_bar import StatusBar

MAIN_SCREEN_CSS = Path(__file__).with_name("main.tcss")
NARROW_BELOW = 90  # columns
_PANE_CLASSES = ("-pane-library", "-pane-reader", "-pane-annotations")


class MainScreen(Screen[None]):
    # Replaces Screen's tab = "focus next widget": with a filter box and the reader's own
    # inputs in the chain, tab would wander; readers expect it to flip between the panes.
    BINDINGS = bindings(MAIN_SCREEN_KEYS)
    # Below 90 columns two panes leave the reader a sliver: show the focused pane alone
    # (tab switches), see main.tcss.
    # Textual declares it an instance attribute, so it cannot be marked ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (NARROW_BELOW, "-wide"),
    ]
    BINDING_GROUP_TITLE = "Everywhere"
    # Focus is given once the library is loaded: each focus change rebuilds the footer.
    AUTO_FOCUS = ""

    def __init__(self, on_mounted: Callable[[], Awaitable[None]] | None = None) -> None:
        super().__init__()
        self._on_mounted = on_mounted

    async def on_mount(self) -> None:
        # Runs before the screen's first layout: whatever the app shows here (a story
        # loaded while the panes were being built) is in the very first frame.
        self.add_class("-pane-reader")  # until a focus says otherwise
        if self._on_mounted is not None:
            await self._on_mounted()

    def compose(self) -> ComposeResult:
        yield Header(icon="❝")
        article_view = ArticleView(id="article")
        article_view.display = False  # until there is a story to show
        with Horizontal(id="panes"):
            yield Library(id="library")
            with Vertical(id="reader") as reader_pane:
                reader_pane.border_title = "Reader"
                yield article_view
                yield Static("Loading stories…", id="reader-message")
            yield AnnotationsPanel(id="annotations")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def library(self) -> Library:
        return self.query_one(Library)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status_bar(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def panes(self) -> list[Library | ArticleView]:
        return [self.library, self.article_view]

    def show_message(self, text: str) -> None:
        """Put a sentence in the reader pane instead of a story (loading, empty library)."""
        self.article_view.display = False
        message = self.query_one("#reader-message", Static)
        message.update(text)
        message.display = True

    def show_article_view(self) -> None:
        self.query_one("#reader-message").display = False
        self.article_view.display = True

    def focus_reader(self) -> None:
        if self.article_view.display:
            self.article_view.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Remember which pane holds the focus: on a narrow screen only that one shows."""
        node: DOMNode | None = event.widget
        pane = None
        while node is not None and pane is None:
            pane = {"library": "-pane-library", "reader": "-pane-reader"}.get(node.id or "")
            if pane is None and node.id == "annotations":
                pane = "-pane-annotations"
            node = node.parent
        if pane is not None and not self.has_class(pane):
            self.remove_class(*_PANE_CLASSES)
            self.add_class(pane)

    def action_toggle_maximize(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        for pane in self.query("#library, #reader, #annotations"):
            if focused is not None and (focused is pane or pane in focused.ancestors):
                self.maximized = pane
                return
        self.app.bell()

    def action_switch_pane(self) -> None:
        # The annotations panel, while open, stands in the library's place.
        panel = self.query_one(AnnotationsPanel)
        left_focused = self.library.has_focus_within or panel.has_focus
        if left_focused and self.article_view.display:
            self.article_view.focus()
        elif panel.display:
            panel.focus()
        else:
            self.library.focus_list()
