"""Every tagging action of the app: tag, tag again, edit, remove, undo, jump, panels.

``NewsReaderApp`` inherits :class:`AnnotatingMixin`; the store, the open story's
annotations and what the focus is on live in its base,
:class:`~reader.ui.annotations_state.AnnotationsState`.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.command import CommandPalette
from textual.message import Message

from reader.model import Annotation, Article, Span
from reader.ui.annotations_state import AnnotationsState
from reader.ui.keys import ANNOTATION_KEYS, bindings
from reader.ui.store_queue import StoreFailed
from reader.ui.tagging_messages import LibraryAnnotations, StoryFetched
from reader.ui.tagging_records import UndoStep, hashtags, now_utc, speaker_of
from reader.ui.tags import canonical_tags, display_colour
from reader.ui.widgets.annotations_panel import AnnotationsPanel

if TYPE_CHECKING:
    from reader.store import AnnotationStore
    from reader.ui.screens.tag_dialog import TagRequest

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


class AnnotatingMixin(AnnotationsState):
    """Tag, edit, remove, undo, jump; the annotations panel and the tags view."""

    BINDINGS = bindings(ANNOTATION_KEYS)

    def _target(self) -> tuple[Article, Span] | None:
        if self.current is None or not self.main.is_mounted:
            return None
        span = self.main.article_view.target_span
        if span is None or span.start == span.end:
            self.bell()
            self.notify("Focus a passage in the reader first: j/k sentences, n quotes, v selects.")
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
        self,
        before: Annotation,
        after: Annotation,
        colours: dict[str, str] | None = None,
        done: str | None = None,
    ) -> None:
        def job(store: AnnotationStore) -> Message:
            store.update(after)
            for tag, colour in (colours or {}).items():
                store.set_tag_colour(tag, colour)
            return self._changed(
                store,
                after.article_id,
                done or f"Updated: {hashtags(after.tags)}",
                UndoStep("edited", before),
            )

        self._submit(job)

    def action_remove_annotation(self) -> None:
        annotation = self.annotation_at_focus()
        if annotation is None:
            self.bell()
            self.notify("No annotation at the focus to remove.")
            return
        self._remove(annotation)

    def _remove(self, annotation: Annotation) -> None:
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
            if self.story_annotations:
                self.notify(
                    "This story's tagged passages are not in its current text: m lists them."
                )
            else:
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

    @on(AnnotationsPanel.EditRequested)
    def _panel_edit(self, message: AnnotationsPanel.EditRequested) -> None:
        message.stop()
        if not self._cannot_save():
            self._edit(message.annotation)

    @on(AnnotationsPanel.RemoveRequested)
    def _panel_remove(self, message: AnnotationsPanel.RemoveRequested) -> None:
        message.stop()
        self._remove(message.annotation)

    @on(AnnotationsPanel.AcceptWordingRequested)
    def _panel_accept_wording(self, message: AnnotationsPanel.AcceptWordingRequested) -> None:
        from reader.store import accept_rewording

        message.stop()
        before = message.annotation
        if before.reworded is None:
            self.notify("This passage reads as it did when it was tagged.")
            return
        if self._cannot_save():
            return
        story = self.current
        text = story.text if story is not None and story.id == before.article_id else None
        after = accept_rewording(before, text, now_utc())
        self._update(before, after, done="The quote now has the story's new wording — u to undo")

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
            else:
                self._open_at = annotation.id  # still being looked for in the edited text
            return
        self._open_at = annotation.id
        self.open_story(article)

    @work(thread=True, group="annotated-story", exclusive=True, exit_on_error=False)
    def _fetch_story(self, annotation: Annotation) -> None:
        """Read a tagged story that is not in the library from where it was tagged."""
        from textual.worker import get_current_worker

        from reader.sources import load_all

        worker = get_current_worker()
        articles, errors = load_all(
            [annotation.source], cache_dir=self.locations.cache, stop=lambda: worker.is_cancelled
        )
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
