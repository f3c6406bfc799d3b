"""The reader pane: a story drawn line by line with highlights and a keyboard focus.

``ArticleView`` is the pane other code talks to (``show``, ``set_analysis``, ``target_span``
...): the reading state (focus, selection, search) and the side widgets (search bar,
legend, people panel). ``ArticleText`` (article_text.py) inside it draws the rows.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget

from reader.model import Analysis, Annotation, Article, Quote, Span
from reader.ui.counts import counted
from reader.ui.held_keys import HeldKeys
from reader.ui.keys import ARTICLE_KEYS, bindings
from reader.ui.layers import NAME_LABELS, Layers, Mark, Painter, SpanIndex, ThemePalette
from reader.ui.units import Unit, Units
from reader.ui.widgets.article_text import ArticleText, HeaderLine
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.people_panel import PeoplePanel
from reader.ui.widgets.search_bar import SearchBar, SearchMatches
from reader.ui.wrap import paragraph_spans

__all__ = ["ArticleText", "ArticleView", "HeaderLine"]


class ArticleView(Widget):
    """The reader pane: show a story, move a focus through it, select, search."""

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

    class StatusChanged(Message):
        """What the focus or selection is now, for the status bar."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.analysis = Analysis()
        self._analysed = False
        # Keys that need the analysis (n, p, t, y ...) pressed before it landed, in order.
        self._waiting = HeldKeys(self, self._status)
        self.units = Units("", [])
        self._focus: Unit | None = None
        self._anchor: Span | None = None  # where a keyboard selection started
        self._selection: Span | None = None
        self._mouse_selection: Span | None = None
        self._annotations = SpanIndex()
        self._annotation_source: tuple[list[Annotation], dict[str, str]] = ([], {})
        self._quote_layer = SpanIndex()
        self._name_layer = SpanIndex()
        self._matches = SearchMatches()
        # Built here, not in compose, so show() works before the pane is mounted.
        self._text = ArticleText(id="article-text")
        self._people = PeoplePanel(id="article-people")
        self._legend = Legend(id="article-legend")
        self._search = SearchBar(id="article-search")

    def compose(self) -> ComposeResult:
        with Horizontal(id="article-row"):
            yield self._text
            yield self._people
        yield self._legend
        yield self._search

    @property
    def text_widget(self) -> ArticleText:
        return self._text

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
        self._legend.set_painter(painter)

    def focus(self, scroll_visible: bool = True) -> ArticleView:
        """Keyboard focus goes to the text (or the open search bar)."""
        self.text_widget.focus(scroll_visible)
        return self

    # -- public API ------------------------------------------------------------------

    def show(self, article: Article) -> None:
        """Show a story: its text at once; highlights come with ``set_analysis``."""
        self.article = article
        paragraphs = article.paragraphs or paragraph_spans(article.text, article.body_start)
        self.analysis = Analysis()
        self._analysed = False
        self._waiting.drop()  # keys pressed for the story before are not for this one
        self.units = Units(article.text, paragraphs)
        self._quote_layer = self._name_layer = SpanIndex()
        self._focus = self._anchor = self._selection = self._mouse_selection = None
        self._annotations = self._annotation_marks()
        self._matches.clear()
        self._people.set_people(self.analysis)
        self.text_widget.load(article, paragraphs)
        self._update_layers()
        words = "" if not paragraphs else counted(len(paragraphs), "paragraph")
        self._status(f"{article.title} · {words}" if words else article.title)

    @staticmethod
    def analysis_layers(analysis: Analysis) -> tuple[SpanIndex, SpanIndex]:
        """The quote and name layers of ``analysis``: built once per analysis, so a key
        press only changes the focus and selection marks. Pure: a thread may build them
        for a long story, and the UI thread only swaps them in."""
        quotes = SpanIndex(Mark(q.start, q.end) for q in analysis.quotes if q.kind == "quote")
        names = SpanIndex(
            Mark(e.start, e.end, e.label) for e in analysis.entities if e.label in NAME_LABELS
        )
        return quotes, names

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
        self.analysis = analysis
        self._analysed = complete
        self.units.set_analysis(analysis)
        self._quote_layer, self._name_layer = layers or self.analysis_layers(analysis)
        self._people.set_people(analysis)
        if self._focus is not None:
            # The old focus may point at a quote of an earlier analysis: find it again.
            self._focus = self._same_unit(self._focus)
        self._update_layers()
        if not complete:
            return
        if self._focus is not None:
            self._status(self._describe())
        elif self._selection is None:
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

    def _same_unit(self, unit: Unit) -> Unit | None:
        start = unit.span.start
        units = self.units
        if unit.kind == "quote":
            found = units.quote_at(start)
            return found if found is not None else units.sentence_at(start)
        if unit.kind == "person":
            found = units.next_person(start - 1)
            if found is not None and found.span == unit.span:
                return found
            return units.sentence_at(start)
        return unit  # sentences and paragraphs do not depend on the analysis

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
        marks = []
        for note in annotations:
            if note.orphan or (article_id is not None and note.article_id != article_id):
                continue
            colour = note.colour or next(
                (colours[tag] for tag in note.tags if tag in colours), None
            )
            marks.append(Mark(note.selector.start, note.selector.end, colour or ""))
        return SpanIndex(marks)

    @property
    def focus_span(self) -> Span | None:
        return self._focus.span if self._focus is not None else None

    @property
    def selection_span(self) -> Span | None:
        return self._selection or self._mouse_selection

    @property
    def target_span(self) -> Span | None:
        """What tag and copy act on: the selection if any, else the focus."""
        return self.selection_span or self.focus_span

    @property
    def focused_quote(self) -> Quote | None:
        """The quote in focus, or the quote holding the focused sentence or name."""
        if self._focus is None:
            return None
        if self._focus.quote is not None:
            return self._focus.quote
        holder = self.units.quote_at(self._focus.span.start)
        if holder is not None and holder.span.end >= self._focus.span.end:
            return holder.quote
        return None

    @property
    def search_matches(self) -> list[Span]:
        return [Span(mark.start, mark.end) for mark in self._matches.marks.marks]

    def focus_offset(self, offset: int) -> None:
        """Put the focus on the unit at ``offset`` (used to jump to annotations, matches)."""
        unit = self.units.unit_at(offset)
        if unit is not None:
            self._set_focus(unit)

    def focus_sentence_at(self, offset: int) -> None:
        """Put the focus on the sentence holding ``offset`` (a story opened where it was left)."""
        unit = self.units.sentence_at(offset)
        if unit is not None:
            self._set_focus(unit)

    # -- state -> screen -------------------------------------------------------------

    def _update_layers(self) -> None:
        focus = self._focus
        speaker = None
        if focus is not None and focus.quote is not None:
            quote = focus.quote
            if quote.speaker_start is not None and quote.speaker_end is not None:
                speaker = Mark(quote.speaker_start, quote.speaker_end)
        selection = self.selection_span
        self.text_widget.set_layers(
            Layers(
                quotes=self._quote_layer,
                names=self._name_layer,
                annotations=self._annotations,
                search=self._matches.marks,
                current_match=self._matches.current_mark,
                focus=Mark(focus.span.start, focus.span.end) if focus else None,
                speaker=speaker,
                selection=Mark(selection.start, selection.end) if selection else None,
            )
        )

    def _status(self, text: str) -> None:
        self.post_message(self.StatusChanged(text))

    def _set_focus(self, unit: Unit, how: str = "nearest") -> None:
        self._focus = unit
        if self._anchor is not None:
            start = min(self._anchor.start, unit.span.start)
            end = max(self._anchor.end, unit.span.end)
            self._selection = Span(start, end)
        self._update_layers()
        self.text_widget.scroll_to_span(unit.span, how)
        self._status(self._describe())

    def _describe(self) -> str:
        selection = self.selection_span
        if selection is not None and self.article is not None:
            words = len(self.article.text[selection.start : selection.end].split())
            return f"Selection · {words} words · {len(selection)} characters"
        if self._focus is not None:
            return self.units.describe(self._focus)
        return ""

    def _visible_focus(self) -> bool:
        if self._focus is None:
            return False
        text = self.text_widget
        row = text.row_of(self._focus.span.start)
        end_row = text.row_of(max(self._focus.span.start, self._focus.span.end - 1))
        top = int(text.scroll_offset.y)
        if row is None or end_row is None:
            return True  # still being wrapped: it was put there on purpose
        return end_row >= top and row < top + text.size.height

    def _move(self, finder: Callable[[int], Unit | None], forward: bool, what: str) -> None:
        if self.article is None:
            return
        text = self.text_widget
        if self._visible_focus():
            assert self._focus is not None
            origin = self._focus.span.start
        elif forward:
            origin = text.top_offset() - 1
        else:
            origin = text.bottom_offset() + 1
        unit = finder(origin)
        if unit is not None:
            self._set_focus(unit)
            return
        self.app.bell()
        if what in ("quote", "person") and not self._count(what):
            self._status(f"No {'quotes' if what == 'quote' else 'people'} found in this story")
        else:
            self._status(f"No {what} {'after' if forward else 'before'} this one")

    def _count(self, what: str) -> int:
        return len(self.units.quotes) if what == "quote" else len(self.units.people)

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
        if self._focus is None:
            self.action_next_sentence()
        if self._focus is None:
            return
        self._mouse_selection = None
        self.text_widget.screen.clear_selection()
        self._anchor = self._focus.span
        self._selection = self._focus.span
        self._update_layers()
        self._status(self._describe())

    def action_grow_word(self) -> None:
        if self._held(self.action_grow_word):
            return
        if self._selection is None:
            self.action_select()
        if self._selection is None:
            return
        end = self.units.word_end_after(self._selection.end)
        if end is None:
            self.app.bell()
            return
        self._resize_selection(end)

    def action_shrink_word(self) -> None:
        if self._held(self.action_shrink_word):
            return
        if self._selection is None:
            self.app.bell()
            return
        end = self.units.word_end_before(self._selection.end, self._selection.start)
        if end is None:
            self.app.bell()
            return
        self._resize_selection(end)

    def _resize_selection(self, end: int) -> None:
        assert self._selection is not None
        self._selection = Span(self._selection.start, end)
        self._anchor = self._selection
        self._update_layers()
        self.text_widget.scroll_to_span(Span(max(self._selection.start, end - 1), end))
        self._status(self._describe())

    def action_clear(self) -> None:
        if self._search.display:
            self._close_search()
        elif self.selection_span is not None:
            self._anchor = self._selection = self._mouse_selection = None
            self.text_widget.screen.clear_selection()
            self._update_layers()
            self._status(self._describe())
        elif self._matches:
            self._matches.clear()
            self._update_layers()
        elif self._people.display:
            self.action_toggle_people()
        else:
            raise SkipAction()

    def action_toggle_legend(self) -> None:
        legend = self._legend
        legend.display = not legend.display

    def action_toggle_people(self) -> None:
        panel = self._people
        if not panel.display:
            panel.fill()
        panel.display = not panel.display
        if panel.display:
            if panel.highlighted is None and panel.option_count:
                panel.highlighted = 0
            panel.focus()
        else:
            self.text_widget.focus()

    @on(PeoplePanel.Picked)
    def _jump_to_person(self, event: PeoplePanel.Picked) -> None:
        event.stop()
        unit = self.units.first_quote_of(event.name)
        if unit is None:
            for index, entity in enumerate(self.units.people):
                if self.units.group_name(entity) == event.name:
                    unit = self.units.person_unit(index)
                    break
        self.text_widget.focus()
        if unit is not None:
            self._set_focus(unit, "top")

    @on(PeoplePanel.Closed)
    def _people_closed(self, event: PeoplePanel.Closed) -> None:
        event.stop()
        self._people.display = False
        self.text_widget.focus()

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        self._search.open(self._matches.query)

    def _close_search(self) -> None:
        self._search.close()
        self.text_widget.focus()

    def _find(self, query: str) -> None:
        paragraphs = self.units.paragraphs
        if self.article is None or not paragraphs:
            self._matches.clear()
            return
        self._matches.find(self.article.text, query, paragraphs[0].start, paragraphs[-1].end)

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
            self._focus = unit
        self._update_layers()
        self.text_widget.scroll_to_span(Span(mark.start, mark.end))
        focus = f" · {self.units.describe(unit)}" if unit is not None else ""
        self._status(self._matches.describe() + focus)

    def _match_origin(self) -> int:
        mark = self._matches.current_mark
        focus = self._focus
        if mark is not None and (focus is None or focus.span.contains(mark.start)):
            return mark.start
        if focus is not None and self._visible_focus():
            return focus.span.start
        return self.text_widget.top_offset() - 1

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
        self._anchor = self._selection = None
        self._set_focus(unit)

    @on(ArticleText.MouseSelected)
    def _mouse_selected(self, event: ArticleText.MouseSelected) -> None:
        event.stop()
        self._mouse_selection = event.span
        if event.span is not None:
            self._anchor = self._selection = None
        self._update_layers()
        self._status(self._describe())
