"""What the annotation session hands back: store results, notices, updates to show.

Plain data (no Textual). Store results come from the store's thread; the UI passes
each to :meth:`AnnotationSession.apply` on its own thread and shows the
:class:`SessionUpdate` it gets back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from reader.model import Annotation
from reader.services.store_queue import StoreFailed
from reader.services.tagging import UndoStep

if TYPE_CHECKING:
    from reader.store import AnnotationStore

Severity = Literal["information", "warning", "error"]

# Named tuples and plain classes, not dataclasses: this module is imported for the first
# frame, and the dataclass code generator took ~4 ms of start-up for these six (#18).


class Notice(NamedTuple):
    """A sentence for the reader (a notification), with a bell when a key did nothing."""

    text: str
    title: str = ""
    severity: Severity = "information"
    timeout: float | None = None
    bell: bool = False


class StoreOpened(NamedTuple):
    """The database is open: what the screen needs to show at once."""

    store: AnnotationStore
    tags: list[str]
    colours: dict[str, str]
    counts: dict[str, int]
    sources: dict[str, str]  # article id -> path or URL the story was read from


class _Fields:
    """Equality and a repr over ``__slots__``, for the mutable results below."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # mutable: compared, never hashed

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        names: tuple[str, ...] = self.__slots__
        return all(getattr(self, name) == getattr(other, name) for name in names)

    def __repr__(self) -> str:
        names: tuple[str, ...] = self.__slots__
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({shown})"


class StoryAnnotations(_Fields):
    """A story's annotations on its current text, and those of older texts to look for."""

    __slots__ = ("annotations", "article_id", "counts", "older", "report")

    def __init__(
        self,
        article_id: str,
        annotations: list[Annotation],
        counts: dict[str, int],
        report: str = "",
        older: list[Annotation] | None = None,
    ) -> None:
        self.article_id = article_id
        self.annotations = annotations
        self.counts = counts
        self.report = report
        self.older: list[Annotation] = [] if older is None else older


class AnnotationsChanged(NamedTuple):
    """A change is on disk: the story's annotations as they are now, and what to say."""

    article_id: str
    annotations: list[Annotation]
    counts: dict[str, int]
    tags: list[str]
    colours: dict[str, str]
    text: str
    undo: UndoStep | None
    focus_id: str | None = None


class LibraryAnnotations(NamedTuple):
    """Every annotation in the database, for the tags view."""

    annotations: list[Annotation]
    colours: dict[str, str]


StoreResult = StoreOpened | StoreFailed | StoryAnnotations | AnnotationsChanged | LibraryAnnotations


class SessionUpdate(_Fields):
    """What changed for the screen after a store result (all False/empty: nothing to do)."""

    __slots__ = ("all_annotations", "counts", "go_to", "notices", "reanchor", "story")

    def __init__(
        self,
        notices: list[Notice] | None = None,
        story: bool = False,
        counts: bool = False,
        go_to: Annotation | None = None,
        reanchor: list[Annotation] | None = None,
        all_annotations: LibraryAnnotations | None = None,
    ) -> None:
        self.notices: list[Notice] = [] if notices is None else notices
        self.story = story  # the open story's annotations or colours: draw them again
        self.counts = counts  # the library's ✎ counts
        self.go_to = go_to  # put the reader's focus on this passage
        # Annotations of an older text of the open story, to be placed on its current text
        # off the store's queue (AnnotationSession.place_older, then .reanchored).
        self.reanchor: list[Annotation] = [] if reanchor is None else reanchor
        self.all_annotations = all_annotations  # for the tags view
