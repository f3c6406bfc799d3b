"""The tagging keys of the app and the tags view.

The app binds the keys (they work wherever the main screen has the focus); the main
screen does their work on its widgets (reader.ui.screens.main) and the annotation
session (reader.services.annotation_session) keeps the state and the rules. Store
results arrive here as :class:`StoreDone` messages and go to the screen that shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.worker import get_current_worker

from reader.model import Annotation, Article
from reader.services.annotation_results import LibraryAnnotations
from reader.services.annotation_session import AnnotationSession
from reader.ui.keys import ANNOTATION_KEYS, bindings

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.services.annotation_results import StoreResult
    from reader.services.library_session import LibrarySession
    from reader.ui.screens.main import MainScreen
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


class StoryFetched(Message):
    """A tagged story read from its source for the tags view (None if it could not be)."""

    def __init__(self, annotation: Annotation, article: Article | None, errors: list[str]) -> None:
        super().__init__()
        self.annotation = annotation
        self.article = article
        self.errors = errors


class AnnotatingMixin(App[None]):
    """The tagging keys, handed to the main screen; the tags view and opening its passages.

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

    def on_unmount(self) -> None:
        # Finish the saves still queued, then fold the journal into the file and unlock.
        self.annotations.close()

    def save_pending_now(self, timeout: float) -> bool:
        """Save what is still queued, from any thread, before the process is ended."""
        return self.annotations.save_pending_now(timeout)

    @on(StoreDone)
    def _store_done(self, message: StoreDone) -> None:
        update = self.annotations.apply(message.result)
        self.main.show_update(update)
        if update.all_annotations is not None:
            self._show_all_annotations(update.all_annotations)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _MY_ACTIONS:
            if self.screen is not self.main and not isinstance(self.screen, CommandPalette):
                return False  # the tag dialog, the tags view or help is in front
            return not (action in _STORY_ACTIONS and self.library.current is None)
        return super().check_action(action, parameters)

    # The keys' work is the main screen's.

    def action_tag(self) -> None:
        self.main.tag()

    def action_tag_again(self) -> None:
        self.main.tag_again()

    def action_edit_annotation(self) -> None:
        self.main.edit_at_focus()

    def action_remove_annotation(self) -> None:
        self.main.remove_at_focus()

    def action_undo_annotation(self) -> None:
        self.main.undo()

    def action_next_annotation(self) -> None:
        self.main.jump(forward=True)

    def action_previous_annotation(self) -> None:
        self.main.jump(forward=False)

    def action_toggle_annotations(self) -> None:
        self.main.toggle_annotations_panel()

    # -- the tags view ------------------------------------------------------------------

    def action_show_tags(self) -> None:
        from reader.ui.screens.tags_screen import TagsScreen

        here = self.main.annotation_at_focus()
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
                self.main.go_to_annotation(target)
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
            self.main.show_stories()
        self.annotations.open_at = annotation.id
        self.open_story(article)

    def open_story(self, article: Article) -> None:
        """Show ``article`` in the reader with the keyboard there."""
        self.open_article(article, focus=True)
