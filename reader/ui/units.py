"""The units the reader's focus moves by: sentences, paragraphs, quotes and people's names.

Everything is an offset range of ``Article.text``. Sentences are found per paragraph
when first needed (and cached), so a huge story costs nothing until the reader moves
through it. No Textual here: the widget asks, this module answers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, countOf, indexOf
from typing import Generic, TypeVar

from reader.model import Analysis, Entity, EntityGroup, Quote, Span

# Sentence ends: terminal punctuation, closing quotes or brackets, then whitespace.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
_OPENERS = "\"'“‘«([—-"
_WORD = re.compile(r"\S+")
_WORD_BEFORE_DOT = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)[.]$")
# Abbreviations after which a capitalised word does not start a new sentence.
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt",
        "capt", "maj", "adm", "gens", "sens", "reps", "hon", "rev", "st", "mt", "jr", "sr",
        "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept",
        "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "d.c", "e.g", "i.e", "etc", "dept",
        "pres", "atty", "cmdr", "supt",
    }
)  # fmt: skip
_START = attrgetter("start")
_SPEAKER = attrgetter("speaker")
_Item = TypeVar("_Item", Quote, Entity)
# Above this size the sentence total is not counted up front (it would read the whole story).
_COUNT_ALL_SENTENCES_BELOW = 2_000_000
# Nor above this many paragraphs: splitting each costs ~5 us, and a story of 250,000 short
# paragraphs froze its first key press for over a second.
_COUNT_ALL_PARAGRAPHS_BELOW = 20_000


@dataclass(slots=True, frozen=True)
class Unit:
    """A span the focus can sit on, with what the status bar says about it."""

    kind: str  # "sentence", "paragraph", "quote" or "person"
    span: Span
    index: int  # 0-based position among units of this kind (sentences: in the article)
    total: int | None = None
    quote: Quote | None = None
    entity: Entity | None = None
    paragraph: int = 0


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of ``text[start:end]``, whitespace trimmed; at least one if non-blank."""
    spans: list[Span] = []
    sentence_start = _skip_space(text, start, end)
    for match in _SENTENCE_END.finditer(text, sentence_start, end):
        after = match.end()
        if after >= end or not _starts_sentence(text, after, end):
            continue
        if _is_abbreviation(text, sentence_start, match.start() + 1):
            continue
        stop = match.end()
        while stop > sentence_start and text[stop - 1].isspace():
            stop -= 1
        if stop > sentence_start:
            spans.append(Span(sentence_start, stop))
        sentence_start = after
    stop = end
    while stop > sentence_start and text[stop - 1].isspace():
        stop -= 1
    if stop > sentence_start:
        spans.append(Span(sentence_start, stop))
    return spans


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _starts_sentence(text: str, index: int, end: int) -> bool:
    while index < end and text[index] in _OPENERS:
        index += 1
    return index < end and (text[index].isupper() or text[index].isdigit())


def _is_abbreviation(text: str, floor: int, dot_end: int) -> bool:
    if text[dot_end - 1] != ".":
        return False
    match = _WORD_BEFORE_DOT.search(text, max(floor, dot_end - 12), dot_end)
    if match is None:
        return False
    word = match.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


class _Grown:
    """Where the items new since last time begin in a list that may have grown at its end.

    A long story's analysis lands block by block, each block's lists holding the same
    objects as the last one's and more after them (reader.analysis_process.Merger): the
    last item seen, still at its place, means nothing was put before it.
    """

    __slots__ = ("_last", "_seen")

    def __init__(self) -> None:
        self._seen = 0
        self._last: object = None

    def new_from(self, items: Sequence[object]) -> int:
        """Index of the first item not seen before (0: the list is another one)."""
        seen = self._seen
        grown = 0 < seen <= len(items) and items[seen - 1] is self._last
        self._seen = len(items)
        self._last = items[-1] if items else None
        return seen if grown else 0


class _ByStart(Generic[_Item]):
    """The items of an analysis list that ``keep`` picks, in text order, with their starts.

    Sorting the whole story's quotes and names again for every block of its analysis
    cost a 49 MB story's keys up to ~200 ms each while it was analysed: only the items
    added since the last block are picked and sorted, when they all come after the rest.
    """

    __slots__ = ("_keep", "_seen", "items", "starts")

    def __init__(self, keep: Callable[[_Item], bool]) -> None:
        self._keep: Callable[[_Item], bool] = keep
        self._seen = _Grown()
        self.items: list[_Item] = []
        self.starts: list[int] = []

    def update(self, source: Sequence[_Item]) -> None:
        first = self._seen.new_from(source)
        if not first:
            self.items, self.starts = [], []
        added = sorted(filter(self._keep, source[first:]), key=_START)
        if not added:
            return
        if self.starts and added[0].start < self.starts[-1]:
            # Something lands before items already placed: place them all again.
            added = sorted(self.items + added, key=_START)
            self.items, self.starts = [], []
        self.items += added
        self.starts += map(_START, added)


