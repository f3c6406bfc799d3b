"""One line under the panes: what the reader's focus is on, and where you are in the library."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.safe_text import clean_line


class StatusBar(Horizontal):
    """Left: the reader's status (e.g. "Quote 3/11 · Sergei Ryabkov"). Right: the context.

    Between them, when the open story's text was not read with certainty, how it was
    read ("Windows-1251 (guessed)"), so mojibake has an explanation in plain sight.
    """

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    StatusBar > #status-message { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    StatusBar > #status-note { display: none; width: auto; color: $text-warning; padding-right: 2; }
    StatusBar > #status-context { width: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="status-message", markup=False)
        yield Static("", id="status-note", markup=False)
        yield Static("", id="status-context", markup=False)

    @property
    def message(self) -> str:
        return str(self.query_one("#status-message", Static).content)

    @property
    def note(self) -> str:
        return str(self.query_one("#status-note", Static).content)

    @property
    def context(self) -> str:
        return str(self.query_one("#status-context", Static).content)

    # All three lines quote what files and detectors say: cleaned again here, at the screen.
    def set_message(self, text: str) -> None:
        # One row, a fraction of the bar: new words never change its size, so no layout
        # pass of the whole screen (every j and k comes through here).
        self.query_one("#status-message", Static).update(clean_line(text), layout=False)

    def set_note(self, text: str | None) -> None:
        note = self.query_one("#status-note", Static)
        shown = clean_line(text or "")
        note.update(shown)
        note.display = bool(shown)

    def set_context(self, text: str) -> None:
        self.query_one("#status-context", Static).update(clean_line(text))
