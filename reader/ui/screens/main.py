"""The main screen: library on the left, the reader on the right, status and keys below.

The screen owns its widgets, its keys and what happens in them: the story's
annotations drawn from the annotation session, both side panels (annotations, people)
and the status line. Each key's work that is more than a line is a collaborator's,
one job each: reader.ui.annotating (tagging, the tags view), reader.ui.copying,
reader.ui.story_origin (`r`, `o`), reader.ui.people_view (`I`), reader.ui.reading and
reader.ui.subscribed (unread marks, places, subscriptions; the app builds these two,
since its start-up calls them). State and rules are the services' (reader/services).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.locations import Locations
from reader.model import Analysis, Annotation, Article, Span
from reader.services.annotation_results import Notice, SessionUpdate
from reader.services.annotation_session import AnnotationSession
from reader.ui.annotating import Annotating
from reader.ui.keys import MAIN_SCREEN_GROUPS, bindings
from reader.ui.panes import NARROW, mark_focused_pane
from reader.ui.people_view import PeopleView
from reader.ui.screens.quiet_screen import QuietScreen
from reader.ui.story_origin import StoryOrigin
from reader.ui.widgets.annotations_panel import AnnotationsPanel
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.key_footer import KeyFooter
from reader.ui.widgets.library import Library
from reader.ui.widgets.people_panel import PeoplePanel
from reader.ui.widgets.status_bar import StatusBar
from reader.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.services.library_session import LibrarySession
    from reader.services.reload_merge import Place
    from reader.ui.copying import Copier
    from reader.ui.layers import SpanIndex
    from reader.ui.reading import Reading
    from reader.ui.subscribed import Subscriptions

MAIN_SCREEN_CSS = Path(__file__).with_name("main.tcss")
NARROW_BELOW = 90  # columns
# Text kept from the top of the screen to find the reading place again in a new text.
PLACE_CHARS = 64
# Keys that act on the story in the reader: shown once there is one.
_STORY_ACTIONS = frozenset(
    {
        "tag",
        "tag_again",
        "edit_annotation",
        "remove_annotation",
        "next_annotation",
        "previous_annotation",
        "toggle_annotations",
    }
)


class Reanchored(Message):
    """Annotations of an older text of ``article`` placed on its current text (or orphaned)."""

    def __init__(self, article: Article, placed: list[Annotation]) -> None:
        super().__init__()
        self.article = article
        self.placed = placed


class _Panes(Horizontal):
    # Covered whole by the library and the reader: blank (see MainScreen.BLANK).
    BLANK = True


class MainScreen(QuietScreen[None]):
    # Covered whole by the title, the panes, the status and the footer: Textual's blank
    # fast path paints its background without styling each line that nothing shows (its
    # lines and those of the blank containers below were ~6 ms of the first frame).
    BLANK = True
    # Replaces Screen's tab = "focus next widget": with a filter box and the reader's own
    # inputs in the chain, tab would wander; readers expect it to flip between the panes.
    # The reading screen's keys, in the registry's order (the footer's and help's).
    BINDINGS = bindings(*MAIN_SCREEN_GROUPS)
    # Below 90 columns two panes leave the reader a sliver: show the focused pane alone
    # (tab switches), see main.tcss.
    # Textual declares it an instance attribute, so it cannot be marked ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, NARROW),
        (NARROW_BELOW, "-wide"),
    ]
    BINDING_GROUP_TITLE = "Everywhere"
    # Focus is given once the library is loaded: each focus change rebuilds the footer.
    AUTO_FOCUS = ""

    def __init__(
        self,
        annotations: AnnotationSession,
        library: LibrarySession,
        copier: Copier,
        locations: Locations,
        ner: str,
        open_article: Callable[..., None],
        on_mounted: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """``open_article(article, focus=...)``: the app's, which starts the analysis."""
        # The reader's pane until a focus says otherwise: set before the panes are styled,
        # as on_mount's add_class would restyle every widget once more (~5 ms of start-up).
        super().__init__(classes="-pane-reader")
        self.annotations = annotations
        self.stories = library
        self.origin = StoryOrigin(self, library, locations.cache, open_article)
        self.copier = copier
        self.people_view = PeopleView(
            self, library, annotations, copier, locations.cache, ner, open_article
        )
        self.annotating = Annotating(self, annotations, library, locations.cache, open_article)
        self._on_mounted = on_mounted
        self._status_base = ""  # the reader's own status line, before any tags
        # Both side panels are kept up to date from the start but mounted when first
        # shown: the first frame has neither, and styling them cost start-up ~10 ms.
        self._annotations_panel = AnnotationsPanel(id="annotations")
        self._annotations_panel.display = False
        self._people_panel = PeoplePanel(id="article-people")
        self._people_panel.display = False
        # Set by the app, which also calls them as the library loads and stories open.
        self.reading: Reading
        self.subscriptions: Subscriptions

    async def on_mount(self) -> None:
        # Runs before the screen's first layout: whatever the app shows here (a story
        # loaded while the panes were being built) is in the very first frame.
        if self._on_mounted is not None:
            await self._on_mounted()

    def compose(self) -> ComposeResult:
        # The width's class before the panes are styled: set by the first resize, it
        # styled every widget of the screen once more (~5 ms of start-up).
        width = self.app.size.width
        breakpoints = sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True)
        current = next((name for edge, name in breakpoints if width >= edge), None)
        for _edge, name in breakpoints:
            self.set_class(name == current, name, update=False)
        yield TitleBar(icon="❝")
        # The people panel sits in the reader's text row, so the reader's keys work from it.
        article_view = ArticleView(id="article", beside=self._people_panel)
        article_view.on_status = self.reader_status
        article_view.display = False  # until there is a story to show
        with _Panes(id="panes"):
            yield Library(id="library")
            with Vertical(id="reader") as reader_pane:
                reader_pane.border_title = "Reader"
                yield article_view
                yield Static("Loading stories…", id="reader-message")
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
        """Mounted the first time it is shown (``toggle_annotations_panel``)."""
        return self._annotations_panel

    @property
    def people_panel(self) -> PeoplePanel:
        """Mounted the first time it is shown (``action_toggle_people``)."""
        return self._people_panel

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
        from textual.css.query import NoMatches

        try:
            view, people = self.article_view, self.people_panel
        except NoMatches:  # an analysis that lands as the app closes and takes the panes down
            return
        view.set_analysis(analysis, complete, layers)
        people.set_people(analysis, complete)

    def focus_reader(self) -> None:
        if self.article_view.display:
            self.article_view.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Remember which pane holds the focus: on a narrow screen only that one shows."""
        mark_focused_pane(self, event.widget)
        self.reading.save_session()  # the pane, even if the app is ended by a signal

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
        panel = self.annotations_panel
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

    # -- r and o: where the story came from (reader.ui.story_origin) -----------------------

    def action_reload_story(self) -> None:
        """`r` outside the library: the story in the reader."""
        article = self.story_in_question()
        if article is not None:
            self.origin.reload(article)

    @on(Library.ReloadRequested)
    def _reload_requested(self, message: Library.ReloadRequested) -> None:
        message.stop()
        self.origin.reload(message.article)

    def action_open_in_browser(self) -> None:
        article = self.story_in_question()
        if article is not None:
            self.origin.open_in_browser(article)

    def action_show_people(self) -> None:
        self.people_view.show()

    # -- the tagging keys (reader.ui.annotating) ------------------------------------------

    def action_tag(self) -> None:
        # It waits for the analysis: a tagged quote keeps its speaker.
        if not self.article_view.after_analysis(self.annotating.tag):
            self.annotating.tag()

    def action_tag_again(self) -> None:
        self.annotating.tag_again()

    def action_edit_annotation(self) -> None:
        self.annotating.edit_at_focus()

    def action_remove_annotation(self) -> None:
        self.annotating.remove_at_focus()

    def action_undo_annotation(self) -> None:
        self.annotating.undo()

    def action_next_annotation(self) -> None:
        self.annotating.jump(forward=True)

    def action_previous_annotation(self) -> None:
        self.annotating.jump(forward=False)

    def action_toggle_annotations(self) -> None:
        self.toggle_annotations_panel()

    def action_show_tags(self) -> None:
        self.annotating.show_tags()

    # -- copying (reader.ui.copying) -------------------------------------------------------

    def action_copy(self) -> None:
        # It waits for the analysis: a quote is copied with its speaker.
        if not self.article_view.after_analysis(self._copy_focused):
            self._copy_focused()

    def _copy_focused(self) -> None:
        self.copier.copy_focused(self.article_view, self.annotation_at_focus())

    def action_copy_all(self) -> None:
        self.copier.copy_all()

    def action_cycle_copy_style(self) -> None:
        self.copier.cycle_style()

    # -- the reading state's keys (reader.ui.reading, reader.ui.subscribed) ----------------

    def action_toggle_read(self) -> None:
        self.reading.toggle_read()

    def action_next_unread(self) -> None:
        self.reading.next_unread()

    def action_toggle_hide_read(self) -> None:
        self.reading.toggle_hide_read()

    def action_cycle_sort(self) -> None:
        self.reading.cycle_sort()

    def action_reload_all(self) -> None:
        self.subscriptions.reload_all()

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
        if panel.parent is None:
            self.query_one("#panes").mount(panel)  # after the reader; filled as it mounts
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

    async def action_toggle_people(self) -> None:
        panel = self.people_panel
        mounting = self.article_view.show_part(panel)
        if mounting is not None:
            # Shown once mounted (the first `i` only). Shown and focused at once, the text
            # lost its focus a frame before the panel's mount ended: the whole pane was
            # drawn again as it was (~30 ms for nothing), then once more beside the panel.
            await mounting
        if not panel.display:
            panel.fill()
        panel.display = not panel.display
        # The focus moves now, not later as ``focus()`` would: keys typed right after `i`
        # are already queued, and each takes the bindings of whatever has the focus
        # when it is read (the story's j/k would move the story's focus instead).
        if panel.display:
            if panel.highlighted is None and panel.option_count:
                panel.highlighted = 0
            self.set_focus(panel)
        else:
            self.set_focus(self.article_view.text_widget)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_in_browser", "reload_story"):
            return self.story_in_question() is not None
        if action in _STORY_ACTIONS:
            return self.stories.current is not None
        if action == "close_people":
            # Escape reaches the screen once the text had nothing of its own to clear;
            # from the library it stays the library's (and then the app's).
            panels = self.query(PeoplePanel)
            return any(panel.display for panel in panels) and self.article_view.has_focus_within
        return super().check_action(action, parameters)

    def action_close_people(self) -> None:
        self.people_panel.display = False
        self.set_focus(self.article_view.text_widget)

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
        articles = self.reading.arranged(self.stories.articles)  # sorted, read ones hidden if asked
        self.library.set_articles(articles, renamed=renamed)
        self.annotations.library_changed(self.stories.articles)
        self.show_counts()

    def show_counts(self) -> None:
        labels = self.annotations.count_labels()
        if labels is not None and self.is_mounted:
            self.library.set_extras(labels)

    def load_story_annotations(self, article: Article) -> None:
        """The story is now in the reader: its annotations follow from the store."""
        self.annotating.story_changed()
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

    def reader_status(self, text: str) -> None:
        # The focused passage's tags and note follow the reader's own description.
        self._status_base = text
        self._show_status()
        self.reading.reader_moved()  # the story's reading place is kept

    def _show_status(self) -> None:
        bars = self.query(StatusBar)
        if not bars:
            return  # the screen is closing: an analysis that lands now has nowhere to say so
        text = self.annotations.status_with_tags(self._status_base, self.annotation_at_focus())
        bars.first().set_message(text)

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
            self.annotating.edit(message.annotation)

    @on(AnnotationsPanel.RemoveRequested)
    def _panel_remove(self, message: AnnotationsPanel.RemoveRequested) -> None:
        message.stop()
        self.annotating.remove(message.annotation)

    @on(AnnotationsPanel.AcceptWordingRequested)
    def _panel_accept_wording(self, message: AnnotationsPanel.AcceptWordingRequested) -> None:
        message.stop()
        notice = self.annotations.accept_wording(message.annotation)
        if notice is not None:
            self.say(notice)
