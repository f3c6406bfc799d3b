"""Everyone quoted across the library, and everything each of them said.

The screen computes nothing: the app builds the people index in a worker and hands it
over with :meth:`PeopleScreen.set_people` (and the progress of the analyses with
:meth:`PeopleScreen.set_progress`). It is dismissed with the quote the reader chose to
open in its story, or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.citation import human_date, reference_for_article
from reader.safe_text import clean_line
from reader.services.identity import fold
from reader.services.people import Person, QuoteRecord, matches_words
from reader.ui.keys import PEOPLE_LIST_KEYS, PEOPLE_SCREEN_KEYS, QUOTE_LIST_KEYS, bindings
from reader.ui.widgets.key_footer import KeyFooter
from reader.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from reader.services.annotation_session import AnnotationSession
    from reader.services.library_session import LibrarySession
    from reader.ui.copying import Copier
    from reader.ui.screens.tag_dialog import TagRequest

SORTS: dict[str, str] = {"count": "most quoted", "name": "name", "date": "latest story"}


def _sort_key(order: str) -> Callable[[Person], tuple[object, ...]]:
    if order == "name":
        return lambda p: (p.name.casefold(), -len(p.quotes))
    if order == "date":
        # Latest first; people in undated stories only go last.
        return lambda p: (p.last is None, _negated(p.last or ""), -len(p.quotes))
    return lambda p: (-len(p.quotes), p.name.casefold())


def _negated(date: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in date)


class ChunkedList(OptionList):
    """An OptionList that lays out its options a chunk at a time, more as the cursor nears
    the end: a person quoted 2,000 times is listed at once, not after 2,000 wrapped labels."""

    CHUNK = 40

    def __init__(self, *content: Option, id: str | None = None) -> None:
        super().__init__(*content, id=id)
        self._make: Callable[[int], Text] = lambda number: Text(str(number))
        self._total = 0
        self._shown = 0
        self._separated = False

    @property
    def total(self) -> int:
        return self._total

    def show_items(self, total: int, make: Callable[[int], Text], *, separated: bool) -> None:
        """List ``total`` items, item ``n`` labelled ``make(n)``, the first chunk now."""
        self._make, self._total, self._separated = make, total, separated
        self._shown = min(total, self.CHUNK)
        self.set_options(self._chunk(0, self._shown))

    def show_more_near(self, index: int | None) -> None:
        """Lay out the next chunk when ``index`` is within a screen of the last shown."""
        if index is None or self._shown >= self._total or index < self._shown - 20:
            return
        start, self._shown = self._shown, min(self._total, self._shown + self.CHUNK)
        more = self._chunk(start, self._shown)
        self.add_options([None, *more] if self._separated else more)

    def _chunk(self, start: int, end: int) -> list[Option | None]:
        options: list[Option | None] = []
        for number in range(start, end):
            if self._separated and number > start:
                options.append(None)
            options.append(Option(self._make(number)))
        return options


class PeopleList(ChunkedList):
    BINDING_GROUP_TITLE = "People"
    BINDINGS = bindings(PEOPLE_LIST_KEYS)


class QuoteList(ChunkedList):
    BINDING_GROUP_TITLE = "Quotes"
    BINDINGS = bindings(QUOTE_LIST_KEYS)


class PeopleScreen(Screen[QuoteRecord | None]):
    """People on the left, the highlighted person's quotes across stories on the right."""

    CSS_PATH = Path(__file__).with_name("people_screen.tcss")
    BINDING_GROUP_TITLE = "People view"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(PEOPLE_SCREEN_KEYS))

    def __init__(
        self, annotations: AnnotationSession, library: LibrarySession, copier: Copier
    ) -> None:
        super().__init__()
        self._annotations = annotations  # `t` tags a quote as the reader does
        self._library = library
        self._copier = copier  # `y` copies as the reader's does, in its format
        self.sub_title = "People"
        self._all: list[Person] = []
        self._people: list[Person] = []  # as listed: filtered and sorted
        self._quotes: list[QuoteRecord] = []
        self.order = "count"
        self.loaded = False
        self._note = ""

    def compose(self) -> ComposeResult:
        yield TitleBar(icon="❝")
        with Horizontal(id="people-panes"):
            with Vertical(id="people-left") as left:
                left.border_title = "People"
                people_filter = Input(placeholder="filter people", id="people-filter")
                people_filter.display = False
                yield people_filter
                yield PeopleList(
                    Option(Text("Finding everyone quoted…", style="dim"), disabled=True),
                    id="people-list",
                )
                yield Static("", id="people-progress")
            quotes = QuoteList(id="people-quotes")
            quotes.border_title = "Quotes"
            yield quotes
        yield KeyFooter()

    def on_mount(self) -> None:
        self.people_list.focus()
        if self.loaded:  # the index was ready before the screen was
            self._show_people()
        elif self._note:
            self.query_one("#people-progress", Static).update(Text(self._note, style="dim"))

    @property
    def people_list(self) -> PeopleList:
        return self.query_one(PeopleList)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    @property
    def people(self) -> list[Person]:
        """The people as listed: filtered and sorted."""
        return list(self._people)

    @property
    def quotes(self) -> list[QuoteRecord]:
        """The highlighted person's quotes, as listed."""
        return list(self._quotes)

    @property
    def current_person(self) -> Person | None:
        index = self.people_list.highlighted
        if index is None or not 0 <= index < len(self._people):
            return None
        return self._people[index]

    @property
    def current_quote(self) -> QuoteRecord | None:
        index = self.quote_list.highlighted
        if index is None or not 0 <= index < len(self._quotes):
            return None
        return self._quotes[index]

    def set_progress(self, done: int, total: int) -> None:
        """How many of the library's stories are analysed, while the rest are."""
        self._note = f"Analysing stories… {done}/{total}"
        if self.is_mounted:
            self.query_one("#people-progress", Static).update(Text(self._note, style="dim"))

    def set_people(self, people: Sequence[Person], note: str = "") -> None:
        """The index, from the app's worker; shown once the screen is mounted."""
        self._all = list(people)
        self._note = note  # the progress note gives way to what went wrong, if anything
        self.loaded = True
        if self.is_mounted:
            self._show_people()

    def _show_people(self) -> None:
        self.query_one("#people-progress", Static).update(Text(self._note, style="dim"))
        self._list_people(keep=None)

    def _list_people(self, keep: Person | None) -> None:
        words = self._words()
        listed = [p for p in self._all if _named(p, words) or _said(p, words)]
        listed.sort(key=_sort_key(self.order))
        self._people = listed
        people_list = self.people_list
        people_list.show_items(len(listed), lambda n: _person_label(listed[n]), separated=False)
        left = self.query_one("#people-left")
        left.border_title = f"People · by {SORTS[self.order]}"
        left.border_subtitle = f"{len(listed)} of {len(self._all)}"
        if not listed:
            empty = "No one matches the filter." if words else "No one is quoted in these stories."
            people_list.add_option(Option(Text(empty, style="dim"), disabled=True))
            self._show_quotes(None)
            return
        at = listed.index(keep) if keep in listed else 0
        while at >= people_list.option_count:
            people_list.show_more_near(people_list.option_count - 1)
        people_list.highlighted = at
        self._show_quotes(self.current_person)

    def _words(self) -> list[str]:
        return fold(self.query_one("#people-filter", Input).value).split()

    def _show_quotes(self, person: Person | None) -> None:
        quotes = list(person.quotes) if person is not None else []
        words = self._words()
        if person is not None and words and not _named(person, words):
            # Listed for what they said: only the quotes holding the words.
            text = " ".join(words)
            quotes = [r for r in quotes if matches_words(r.quote.text, text)]
        self._quotes = quotes
        quote_list = self.quote_list
        quote_list.show_items(len(quotes), lambda n: _quote_label(quotes[n]), separated=True)
        quote_list.border_title = clean_line(person.name) if person is not None else "Quotes"
        if person is None:
            quote_list.border_subtitle = ""
            return
        shown = _count(len(quotes), "quote")
        if len(quotes) != len(person.quotes):
            shown = f"{len(quotes)} of {_count(len(person.quotes), 'quote')}"
        stories = _count(person.story_count, "story", "stories")
        quote_list.border_subtitle = f"{shown} · {stories}"

    def action_filter(self) -> None:
        people_filter = self.query_one("#people-filter", Input)
        people_filter.display = True
        people_filter.focus()

    @on(Input.Changed, "#people-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._list_people(keep=self.current_person)

    @on(Input.Submitted, "#people-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.people_list.focus()

    def action_cycle_sort(self) -> None:
        orders = list(SORTS)
        self.order = orders[(orders.index(self.order) + 1) % len(orders)]
        self._list_people(keep=self.current_person)

    @on(OptionList.OptionHighlighted, "#people-list")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.people_list.show_more_near(event.option_index)
        self._show_quotes(self.current_person)

    @on(OptionList.OptionHighlighted, "#people-quotes")
    def _quote_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.quote_list.show_more_near(event.option_index)

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self._quotes:
            self.quote_list.focus()
            if self.quote_list.highlighted is None:
                self.quote_list.highlighted = 0

    @on(OptionList.OptionSelected, "#people-quotes")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._quotes):
            self.dismiss(self._quotes[event.option_index])

    def action_copy_quotes(self) -> None:
        """The highlighted quote from the quotes list, else all the person's quotes."""
        from reader.citation import format_quote

        if self.quote_list.has_focus and self.current_quote is not None:
            records, what = [self.current_quote], "quote"
        else:
            records = list(self._quotes)
            what = _count(len(records), "quote")
        if not records:
            self.app.bell()
            self.notify("Highlight someone quoted first.")
            return
        style = self._copier.style
        text = "\n\n".join(
            format_quote(
                r.quote.text, speaker=r.speaker, role=r.quote.role, article=r.article, style=style
            )
            for r in records
        )
        self._copier.deliver(text, what)

    def action_tag_quote(self) -> None:
        """Tag the highlighted quote in its story, through the same dialog and session as
        the reader's `t`: the tag shows when the story is opened."""
        from reader.ui.screens.tag_dialog import TagDialog

        record = self.current_quote if self.quote_list.has_focus else None
        if record is None:
            self.app.bell()
            self.notify("Highlight a quote first: enter lists the person's quotes.")
            return
        problem = self._annotations.cannot_save()
        if problem is not None:
            self.notify(problem.text, title=problem.title, severity="error", markup=False)
            return
        dialog = TagDialog(
            excerpt=record.article.text[record.quote.start : record.quote.end],
            known_tags=self._annotations.known_tags,
            colours=self._annotations.tag_colours,
        )
        self.app.push_screen(dialog, lambda request: self._tag_chosen(record, request))

    def _tag_chosen(self, record: QuoteRecord, request: TagRequest | None) -> None:
        if request is None:
            return
        article, quote = record.article, record.quote
        self._annotations.tag(
            article,
            quote.span,
            request.tags,
            request.note,
            request.colours,
            self._library.analyses.get(article.id),
        )

    def action_close(self) -> None:
        people_filter = self.query_one("#people-filter", Input)
        if people_filter.display:
            keep = self.current_person
            people_filter.value = ""
            people_filter.display = False
            self._list_people(keep=keep)
            self.people_list.focus()
            return
        self.dismiss(None)

    def action_switch_list(self) -> None:
        if self.people_list.has_focus or self.query_one("#people-filter").has_focus:
            if self._quotes:
                self.quote_list.focus()
                if self.quote_list.highlighted is None:
                    self.quote_list.highlighted = 0
        else:
            self.people_list.focus()


def _named(person: Person, words: list[str]) -> bool:
    """Whether the words are all in the person's names and roles."""
    haystack = fold(" ".join([person.name, *person.variants, *person.roles]))
    return all(word in haystack for word in words)


def _said(person: Person, words: list[str]) -> bool:
    """Whether one of the person's quotes holds all the words."""
    text = " ".join(words)
    return any(matches_words(r.quote.text, text) for r in person.quotes)


def _person_label(person: Person) -> Text:
    label = Text()
    label.append(clean_line(person.name), style="bold")
    label.append("  org" if person.kind == "ORG" else "", style="dim italic")
    label.append(
        f"\n  {_count(len(person.quotes), 'quote')} · "
        f"{_count(person.story_count, 'story', 'stories')}",
        style="dim",
    )
    if person.roles:
        label.append(f" · {clean_line(', '.join(person.roles[:2]))}", style="dim")
    dates = [human_date(d) or d for d in (person.first, person.last) if d]
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"
        label.append(f"\n  {span}", style="dim")
    return label


def _quote_label(record: QuoteRecord) -> Text:
    article = record.article
    label = Text(clean_line(record.quote.text))
    where = [clean_line(article.title or "Untitled")]
    reference = reference_for_article(article)
    outlet = reference.site or reference.agency
    if outlet:
        where.append(clean_line(outlet))
    date = human_date(article.published)
    if date:
        where.append(date)
    label.append("\n  " + " · ".join(where), style="dim")
    return label


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"
