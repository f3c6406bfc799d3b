"""The main screen: library on the left, the reader on the right, status and keys below.

The screen owns its widgets and what happens in them: the story's annotations drawn
from the annotation session, the tagging keys' work (the app binds the keys and hands
them here), both side panels (annotations, people) and the status line. State and rules are the
services' (reader/services).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from reader.model import Analysis, Annotation, Article, Span
from reader.services.annotation_results import Notice, SessionUpdate
from reader.services.annotation_session import AnnotationSession
from reader.ui.keys import MAIN_SCREEN_KEYS, bindings
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.key_footer import KeyFooter
from reader.ui.widgets.library import Library
from reader.ui.widgets.people_panel import PeoplePanel
from reader.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from reader.services.library_session import LibrarySession
    from reader.services.reload_merge import Place
    from reader.ui.layers import SpanIndex
    from reader.ui.screens.tag_dialog import TagRequest

MAIN_SCREEN_CSS = Path(__file__).with_name("main.tcss")
NARROW_BELOW = 90  # columns
_PANE_CLASSES = ("-pane-library", "-pane-reader", "-pane-annotations")
# Text kept from the top of the screen to find the reading place again in a new text.
PLACE_CHARS = 64


class Reanchored(Message):
    """Annotations of an older text of ``article`` placed on its current text (or orphaned)."""

    def __init__(self, article: Article, placed: list[Annotation]) -> None:
        super().__init__()
        self.article = article
        self.placed = placed


class MainScreen(Screen[None]):
    # Replaces Screen's tab = "focus next widget": with a filter box and the reader's own
    # inputs in the chain, tab would wander; readers expect it to flip between the panes.
    BINDINGS = bindings(MAIN_SCREEN_KEYS)
    # Below 90 columns two panes leave the reader a sliver: show the focused pane alone
    # (tab switches), see main.tcss.
    # Textual declares it an instance attribute, so it cannot be marked ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (NARROW_BELOW, "-wide"),
    ]
    BINDING_GROUP_TITLE = "Everywhere"
    # Focus is given once the library is loaded: each focus change rebuilds the footer.
    AUTO_FOCUS = ""

    def __init__(
        self,
        annotations: AnnotationSession,
        library: LibrarySession,
        on_mounted: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__()
        self.annotations = annotations
        self.stories = library
        self._on_mounted = on_mounted
        self._status_base = ""  # the reader's own status line, before any tags
        # The library's order as shown: the app's reading state sorts and hides read ones.
        self.arrange_stories: Callable[[list[Article]], list[Article]] = list

    async def on_mount(self) -> None:
        # Runs before the screen's first layout: whatever the app shows here (a story
        # loaded while the panes were being built) is in the very first frame.
        self.add_class("-pane-reader")  # until a focus says otherwise
        if self._on_mounted is not None:
            await self._on_mounted()

    def compose(self) -> ComposeResult:
        yield Header(icon="❝")
        # The people panel sits in the reader's text row, so the reader's keys work from it.
        article_view = ArticleView(id="article", beside=PeoplePanel(id="article-people"))
        article_view.display = False  # until there is a story to show
        with Horizontal(id="panes"):
            yield Library(id="library")
            with Vertical(id="reader") as reader_pane:
                reader_pane.border_title = "Reader"
                yield article_view
                yield Static("Loading stories…", id="reader-message")
            yield AnnotationsPanel(id="annotations")
        yield StatusBar(id="status")
        yield KeyFooter()

    @property
    def library(self) -> Library:
        return self.query_one(Library)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status_bar(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def annotations_panel(self) -> AnnotationsPanel:
        return self.query_one(AnnotationsPanel)

    @property
    def people_panel(self) -> PeoplePanel:
        return self.query_one(PeoplePanel)

    @property
    def panes(self) -> list[Library | ArticleView]:
        return [self.library, self.article_view]

    def show_message(self, text: str) -> None:
        """Put a sentence in the reader pane instead of a story (loading, empty library)."""
        self.article_view.display = False
        message = self.query_one("#reader-message", Static)
        message.update(text)
        message.display = True

    def show_article_view(self) -> None:
        self.query_one("#reader-message").display = False
        self.article_view.display = True

    def show_story(self, article: Article) -> None:
        """Put ``article`` in the reader; its people come with its analysis."""
        self.article_view.show(article)
        self.people_panel.set_people(Analysis())

    def show_analysis(
        self,
        analysis: Analysis,
        complete: bool = True,
        layers: tuple[SpanIndex, SpanIndex] | None = None,
    ) -> None:
        """The open story's analysis (or a part of it): drawn in the reader, its people
        listed in the people panel (see ``ArticleView.set_analysis``)."""
        self.article_view.set_analysis(analysis, complete, layers)
        self.people_panel.set_people(analysis)

    def focus_reader(self) -> None:
        if self.article_view.display:
            self.article_view.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Remember which pane holds the focus: on a narrow screen only that one shows."""
        node: DOMNode | None = event.widget
        pane = None
        while node is not None and pane is None:
            pane = {"library": "-pane-library", "reader": "-pane-reader"}.get(node.id or "")
            if pane is None and node.id == "annotations":
                pane = "-pane-annotations"
            node = node.parent
        if pane is not None and not self.has_class(pane):
            self.remove_class(*_PANE_CLASSES)
            self.add_class(pane)

    def action_toggle_maximize(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        for pane in self.query("#library, #reader, #annotations"):
            if focused is not None and (focused is pane or pane in focused.ancestors):
                self.maximized = pane
                return
        self.app.bell()

    def action_switch_pane(self) -> None:
        # The annotations panel, while open, stands in the library's place.
        panel = self.query_one(AnnotationsPanel)
        left_focused = self.library.has_focus_within or panel.has_focus
        if left_focused and self.article_view.display:
            self.article_view.focus()
        elif panel.display:
            panel.focus()
        else:
            self.library.focus_list()

    # -- which story, and where in it ----------------------------------------------------

    def story_in_question(self) -> Article | None:
        """The library's highlighted story while the library has the keys, else the open one."""
        if not self.is_mounted:
            return None
        library = self.library
        if library.has_focus_within and library.highlighted is not None:
            return library.highlighted
        return self.stories.current

    def reading_place(self, origin: str) -> Place | None:
        """Where the reader is in the open story, if that story is read again from ``origin``."""
        from reader.services.reload_merge import Place
        from reader.sources import origin_of
        from reader.store.anchor import make_selector

        article = self.stories.current
        if article is None or origin_of(article) != origin or not article.text:
            return None
        view = self.article_view
        focus = view.focus_span
        if focus is not None and focus.start < focus.end:
            span, focused = focus, True
        elif view.text_widget.scroll_offset.y > 0:
            top = view.text_widget.top_offset()
            span, focused = Span(top, min(len(article.text), top + PLACE_CHARS)), False
        else:
            return None  # at the top of the story: it opens there anyway
        if span.start >= span.end:
            return None
        return Place(article.id, make_selector(article.text, span.start, span.end), focused)

    def return_to(self, place: Place) -> None:
        """Back to the reading place in the story's new text, if it was found there."""
        if place.found is None:
            return
        start, end = place.found
        view = self.article_view
        if place.focused:
            view.focus_offset(start)
        else:
            view.text_widget.scroll_to_span(Span(start, end), "top")

    def show_passage(self, start: int, end: int) -> None:
        """Focus the reader on the passage at ``start`` and scroll it into view."""
        view = self.article_view
        view.focus_offset(start)
        view.text_widget.scroll_to_span(Span(start, end))

    # -- the annotations panel: shown and hidden here alone --------------------------------

    def toggle_annotations_panel(self) -> None:
        panel = self.annotations_panel
        panel.display = not panel.display
        # The panel takes the library's place: the story keeps a readable width.
        self.library.display = not panel.display
        if panel.display:
            here = self.annotation_at_focus()
            if here is not None:
                panel.highlight_annotation(here.id)
            panel.focus()
        else:
            self.focus_reader()

    @on(AnnotationsPanel.Closed)
    def _annotations_panel_closed(self, message: AnnotationsPanel.Closed) -> None:
        message.stop()
        self.annotations_panel.display = False
        self.library.display = True
        self.focus_reader()

    # -- the people panel: shown and hidden here alone ------------------------------------

    def action_toggle_people(self) -> None:
        panel = self.people_panel
        if not panel.display:
            panel.fill()
        panel.display = not panel.display
        if panel.display:
            if panel.highlighted is None and panel.option_count:
                panel.highlighted = 0
            panel.focus()
        else:
            self.article_view.text_widget.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_people":
            # Escape reaches the screen once the text had nothing of its own to clear;
            # from the library it stays the library's (and then the app's).
            panels = self.query(PeoplePanel)
            return any(panel.display for panel in panels) and self.article_view.has_focus_within
        return super().check_action(action, parameters)

    def action_close_people(self) -> None:
        self.people_panel.display = False
        self.article_view.text_widget.focus()

    @on(PeoplePanel.Picked)
    def _person_picked(self, message: PeoplePanel.Picked) -> None:
        message.stop()
        self.article_view.focus_person(message.name)

    @on(PeoplePanel.Closed)
    def _people_panel_closed(self, message: PeoplePanel.Closed) -> None:
        message.stop()
        self.action_close_people()

    # -- the story's annotations ---------------------------------------------------------

    def say(self, notice: Notice) -> None:
        if notice.bell:
            self.app.bell()
        self.notify(
            notice.text,
            title=notice.title,
            severity=notice.severity,
            timeout=notice.timeout,
            markup=False,
        )

    def cannot_save(self) -> bool:
        """Say why nothing can be saved (read-only, no database), if that is so."""
        problem = self.annotations.cannot_save()
        if problem is not None:
            self.say(problem)
        return problem is not None

    def show_update(self, update: SessionUpdate) -> None:
        """Show what a store result changed (see AnnotationSession.apply)."""
        if update.story:
            self.show_annotations()
        if update.go_to is not None:
            self.go_to_annotation(update.go_to)
        if update.counts:
            self.show_counts()
        for notice in update.notices:
            self.say(notice)
        story = self.annotations.story
        if update.reanchor and story is not None:
            self._reanchor(story, update.reanchor)

    def show_stories(self, renamed: Mapping[str, Article] | None = None) -> None:
        """List the library's stories (``renamed``: old id -> its new text, after a
        reload) with their counts; the annotation session learns where old annotations
        may move."""
        self.library.set_articles(self.arrange_stories(self.stories.articles), renamed=renamed)
        self.annotations.library_changed(self.stories.articles)
        self.show_counts()

    def show_counts(self) -> None:
        labels = self.annotations.count_labels()
        if labels is not None and self.is_mounted:
            self.library.set_extras(labels)

    def load_story_annotations(self, article: Article) -> None:
        """The story is now in the reader: its annotations follow from the store."""
        self.annotations.load_story(article)
        if self.annotations.store is not None:
            self.show_annotations()

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
        self.show_update(self.annotations.reanchored(message.article, message.placed))

    def show_annotations(self) -> None:
        """Draw the open story's annotations in the reader and list them in the panel."""
        if not self.is_mounted:
            return
        session = self.annotations
        self.article_view.set_annotations(session.drawn_annotations(), session.tag_colours)
        self.annotations_panel.set_annotations(session.story_annotations, session.tag_colours)
        if self._status_base:
            self._show_status()

    def annotation_at_focus(self) -> Annotation | None:
        """The annotation the focus (or selection) is on: the one it overlaps most."""
        if not self.is_mounted or self.stories.current is None:
            return None
        return self.annotations.annotation_at(self.article_view.target_span)

    def go_to_annotation(self, annotation: Annotation) -> None:
        """Put the reader's focus on an annotated passage of the open story."""
        problem = self.annotations.went_to(annotation)
        if problem is not None:
            self.say(problem)
            return
        self.show_passage(annotation.selector.start, annotation.selector.end)
        self.annotations_panel.highlight_annotation(annotation.id)

    @on(ArticleView.StatusChanged)
    def _reader_status(self, message: ArticleView.StatusChanged) -> None:
        # The focused passage's tags and note follow the reader's own description.
        self._status_base = message.text
        self._show_status()

    def _show_status(self) -> None:
        text = self.annotations.status_with_tags(self._status_base, self.annotation_at_focus())
        self.status_bar.set_message(text)

    # -- tagging keys (bound by the app, which hands them here) ------------------------------

    def _target(self) -> tuple[Article, Span] | None:
        article = self.stories.current
        if article is None or not self.is_mounted:
            return None
        span = self.article_view.target_span
        if span is None or span.start == span.end:
            self.app.bell()
            self.notify("Focus a passage in the reader first: j/k sentences, n quotes, v selects.")
            return None
        return article, span

    def tag(self) -> None:
        target = self._target()
        if target is None or self.cannot_save():
            return
        article, span = target
        same = self.annotations.same_passage(span)
        if same is not None:
            self.edit(same)  # the same words again: add to that annotation
            return
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=article.text[span.start : span.end],
            known_tags=self.annotations.known_tags,
            colours=self.annotations.tag_colours,
        )
        self.app.push_screen(dialog, lambda request: self._tag_chosen(article, span, request))

    def _tag_chosen(self, article: Article, span: Span, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        analysis = self.stories.analyses.get(article.id)
        self.annotations.tag(article, span, request.tags, request.note, request.colours, analysis)

    def tag_again(self) -> None:
        if not self.annotations.last_tags:
            self.say(Notice("No tags used yet: t tags the focus.", bell=True))
            return
        target = self._target()
        if target is None or self.cannot_save():
            return
        article, span = target
        self._clear_selection()
        notice = self.annotations.tag_again(article, span, self.stories.analyses.get(article.id))
        if notice is not None:
            self.say(notice)

    def edit_at_focus(self) -> None:
        annotation = self.annotation_at_focus()
        if annotation is None:
            self.app.bell()
            self.notify("No annotation at the focus: t tags it, a jumps to the next one.")
            return
        if not self.cannot_save():
            self.edit(annotation)

    def edit(self, annotation: Annotation) -> None:
        from reader.ui.screens.tag_dialog import TagDialog

        dialog = TagDialog(
            excerpt=annotation.selector.exact,
            known_tags=self.annotations.known_tags,
            colours=self.annotations.tag_colours,
            tags=annotation.tags,
            note=annotation.note,
            title="Edit annotation",
        )
        self.app.push_screen(dialog, lambda request: self._edit_chosen(annotation, request))

    def _edit_chosen(self, before: Annotation, request: TagRequest | None) -> None:
        if request is None:
            return
        self._clear_selection()
        notice = self.annotations.edit(before, request.tags, request.note, request.colours)
        if notice is not None:
            self.say(notice)

    def remove_at_focus(self) -> None:
        annotation = self.annotation_at_focus()
        if annotation is None:
            self.app.bell()
            self.notify("No annotation at the focus to remove.")
            return
        self._remove(annotation)

    def _remove(self, annotation: Annotation) -> None:
        notice = self.annotations.remove(annotation)
        if notice is not None:
            self.say(notice)

    def undo(self) -> None:
        notice = self.annotations.undo()
        if notice is not None:
            self.say(notice)

    def _clear_selection(self) -> None:
        view = self.article_view
        if view.selection_span is not None:
            view.action_clear()

    def jump(self, *, forward: bool) -> None:
        """`a` / `A`: the next or previous annotated passage."""
        focus = self.article_view.focus_span
        target = self.annotations.next_annotation(
            focus, self.annotation_at_focus(), forward=forward
        )
        if isinstance(target, Notice):
            self.say(target)
            return
        self.go_to_annotation(target)

    @on(AnnotationsPanel.Picked)
    def _panel_picked(self, message: AnnotationsPanel.Picked) -> None:
        message.stop()
        if not message.annotation.orphan:
            self.focus_reader()
        self.go_to_annotation(message.annotation)

    @on(AnnotationsPanel.EditRequested)
    def _panel_edit(self, message: AnnotationsPanel.EditRequested) -> None:
        message.stop()
        if not self.cannot_save():
            self.edit(message.annotation)

    @on(AnnotationsPanel.RemoveRequested)
    def _panel_remove(self, message: AnnotationsPanel.RemoveRequested) -> None:
        message.stop()
        self._remove(message.annotation)

    @on(AnnotationsPanel.AcceptWordingRequested)
    def _panel_accept_wording(self, message: AnnotationsPanel.AcceptWordingRequested) -> None:
        message.stop()
        notice = self.annotations.accept_wording(message.annotation)
        if notice is not None:
            self.say(notice)
