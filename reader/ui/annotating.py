"""The tagging keys' work on the main screen, the tags view, and opening its passages.

The main screen binds the keys and hands them to :class:`Annotating`; the annotation
session (reader.services.annotation_session) keeps the state and the rules. Store
results arrive at the app as :class:`StoreDone` messages, which hands them here; they
are shown by the screen that shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from reader.model import Annotation, Article, Span
from reader.services.annotation_results import LibraryAnnotations, Notice
from reader.services.annotation_session import AnnotationSession
from reader.ui.held_keys import HeldKeys

if TYPE_CHECKING:
    from reader.services.annotation_results import StoreResult
    from reader.services.library_session import LibrarySession
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.tag_dialog import TagRequest
    from reader.ui.screens.tags_screen import TagsScreen


ANNOTATIONS_NOTE = "Reading this story's annotations… (a and A act once they are read)"


class StoreDone(Message):
    """A store call's result, from the store's thread."""

    def __init__(self, result: StoreResult) -> None:
        super().__init__()
        self.result = result


class Annotating:
    """Tag, edit, remove, undo and jump on the main screen; the tags view over it."""

    def __init__(
        self,
        main: MainScreen,
        session: AnnotationSession,
        library: LibrarySession,
        cache: Path,
        open_article: Callable[..., None],
    ) -> None:
        self._main = main
        self._session = session
        self._library = library
        self._cache = cache
        self._open_article = open_article
        self._tags_screen: TagsScreen | None = None
        # a and A pressed as a story opens wait for its annotations, then act.
        self._waiting = HeldKeys(main, self._main.notify, note=ANNOTATIONS_NOTE)

    def store_done(self, result: StoreResult) -> None:
        update = self._session.apply(result)
        self._main.show_update(update)
        if update.all_annotations is not None:
            self._show_all_annotations(update.all_annotations)
        if self._waiting and not self._session.story_loading:
            self._waiting.run()

    def story_changed(self) -> None:
        """Another story is in the reader: keys held for the one before are dropped."""
        self._waiting.drop()

    # -- the keys ---------------------------------------------------------------------

    def _target(self) -> tuple[Article, Span] | None:
        article = self._library.current
        if article is None or not self._main.is_mounted:
            return None
        span = self._main.article_view.target_span
        if span is None or span.start == span.end:
            self._main.app.bell()
            self._main.notify(
                "Focus a passage in the reader first: j/k sentences, n quotes, v selects."
            )
            return None
        return article, span

    def tag(self) -> None:
        target = self._target()
        if target is None or self._main.cannot_save():
            return
        article, span = target
        same = self._session.same_passage(span)
        if same is not None:
            self.edit(same)  # the same words again: add to that annotation
            return
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=article.text[span.start : span.end],
            known_tags=self._session.known_tags,
            colours=self._session.tag_colours,
        )
        self._main.app.push_screen(dialog, lambda request: self._tag_chosen(article, span, request))

    def _tag_chosen(self, article: Article, span: Span, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        analysis = self._library.analyses.get(article.id)
        self._session.tag(article, span, request.tags, request.note, request.colours, analysis)

    def tag_again(self) -> None:
        if not self._session.last_tags:
            self._main.say(Notice("No tags used yet: t tags the focus.", bell=True))
            return
        target = self._target()
        if target is None or self._main.cannot_save():
            return
        article, span = target
        self._clear_selection()
        notice = self._session.tag_again(article, span, self._library.analyses.get(article.id))
        if notice is not None:
            self._main.say(notice)

    def edit_at_focus(self) -> None:
        annotation = self._main.annotation_at_focus()
        if annotation is None:
            self._main.app.bell()
            self._main.notify("No annotation at the focus: t tags it, a jumps to the next one.")
            return
        if not self._main.cannot_save():
            self.edit(annotation)

    def edit(self, annotation: Annotation) -> None:
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=annotation.selector.exact,
            known_tags=self._session.known_tags,
            colours=self._session.tag_colours,
            tags=annotation.tags,
            note=annotation.note,
            title="Edit annotation",
        )
        self._main.app.push_screen(dialog, lambda request: self._edit_chosen(annotation, request))

    def _edit_chosen(self, before: Annotation, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        notice = self._session.edit(before, request.tags, request.note, request.colours)
        if notice is not None:
            self._main.say(notice)

    def remove_at_focus(self) -> None:
        annotation = self._main.annotation_at_focus()
        if annotation is None:
            self._main.app.bell()
            self._main.notify("No annotation at the focus to remove.")
            return
        self.remove(annotation)

    def remove(self, annotation: Annotation) -> None:
        notice = self._session.remove(annotation)
        if notice is not None:
            self._main.say(notice)

    def undo(self) -> None:
        notice = self._session.undo()
        if notice is not None:
            self._main.say(notice)

    def _clear_selection(self) -> None:
        view = self._main.article_view
        if view.selection_span is not None:
            view.action_clear()

    def jump(self, *, forward: bool) -> None:
        """`a` / `A`: the next or previous annotated passage."""
        if self._session.story_loading:
            self._waiting.hold(lambda: self.jump(forward=forward))
            return
        focus = self._main.article_view.focus_span
        target = self._session.next_annotation(
            focus, self._main.annotation_at_focus(), forward=forward
        )
        if isinstance(target, Notice):
            self._main.say(target)
            return
        self._main.go_to_annotation(target)

    # -- the tags view ------------------------------------------------------------------

    def show_tags(self) -> None:
        from reader.ui.screens.tags_screen import TagsScreen

        here = self._main.annotation_at_focus()
        screen = TagsScreen(select_tag=here.tags[0] if here is not None and here.tags else None)
        self._tags_screen = screen
        self._main.app.push_screen(screen, self._tags_screen_closed)
        found = self._session.ask_all_annotations()
        if found is not None:
            screen.set_annotations(found.annotations, found.colours)

    def _show_all_annotations(self, found: LibraryAnnotations) -> None:
        screen = self._tags_screen
        if screen is None or not screen.is_mounted:
            return
        titles = {article.id: article.title for article in self._library.articles}
        screen.set_annotations(found.annotations, found.colours, titles)

    def _tags_screen_closed(self, annotation: Annotation | None) -> None:
        self._tags_screen = None
        if annotation is not None:
            self.open_at_annotation(annotation)

    def open_at_annotation(self, annotation: Annotation) -> None:
        """Open the annotation's story in the reader, with the focus on the passage."""
        session = self._session
        article = session.story_for(annotation, self._library.articles)
        if article is None:
            self._main.notify(f"Opening {annotation.source}…", title=annotation.title, markup=False)
            self._main.run_worker(
                lambda: self._fetch_story(annotation),
                thread=True,
                group="annotated-story",
                exclusive=True,
                exit_on_error=False,
                description="read a tagged story",
            )
            return
        if self._library.is_current(article.id):
            target = next((a for a in session.story_annotations if a.id == annotation.id), None)
            self._main.focus_reader()
            if target is not None:
                self._main.go_to_annotation(target)
            else:
                session.open_at = annotation.id  # still being looked for in the edited text
            return
        session.open_at = annotation.id
        self._open_article(article, focus=True)

    def _fetch_story(self, annotation: Annotation) -> None:
        """In a worker's thread: read a tagged story that is not in the library from where
        it was tagged."""
        from textual.worker import get_current_worker

        from reader.sources import load_all

        worker = get_current_worker()
        articles, errors = load_all(
            [annotation.source], cache_dir=self._cache, stop=lambda: worker.is_cancelled
        )
        article = next((a for a in articles if a.id == annotation.article_id), None)
        if article is None:
            same_place = [a for a in articles if a.location == annotation.source]
            article = same_place[0] if len(same_place) == 1 else None
        self._main.app.call_from_thread(self._story_fetched, annotation, article, errors)

    def _story_fetched(
        self, annotation: Annotation, article: Article | None, errors: list[str]
    ) -> None:
        if article is None:
            why = "; ".join(errors) or "it is no longer there"
            self._main.notify(
                f"“{annotation.title}” could not be opened from {annotation.source}: {why}",
                title="Story not found",
                severity="warning",
                markup=False,
            )
            return
        if self._library.add(article):
            self._main.show_stories()
        self._session.open_at = annotation.id
        self._open_article(article, focus=True)
