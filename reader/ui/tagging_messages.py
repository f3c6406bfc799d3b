"""Messages the store worker posts to the app: results of store calls, ready to show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from reader.model import Annotation, Article
from reader.ui.tagging_records import UndoStep

if TYPE_CHECKING:
    from reader.store import AnnotationStore


class StoreOpened(Message):
    """The database is open: what the screen needs to show at once."""

    def __init__(
        self,
        store: AnnotationStore,
        tags: list[str],
        colours: dict[str, str],
        counts: dict[str, int],
        sources: dict[str, str],
    ) -> None:
        super().__init__()
        self.store = store
        self.tags = tags
        self.colours = colours
        self.counts = counts
        self.sources = sources  # article id -> path or URL the story was read from


class StoryAnnotations(Message):
    """A story's annotations on its current text, and those of older texts to look for."""

    def __init__(
        self,
        article_id: str,
        annotations: list[Annotation],
        counts: dict[str, int],
        report: str = "",
        *,
        older: list[Annotation] | None = None,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.annotations = annotations
        self.counts = counts
        self.report = report
        self.older = older or []


class Reanchored(Message):
    """Annotations of an older text of ``article`` placed on its current text (or orphaned)."""

    def __init__(self, article: Article, placed: list[Annotation]) -> None:
        super().__init__()
        self.article = article
        self.placed = placed


class AnnotationsChanged(Message):
    """A change is on disk: the story's annotations as they are now, and what to say."""

    def __init__(
        self,
        article_id: str,
        annotations: list[Annotation],
        counts: dict[str, int],
        tags: list[str],
        colours: dict[str, str],
        text: str,
        undo: UndoStep | None,
        focus_id: str | None = None,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.annotations = annotations
        self.counts = counts
        self.tags = tags
        self.colours = colours
        self.text = text
        self.undo = undo
        self.focus_id = focus_id


class LibraryAnnotations(Message):
    """Every annotation in the database, for the tags view."""

    def __init__(self, annotations: list[Annotation], colours: dict[str, str]) -> None:
        super().__init__()
        self.annotations = annotations
        self.colours = colours


class StoryFetched(Message):
    """A tagged story read from its source for the tags view (None if it could not be)."""

    def __init__(self, annotation: Annotation, article: Article | None, errors: list[str]) -> None:
        super().__init__()
        self.annotation = annotation
        self.article = article
        self.errors = errors
