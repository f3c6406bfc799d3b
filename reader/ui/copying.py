"""Copy out of the reader: `y` the passage under the focus, `Y` every annotation of the story.

What is copied carries its attribution and a citation (reader.citation). The system
clipboard is reached in a thread with a timeout, so a hanging clipboard tool never
blocks a key; the terminal clipboard (OSC 52) is sent too, so a copy works over SSH.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand

from reader.ui.counts import counted

if TYPE_CHECKING:
    from reader.clipboard import CopyResult
    from reader.model import Annotation
    from reader.services.annotation_session import AnnotationSession
    from reader.services.library_session import LibrarySession
    from reader.ui.widgets.article_view import ArticleView

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


class Copier:
    """`y`, `Y`, the copy format, and the story's exports; every copy goes out through
    :meth:`deliver`. Its workers and notices are the app's."""

    def __init__(
        self,
        app: App[None],
        library: LibrarySession,
        annotations: AnnotationSession,
        style_changed: Callable[[], None] = lambda: None,
    ) -> None:
        self._app = app
        self._library = library
        self._annotations = annotations
        self._style_changed = style_changed  # the reading state keeps it for next time
        self.style = "plain"
        # Replaced in tests by a function that records or hangs; None = the system clipboard.
        self.copy_function: Callable[[str], None] | None = None

    # -- what to copy -------------------------------------------------------------------

    def copy_focused(self, view: ArticleView, annotation: Annotation | None) -> None:
        """`y`: the annotation, quote or passage at the reader's focus."""
        from reader.services.copy_text import text_to_copy

        article = self._library.current
        found = None
        if article is not None:
            found = text_to_copy(
                article,
                quote=view.focused_quote,
                span=view.target_span,
                annotation=annotation,
                style=self.style,
            )
        if found is None:
            self._app.bell()
            self._app.notify("Focus a passage first: n for quotes, j/k for sentences, v to select.")
            return
        text, what = found
        self.deliver(text, what)

    def copy_all(self) -> None:
        from reader.citation import format_many

        article = self._library.current
        annotations = list(self._annotations.story_annotations)
        if article is None or not annotations:
            self._app.bell()
            self._app.notify("This story has no annotations to copy yet: t tags a passage.")
            return
        text = format_many(annotations, {article.id: article}, self.style)
        self.deliver(text, counted(len(annotations), "annotation"))

    def cycle_style(self) -> None:
        styles = list(COPY_STYLES)
        self.set_style(styles[(styles.index(self.style) + 1) % len(styles)])

    def set_style(self, style: str) -> None:
        self.style = style
        self._app.notify(f"y and Y now copy as {COPY_STYLES[style]}")
        self._style_changed()

    # -- delivery -----------------------------------------------------------------------

    def deliver(self, text: str, what: str) -> None:
        from reader.clipboard import inside_tmux, osc52_sequence, osc52_support
        from reader.safe_text import clean

        # The copy quotes the story, its title and its address: whatever a paste into a
        # terminal would obey is removed here, the one door every copy goes through.
        text = clean(text)
        osc52_sent = osc52_support() is not False
        if osc52_sent:
            self._app.copy_to_clipboard(text)
            driver = self._app._driver  # Textual's own copy writes through it too
            if inside_tmux() and driver is not None:
                # tmux drops the plain sequence unless `set-clipboard on`; with
                # `allow-passthrough on` it hands this wrapped one to the terminal outside.
                driver.write(osc52_sequence(text, in_tmux=True))
        self._app.run_worker(
            lambda: self._copy_to_system(text, what, osc52_sent),
            thread=True,
            group="clipboard",
            name="copy",
            description="copy to the system clipboard",
        )

    def _copy_to_system(self, text: str, what: str, osc52_sent: bool) -> None:
        """In a worker's thread: a hanging clipboard tool never blocks a key."""
        from reader.clipboard import copy_text

        result = copy_text(text, copy_fn=self.copy_function)
        self._app.call_from_thread(self._copy_done, text, what, result, osc52_sent)

    def _copy_done(self, text: str, what: str, result: CopyResult, osc52_sent: bool) -> None:
        from reader.clipboard import describe_delivery

        message = describe_delivery(result, osc52_sent)
        if result.system or osc52_sent:
            self._app.notify(message, title=f"Copy {what}")
            return
        from reader.ui.screens.copy_fallback import CopyFallbackScreen

        self._app.push_screen(CopyFallbackScreen(text, message))

    # -- exports ------------------------------------------------------------------------

    def export_story(self, fmt: str) -> None:
        self._app.run_worker(lambda: self._export(fmt), thread=True, group="export", name="export")

    def _export(self, fmt: str) -> None:
        """In a worker's thread."""
        from reader.export import ExportError, export_to_folder

        say = self._app.call_from_thread
        article = self._library.current
        annotations = list(self._annotations.story_annotations)
        if article is None or not annotations:
            say(self._app.notify, "This story has no annotations to export yet.")
            return
        try:
            path = export_to_folder(annotations, {article.id: article}, fmt)
        except ExportError as error:
            say(self._app.notify, str(error), severity="error")
            return
        say(self._app.notify, f"Exported {counted(len(annotations), 'annotation')} to {path}")

    def system_commands(self) -> Iterable[SystemCommand]:
        """The copy formats and the exports, for the command palette."""
        for style, label in COPY_STYLES.items():
            yield SystemCommand(
                f"Copy as {label}",
                f"y and Y copy as {label} from now on",
                lambda style=style: self.set_style(style),
            )
        for fmt, label in EXPORT_FORMATS.items():
            yield SystemCommand(
                f"Export this story's annotations as {label}",
                "Write a new file in your Documents folder",
                lambda fmt=fmt: self.export_story(fmt),
            )
