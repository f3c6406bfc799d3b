"""Every tagging key of the app, drawn from the annotation session.

The state and the rules (tags, colours, undo, counts, the store's queue) live in
:class:`~reader.services.annotation_session.AnnotationSession`; this mixin asks it
and shows what it returns: the reader's highlights, the annotations panel, the
library's counts, notifications. Store results arrive as :class:`StoreDone` messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.worker import get_current_worker

from reader.model import Annotation, Article, Span
from reader.services.annotation_results import LibraryAnnotations, Notice, SessionUpdate
from reader.services.annotation_session import AnnotationSession
from reader.ui.keys import ANNOTATION_KEYS, bindings
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.services.annotation_results import StoreResult
    from reader.services.library_session import LibrarySession
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.tag_dialog import TagRequest
    from reader.ui.screens.tags_screen import TagsScreen

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


class StoreDone(Message):
    """A store call's result, from the store's thread."""

    def __init__(self, result: StoreResult) -> None:
        super().__init__()
        self.result = result


class Reanchored(Message):
    """Annotations of an older text of ``article`` placed on its current text (or orphaned)."""

    def __init__(self, article: Article, placed: list[Annotation]) -> None:
        super().__init__()
        self.article = article
        self.placed = placed


class StoryFetched(Message):
    """A tagged story read from its source for the tags view (None if it could not be)."""

    def __init__(self, annotation: Annotation, article: Article | None, errors: list[str]) -> None:
        super().__init__()
        self.annotation = annotation
        self.article = article
        self.errors = errors


class AnnotatingMixin(App[None]):
    """Tag, edit, remove, undo, jump; the annotations panel and the tags view.

    An App subclass, not a plain mixin, because Textual gathers BINDINGS only from
    DOMNode classes in the MRO.
    """

    BINDINGS = bindings(ANNOTATION_KEYS)

    # Provided by NewsReaderApp.
    annotations: AnnotationSession
    main: MainScreen
    library: LibrarySession
    locations: Locations
    open_article: Callable[..., None]

    _tags_screen: TagsScreen | None = None
    _status_base = ""  # the reader's own status line, before any tags

    # -- the store ------------------------------------------------------------------------

    def on_unmount(self) -> None:
        # Finish the saves still queued, then fold the journal into the file and unlock.
        self.annotations.close()

    def save_pending_now(self, timeout: float) -> bool:
        """Save what is still queued, from any thread, before the process is ended."""
        return self.annotations.save_pending_now(timeout)

    @on(StoreDone)
    def _store_done(self, message: StoreDone) -> None:
        self._show_update(self.annotations.apply(message.result))

    def _show_update(self, update: SessionUpdate) -> None:
        if update.story:
            self._refresh_story()
        if update.go_to is not None:
            self.go_to_annotation(update.go_to)
        if update.counts:
            self.show_counts()
        for notice in update.notices:
            self._say(notice)
        if update.reanchor and self.library.current is not None:
            self._reanchor(self.library.current, update.reanchor)
        if update.all_annotations is not None:
            self._show_all_annotations(update.all_annotations)

    def _say(self, notice: Notice) -> None:
        if notice.bell:
            self.bell()
        self.notify(
            notice.text,
            title=notice.title,
            severity=notice.severity,
            timeout=notice.timeout,
            markup=False,
        )

    def _cannot_save(self) -> bool:
        """Say why nothing can be saved (read-only, no database), if that is so."""
        problem = self.annotations.cannot_save()
        if problem is not None:
            self._say(problem)
        return problem is not None

    # -- the library and the open story -------------------------------------------------------

    def library_changed(self) -> None:
        """Call when the library's stories change: counts and where old annotations go."""
        self.annotations.library_changed(self.library.articles)
        self.show_counts()

    def show_counts(self) -> None:
        labels = self.annotations.count_labels()
        if labels is not None and self.main.is_mounted:
            self.main.library.set_extras(labels)

    def load_story_annotations(self, article: Article) -> None:
        """The story is now in the reader: its annotations follow from the store."""
        self.annotations.load_story(article)
        if self.annotations.store is not None:
            self._refresh_story()

    @work(
        thread=True,
        group="reanchor",
        exclusive=True,
        exit_on_error=False,
        description="re-anchor annotations",  # not the repr of the story's whole text
    )
    def _reanchor(self, article: Article, older: list[Annotation]) -> None:
        """Off the store's queue (a lost passage costs a fuzzy search of the whole story);
        a newer story cancels this one."""
        worker = get_current_worker()
        placed = AnnotationSession.place_older(article, older, lambda: worker.is_cancelled)
        if placed is not None:
            self.post_message(Reanchored(article, placed))

    @on(Reanchored)
    def _reanchored(self, message: Reanchored) -> None:
        self._show_update(self.annotations.reanchored(message.article, message.placed))

    def _refresh_story(self) -> None:
        if not self.main.is_mounted:
            return
        session = self.annotations
        self.main.article_view.set_annotations(session.drawn_annotations(), session.tag_colours)
        self.annotations_panel.set_annotations(session.story_annotations, session.tag_colours)
        if self._status_base:
            self._show_status()

    @property
    def annotations_panel(self) -> AnnotationsPanel:
        return self.main.query_one(AnnotationsPanel)

    def annotation_at_focus(self) -> Annotation | None:
        """The annotation the focus (or selection) is on: the one it overlaps most."""
        if not self.main.is_mounted or self.library.current is None:
            return None
        return self.annotations.annotation_at(self.main.article_view.target_span)

    def go_to_annotation(self, annotation: Annotation) -> None:
        """Put the reader's focus on an annotated passage of the open story."""
        problem = self.annotations.went_to(annotation)
        if problem is not None:
            self._say(problem)
            return
        view = self.main.article_view
        view.focus_offset(annotation.selector.start)
        view.text_widget.scroll_to_span(Span(annotation.selector.start, annotation.selector.end))
        self.annotations_panel.highlight_annotation(annotation.id)

    @on(ArticleView.StatusChanged)
    def _status_with_tags(self, message: ArticleView.StatusChanged) -> None:
        # Runs after the app's own handler: the passage's tags follow its description.
        self._status_base = message.text
        self._show_status()

    def _show_status(self) -> None:
        if self.main.is_mounted:
            text = self.annotations.status_with_tags(self._status_base, self.annotation_at_focus())
            self.main.status_bar.set_message(text)

    # -- tag, edit, remove, undo --------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _MY_ACTIONS:
            if self.screen is not self.main and not isinstance(self.screen, CommandPalette):
                return False  # the tag dialog, the tags view or help is in front
            return not (action in _STORY_ACTIONS and self.library.current is None)
        return super().check_action(action, parameters)

    def _target(self) -> tuple[Article, Span] | None:
        if self.library.current is None or not self.main.is_mounted:
            return None
        span = self.main.article_view.target_span
        if span is None or span.start == span.end:
            self.bell()
            self.notify("Focus a passage in the reader first: j/k sentences, n quotes, v selects.")
            return None
        return self.library.current, span

    def action_tag(self) -> None:
        target = self._target()
        if target is None or self._cannot_save():
            return
        article, span = target
        same = self.annotations.same_passage(span)
        if same is not None:
            self._edit(same)  # the same words again: add to that annotation
            return
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=article.text[span.start : span.end],
            known_tags=self.annotations.known_tags,
            colours=self.annotations.tag_colours,
        )
        self.push_screen(dialog, lambda request: self._tag_chosen(article, span, request))

    def _tag_chosen(self, article: Article, span: Span, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        analysis = self.library.analyses.get(article.id)
        self.annotations.tag(article, span, request.tags, request.note, request.colours, analysis)

    def action_tag_again(self) -> None:
        if not self.annotations.last_tags:
            self._say(Notice("No tags used yet: t tags the focus.", bell=True))
            return
        target = self._target()
        if target is None or self._cannot_save():
            return
        article, span = target
        self._clear_selection()
        notice = self.annotations.tag_again(article, span, self.library.analyses.get(article.id))
        if notice is not None:
            self._say(notice)

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
            known_tags=self.annotations.known_tags,
            colours=self.annotations.tag_colours,
            tags=annotation.tags,
            note=annotation.note,
            title="Edit annotation",
        )
        self.push_screen(dialog, lambda request: self._edit_chosen(annotation, request))

    def _edit_chosen(self, before: Annotation, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        notice = self.annotations.edit(before, request.tags, request.note, request.colours)
        if notice is not None:
            self._say(notice)

    def action_remove_annotation(self) -> None:
        annotation = self.annotation_at_focus()
        if annotation is None:
            self.bell()
            self.notify("No annotation at the focus to remove.")
            return
        self._remove(annotation)

    def _remove(self, annotation: Annotation) -> None:
        notice = self.annotations.remove(annotation)
        if notice is not None:
            self._say(notice)

    def action_undo_annotation(self) -> None:
        notice = self.annotations.undo()
        if notice is not None:
            self._say(notice)

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
        focus = self.main.article_view.focus_span
        target = self.annotations.next_annotation(
            focus, self.annotation_at_focus(), forward=forward
        )
        if isinstance(target, Notice):
            self._say(target)
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
        message.stop()
        notice = self.annotations.accept_wording(message.annotation)
        if notice is not None:
            self._say(notice)

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
        found = self.annotations.ask_all_annotations()
        if found is not None:
            screen.set_annotations(found.annotations, found.colours)

    def _show_all_annotations(self, found: LibraryAnnotations) -> None:
        screen = self._tags_screen
        if screen is None or not screen.is_mounted:
            return
        titles = {article.id: article.title for article in self.library.articles}
        screen.set_annotations(found.annotations, found.colours, titles)

    def _tags_screen_closed(self, annotation: Annotation | None) -> None:
        self._tags_screen = None
        if annotation is not None:
            self.open_at_annotation(annotation)

    def open_at_annotation(self, annotation: Annotation) -> None:
        """Open the annotation's story in the reader, with the focus on the passage."""
        article = self.annotations.story_for(annotation, self.library.articles)
        if article is None:
            self.notify(f"Opening {annotation.source}…", title=annotation.title, markup=False)
            self._fetch_story(annotation)
            return
        session = self.annotations
        if self.library.is_current(article.id):
            target = next((a for a in session.story_annotations if a.id == annotation.id), None)
            self.main.focus_reader()
            if target is not None:
                self.go_to_annotation(target)
            else:
                session.open_at = annotation.id  # still being looked for in the edited text
            return
        session.open_at = annotation.id
        self.open_story(article)

    @work(thread=True, group="annotated-story", exclusive=True, exit_on_error=False)
    def _fetch_story(self, annotation: Annotation) -> None:
        """Read a tagged story that is not in the library from where it was tagged."""
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
        if self.library.add(article):
            self.main.library.set_articles(self.library.articles)
            self.library_changed()
        self.annotations.open_at = annotation.id
        self.open_story(article)

    def open_story(self, article: Article) -> None:
        """Show ``article`` in the reader with the keyboard there."""
        self.open_article(article, focus=True)
