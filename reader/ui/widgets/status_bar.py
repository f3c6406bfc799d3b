"""One line under the panes: what the reader's focus is on, and where you are in the library."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from reader.safe_text import clean_line

NOTE_GAP = 2  # blank cells between the note and the context


class StatusBar(Widget):
    """Left: the reader's status (e.g. "Quote 3/11 · Sergei Ryabkov"). Right: the context.

    Between them, when the open story's text was not read with certainty, how it was
    read ("Windows-1251 (guessed)"), so mojibake has an explanation in plain sight.

    One widget that lays its three parts out itself: as a row of three Statics it was
    four widgets to mount, style and paint for the first frame (~7 ms, issue #18). The
    status changes with every j and k, and a new status is one repaint of this line.
    """

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    StatusBar > .status-bar--note {
        color: $text-warning;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-bar--note"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # The three parts as shown, by name ("message", "note", "context").
        self._parts = dict.fromkeys(("message", "note", "context"), "")

    @property
    def message(self) -> str:
        return self._parts["message"]

    @property
    def note(self) -> str:
        return self._parts["note"]

    @property
    def context(self) -> str:
        return self._parts["context"]

    # All three parts quote what files and detectors say: cleaned again here, at the screen.
    def set_message(self, text: str) -> None:
        self._show("message", text)

    def set_note(self, text: str | None) -> None:
        self._show("note", text or "")

    def set_context(self, text: str) -> None:
        self._show("context", text)

    def _show(self, part: str, text: str) -> None:
        shown = clean_line(text)
        if self._parts[part] != shown:
            self._parts[part] = shown
            self.refresh()  # one line of a fixed size: no layout pass

    def render(self) -> Content:
        """The message takes what the note and the context leave, cut with an ellipsis."""
        width = self.content_region.width
        note = Content(self.note)
        if note:
            note = note.stylize(self.get_visual_style("status-bar--note", partial=True))
            note = note.pad_right(NOTE_GAP)
        context = Content(self.context)
        room = max(0, width - note.cell_length - context.cell_length)
        message = Content(self.message).truncate(room, ellipsis=True, pad=True)
        return Content.assemble(message, note, context).truncate(width)