class Units:
    """Finds the next, previous and enclosing unit of each kind around an offset."""

    def __init__(self, text: str, paragraphs: Sequence[Span], analysis: Analysis | None = None):
        self.text = text
        self.paragraphs = paragraphs
        # False for a long story's opening (reader/ui/opening.py): units are counted in
        # what is there, but no total is given, as the story goes on past it.
        self.whole = True
        self._sentences = lru_cache(maxsize=4096)(self._split_paragraph)
        self._sentence_before: list[int] | None = None  # sentences before each paragraph
        self._quotes = _ByStart[Quote](lambda quote: quote.kind == "quote")
        self._people = _ByStart[Entity](lambda entity: entity.label == "PER")
        self._groups: dict[int, EntityGroup] = {}
        self._groups_seen = _Grown()
        self.set_analysis(analysis or Analysis())

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._quotes.update(analysis.quotes)
        self.quotes, self._quote_starts = self._quotes.items, self._quotes.starts
        self._people.update(analysis.entities)
        self.people, self._people_starts = self._people.items, self._people.starts
        first = self._groups_seen.new_from(analysis.groups)
        if not first:
            self._groups = {}
        for group in analysis.groups[first:]:
            self._groups[group.id] = group

    # -- paragraphs and sentences ------------------------------------------------------

    def paragraph_at(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraphs, offset, key=_START) - 1)

    def _split_paragraph(self, number: int) -> list[Span]:
        span = self.paragraphs[number]
        return split_sentences(self.text, span.start, span.end)

    def sentences(self, paragraph: int) -> list[Span]:
        return self._sentences(paragraph)

    def sentence_total(self) -> int | None:
        """Sentences in the whole story, or None for a story too big to count eagerly."""
        if self._sentence_before is None:
            if (
                not self.whole
                or len(self.text) >= _COUNT_ALL_SENTENCES_BELOW
                or len(self.paragraphs) >= _COUNT_ALL_PARAGRAPHS_BELOW
            ):
                return None
            before, count = [], 0
            for number in range(len(self.paragraphs)):
                before.append(count)
                count += len(self.sentences(number))
            before.append(count)
            self._sentence_before = before
        return self._sentence_before[-1]

    def _sentence_unit(self, paragraph: int, index: int) -> Unit:
        span = self.sentences(paragraph)[index]
        total = self.sentence_total()
        if total is not None and self._sentence_before is not None:
            return Unit(
                "sentence",
                span,
                self._sentence_before[paragraph] + index,
                total,
                paragraph=paragraph,
            )
        return Unit("sentence", span, index, None, paragraph=paragraph)

    def sentence_at(self, offset: int) -> Unit | None:
        if not self.paragraphs:
            return None
        paragraph = self.paragraph_at(offset)
        spans = self.sentences(paragraph)
        if not spans:
            return None
        index = max(0, bisect_right([span.start for span in spans], offset) - 1)
        return self._sentence_unit(paragraph, index)

    def next_sentence(self, origin: int) -> Unit | None:
        """The first sentence starting after ``origin``."""
        if not self.paragraphs:
            return None
        for paragraph in range(self.paragraph_at(origin), len(self.paragraphs)):
            for index, span in enumerate(self.sentences(paragraph)):
                if span.start > origin:
                    return self._sentence_unit(paragraph, index)
        return None

    def previous_sentence(self, origin: int) -> Unit | None:
        """The last sentence starting before ``origin``."""
        if not self.paragraphs:
            return None
        for paragraph in range(self.paragraph_at(origin), -1, -1):
            spans = self.sentences(paragraph)
            for index in range(len(spans) - 1, -1, -1):
                if spans[index].start < origin:
                    return self._sentence_unit(paragraph, index)
        return None

    def first_sentence(self) -> Unit | None:
        return self.next_sentence(-1)

    def last_sentence(self) -> Unit | None:
        return self.previous_sentence(len(self.text) + 1)

    def paragraph_unit(self, number: int) -> Unit:
        return Unit(
            "paragraph", self.paragraphs[number], number, len(self.paragraphs), paragraph=number
        )

    def next_paragraph(self, origin: int) -> Unit | None:
        number = bisect_right(self.paragraphs, origin, key=_START)
        return self.paragraph_unit(number) if number < len(self.paragraphs) else None

    def previous_paragraph(self, origin: int) -> Unit | None:
        number = bisect_left(self.paragraphs, origin, key=_START) - 1
        return self.paragraph_unit(number) if number >= 0 else None

    # -- quotes and people -----------------------------------------------------------------

    def quote_unit(self, index: int) -> Unit:
        quote = self.quotes[index]
        return Unit(
            "quote",
            quote.span,
            index,
            len(self.quotes),
            quote=quote,
            paragraph=self.paragraph_at(quote.start),
        )

    def next_quote(self, origin: int) -> Unit | None:
        index = bisect_right(self._quote_starts, origin)
        return self.quote_unit(index) if index < len(self.quotes) else None

    def previous_quote(self, origin: int) -> Unit | None:
        index = bisect_left(self._quote_starts, origin) - 1
        return self.quote_unit(index) if index >= 0 else None

    def quote_at(self, offset: int) -> Unit | None:
        """The innermost detected quote holding ``offset``."""
        index = bisect_right(self._quote_starts, offset) - 1
        while index >= 0:
            if self.quotes[index].span.contains(offset):
                return self.quote_unit(index)
            index -= 1
            # Quotes rarely nest; look back only a few.
            if index >= 0 and offset - self.quotes[index].start > 20_000:
                break
        return None

    def person_unit(self, index: int) -> Unit:
        entity = self.people[index]
        return Unit(
            "person",
            entity.span,
            index,
            len(self.people),
            entity=entity,
            paragraph=self.paragraph_at(entity.start),
        )

    def next_person(self, origin: int) -> Unit | None:
        index = bisect_right(self._people_starts, origin)
        return self.person_unit(index) if index < len(self.people) else None

    def previous_person(self, origin: int) -> Unit | None:
        index = bisect_left(self._people_starts, origin) - 1
        return self.person_unit(index) if index >= 0 else None

    def unit_at(self, offset: int) -> Unit | None:
        """What a click at ``offset`` focuses: the quote there, else the sentence."""
        return self.quote_at(offset) or self.sentence_at(offset)

    def first_quote_of(self, speaker: str) -> Unit | None:
        # Looked for in C: the people panel's last person in a story of 100,000 quotes.
        try:
            return self.quote_unit(indexOf(map(_SPEAKER, self.quotes), speaker))
        except ValueError:
            return None

    def group_name(self, entity: Entity) -> str:
        group = self._groups.get(entity.group) if entity.group is not None else None
        return group.name if group is not None else entity.text

    # -- words, for moving either end of a selection ------------------------------------------
    # A word is a run of non-space characters ("mindset," and all), as vim's WORD: an end
    # stops after one, a start before one.

    def word_end_after(self, offset: int) -> int | None:
        """End of the first word ending after ``offset`` (None at the end of the story)."""
        match = _WORD.search(self.text, offset)
        return match.end() if match is not None else None

    def word_end_before(self, offset: int, floor: int) -> int | None:
        """End of the last word ending before ``offset`` and after ``floor``."""
        index = offset - 1
        text = self.text
        while index > floor and not text[index - 1].isspace():
            index -= 1  # back over the last word
        while index > floor and text[index - 1].isspace():
            index -= 1  # and the spaces before it
        return index if index > floor else None

    def word_start_after(self, offset: int, ceiling: int) -> int | None:
        """Start of the first word starting after ``offset`` and before ``ceiling``."""
        index = offset
        text = self.text
        while index < ceiling and not text[index].isspace():
            index += 1  # over the word ``offset`` is in
        while index < ceiling and text[index].isspace():
            index += 1  # and the spaces after it
        return index if index < ceiling else None

    def word_start_before(self, offset: int, floor: int) -> int | None:
        """Start of the last word starting before ``offset``, at ``floor`` or after it."""
        index = offset
        text = self.text
        while index > floor and text[index - 1].isspace():
            index -= 1  # back over the spaces before ``offset``
        while index > floor and not text[index - 1].isspace():
            index -= 1  # and the word before them
        return index if index < offset and not text[index].isspace() else None

    # -- status line ---------------------------------------------------------------------

    def describe(self, unit: Unit) -> str:
        """What the status bar says about a focused unit."""
        if unit.kind == "quote":
            # Here, not at the top: the citation module (its patterns, its dataclass)
            # is not needed before a quote is focused, and the first frame need not wait.
            from reader.citation import UNCERTAIN_BELOW

            quote = unit.quote
            speaker = quote.speaker if quote and quote.speaker else "speaker unknown"
            if quote is not None and quote.speaker and quote.role:
                speaker = f"{speaker}, {quote.role}"
            if quote is not None and quote.speaker and quote.confidence < UNCERTAIN_BELOW:
                speaker += " (uncertain)"
            return f"Quote {unit.index + 1}/{unit.total} · {speaker}"
        if unit.kind == "person":
            assert unit.entity is not None
            name = self.group_name(unit.entity)
            quoted = countOf(map(_SPEAKER, self.quotes), name)
            said = f" · quoted {quoted}×" if quoted else ""
            return f"Person {unit.index + 1}/{unit.total} · {name}{said}"
        paragraph = f"Paragraph {unit.paragraph + 1}"
        if self.whole:
            paragraph += f"/{len(self.paragraphs)}"
        if unit.kind == "paragraph":
            words = len(_WORD.findall(self.text, unit.span.start, unit.span.end))
            return f"{paragraph} · {words} words"
        if unit.total is not None:
            return f"Sentence {unit.index + 1}/{unit.total} · {paragraph}"
        in_paragraph = len(self.sentences(unit.paragraph))
        return f"Sentence {unit.index + 1}/{in_paragraph} of {paragraph.lower()}"
