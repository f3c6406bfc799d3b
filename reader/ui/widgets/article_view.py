"""The reader pane: a story drawn line by line with highlights and a keyboard focus.

``ArticleView`` is the pane other code talks to (``show``, ``set_analysis``, ``target_span``
...). It holds no rules of its own: the focus and the selection are a ``ReadingCursor``
(reading_cursor.py), the search a ``SearchMatches`` (search_model.py), both plain objects;
the view turns keys and mouse into their calls, then draws, scrolls and says what changed.
``ArticleText`` (article_text.py) inside it draws the rows.

The view owns no side panel: the screen may hand it a widget to show ``beside`` the text
(the main screen's people panel), which the screen alone fills, shows and hides.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import AwaitMount, Widget

from reader.model import Analysis, Annotation, Article, Quote, Span
from reader.ui import story_marks
from reader.ui.counts import counted
from reader.ui.held_keys import HeldKeys
from reader.ui.keys import ARTICLE_KEYS, bindings
from reader.ui.layers import Layers, Mark, Painter, SpanIndex, ThemePalette
from reader.ui.let_go import let_go
from reader.ui.opening import opening_place, return_to_place
from reader.ui.reading_cursor import ReadingCursor
from reader.ui.search_model import SearchMatches
from reader.ui.units import Unit, Units
from reader.ui.widgets.article_text import ArticleText, HeaderLine
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.wrap import paragraph_spans

__all__ = ["ArticleText", "ArticleView", "HeaderLine"]


def _no_status(text: str) -> None:
    """Where the status goes while no owner has asked for it (a view in a test app)."""


class _ArticleRow(Horizontal):
    # Covered whole by the text (and the panel beside it): blank, its lines are not
    # styled one by one only to be hidden (~2 ms of the first frame; see ArticleView).
    BLANK = True


class ArticleView(Widget):
    """The reader pane: show a story, move a focus through it, select, search."""

    # A container covered whole by its row, legend and search bar: Textual's blank fast
    # path paints its background without styling each line that nothing shows.
    BLANK = True

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        layout: vertical;
    }
    ArticleView > #article-row {
        height: 1fr;
    }
    ArticleView ArticleText {
        width: 1fr;
        height: 1fr;
    }
    """

    BINDINGS = bindings(ARTICLE_KEYS)

    def __init__(
        self, *, beside: Widget | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._opening: Article | None = None  # the article shown is a long story's opening
        self.analysis = Analysis()
        self._analysed = False
        # Keys that need the analysis (n, p, t, y ...) pressed before it landed, in order.
        self._waiting = HeldKeys(self, self._status)
        self.cursor = ReadingCursor(Units("", []))
        self._annotations = SpanIndex()
        self._annotation_source: tuple[list[Annotation], dict[str, str]] = ([], {})
        self._quote_layer = SpanIndex()
        self._name_layer = SpanIndex()
        self._matches = SearchMatches()
        # Built here, not in compose, so show() works before the pane is mounted.
        self._text = ArticleText(id="article-text")
        # Laid out in the text's row, inside the view: the reader's keys still reach the
        # view from it, and the legend and search bar stay below both. These three are
        # mounted when first shown (see show_part), not with the pane: the first frame
        # has none of them, and styling them cost start-up ~10 ms.
        self._beside = beside
        self._legend = Legend(id="article-legend")
        self._legend.display = False
        self._search = SearchBar(id="article-search")
        self._search.display = False
        # What the focus or selection is now goes straight to its owner (the main screen's
        # status bar), so a key's new focus and its status line are drawn in the same
        # frame. Posted as a message, the status reached the screen a frame after the text
        # (~30 ms later), and a j or k was answered only then.
        self.on_status: Callable[[str], None] = _no_status

    def compose(self) -> ComposeResult:
        with _ArticleRow(id="article-row"):
            yield self._text

    def show_part(self, part: Widget) -> AwaitMount | None:
        """Mount ``part`` (the widget beside the text, the legend or the search bar) if it
        is not yet, in its place: beside the text, then the legend, then the search bar.
        The mount, to await if the part must be ready before it is shown; None if it was
        mounted already."""
        if part.parent is not None:
            return None
        if part is self._beside:
            mounting = self.query_one("#article-row").mount(part)
        elif part is self._legend:
            mounting = self.mount(part, after="#article-row")
        else:
            mounting = self.mount(part)
        if part is self._search:
            self._search.build()
        return mounting

    def unbuilt_parts(self) -> list[Widget]:
        """The parts not mounted yet: help and the palette list their keys all the same."""
        parts = [self._beside, self._legend, self._search]
        return [part for part in parts if part is not None and part.parent is None]

    @property
    def text_widget(self) -> ArticleText:
        return self._text

    @property
    def search_bar(self) -> SearchBar:
        """Mounted when first opened (``/``)."""
        return self._search

    @property
    def units(self) -> Units:
        return self.cursor.units

    def on_mount(self) -> None:
        self._apply_theme()
        # After the refresh: the new theme's CSS must be applied before colours are read.
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self.call_after_refresh(self._apply_theme)
        )

    def _apply_theme(self) -> None:
        background = self.text_widget.background_colors[1]
        palette = ThemePalette.from_theme(self.app.theme_variables, background)
        painter = Painter(palette)
        self.text_widget.set_painter(painter)
        self._legend.set_painter(painter)  # drawn when it is mounted, if it is not yet

    def focus(self, scroll_visible: bool = True) -> ArticleView:
        """Keyboard focus goes to the text (or the open search bar)."""
        self.text_widget.focus(scroll_visible)
        return self

    # -- public API ------------------------------------------------------------------

    def show(self, article: Article) -> None:
        """Show a story: its text at once; highlights come with ``set_analysis``."""
        place = opening_place(self, self._opening, article)
        self.article, self._opening = article, None
        paragraphs = article.paragraphs or paragraph_spans(article.text, article.body_start)
        self.analysis = Analysis()
        self._analysed = False
        self._waiting.drop()  # keys pressed for the story before are not for this one
        self.cursor.reset(Units(article.text, paragraphs))
        self._quote_layer = self._name_layer = SpanIndex()
        self._annotations = self._annotation_marks()
        self._matches.clear()
        self.text_widget.load(article, paragraphs)
        self._update_layers()
        words = "" if not paragraphs else counted(len(paragraphs), "paragraph")
        self._status(f"{article.title} · {words}" if words else article.title)
        if place is not None:
            return_to_place(self, place)

    def show_opening(self, article: Article) -> None:
        """Show the opening of a long story while the whole file is read (reader/ui/
        opening.py): its paragraphs are not all there yet, so the status counts none."""
        self.show(article)
        self._opening = article
        self.units.whole = False  # no totals: they would count the opening's units only
        self._status(f"{article.title} · reading the whole story…")

    # The quote and name layers of an analysis (story_marks.py): a thread may build them.
    analysis_layers = staticmethod(story_marks.analysis_layers)

    def set_analysis(
        self,
        analysis: Analysis,
        complete: bool = True,
        layers: tuple[SpanIndex, SpanIndex] | None = None,
    ) -> None:
        """Quotes and names found by the analysis: drawn as soon as they arrive.

        A long story's analysis comes block by block (``complete`` False until the last):
        each part is drawn, but keys waiting for the analysis wait for all of it.
        ``layers`` are ``analysis_layers(analysis)`` when the caller built them already.
        """
        # The block before's story-long lists, freed off this thread (let_go.py).
        let_go(self.analysis, self._quote_layer, self._name_layer)
        self.analysis = analysis
        self._analysed = complete
        self.units.set_analysis(analysis)
        self._quote_layer, self._name_layer = layers or self.analysis_layers(analysis)
        self.cursor.refind_focus()
        self._update_layers()
        if not complete:
            return
        if self.cursor.focus is not None:
            self._status(self.cursor.describe())
        elif self.cursor.selection is None:
            people = sum(1 for group in analysis.groups if group.label == "PER")
            quotes = len(self.units.quotes)
            self._status(
                f"{counted(quotes, 'quote')} · {counted(people, 'person')} · n: next quote"
            )
        self._waiting.run()

    def after_analysis(self, action: Callable[[], None]) -> bool:
        """Hold ``action`` until the analysis lands (see held_keys.py); False: run it now."""
        if self.article is None or (self._analysed and not self._waiting):
            return False
        self._waiting.hold(action)
        return True

    def _held(self, action: Callable[[], None]) -> bool:
        """Whether a key that does not need the analysis must queue behind held ones."""
        return bool(self._waiting) and self.after_analysis(action)

    def analysis_failed(self) -> None:
        """No analysis will come: held keys act on the plain text."""
        self._analysed = True
        self._waiting.run()

    def set_annotations(self, annotations: list[Annotation], colours: dict[str, str]) -> None:
        """Draw tagged passages in their tag colour (orphans have no place to be drawn).

        Annotations of other stories are ignored, so this may be called before or after
        ``show`` of the story they belong to.
        """
        self._annotation_source = (annotations, colours)
        self._annotations = self._annotation_marks()
        self._update_layers()

    def _annotation_marks(self) -> SpanIndex:
        annotations, colours = self._annotation_source
        article_id = self.article.id if self.article is not None else None
        return story_marks.annotation_marks(annotations, colours, article_id)

    @property
    def focus_span(self) -> Span | None:
        return self.cursor.focus_span

    @property
    def selection_span(self) -> Span | None:
        return self.cursor.selection

    @property
    def target_span(self) -> Span | None:
        """What tag and copy act on: the selection if any, else the focus."""
        return self.cursor.target

    @property
    def focused_quote(self) -> Quote | None:
        """The quote in focus, or the quote holding the focused sentence or name."""
        return self.cursor.focused_quote

    @property
    def search_matches(self) -> list[Span]:
        return self._matches.spans

    def focus_offset(self, offset: int) -> None:
        """Put the focus on the unit at ``offset`` (used to jump to annotations, matches)."""
        unit = self.units.unit_at(offset)
        if unit is not None:
            self._set_focus(unit)

    def focus_person(self, name: str) -> None:
        """Put the focus on ``name``'s first quote, else on the first mention of them, at
        the top of the view; the text takes the keys."""
        unit = self.units.first_quote_of(name)
        if unit is None:
            for index, entity in enumerate(self.units.people):
                if self.units.group_name(entity) == name:
                    unit = self.units.person_unit(index)
                    break
        self.text_widget.focus()
        if unit is not None:
            self._set_focus(unit, "top")

    def focus_sentence_at(self, offset: int) -> None:
        """Put the focus on the sentence holding ``offset`` (a story opened where it was left)."""
        unit = self.units.sentence_at(offset)
        if unit is not None:
            self._set_focus(unit)

    # -- state -> screen -------------------------------------------------------------

    def _update_layers(self) -> None:
        focus = self.cursor.focus
        speaker = self.cursor.speaker
        selection = self.cursor.selection
        caret = self.cursor.caret
        self.text_widget.set_layers(
            Layers(
                quotes=self._quote_layer,
                names=self._name_layer,
                annotations=self._annotations,
                search=self._matches.marks,
                current_match=self._matches.current_mark,
                focus=Mark(focus.span.start, focus.span.end) if focus else None,
                speaker=Mark(speaker.start, speaker.end) if speaker else None,
                selection=Mark(selection.start, selection.end) if selection else None,
                caret=Mark(caret.start, caret.end) if caret else None,
            )
        )

    def focus_drawn(self) -> None:
        """Draw the cursor's focus where it is now and say what it is, without a scroll."""
        self._update_layers()
        self._status(self.cursor.describe())

    def _status(self, text: str) -> None:
        self.on_status(text)

    def _set_focus(self, unit: Unit, how: str = "nearest") -> None:
        self.cursor.put_focus(unit)
        self._show_focus(unit, how)

    def _show_focus(self, unit: Unit, how: str = "nearest") -> None:
        self._update_layers()
        self.text_widget.scroll_to_span(unit.span, how)
        self._status(self.cursor.describe())

    def _visible_focus(self) -> bool:
        span = self.cursor.focus_span
        if span is None:
            return False
        text = self.text_widget
        row = text.row_of(span.start)
        end_row = text.row_of(max(span.start, span.end - 1))
        top = int(text.scroll_offset.y)
        if row is None or end_row is None:
            return True  # still being wrapped: it was put there on purpose
        return end_row >= top and row < top + text.size.height

    def _move(self, finder: Callable[[int], Unit | None], forward: bool, what: str) -> None:
        if self.article is None:
            return
        text = self.text_widget
        unit = finder(
            self.cursor.origin(
                forward, self._visible_focus(), text.top_offset(), text.bottom_offset()
            )
        )
        if unit is not None:
            self._set_focus(unit)
            return
        self.app.bell()
        self._status(self.cursor.nothing_found(what, forward))

    # -- actions ---------------------------------------------------------------------

    def action_next_sentence(self) -> None:
        if not self._held(self.action_next_sentence):
            self._move(self.units.next_sentence, True, "sentence")

    def action_previous_sentence(self) -> None:
        if not self._held(self.action_previous_sentence):
            self._move(self.units.previous_sentence, False, "sentence")

    def action_next_paragraph(self) -> None:
        if not self._held(self.action_next_paragraph):
            self._move(self.units.next_paragraph, True, "paragraph")

    def action_previous_paragraph(self) -> None:
        if not self._held(self.action_previous_paragraph):
            self._move(self.units.previous_paragraph, False, "paragraph")

    def action_next_quote(self) -> None:
        if not self.after_analysis(self.action_next_quote):
            self._move(self.units.next_quote, True, "quote")

    def action_previous_quote(self) -> None:
        if not self.after_analysis(self.action_previous_quote):
            self._move(self.units.previous_quote, False, "quote")

    def action_next_person(self) -> None:
        if not self.after_analysis(self.action_next_person):
            self._move(self.units.next_person, True, "person")

    def action_previous_person(self) -> None:
        if not self.after_analysis(self.action_previous_person):
            self._move(self.units.previous_person, False, "person")

    def action_page_down(self) -> None:
        self.text_widget.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.text_widget.scroll_page_up(animate=False)

    def action_top(self) -> None:
        unit = self.units.first_sentence()
        if unit is not None:
            self._set_focus(unit)
        self.text_widget.scroll_to(y=0, animate=False, immediate=True)

    def action_end(self) -> None:
        unit = self.units.last_sentence()
        if unit is not None:
            self._set_focus(unit, "bottom")
            # Show the story's last line, not just the last sentence's.
            last = self.units.paragraphs[-1]
            self.text_widget.scroll_to_span(Span(last.end - 1, last.end), "bottom")

    def action_select(self) -> None:
        if self._held(self.action_select):
            return
        if self.cursor.focus is None:
            self.action_next_sentence()
        if self.cursor.select():
            self._selection_changed()

    def action_other_end(self) -> None:
        if self._held(self._other_end_when_run):
            return
        if not self.cursor.other_end():
            raise SkipAction()  # no selection: o is the app's (open in browser)
        self._selection_changed()

    def _other_end_when_run(self) -> None:
        # Pressed behind held keys (a v among them): by now there is a selection, or the
        # moment to open the browser has passed.
        if self.cursor.other_end():
            self._selection_changed()
        else:
            self.app.bell()

    def action_word_on(self) -> None:
        if self._held(self.action_word_on):
            return
        if self.cursor.selection is None:
            self.action_select()
            if self.cursor.selection is None:
                return
        self._after_word(self.cursor.word_on())

    def action_word_back(self) -> None:
        if self._held(self.action_word_back):
            return
        self._after_word(self.cursor.word_back())

    def _after_word(self, reached: int | None) -> None:
        if reached is None:
            self.app.bell()
            return
        self._selection_changed()
        # The character the moved end is now at: a start's first, an end's last.
        start = reached if self.cursor.moves_start else reached - 1
        self.text_widget.scroll_to_span(Span(start, start + 1))

    def _selection_changed(self) -> None:
        """Draw the selection and say its size. Keys now own it: the screen's own record of
        a drag is dropped (its news of that comes back as a ``MouseSelected(None)``)."""
        if not self.cursor.by_mouse:
            self.text_widget.screen.clear_selection()
        self._update_layers()
        self._status(self.cursor.describe())

    def action_clear(self) -> None:
        if self._search.display:
            self._close_search()
        elif self.cursor.clear_selection():
            self._selection_changed()
        elif self._matches:
            self._matches.clear()
            self._update_layers()
        else:
            raise SkipAction()  # the screen's turn: it may close a side panel

    def action_toggle_legend(self) -> None:
        legend = self._legend
        self.show_part(legend)
        legend.display = not legend.display

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        self.show_part(self._search)
        self._search.open(self._matches.query)

    def _close_search(self) -> None:
        self._search.close()
        self.text_widget.focus()

    def _find(self, query: str) -> None:
        self._matches.find_in_story(self.units.text, self.units.paragraphs, query)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        event.stop()
        matches = self._matches
        self._find(event.query)
        # Typing previews the first match from the top of the view; the focus stays.
        matches.current = matches.from_offset(self.text_widget.top_offset())
        self._update_layers()
        if (mark := matches.current_mark) is not None:
            self.text_widget.scroll_to_span(Span(mark.start, mark.end))
        self._status(matches.describe())

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        matches = self._matches
        if event.query != matches.query:
            self._find(event.query)
            matches.current = matches.from_offset(self.text_widget.top_offset())
        self._close_search()
        if matches.current is None:
            self._update_layers()
            self._status(matches.describe())
        else:
            self._go_to_match(matches.current)

    @on(SearchBar.Cancelled)
    def _search_cancelled(self, event: SearchBar.Cancelled) -> None:
        event.stop()
        self._close_search()

    def _go_to_match(self, index: int) -> None:
        """Focus the unit holding match ``index``: its quote when it lies in one."""
        self._matches.current = index
        mark = self._matches.marks.marks[index]
        unit = self.units.unit_at(mark.start)
        if unit is not None:
            self.cursor.focus = unit
        self._update_layers()
        self.text_widget.scroll_to_span(Span(mark.start, mark.end))
        focus = f" · {self.units.describe(unit)}" if unit is not None else ""
        self._status(self._matches.describe() + focus)

    def _match_origin(self) -> int:
        return self._matches.origin(
            self.cursor.focus, self._visible_focus(), self.text_widget.top_offset()
        )

    def action_next_match(self) -> None:
        index = self._matches.after(self._match_origin())
        if index is None:
            self.app.bell()
        else:
            self._go_to_match(index)

    def action_previous_match(self) -> None:
        index = self._matches.before(self._match_origin())
        if index is None:
            self.app.bell()
        else:
            self._go_to_match(index)

    # -- mouse -----------------------------------------------------------------------

    @on(ArticleText.Clicked)
    def _clicked(self, event: ArticleText.Clicked) -> None:
        event.stop()
        unit = self.units.unit_at(event.offset)
        if unit is None:
            return
        self.cursor.click(unit)
        self._show_focus(unit)

    @on(ArticleText.MouseSelected)
    def _mouse_selected(self, event: ArticleText.MouseSelected) -> None:
        """A drag is the selection, the same one keys make: y copies it, t tags it, and
        w, W and o go on from it."""
        event.stop()
        if event.span is None and not self.cursor.by_mouse:
            return  # the screen let go of a drag that keys had taken over
        self.cursor.select_by_mouse(event.span)
        self._update_layers()
        self._status(self.cursor.describe())
