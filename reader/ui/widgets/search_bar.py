"""The reader pane's one-line search box (what it finds: reader/ui/search_model.py)."""

from __future__ import annotations

from textual import on
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from reader.ui.keys import SEARCH_KEYS, bindings


class SearchBar(Horizontal):
    """``/`` opens it; typing posts ``Changed``, enter ``Submitted``, escape ``Cancelled``."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        dock: bottom;
        height: 1;
        background: $panel;
    }
    SearchBar > Label {
        width: auto;
        padding: 0 1;
        color: $text-accent;
        text-style: bold;
    }
    SearchBar > Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0;
        background: $panel;
    }
    SearchBar > Input:focus {
        border: none;
        background-tint: transparent;
    }
    """

    BINDINGS = bindings(SEARCH_KEYS)

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Cancelled(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._input = Input(placeholder="words to find (any case) · enter: go · escape: close")

    def build(self) -> None:
        """Mount the label and the box at once, not in a compose that runs later: the bar
        is mounted by the `/` that opens it, and that key gives the box the focus."""
        if self._input.parent is None:
            self.mount(Label("Search /"), self._input)

    @property
    def input(self) -> Input:
        return self._input

    def open(self, query: str = "") -> None:
        self.display = True
        box = self.input
        with box.prevent(Input.Changed):
            box.value = query
        box.cursor_position = len(query)
        box.focus()

    def close(self) -> None:
        self.display = False

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
