"""What the annotation session hands back: store results, notices, updates to show.

Plain data (no Textual). Store results come from the store's thread; the UI passes
each to :meth:`AnnotationSession.apply` on its own thread and shows the
:class:`SessionUpdate` it gets back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from reader.model import Annotation
from reader.services.store_queue import StoreFailed
from reader.services.tagging import UndoStep

if TYPE_CHECKING:
    from reader.store import AnnotationStore

Severity = Literal["information", "warning", "error"]


@dataclass(slots=True, frozen=True)
class Notice:
    """A sentence for the reader (a notification), with a bell when a key did nothing."""

    text: str
    title: str = ""
    severity: Severity = "information"
    timeout: float | None = None
    bell: bool = False


@dataclass(slots=True)
class StoreOpened:
    """The database is open: what the screen needs to show at once."""

    store: AnnotationStore
    tags: list[str]
    colours: dict[str, str]
    counts: dict[str, int]
    sources: dict[str, str]  # article id -> path or URL the story was read from


@dataclass(slots=True)
class StoryAnnotations:
    """A story's annotations on its current text, and those of older texts to look for."""

    article_id: str
    annotations: list[Annotation]
    counts: dict[str, int]
    report: str = ""
    older: list[Annotation] = field(default_factory=list)


@dataclass(slots=True)
class AnnotationsChanged:
    """A change is on disk: the story's annotations as they are now, and what to say."""

    article_id: str
    annotations: list[Annotation]
    counts: dict[str, int]
    tags: list[str]
    colours: dict[str, str]
    text: str
    undo: UndoStep | None
    focus_id: str | None = None


@dataclass(slots=True)
class LibraryAnnotations:
    """Every annotation in the database, for the tags view."""

    annotations: list[Annotation]
    colours: dict[str, str]


StoreResult = StoreOpened | StoreFailed | StoryAnnotations | AnnotationsChanged | LibraryAnnotations


@dataclass(slots=True)
class SessionUpdate:
    """What changed for the screen after a store result (all False/empty: nothing to do)."""

    notices: list[Notice] = field(default_factory=list)
    story: bool = False  # the open story's annotations or colours: draw them again
    counts: bool = False  # the library's ✎ counts
    go_to: Annotation | None = None  # put the reader's focus on this passage
    # Annotations of an older text of the open story, to be placed on its current text
    # off the store's queue (AnnotationSession.place_older, then .reanchored).
    reanchor: list[Annotation] = field(default_factory=list)
    all_annotations: LibraryAnnotations | None = None  # for the tags view
