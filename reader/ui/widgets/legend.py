"""What each highlight in the reader means, drawn with the very styles the reader uses."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.ui.layers import Cover, Painter

_ENTRIES: tuple[tuple[str, Cover], ...] = (
    ("quotation", Cover(quote=True)),
    ("speaker of focused quote", Cover(speaker=True)),
    ("person", Cover(name="PER")),
    ("organisation", Cover(name="ORG")),
    ("place", Cover(name="LOC")),
    ("other name", Cover(name="MISC")),
    ("name in a quote", Cover(quote=True, name="PER")),
    ("focus", Cover(focus=True)),
    ("selection", Cover(selected=True)),
    ("search match", Cover(search=1)),
    ("current match", Cover(search=2)),
)


class Legend(Static):
    """A strip of samples under the text; ``l`` shows and hides it."""

    DEFAULT_CSS = """
    Legend {
        display: none;
        dock: bottom;
        height: auto;
        padding: 0 1;
        border-top: solid $panel-lighten-2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._painter: Painter | None = None

    def set_painter(self, painter: Painter) -> None:
        self._painter = painter
        if self.is_mounted:  # else drawn by its mount: the first frame has no legend
            self.update(self._legend())

    def on_mount(self) -> None:
        self.update(self._legend())

    def on_resize(self) -> None:
        self.update(self._legend())

    def _legend(self) -> Text:
        """The samples, laid out line by line so that no label is split across lines
        ("other name" once wrapped between its two words)."""
        text = Text()
        if self._painter is None:
            return text
        painter = self._painter
        width = self.content_size.width
        pieces = [Text(f" {label} ", painter.style(cover)) for label, cover in _ENTRIES]
        tag = painter.style(Cover(annotation="#c678dd"))
        pieces.append(Text(" tagged passage ", tag))
        pieces[-1].append(" in its tag colour, with ┃ in the margin;")
        pieces.append(Text("▌ marks the focused lines"))
        column = 0
        for piece in pieces:
            length = piece.cell_len
            if column and width and column + 2 + length > width:
                text.append("\n")
                column = 0
            elif column:
                text.append("  ")
                column += 2
            text.append_text(piece)
            column += length
        return text
