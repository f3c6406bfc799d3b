"""The open story's annotations, in reading order; orphans in a section of their own.

``enter`` on an annotation asks the app to jump to it; an orphan (a passage the
current text no longer holds) is listed with its words so nothing is silently lost. A
passage whose words were edited since it was tagged shows both wordings; `w` makes the
new one its quote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Annotation
from reader.services.tags import display_colour, tag_colour
from reader.ui.keys import ANNOTATIONS_PANEL_KEYS, bindings

EXCERPT_CHARS = 90
NOTE_CHARS = 120


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The passage on one line, cut at a word with an ellipsis when it is long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


QUOTE_MARKS = "\"'“”‘’«»„‚"


def quoted(text: str) -> str:
    """The passage in quotation marks, unless it already starts with its own."""
    return text if text[:1] in QUOTE_MARKS else f"“{text}”"


def annotation_label(
    annotation: Annotation, colours: Mapping[str, str], *, title: str | None = None
) -> Text:
    """Tags in their colours, then the passage, the note and the speaker (when known)."""
    label = Text()
    if title:
        label.append(title, style="bold")
        label.append("\n")
    bar = display_colour(annotation.tags, annotation.colour, colours)
    label.append("┃ ", style=bar)
    if annotation.tags:
        for n, tag in enumerate(annotation.tags):
            if n:
                label.append(" ")
            label.append(f"#{tag}", style=f"bold {tag_colour(tag, colours)}")
    else:
        label.append("note", style="dim")
    label.append("\n┃ ", style=bar)
    label.append(quoted(excerpt(annotation.selector.exact)))
    if annotation.reworded is not None:
        # The story was edited here: the tagged words stay until the reader accepts these.
        label.append("\n┃ ", style=bar)
        label.append("now reads ", style="bold yellow")
        label.append(quoted(excerpt(annotation.reworded)))
        label.append("\n┃ ", style=bar)
        label.append("w: quote the new wording", style="dim")
    if annotation.speaker:
        label.append("\n┃ ", style=bar)
        label.append(f"— {annotation.speaker}", style="italic")
    if annotation.note:
        label.append("\n┃ ", style=bar)
        label.append(excerpt(annotation.note, NOTE_CHARS), style="dim italic")
    return label


class AnnotationsPanel(OptionList):
    """A side list of the open story's annotations; `enter` jumps to one."""

    DEFAULT_CSS = """
    AnnotationsPanel {
        display: none;
        width: 38%;
        min-width: 28;
        max-width: 56;
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0;
        & > .option-list--option { padding: 0 1; }
        & > .option-list--separator { color: $foreground 12%; }
        &:focus {
            border: round $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background-tint: transparent;
        }
    }
    """

    BINDING_GROUP_TITLE = "Annotations"
    BINDINGS = bindings(ANNOTATIONS_PANEL_KEYS)

    class Picked(Message):
        """The reader chose an annotation: show it in the text."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class Closed(Message):
        """The reader pressed escape in the panel."""

    class EditRequested(Message):
        """Edit this annotation's tags and note."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class RemoveRequested(Message):
        """Remove this annotation (u brings it back)."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class AcceptWordingRequested(Message):
        """Replace this annotation's quote with the story's new words at the passage."""

        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Annotations"
        self._rows: list[Annotation | None] = []  # one per option; None for headings
        self._annotations: list[Annotation] = []
        self._colours: dict[str, str] = {}
        self._highlight_wanted: str | None = None  # asked for before the list was filled

    def on_mount(self) -> None:
        self._fill()

    @property
    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    @property
    def highlighted_annotation(self) -> Annotation | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self._rows):
            return None
        return self._rows[index]

    def set_annotations(
        self, annotations: Sequence[Annotation], colours: Mapping[str, str]
    ) -> None:
        """Show these annotations (one story's), keeping the highlighted one if it remains."""
        self._annotations = list(annotations)
        self._colours = dict(colours)
        if self.is_mounted:
            self._fill()

    def highlight_annotation(self, annotation_id: str) -> None:
        if not self._rows:  # not mounted yet: highlighted once it is filled
            self._highlight_wanted = annotation_id
            return
        self._highlight(annotation_id)

    def _highlight(self, annotation_id: str) -> None:
        for index, row in enumerate(self._rows):
            if row is not None and row.id == annotation_id:
                self.highlighted = index
                return

    def _fill(self) -> None:
        keep = self.highlighted_annotation
        keep_id = keep.id if keep is not None else self._highlight_wanted
        self._highlight_wanted = None
        placed = [a for a in self._annotations if not a.orphan]
        orphans = [a for a in self._annotations if a.orphan]
        options: list[Option | None] = []
        rows: list[Annotation | None] = []
        for annotation in placed:
            options += [Option(annotation_label(annotation, self._colours)), None]
            rows.append(annotation)
        if orphans:
            heading = Text("Not found in the current text", style="bold")
            heading.append(
                "\nThe story changed; these passages are kept with their words.", style="dim"
            )
            options.append(Option(heading, disabled=True))
            rows.append(None)
            for annotation in orphans:
                options.append(Option(annotation_label(annotation, self._colours)))
                rows.append(annotation)
        if not self._annotations:
            options = [
                Option(
                    Text("Nothing tagged yet: press t on a passage.", style="dim"), disabled=True
                )
            ]
            rows = [None]
        elif options and options[-1] is None:
            options.pop()
        self._rows = rows
        self.set_options(options)
        reworded = sum(1 for a in placed if a.reworded is not None)
        self.border_subtitle = _subtitle(len(placed), len(orphans), reworded)
        if keep_id is not None:
            self._highlight(keep_id)
        if self.highlighted is None and placed:
            self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._rows):
            row = self._rows[event.option_index]
            if row is not None:
                self.post_message(self.Picked(row))

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_edit(self) -> None:
        if (annotation := self.highlighted_annotation) is not None:
            self.post_message(self.EditRequested(annotation))

    def action_accept_wording(self) -> None:
        if (annotation := self.highlighted_annotation) is not None:
            self.post_message(self.AcceptWordingRequested(annotation))

    def action_remove(self) -> None:
        if (annotation := self.highlighted_annotation) is not None:
            self.post_message(self.RemoveRequested(annotation))


def _subtitle(placed: int, orphans: int, reworded: int = 0) -> str:
    text = f"{placed} passage{'' if placed == 1 else 's'}"
    if reworded:
        text += f" · {reworded} reworded"
    if orphans:
        text += f" · {orphans} not found"
    return text
