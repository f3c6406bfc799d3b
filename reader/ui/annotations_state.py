"""The annotations the app knows: the store's lifecycle, the open story's annotations.

:class:`AnnotationsState` is the base of the tagging mixin. Every store call runs in
one thread worker, one after another (:class:`~reader.ui.store_queue.StoreQueue`): a
key press never waits for the disk, and saves happen in the order of the key presses.
Each result comes back as a message whose handler updates the reader, the panel and
the library, and says what happened in a notification sent once the change is on disk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.worker import get_current_worker

from reader.model import Analysis, Annotation, Article, Span
from reader.safe_text import clean_tags
from reader.ui.store_queue import Job, StoreFailed, StoreQueue
from reader.ui.tagging_messages import (
    AnnotationsChanged,
    Reanchored,
    StoreOpened,
    StoryAnnotations,
)
from reader.ui.tagging_records import (
    UndoStep,
    count_label,
    hashtags,
    placed_on,
    span_length,
)
from reader.ui.tags import display_colour
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.store import AnnotationStore
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.tags_screen import TagsScreen

UNDO_DEPTH = 50


class AnnotationsState(App[None]):
    """The store, the open story's annotations, tags, colours, counts and undo steps."""

    # Provided by NewsReaderApp.
    main: MainScreen
    current: Article | None
    articles: list[Article]
    analyses: dict[str, Analysis]
    locations: Locations
    open_article: Callable[..., None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.store: AnnotationStore | None = None  # set once it is open (main thread)
        self.story_annotations: list[Annotation] = []  # of the story in the reader
        self.known_tags: list[str] = []
        self.tag_colours: dict[str, str] = {}
        self.last_tags: list[str] = []
        self.undo_steps: list[UndoStep] = []
        self._store_problem: str | None = None
        self._counts: dict[str, int] = {}
        self._sources: dict[str, str] = {}  # article id -> where the story came from
        self._jumped: str | None = None  # the annotation a/A or the panel went to last
        self._open_at: str | None = None  # annotation to focus once its story is loaded
        self._tags_screen: TagsScreen | None = None
        self._status_base = ""  # the reader's own status line, before any tags
        # Read by the store worker; only ever replaced whole, never changed in place.
        # Stories whose place (path/URL) is theirs alone in the library: annotations saved
        # there under an older text may move to them.
        self._movable: dict[str, str] = {}
        self._library_ids: frozenset[str] = frozenset()
        self._queue = StoreQueue(self, self._open)

    # -- store lifecycle -------------------------------------------------------------

    def open_store(self) -> None:
        """Open the database in the store worker (call after the first paint)."""
        self._submit(lambda _store: None)

    def _submit(self, job: Job) -> None:
        self._queue.submit(job)

    def _open(self) -> tuple[AnnotationStore | None, Message]:
        from reader.store import AnnotationStore, StoreError

        try:
            store = AnnotationStore(self.locations.db)
        except StoreError as error:
            problem = f"Tags cannot be shown or saved: {error}"
            return None, StoreFailed(problem, title="Annotations off", fatal=True)
        opened = StoreOpened(
            store,
            store.tags(),
            store.tag_colours(),
            store.counts_by_article(),
            store.sources_by_article(),
        )
        return store, opened

    def on_unmount(self) -> None:
        self.close_store()

    def close_store(self) -> None:
        """Finish the saves still queued, then fold the journal into the file and unlock."""
        self._queue.close()

    def save_pending_now(self, timeout: float) -> bool:
        """Save what is still queued, from any thread, before the process is ended."""
        return self._queue.save_queued(timeout)

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        store = self.store = message.store
        self.known_tags = clean_tags(message.tags, unique=True)  # a hand-edited database
        self.tag_colours = message.colours
        self._counts = message.counts
        self._sources = message.sources
        if store.notice:
            self.notify(
                store.notice,
                title="Annotations read-only" if store.read_only else "Annotations",
                severity="warning",
                timeout=20,
                markup=False,
            )
        self._show_counts()
        if self.current is not None:
            self.load_story_annotations(self.current)

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        if message.fatal:
            self._store_problem = message.text
        self.notify(message.text, title=message.title, severity="error", markup=False)

    # -- library and stories -----------------------------------------------------------

    def library_changed(self) -> None:
        """Call when the library's stories change: counts and where old annotations go."""
        by_place: dict[str, list[str]] = {}
        for article in self.articles:
            by_place.setdefault(article.location, []).append(article.id)
        self._movable = {place: ids[0] for place, ids in by_place.items() if len(ids) == 1}
        self._library_ids = frozenset(a.id for a in self.articles)
        self._show_counts()

    def _show_counts(self) -> None:
        if not self.main.is_mounted or self.store is None:
            return
        library = self.main.library
        stale: Counter[str] = Counter()
        for article_id, count in self._counts.items():
            if article_id not in self._library_ids and article_id in self._sources:
                stale[self._sources[article_id]] += count
        labels = {}
        for article in self.articles:
            count = self._counts.get(article.id, 0)
            if self._movable.get(article.location) == article.id:
                count += stale[article.location]
            labels[article.id] = count_label(count)
        library.set_extras(labels)

    def load_story_annotations(self, article: Article) -> None:
        """The story is now in the reader: find its annotations on its current text."""
        self.story_annotations = []
        self._jumped = None
        self._refresh_story()
        self._submit(lambda store: self._job_load(store, article))

    def _job_load(self, store: AnnotationStore, article: Article) -> Message:
        # Saved under this id means saved on this very text (the id is a hash of it), so
        # these need no search; only annotations of an older text at the same place do.
        own = store.for_article(article.id)
        older: list[Annotation] = []
        if self._movable.get(article.location) == article.id:
            library = self._library_ids
            for other, source in store.sources_by_article().items():
                if source == article.location and other != article.id and other not in library:
                    older += store.for_article(other)
        return StoryAnnotations(article.id, own, store.counts_by_article(), older=older)

    @on(StoryAnnotations)
    def _story_annotations(self, message: StoryAnnotations) -> None:
        self._counts = message.counts
        for annotation in message.annotations:
            self._sources[annotation.article_id] = annotation.source
        current = self.current
        if current is None or current.id != message.article_id:
            self._show_counts()
            return
        self.story_annotations = message.annotations
        self._refresh_story()
        self._show_counts()
        if message.report:
            self.notify(message.report, title="Annotations re-anchored", markup=False)
        if message.older:
            self._reanchor(current, message.older)
        if self._open_at is not None:
            target = next((a for a in message.annotations if a.id == self._open_at), None)
            if target is not None or not message.older:
                self._open_at = None
            if target is not None:
                self.go_to_annotation(target)

    @work(
        thread=True,
        group="reanchor",
        exclusive=True,
        exit_on_error=False,
        description="re-anchor annotations",  # not the repr of the story's whole text
    )
    def _reanchor(self, article: Article, older: list[Annotation]) -> None:
        """Find annotations of an older text of the story in its current text.

        Off the store's queue: a passage that is gone costs a fuzzy search of the whole
        story, and saves must not wait for that. A newer story cancels this one.
        """
        worker = get_current_worker()
        placed = []
        for annotation in older:
            if worker.is_cancelled:
                return
            placed.append(placed_on(annotation, article))
        self.post_message(Reanchored(article, placed))

    @on(Reanchored)
    def _reanchored(self, message: Reanchored) -> None:
        article, placed = message.article, message.placed
        if self.current is None or self.current.id != article.id:
            return  # found again the next time that story is opened
        lost = sum(1 for annotation in placed if annotation.orphan)
        reworded = sum(1 for a in placed if a.reworded is not None and not a.orphan)
        report = (
            f"The story changed since it was tagged: {len(placed) - lost} passage(s) found again"
            + (f", {reworded} of them reworded (both wordings in the panel, m)" if reworded else "")
            + (f", {lost} not found (kept in the annotations panel, m)." if lost else ".")
        )
        if self.store is None or self.store.read_only:
            # Shown where they are now; saved by the instance that can write.
            self.story_annotations = sorted(
                self.story_annotations + placed, key=lambda a: (a.selector.start, a.created)
            )
            self._refresh_story()
            self.notify(report, title="Annotations re-anchored", markup=False)
            return

        def job(store: AnnotationStore) -> Message:
            from reader.store import StoreError

            for annotation in placed:
                with suppress(StoreError):  # removed meanwhile: nothing to move
                    store.update(annotation)
            own = store.for_article(article.id)
            return StoryAnnotations(article.id, own, store.counts_by_article(), report)

        self._submit(job)

    def _refresh_story(self) -> None:
        if not self.main.is_mounted:
            return
        colours = self.tag_colours
        drawn = [
            replace(a, colour=display_colour(a.tags, a.colour, colours))
            for a in self.story_annotations
        ]
        self.main.article_view.set_annotations(drawn, colours)
        self.annotations_panel.set_annotations(self.story_annotations, colours)
        if self._status_base:
            self._show_status()

    @property
    def annotations_panel(self) -> AnnotationsPanel:
        return self.main.query_one(AnnotationsPanel)

    # -- what is under the focus ----------------------------------------------------------

    def annotation_at_focus(self) -> Annotation | None:
        """The annotation the focus (or selection) is on: the one it overlaps most."""
        if not self.main.is_mounted or self.current is None:
            return None
        span = self.main.article_view.target_span
        if span is None:
            return None
        best: tuple[int, int] | None = None
        found: Annotation | None = None
        for annotation in self.story_annotations:
            selector = annotation.selector
            if annotation.orphan or annotation.article_id != self.current.id:
                continue
            overlap = min(span.end, selector.end) - max(span.start, selector.start)
            if overlap <= 0 and not (span.start == span.end == selector.start):
                continue
            # The passage last jumped to wins a tie; then the tightest fit.
            rank = (overlap + (1 if annotation.id == self._jumped else 0), -span_length(annotation))
            if best is None or rank > best:
                best, found = rank, annotation
        return found

    def _changed(
        self,
        store: AnnotationStore,
        article_id: str,
        text: str,
        undo: UndoStep | None,
        focus_id: str | None = None,
    ) -> AnnotationsChanged:
        """After a change on disk (worker side): what the screen needs to show it."""
        return AnnotationsChanged(
            article_id,
            store.for_article(article_id),
            store.counts_by_article(),
            store.tags(),
            store.tag_colours(),
            text,
            undo,
            focus_id,
        )

    @on(AnnotationsChanged)
    def _annotations_changed(self, message: AnnotationsChanged) -> None:
        self.known_tags = clean_tags(message.tags, unique=True)  # a hand-edited database
        self.tag_colours = message.colours
        self._counts = message.counts
        for annotation in message.annotations:
            self._sources[annotation.article_id] = annotation.source
        if message.undo is not None:
            self.undo_steps.append(message.undo)
            del self.undo_steps[:-UNDO_DEPTH]
        if self.current is not None and self.current.id == message.article_id:
            self.story_annotations = message.annotations
            self._refresh_story()
            if message.focus_id is not None:
                target = next((a for a in message.annotations if a.id == message.focus_id), None)
                if target is not None and not target.orphan:  # an orphan has no place to show
                    self.go_to_annotation(target)
        self._show_counts()
        self.notify(message.text, markup=False)

    def go_to_annotation(self, annotation: Annotation) -> None:
        """Put the reader's focus on an annotated passage of the open story."""
        if annotation.orphan:
            self.notify(
                f"“{annotation.selector.exact[:80]}” is not in the current text of this story.",
                title="Passage not found",
                severity="warning",
                markup=False,
            )
            return
        view = self.main.article_view
        self._jumped = annotation.id
        view.focus_offset(annotation.selector.start)
        view.text_widget.scroll_to_span(Span(annotation.selector.start, annotation.selector.end))
        self.annotations_panel.highlight_annotation(annotation.id)

    @on(ArticleView.StatusChanged)
    def _status_with_tags(self, message: ArticleView.StatusChanged) -> None:
        # Runs after the app's own handler: the passage's tags follow its description.
        self._status_base = message.text
        self._show_status()

    def _show_status(self) -> None:
        if not self.main.is_mounted:
            return
        annotation = self.annotation_at_focus()
        text = self._status_base
        if annotation is not None:
            note = f" · {annotation.note}" if annotation.note else ""
            text = f"{text} · ✎ {hashtags(annotation.tags)}{note}"
        self.main.status_bar.set_message(text)
