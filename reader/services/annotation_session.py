"""The annotation session: the store, the open story's annotations, tags, colours, undo.

No Textual. Every store call is queued (reader.services.store_queue) and runs on the
store's thread, one after another: a key press never waits for the disk, and saves
happen in the order of the key presses. Each call's result comes back through the
``deliver`` the UI gave; the UI passes it to :meth:`AnnotationSession.apply` on its
own thread and shows the :class:`SessionUpdate` it returns. Methods a key calls
return a :class:`Notice` when they have something to say instead of saving.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Analysis, Annotation, Article, Span
from reader.safe_text import clean_tags
from reader.services.annotation_results import (
    AnnotationsChanged,
    LibraryAnnotations,
    Notice,
    SessionUpdate,
    StoreOpened,
    StoreResult,
    StoryAnnotations,
)
from reader.services.store_queue import StoreFailed, StoreQueue
from reader.services.tagging import (
    UndoStep,
    count_label,
    hashtags,
    now_utc,
    placed_on,
    span_length,
    speaker_of,
)
from reader.services.tags import canonical_tags, display_colour

if TYPE_CHECKING:
    from reader.store import AnnotationStore

UNDO_DEPTH = 50

Deliver = Callable[[StoreResult], object]
StartThread = Callable[[Callable[[], None]], object]


class AnnotationSession:
    """State and rules of tagging; the UI asks, renders and passes store results back."""

    def __init__(self, db: Path, *, deliver: Deliver, start_thread: StartThread) -> None:
        self.db = db
        self.store: AnnotationStore | None = None  # set once it is open (UI thread)
        self.story: Article | None = None  # the story in the reader
        self.story_annotations: list[Annotation] = []  # of that story
        # True from a story's opening until its annotations are read (or the store fails):
        # a or A pressed then waits for them instead of finding none.
        self.story_loading = False
        self.known_tags: list[str] = []
        self.tag_colours: dict[str, str] = {}
        self.last_tags: list[str] = []
        self.undo_steps: list[UndoStep] = []
        self.open_at: str | None = None  # annotation to focus once its story is loaded
        self._store_problem: str | None = None
        self._counts: dict[str, int] = {}
        self._sources: dict[str, str] = {}  # article id -> where the story came from
        self._jumped: str | None = None  # the annotation a/A or the panel went to last
        self._articles: list[Article] = []
        # Read by the store's thread; only ever replaced whole, never changed in place.
        # Stories whose place (path/URL) is theirs alone in the library: annotations saved
        # there under an older text may move to them.
        self._movable: dict[str, str] = {}
        self._library_ids: frozenset[str] = frozenset()
        self._queue: StoreQueue[StoreResult] = StoreQueue(self._open, deliver, start_thread)

    # -- the store's lifecycle ------------------------------------------------------------

    def open_store(self) -> None:
        """Open the database on the store's thread (call after the first paint)."""
        self._queue.submit(lambda _store: None)

    def _open(self) -> tuple[AnnotationStore | None, StoreResult]:
        from reader.store import AnnotationStore, StoreError

        try:
            store = AnnotationStore(self.db)
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

    def close(self) -> None:
        """Finish the saves still queued, then fold the journal into the file and unlock."""
        self._queue.close()

    def save_pending_now(self, timeout: float) -> bool:
        """Save what is still queued, from any thread, before the process is ended."""
        return self._queue.save_queued(timeout)

    def cannot_save(self) -> Notice | None:
        """Why nothing can be saved (read-only, no database), if that is so."""
        if self._store_problem is not None:
            return Notice(self._store_problem, title="Cannot tag", severity="error")
        if self.store is not None and self.store.read_only:
            why = self.store.notice or "The annotation database is open read-only."
            return Notice(why, title="Cannot save tags here", severity="error")
        return None

    # -- results from the store's thread ------------------------------------------------------

    def apply(self, result: StoreResult) -> SessionUpdate:
        """Take in a store result (on the UI's thread): what the screen must show now."""
        if isinstance(result, StoreOpened):
            return self._opened(result)
        if isinstance(result, StoreFailed):
            if result.fatal:
                self._store_problem = result.text
                self.story_loading = False
            return SessionUpdate([Notice(result.text, title=result.title, severity="error")])
        if isinstance(result, StoryAnnotations):
            return self._story_loaded(result)
        if isinstance(result, AnnotationsChanged):
            return self._changed(result)
        return SessionUpdate(all_annotations=result)

    def _opened(self, result: StoreOpened) -> SessionUpdate:
        store = self.store = result.store
        self.known_tags = clean_tags(result.tags, unique=True)  # a hand-edited database
        self.tag_colours = result.colours
        self._counts = result.counts
        self._sources = result.sources
        update = SessionUpdate(counts=True)
        if store.notice:
            title = "Annotations read-only" if store.read_only else "Annotations"
            text = store.notice
            if store.held_elsewhere and _one_holder_of_both(store.path):
                # The reading state stays quiet then (Reading.state_opened): one notice.
                text += " What you read is not remembered in this window either."
            update.notices.append(Notice(text, title, "warning", timeout=20))
        if self.story is not None:
            self.load_story(self.story)
            update.story = True
        return update

    def _story_loaded(self, result: StoryAnnotations) -> SessionUpdate:
        self._counts = result.counts
        for annotation in result.annotations:
            self._sources[annotation.article_id] = annotation.source
        update = SessionUpdate(counts=True)
        story = self.story
        if story is None or story.id != result.article_id:
            return update
        self.story_annotations = result.annotations
        self.story_loading = False
        update.story = True
        if result.report:
            update.notices.append(Notice(result.report, title="Annotations re-anchored"))
        update.reanchor = result.older
        if self.open_at is not None:
            target = next((a for a in result.annotations if a.id == self.open_at), None)
            if target is not None or not result.older:
                self.open_at = None
            update.go_to = target
        return update

    def _changed(self, result: AnnotationsChanged) -> SessionUpdate:
        self.known_tags = clean_tags(result.tags, unique=True)  # a hand-edited database
        self.tag_colours = result.colours
        self._counts = result.counts
        for annotation in result.annotations:
            self._sources[annotation.article_id] = annotation.source
        if result.undo is not None:
            self.undo_steps.append(result.undo)
            del self.undo_steps[:-UNDO_DEPTH]
        update = SessionUpdate([Notice(result.text)], counts=True)
        if self.story is not None and self.story.id == result.article_id:
            self.story_annotations = result.annotations
            update.story = True
            if result.focus_id is not None:
                target = next((a for a in result.annotations if a.id == result.focus_id), None)
                if target is not None and not target.orphan:  # an orphan has no place to show
                    update.go_to = target
        return update

    # -- the library and its stories ----------------------------------------------------------

    def library_changed(self, articles: Iterable[Article]) -> None:
        """The library's stories changed: where old annotations may move, what to count."""
        self._articles = list(articles)
        by_place: dict[str, list[str]] = {}
        for article in self._articles:
            by_place.setdefault(article.location, []).append(article.id)
        self._movable = {place: ids[0] for place, ids in by_place.items() if len(ids) == 1}
        self._library_ids = frozenset(a.id for a in self._articles)

    def count_labels(self) -> dict[str, str] | None:
        """What the library shows after the date of each story that has annotations
        (None: the store is not open).

        A story read again under a new text counts the annotations of its older texts,
        which move to it when it is opened. Only annotated stories are visited: a feed
        of 100,000 stories cost a tenth of a second at each save.
        """
        if self.store is None:
            return None
        counts: Counter[str] = Counter()
        for article_id, count in self._counts.items():
            if article_id in self._library_ids:
                counts[article_id] += count
            elif article_id in self._sources:
                owner = self._movable.get(self._sources[article_id])
                if owner is not None:
                    counts[owner] += count
        labels = {article_id: count_label(count) for article_id, count in counts.items()}
        return {article_id: label for article_id, label in labels.items() if label}

    def load_story(self, article: Article) -> None:
        """The story is now in the reader: find its annotations on its current text."""
        self.story = article
        self.story_annotations = []
        self.story_loading = self._store_problem is None
        self._jumped = None
        if self.store is None:
            return  # not open (yet): once open, the story in the reader is loaded
        movable = self._movable
        library = self._library_ids

        def job(store: AnnotationStore) -> StoryAnnotations:
            # Saved under this id means saved on this very text (the id is a hash of it),
            # so these need no search; only annotations of an older text at the same
            # place do.
            own = store.for_article(article.id)
            older: list[Annotation] = []
            if movable.get(article.location) == article.id:
                for other, source in store.sources_by_article().items():
                    if source == article.location and other != article.id and other not in library:
                        older += store.for_article(other)
            return StoryAnnotations(article.id, own, store.counts_by_article(), older=older)

        self._queue.submit(job)

    @staticmethod
    def place_older(
        article: Article, older: list[Annotation], cancelled: Callable[[], bool]
    ) -> list[Annotation] | None:
        """Annotations of an older text of ``article`` found in its current text.

        Meant for a thread of its own, off the store's queue: a passage that is gone
        costs a fuzzy search of the whole story, and saves must not wait for that.
        None when ``cancelled`` says to stop.
        """
        placed = []
        for annotation in older:
            if cancelled():
                return None
            placed.append(placed_on(annotation, article))
        return placed

    def reanchored(self, article: Article, placed: list[Annotation]) -> SessionUpdate:
        """Older annotations are placed on the story's current text: save where they are."""
        if self.story is None or self.story.id != article.id:
            return SessionUpdate()  # found again the next time that story is opened
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
            return SessionUpdate([Notice(report, title="Annotations re-anchored")], story=True)

        def job(store: AnnotationStore) -> StoryAnnotations:
            from reader.store import StoreError

            for annotation in placed:
                with suppress(StoreError):  # removed meanwhile: nothing to move
                    store.update(annotation)
            own = store.for_article(article.id)
            return StoryAnnotations(article.id, own, store.counts_by_article(), report)

        self._queue.submit(job)
        return SessionUpdate()

    def drawn_annotations(self) -> list[Annotation]:
        """The open story's annotations in the colours their tags have now."""
        colours = self.tag_colours
        return [
            replace(a, colour=display_colour(a.tags, a.colour, colours))
            for a in self.story_annotations
        ]

    def story_for(self, annotation: Annotation, articles: Iterable[Article]) -> Article | None:
        """The library's story an annotation belongs to (or has moved to), if it is there."""
        stories = list(articles)
        article = next((a for a in stories if a.id == annotation.article_id), None)
        if article is None:
            moved_to = self._movable.get(annotation.source)
            article = next((a for a in stories if a.id == moved_to), None)
        return article

    # -- what is under the focus ------------------------------------------------------------

    def annotation_at(self, span: Span | None) -> Annotation | None:
        """The annotation ``span`` (the focus or selection) is on: the one it overlaps most."""
        if span is None or self.story is None:
            return None
        best: tuple[int, int] | None = None
        found: Annotation | None = None
        for annotation in self.story_annotations:
            selector = annotation.selector
            if annotation.orphan or annotation.article_id != self.story.id:
                continue
            overlap = min(span.end, selector.end) - max(span.start, selector.start)
            if overlap <= 0 and not (span.start == span.end == selector.start):
                continue
            # The passage last jumped to wins a tie; then the tightest fit.
            rank = (overlap + (1 if annotation.id == self._jumped else 0), -span_length(annotation))
            if best is None or rank > best:
                best, found = rank, annotation
        return found

    def same_passage(self, span: Span) -> Annotation | None:
        """The annotation on exactly these words, if there is one."""
        return next(
            (
                a
                for a in self.story_annotations
                if not a.orphan and (a.selector.start, a.selector.end) == (span.start, span.end)
            ),
            None,
        )

    def went_to(self, annotation: Annotation) -> Notice | None:
        """The reader's focus goes to ``annotation``; a Notice if it has no place to go."""
        if annotation.orphan:
            return Notice(
                f"“{annotation.selector.exact[:80]}” is not in the current text of this story.",
                title="Passage not found",
                severity="warning",
            )
        self._jumped = annotation.id
        return None

    def next_annotation(
        self, focus: Span | None, here: Annotation | None, *, forward: bool
    ) -> Annotation | Notice:
        """Where `a` (forward) or `A` go from the focus: the next placed annotation."""
        placed = [a for a in self.story_annotations if not a.orphan]
        if not placed:
            if self.story_annotations:
                text = "This story's tagged passages are not in its current text: m lists them."
            else:
                text = "No annotations in this story yet: t tags the focus."
            return Notice(text, bell=True)
        target: Annotation | None
        if here is not None and here.id == self._jumped and here in placed:
            index = placed.index(here) + (1 if forward else -1)
            target = placed[index] if 0 <= index < len(placed) else None
        elif focus is None:
            target = placed[0] if forward else placed[-1]
        elif forward:
            target = next((a for a in placed if a.selector.start > focus.start), None)
        else:
            target = next((a for a in reversed(placed) if a.selector.start < focus.start), None)
        if target is None:
            return Notice(f"No annotation {'after' if forward else 'before'} this one.", bell=True)
        return target

    @staticmethod
    def status_with_tags(status: str, annotation: Annotation | None) -> str:
        """The reader's status line with the focused passage's tags and note after it."""
        if annotation is None:
            return status
        note = f" · {annotation.note}" if annotation.note else ""
        return f"{status} · ✎ {hashtags(annotation.tags)}{note}"

    # -- changes ------------------------------------------------------------------------

    def tag(
        self,
        article: Article,
        span: Span,
        tags: list[str],
        note: str = "",
        colours: dict[str, str] | None = None,
        analysis: Analysis | None = None,
    ) -> None:
        """Save a new annotation of ``span`` (its speaker read from ``analysis``)."""
        from reader.store import make_selector

        colours = colours or {}
        if tags:
            self.last_tags = list(tags)
        tags = canonical_tags(tags, self.known_tags)
        chosen = {**self.tag_colours, **colours}
        stamp = now_utc()
        annotation = Annotation(
            id=str(uuid.uuid4()),
            article_id=article.id,
            source=article.location,
            title=article.title,
            created=stamp,
            updated=stamp,
            selector=make_selector(article.text, span.start, span.end),
            tags=tags,
            note=note,
            colour=display_colour(tags, None, chosen),
            speaker=speaker_of(span, analysis),
        )

        def job(store: AnnotationStore) -> AnnotationsChanged:
            store.add(annotation)
            for tag, colour in colours.items():
                store.set_tag_colour(tag, colour)
            said = f"Tagged: {hashtags(tags)}" if tags else "Note saved"
            return _changed(store, annotation.article_id, said, UndoStep("tagged", annotation))

        self._queue.submit(job)

    def tag_again(self, article: Article, span: Span, analysis: Analysis | None) -> Notice | None:
        """`T`: the last tags used, on ``span`` (added to the annotation already there)."""
        if not self.last_tags:
            return Notice("No tags used yet: t tags the focus.", bell=True)
        existing = self.annotation_at(span)
        if existing is not None and (existing.selector.start, existing.selector.end) == (
            span.start,
            span.end,
        ):
            tags = existing.tags + [t for t in self.last_tags if t not in existing.tags]
            if tags == existing.tags:
                return Notice(f"Already tagged {hashtags(tags)}.")
            self._update(existing, replace(existing, tags=tags, updated=now_utc()))
            return None
        self.tag(article, span, list(self.last_tags), analysis=analysis)
        return None

    def edit(
        self, before: Annotation, tags: list[str], note: str, colours: dict[str, str]
    ) -> Notice | None:
        """Save new tags, note or tag colours for ``before``."""
        if tags:
            self.last_tags = list(tags)
        chosen = {**self.tag_colours, **colours}
        after = replace(
            before,
            tags=tags,
            note=note,
            colour=display_colour(tags, before.colour, chosen),
            updated=now_utc(),
        )
        if after.tags == before.tags and after.note == before.note and not colours:
            return Notice("Nothing changed.")
        self._update(before, after, colours)
        return None

    def accept_wording(self, before: Annotation) -> Notice | None:
        """Take the story's new wording of a reworded passage as the annotation's quote."""
        from reader.store import accept_rewording

        if before.reworded is None:
            return Notice("This passage reads as it did when it was tagged.")
        problem = self.cannot_save()
        if problem is not None:
            return problem
        story = self.story
        text = story.text if story is not None and story.id == before.article_id else None
        after = accept_rewording(before, text, now_utc())
        self._update(before, after, done="The quote now has the story's new wording — u to undo")
        return None

    def _update(
        self,
        before: Annotation,
        after: Annotation,
        colours: dict[str, str] | None = None,
        done: str | None = None,
    ) -> None:
        def job(store: AnnotationStore) -> AnnotationsChanged:
            store.update(after)
            for tag, colour in (colours or {}).items():
                store.set_tag_colour(tag, colour)
            said = done or f"Updated: {hashtags(after.tags)}"
            return _changed(store, after.article_id, said, UndoStep("edited", before))

        self._queue.submit(job)

    def remove(self, annotation: Annotation) -> Notice | None:
        problem = self.cannot_save()
        if problem is not None:
            return problem

        def job(store: AnnotationStore) -> StoreResult:
            removed = store.remove(annotation.id)
            if removed is None:
                return StoreFailed("That annotation was already removed.")
            text = f"Removed {hashtags(removed.tags)} — u to undo"
            return _changed(store, removed.article_id, text, UndoStep("removed", removed))

        self._queue.submit(job)
        return None

    def undo(self) -> Notice | None:
        """Take the last change back (tagged: removed; edited or removed: restored)."""
        if not self.undo_steps:
            return Notice("Nothing to undo.", bell=True)
        problem = self.cannot_save()
        if problem is not None:
            return problem
        step = self.undo_steps.pop()
        annotation = step.annotation

        def job(store: AnnotationStore) -> AnnotationsChanged:
            if step.kind == "tagged":
                store.remove(annotation.id)
                text = f"Undone: {hashtags(annotation.tags)} removed"
            elif step.kind == "edited":
                store.update(annotation)
                text = f"Undone: back to {hashtags(annotation.tags)}"
            else:
                store.add(annotation)
                text = f"Restored {hashtags(annotation.tags)}"
            focus = None if step.kind == "tagged" else annotation.id
            return _changed(store, annotation.article_id, text, None, focus)

        self._queue.submit(job)
        return None

    def ask_all_annotations(self) -> LibraryAnnotations | None:
        """Every annotation, for the tags view: delivered later, or at once (none) when
        there is no database."""
        if self._store_problem is not None:
            return LibraryAnnotations([], {})
        self._queue.submit(lambda store: LibraryAnnotations(store.all(), store.tag_colours()))
        return None


def _changed(
    store: AnnotationStore,
    article_id: str,
    text: str,
    undo: UndoStep | None,
    focus_id: str | None = None,
) -> AnnotationsChanged:
    """After a change on disk (store's thread): what the screen needs to show it."""
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


def _one_holder_of_both(db: Path) -> bool:
    # Imported here: the store's modules are loaded by its thread, not at start-up.
    from reader.store.reading_state import one_holder_of_both

    return one_holder_of_both(db)
