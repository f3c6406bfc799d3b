"""Tagging passages: the annotation store's lifecycle and every tagging action of the app.

``NewsReaderApp`` inherits :class:`AnnotatingMixin`. Every store call runs in one
thread worker, one call after another (``_submit``): a key press never waits for the
disk, and saves happen in the order of the key presses. Each result comes back as a
message whose handler updates the reader, the panel and the library and says what
happened in a notification, sent once the change is on disk.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message

from reader.model import Analysis, Annotation, Article, Span
from reader.ui.keys import ANNOTATION_KEYS, bindings
from reader.ui.store_queue import Job, StoreFailed, StoreQueue
from reader.ui.tagging_messages import (
    AnnotationsChanged,
    LibraryAnnotations,
    SourcesKnown,
    StoreOpened,
    StoryAnnotations,
    StoryFetched,
)
from reader.ui.tagging_records import (
    UndoStep,
    count_label,
    hashtags,
    now_utc,
    placed_on,
    span_length,
    speaker_of,
)
from reader.ui.tags import canonical_tags, display_colour
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.store import AnnotationStore
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.tag_dialog import TagRequest
    from reader.ui.screens.tags_screen import TagsScreen

UNDO_DEPTH = 50
_STORY_ACTIONS = {
    "tag",
    "tag_again",
    "edit_annotation",
    "remove_annotation",
    "next_annotation",
    "previous_annotation",
    "toggle_annotations",
}
_MY_ACTIONS = _STORY_ACTIONS | {"undo_annotation", "show_tags"}


class AnnotatingMixin(App[None]):
    """Tag, edit, remove, undo, jump; the annotations panel, the tags view, the store."""

    BINDINGS = bindings(ANNOTATION_KEYS)

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
        self._thread_sources: dict[str, str] = {}  # worker side: article id -> source
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
        opened = StoreOpened(store, store.tags(), store.tag_colours(), store.counts_by_article())
        return store, opened

    def _job_scan_sources(self, store: AnnotationStore) -> Message:
        """Where each story came from, so annotations of an edited story (new id) are found.

        It reads every annotation (about 2 s at 100,000), so it runs after the open
        story's own annotations are shown.
        """
        found = {a.article_id: a.source for a in store.all()}
        found.update(self._thread_sources)  # what later calls saw is newer
        self._thread_sources = found
        return SourcesKnown(dict(found))

    def on_unmount(self) -> None:
        self.close_store()

    def close_store(self) -> None:
        """Finish the saves still queued, then fold the journal into the file and unlock."""
        self._queue.close()

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        store = self.store = message.store
        self.known_tags = message.tags
        self.tag_colours = message.colours
        self._counts = message.counts
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
        self._submit(self._job_scan_sources)

    @on(SourcesKnown)
    def _sources_known(self, message: SourcesKnown) -> None:
        self._sources = message.sources
        self._show_counts()
        current = self.current
        if current is None or self._movable.get(current.location) != current.id:
            return
        older = [
            article_id
            for article_id, source in message.sources.items()
            if source == current.location
            and article_id != current.id
            and article_id not in self._library_ids
        ]
        if older:
            self.load_story_annotations(current)  # its older annotations can move to it now

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
        found = store.for_article(article.id)
        if self._movable.get(article.location) == article.id:
            for other, source in list(self._thread_sources.items()):
                if source == article.location and other not in self._library_ids:
                    found += store.for_article(other)
        placed = [placed_on(annotation, article) for annotation in found]
        changed = [new for new, old in zip(placed, found, strict=True) if new is not old]
        lost = sum(
            1 for new, old in zip(placed, found, strict=True) if new.orphan and not old.orphan
        )
        if changed and not store.read_only:
            for annotation in changed:
                store.update(annotation)
        for annotation in placed:
            self._thread_sources[annotation.article_id] = annotation.source
        placed.sort(key=lambda a: (a.selector.start, a.selector.end, a.created))
        report = ""
        if changed:
            found_again = len(changed) - lost
            report = f"The story changed since it was tagged: {found_again} passage(s) found again"
            if lost:
                report += f", {lost} not found (kept in the annotations panel, m)"
            report += "."
        return StoryAnnotations(article.id, placed, store.counts_by_article(), report)

    @on(StoryAnnotations)
    def _story_annotations(self, message: StoryAnnotations) -> None:
        self._counts = message.counts
        for annotation in message.annotations:
            self._sources[annotation.article_id] = annotation.source
        if self.current is None or self.current.id != message.article_id:
            self._show_counts()
            return
        self.story_annotations = message.annotations
        self._refresh_story()
        self._show_counts()
        if message.report:
            self.notify(message.report, title="Annotations re-anchored", markup=False)
        if self._open_at is not None:
            wanted, self._open_at = self._open_at, None
            target = next((a for a in message.annotations if a.id == wanted), None)
            if target is not None:
                self.go_to_annotation(target)

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

    def _target(self) -> tuple[Article, Span] | None:
        if self.current is None or not self.main.is_mounted:
            return None
        span = self.main.article_view.target_span
        if span is None or span.start == span.end:
            self.bell()
            self.notify("Move to a passage first: j/k sentences, n quotes, v selects.")
            return None
        return self.current, span

    def _cannot_save(self) -> bool:
        """Say why nothing can be saved (read-only, no database), if that is so."""
        if self._store_problem is not None:
            self.notify(self._store_problem, title="Cannot tag", severity="error", markup=False)
            return True
        if self.store is not None and self.store.read_only:
            why = self.store.notice or "The annotation database is open read-only."
            self.notify(why, title="Cannot save tags here", severity="error", markup=False)
            return True
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _MY_ACTIONS:
            if self.screen is not self.main and not isinstance(self.screen, CommandPalette):
                return False  # the tag dialog, the tags view or help is in front
            return not (action in _STORY_ACTIONS and self.current is None)
        return super().check_action(action, parameters)

    # -- tag, edit, remove, undo --------------------------------------------------------

    def action_tag(self) -> None:
        target = self._target()
        if target is None or self._cannot_save():
            return
        article, span = target
        same = next(
            (
                a
                for a in self.story_annotations
                if not a.orphan and (a.selector.start, a.selector.end) == (span.start, span.end)
            ),
            None,
        )
        if same is not None:
            self._edit(same)  # the same words again: add to that annotation
            return
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=article.text[span.start : span.end],
            known_tags=self.known_tags,
            colours=self.tag_colours,
        )
        self.push_screen(dialog, lambda request: self._tag_chosen(article, span, request))

    def _tag_chosen(self, article: Article, span: Span, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        if request.tags:
            self.last_tags = list(request.tags)
        self._add(article, span, request.tags, request.note, request.colours)

    def action_tag_again(self) -> None:
        if not self.last_tags:
            self.bell()
            self.notify("No tags used yet: t tags the focus.")
            return
        target = self._target()
        if target is None or self._cannot_save():
            return
        article, span = target
        self._clear_selection()
        existing = self.annotation_at_focus()
        if existing is not None and (existing.selector.start, existing.selector.end) == (
            span.start,
            span.end,
        ):
            tags = existing.tags + [t for t in self.last_tags if t not in existing.tags]
            if tags == existing.tags:
                self.notify(f"Already tagged {hashtags(tags)}.")
                return
            self._update(existing, replace(existing, tags=tags, updated=now_utc()))
            return
        self._add(article, span, list(self.last_tags), "", {})

    def _add(
        self, article: Article, span: Span, tags: list[str], note: str, colours: dict[str, str]
    ) -> None:
        from reader.store import make_selector

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
            speaker=speaker_of(span, self.analyses.get(article.id)),
        )

        def job(store: AnnotationStore) -> Message:
            store.add(annotation)
            for tag, colour in colours.items():
                store.set_tag_colour(tag, colour)
            said = f"Tagged: {hashtags(tags)}" if tags else "Note saved"
            undo = UndoStep("tagged", annotation)
            return self._changed(store, annotation.article_id, said, undo)

        self._submit(job)

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

    def action_edit_annotation(self) -> None:
        annotation = self.annotation_at_focus()
        if annotation is None:
            self.bell()
            self.notify("No annotation at the focus: t tags it, a jumps to the next one.")
            return
        if self._cannot_save():
            return
        self._edit(annotation)

    def _edit(self, annotation: Annotation) -> None:
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=annotation.selector.exact,
            known_tags=self.known_tags,
            colours=self.tag_colours,
            tags=annotation.tags,
            note=annotation.note,
            title="Edit annotation",
        )
        self.push_screen(dialog, lambda request: self._edit_chosen(annotation, request))

    def _edit_chosen(self, before: Annotation, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        if request.tags:
            self.last_tags = list(request.tags)
        chosen = {**self.tag_colours, **request.colours}
        after = replace(
            before,
            tags=request.tags,
            note=request.note,
            colour=display_colour(request.tags, before.colour, chosen),
            updated=now_utc(),
        )
        if after.tags == before.tags and after.note == before.note and not request.colours:
            self.notify("Nothing changed.")
            return
        self._update(before, after, request.colours)

    def _update(
        self, before: Annotation, after: Annotation, colours: dict[str, str] | None = None
    ) -> None:
        def job(store: AnnotationStore) -> Message:
            store.update(after)
            for tag, colour in (colours or {}).items():
                store.set_tag_colour(tag, colour)
            return self._changed(
                store,
                after.article_id,
                f"Updated: {hashtags(after.tags)}",
                UndoStep("edited", before),
            )

        self._submit(job)

    def action_remove_annotation(self) -> None:
        annotation = self.annotation_at_focus()
        if annotation is None:
            self.bell()
            self.notify("No annotation at the focus to remove.")
            return
        if self._cannot_save():
            return

        def job(store: AnnotationStore) -> Message:
            removed = store.remove(annotation.id)
            if removed is None:
                return StoreFailed("That annotation was already removed.")
            text = f"Removed {hashtags(removed.tags)} — u to undo"
            return self._changed(store, removed.article_id, text, UndoStep("removed", removed))

        self._submit(job)

    def action_undo_annotation(self) -> None:
        if not self.undo_steps:
            self.bell()
            self.notify("Nothing to undo.")
            return
        if self._cannot_save():
            return
        step = self.undo_steps.pop()
        annotation = step.annotation

        def job(store: AnnotationStore) -> Message:
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
            return self._changed(store, annotation.article_id, text, None, focus)

        self._submit(job)

    @on(AnnotationsChanged)
    def _annotations_changed(self, message: AnnotationsChanged) -> None:
        self.known_tags = message.tags
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
                if target is not None:
                    self.go_to_annotation(target)
        self._show_counts()
        self.notify(message.text, markup=False)

    def _clear_selection(self) -> None:
        view = self.main.article_view
        if view.selection_span is not None:
            view.action_clear()

    # -- moving between annotations -------------------------------------------------------

    def action_next_annotation(self) -> None:
        self._jump(forward=True)

    def action_previous_annotation(self) -> None:
        self._jump(forward=False)

    def _jump(self, *, forward: bool) -> None:
        placed = [a for a in self.story_annotations if not a.orphan]
        if not placed:
            self.bell()
            self.notify("No annotations in this story yet: t tags the focus.")
            return
        view = self.main.article_view
        focus = view.focus_span
        here = self.annotation_at_focus()
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
            self.bell()
            self.notify(f"No annotation {'after' if forward else 'before'} this one.")
            return
        self.go_to_annotation(target)

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

    # -- panel and tags view ----------------------------------------------------------

    def action_toggle_annotations(self) -> None:
        panel = self.annotations_panel
        panel.display = not panel.display
        # The panel takes the library's place: the story keeps a readable width.
        self.main.library.display = not panel.display
        if panel.display:
            here = self.annotation_at_focus()
            if here is not None:
                panel.highlight_annotation(here.id)
            panel.focus()
        else:
            self.main.focus_reader()

    @on(AnnotationsPanel.Picked)
    def _panel_picked(self, message: AnnotationsPanel.Picked) -> None:
        message.stop()
        if not message.annotation.orphan:
            self.main.focus_reader()
        self.go_to_annotation(message.annotation)

    @on(AnnotationsPanel.Closed)
    def _panel_closed(self, message: AnnotationsPanel.Closed) -> None:
        message.stop()
        self.annotations_panel.display = False
        self.main.library.display = True
        self.main.focus_reader()

    def action_show_tags(self) -> None:
        from reader.ui.screens.tags_screen import TagsScreen

        here = self.annotation_at_focus()
        screen = TagsScreen(select_tag=here.tags[0] if here is not None and here.tags else None)
        self._tags_screen = screen
        self.push_screen(screen, self._tags_screen_closed)

        def job(store: AnnotationStore) -> Message:
            return LibraryAnnotations(store.all(), store.tag_colours())

        if self._store_problem is not None:
            screen.set_annotations([], {})
            return
        self._submit(job)

    @on(LibraryAnnotations)
    def _library_annotations(self, message: LibraryAnnotations) -> None:
        screen = self._tags_screen
        if screen is None or not screen.is_mounted:
            return
        titles = {article.id: article.title for article in self.articles}
        screen.set_annotations(message.annotations, message.colours, titles)

    def _tags_screen_closed(self, annotation: Annotation | None) -> None:
        self._tags_screen = None
        if annotation is not None:
            self.open_at_annotation(annotation)

    def open_at_annotation(self, annotation: Annotation) -> None:
        """Open the annotation's story in the reader, with the focus on the passage."""
        article = next((a for a in self.articles if a.id == annotation.article_id), None)
        if article is None:
            moved_to = self._movable.get(annotation.source)
            article = next((a for a in self.articles if a.id == moved_to), None)
        if article is None:
            self.notify(f"Opening {annotation.source}…", title=annotation.title, markup=False)
            self._fetch_story(annotation)
            return
        if self.current is not None and self.current.id == article.id:
            target = next((a for a in self.story_annotations if a.id == annotation.id), None)
            self.main.focus_reader()
            if target is not None:
                self.go_to_annotation(target)
            return
        self._open_at = annotation.id
        self.open_story(article)

    @work(thread=True, group="annotated-story", exclusive=True, exit_on_error=False)
    def _fetch_story(self, annotation: Annotation) -> None:
        """Read a tagged story that is not in the library from where it was tagged."""
        from reader.sources import load_all

        articles, errors = load_all([annotation.source], cache_dir=self.locations.cache)
        article = next((a for a in articles if a.id == annotation.article_id), None)
        if article is None:
            same_place = [a for a in articles if a.location == annotation.source]
            article = same_place[0] if len(same_place) == 1 else None
        self.post_message(StoryFetched(annotation, article, errors))

    @on(StoryFetched)
    def _story_fetched(self, message: StoryFetched) -> None:
        annotation, article = message.annotation, message.article
        if article is None:
            why = "; ".join(message.errors) or "it is no longer there"
            self.notify(
                f"“{annotation.title}” could not be opened from {annotation.source}: {why}",
                title="Story not found",
                severity="warning",
                markup=False,
            )
            return
        if all(known.id != article.id for known in self.articles):
            self.articles.append(article)
            self.main.library.set_articles(self.articles)
            self.library_changed()
        self._open_at = annotation.id
        self.open_story(article)

    def open_story(self, article: Article) -> None:
        """Show ``article`` in the reader with the keyboard there."""
        self.open_article(article, focus=True)
