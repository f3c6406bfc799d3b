"""Plain data shared by every stage: sources, analysis, store, export and UI.

Offsets are Python ``str`` indices (code points) into ``Article.text``,
end-exclusive. Nothing here imports Textual or does I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class Span:
    """A half-open range ``[start, end)`` of ``Article.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(slots=True)
class Article:
    """One story, as loaded from a file, feed item or web page.

    ``text`` is the whole decoded document (newlines normalised to ``\\n``),
    header block included, so analysis offsets line up with the source file.
    ``paragraphs`` are spans of ``text`` holding the body; a hard line break
    inside a paragraph is a soft one, so re-flowing it for display is a
    one-to-one character mapping (``\\n`` shown as a space).
    """

    id: str
    text: str
    title: str
    byline: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    path: str | None = None
    url: str | None = None
    site: str | None = None
    body_start: int = 0
    # A list, or a compact reader.span_table.SpanTable for a story of many paragraphs.
    paragraphs: Sequence[Span] = field(default_factory=list)
    # The web address fetched to get the story (a feed's address, for its items), so it
    # can be read again; None for a file, which ``path`` names.
    origin: str | None = None
    # How the text was read when that was not certain ("Windows-1251 (guessed)",
    # "2 NUL bytes removed"), for the status bar; None when the file said it all.
    reading_note: str | None = None

    @property
    def location(self) -> str:
        """Where the story came from: its URL, else its path, else its id."""
        return self.url or self.path or self.id


# Quote, Entity and EntityGroup write their __init__ out (init=False): the analysis
# makes thousands of them per article, and compiled with mypyc (see reader/compiled.py)
# a written-out __init__ is a native constructor, where the one dataclasses generates
# would still run as Python.


@dataclass(slots=True, init=False)
class Quote:
    """A direct quotation. ``start``/``end`` include the quotation marks."""

    start: int
    end: int
    text: str
    speaker: str | None = None  # fullest name used in the article
    speaker_start: int | None = None  # mention that attributes the quote
    speaker_end: int | None = None
    cue: str | None = None  # said / told / added / according to / ":" ...
    kind: str = "quote"  # "quote" (speech) or "scare" (scare quote / title)
    role: str | None = None  # title kept apart from the name: "Deputy Foreign Minister"
    confidence: float = 1.0

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        speaker: str | None = None,
        speaker_start: int | None = None,
        speaker_end: int | None = None,
        cue: str | None = None,
        kind: str = "quote",
        role: str | None = None,
        confidence: float = 1.0,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.speaker = speaker
        self.speaker_start = speaker_start
        self.speaker_end = speaker_end
        self.cue = cue
        self.kind = kind
        self.role = role
        self.confidence = confidence

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True, init=False)
class Entity:
    """A name: PER, ORG, LOC or MISC. ``group`` joins mentions of one entity."""

    start: int
    end: int
    text: str
    label: str
    group: int | None = None

    def __init__(
        self, start: int, end: int, text: str, label: str, group: int | None = None
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.label = label
        self.group = group

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True, init=False)
class EntityGroup:
    """All mentions of one entity, named by its fullest form."""

    id: int
    name: str
    label: str
    mentions: list[Entity] = field(default_factory=list)
    quote_count: int = 0

    def __init__(
        self,
        id: int,
        name: str,
        label: str,
        mentions: list[Entity] | None = None,
        quote_count: int = 0,
    ) -> None:
        self.id = id
        self.name = name
        self.label = label
        self.mentions = [] if mentions is None else mentions
        self.quote_count = quote_count


@dataclass(slots=True)
class Analysis:
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    groups: list[EntityGroup] = field(default_factory=list)


@dataclass(slots=True)
class Selector:
    """Where an annotation sits: a W3C TextQuoteSelector plus TextPositionSelector."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(slots=True)
class Annotation:
    """One tagged passage; maps one-to-one onto a W3C Web Annotation."""

    id: str
    article_id: str
    source: str  # path or URL of the story
    title: str
    created: str  # UTC ISO 8601
    updated: str
    selector: Selector
    tags: list[str] = field(default_factory=list)
    note: str = ""
    colour: str | None = None
    speaker: str | None = None
    orphan: bool = False  # could not be re-anchored in the current text
    # The words now at the passage when the story was edited there: ``selector.exact``
    # keeps the words the reader tagged until they accept the new ones. None: unchanged.
    reworded: str | None = None
