"""Copy out of the reader: `y` the passage under the focus, `Y` every annotation of the story.

What is copied carries its attribution and a citation (reader.citation). The system
clipboard is reached in a thread with a timeout, so a hanging clipboard tool never
blocks a key; the terminal clipboard (OSC 52) is sent too, so a copy works over SSH.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.ui.counts import counted
from reader.ui.keys import COPY_KEYS, bindings

if TYPE_CHECKING:
    from reader.clipboard import CopyResult
    from reader.model import Annotation, Article
    from reader.services.annotation_session import AnnotationSession
    from reader.services.library_session import LibrarySession
    from reader.ui.screens.main import MainScreen

COPY_STYLES: dict[str, str] = {
    "plain": "plain text",
    "markdown": "Markdown",
    "citation": "citation only",
}
EXPORT_FORMATS: dict[str, str] = {
    "markdown": "Markdown",
    "json": "JSON backup",
    "csv": "CSV (Readwise)",
    "w3c": "W3C Web Annotations",
}


class CopyingMixin(App[None]):
    """`y`, `Y`, the copy format, and the story's exports in the command palette.

    An App subclass, not a plain mixin, because Textual gathers BINDINGS only from
    DOMNode classes in the MRO.
    """

    BINDINGS = bindings(COPY_KEYS)
    copy_style: str = "plain"
    # Provided by NewsReaderApp.
    main: MainScreen
    library: LibrarySession
    annotations: AnnotationSession
    # Replaced in tests by a function that records or hangs; None = the system clipboard.
    copy_function: Callable[[str], None] | None = None

    # -- what to copy -------------------------------------------------------------------

    def _focused_text(self) -> tuple[str, str] | None:
        """The text for `y` and a word for what it is, or None when nothing is focused."""
        from reader.services.copy_text import text_to_copy

        article = self.library.current
        if article is None or not self.main.is_mounted:
            return None
        view = self.main.article_view
        return text_to_copy(
            article,
            quote=view.focused_quote,
            span=view.target_span,
            annotation=self.main.annotation_at_focus(),
            style=self.copy_style,
        )

    def action_copy(self) -> None:
        found = self._focused_text()
        if found is None:
            self.bell()
            self.notify("Focus a passage first: n for quotes, j/k for sentences, v to select.")
            return
        text, what = found
        self.deliver_copy(text, what)

    def action_copy_all(self) -> None:
        from reader.citation import format_many

        article: Article | None = self.library.current
        annotations: list[Annotation] = list(self.annotations.story_annotations)
        if article is None or not annotations:
            self.bell()
            self.notify("This story has no annotations to copy yet: t tags a passage.")
            return
        text = format_many(annotations, {article.id: article}, self.copy_style)
        self.deliver_copy(text, counted(len(annotations), "annotation"))

    def action_cycle_copy_style(self) -> None:
        styles = list(COPY_STYLES)
        self.set_copy_style(styles[(styles.index(self.copy_style) + 1) % len(styles)])

    def set_copy_style(self, style: str) -> None:
        self.copy_style = style
        self.notify(f"y and Y now copy as {COPY_STYLES[style]}")

    # -- delivery -----------------------------------------------------------------------

    def deliver_copy(self, text: str, what: str) -> None:
        from reader.clipboard import osc52_support
        from reader.safe_text import clean

        # The copy quotes the story, its title and its address: whatever a paste into a
        # terminal would obey is removed here, the one door every copy goes through.
        text = clean(text)
        osc52_sent = osc52_support() is not False
        if osc52_sent:
            self.copy_to_clipboard(text)
        self._copy_to_system(text, what, osc52_sent)

    @work(thread=True, group="clipboard", name="copy")
    def _copy_to_system(self, text: str, what: str, osc52_sent: bool) -> None:
        from reader.clipboard import copy_text

        result = copy_text(text, copy_fn=self.copy_function)
        self.call_from_thread(self._copy_done, text, what, result, osc52_sent)

    def _copy_done(self, text: str, what: str, result: CopyResult, osc52_sent: bool) -> None:
        from reader.clipboard import describe_delivery

        message = describe_delivery(result, osc52_sent)
        if result.system or osc52_sent:
            self.notify(message, title=f"Copy {what}")
            return
        from reader.ui.screens.copy_fallback import CopyFallbackScreen

        self.push_screen(CopyFallbackScreen(text, message))

    # -- exports ------------------------------------------------------------------------

    @work(thread=True, group="export", name="export")
    def export_story(self, fmt: str) -> None:
        from reader.export import ExportError, export_to_folder

        article: Article | None = self.library.current
        annotations = list(self.annotations.story_annotations)
        if article is None or not annotations:
            self.call_from_thread(self.notify, "This story has no annotations to export yet.")
            return
        try:
            path = export_to_folder(annotations, {article.id: article}, fmt)
        except ExportError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        done = f"Exported {counted(len(annotations), 'annotation')} to {path}"
        self.call_from_thread(self.notify, done)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for style, label in COPY_STYLES.items():
            yield SystemCommand(
                f"Copy as {label}",
                f"y and Y copy as {label} from now on",
                lambda style=style: self.set_copy_style(style),
            )
        for fmt, label in EXPORT_FORMATS.items():
            yield SystemCommand(
                f"Export this story's annotations as {label}",
                "Write a new file in your Documents folder",
                lambda fmt=fmt: self.export_story(fmt),
            )
