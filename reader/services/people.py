"""The people index: everyone quoted across a set of stories, and every quote of each.

Built from each story's own analysis (its quotes, speakers and entity groups), then
joined across stories by :mod:`reader.services.identity`. Textual-free.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reader.model import Analysis, Article, Entity, EntityGroup, Quote
from reader.services.identity import (
    Mention,
    PersonName,
    cluster_people,
    fold,
    is_honorific,
    is_title,
    org_key,
    parse_person,
    roles_of,
    without_titles,
)

# Words that make an unrecognised speaker an organisation rather than a person.
_ORG_WORDS = frozenset(
    [
        "ministry",
        "council",
        "department",
        "agency",
        "association",
        "union",
        "university",
        "police",
        "committee",
        "authority",
        "company",
        "group",
        "service",
        "services",
        "office",
        "bank",
        "board",
        "commission",
        "party",
        "government",
        "court",
        "institute",
        "foundation",
        "trust",
        "corporation",
        "inc",
        "ltd",
        "plc",
        "llc",
        "club",
        "league",
        "federation",
        "society",
        "network",
        "hospital",
        "school",
        "college",
        "army",
        "navy",
        "press",
        "news",
        "times",
    ]
)

_GROUP_KINDS = {"PER": "PER", "ORG": "ORG", "LOC": "ORG"}


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a lot made 30,000 times
class QuoteRecord:
    """One quote with the story it is in."""

    article: Article
    quote: Quote
    speaker: str  # as the story's analysis names the speaker

    def as_record(self) -> dict[str, object]:
        article, quote = self.article, self.quote
        where = {"url": article.url} if article.url else {"path": article.path or article.id}
        return {
            "speaker": self.speaker,
            "text": quote.text,
            "title": article.title,
            **where,
            "published": article.published,
            "start": quote.start,
            "end": quote.end,
            "confidence": quote_confidence(quote),
        }


def quote_confidence(quote: Quote) -> float | None:
    """How sure the analysis is of the quote's speaker, when it says."""
    value = getattr(quote, "confidence", None)
    return float(value) if isinstance(value, int | float) else None


@dataclass(slots=True)
class Person:
    """One person or organisation quoted in the library."""

    name: str
    kind: str  # "PER" or "ORG"
    quotes: list[QuoteRecord] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)  # most used first
    roles: list[str] = field(default_factory=list)

    @property
    def story_count(self) -> int:
        return len({record.article.id for record in self.quotes})

    @property
    def dates(self) -> list[str]:
        return sorted({r.article.published for r in self.quotes if r.article.published})

    @property
    def first(self) -> str | None:
        dates = self.dates
        return dates[0] if dates else None

    @property
    def last(self) -> str | None:
        dates = self.dates
        return dates[-1] if dates else None

    def answers_to(self, name: str) -> bool:
        """Whether ``name`` is one of this person's forms (case and dots aside)."""
        wanted = fold(name)
        return wanted == fold(self.name) or any(wanted == fold(v) for v in self.variants)

    def as_record(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "quotes": len(self.quotes),
            "stories": self.story_count,
            "variants": self.variants,
            "roles": self.roles,
            "first": self.first,
            "last": self.last,
        }


@dataclass(slots=True)
class _StorySpeaker:
    """One speaker of one story: a name group of its analysis, or a name with no group."""

    article: Article
    name: str
    kind: str
    forms: dict[str, int]  # form -> times used (plain dicts: a Counter is slow to make)
    roles: dict[str, int]
    quotes: list[QuoteRecord]


def _group_for(
    quote: Quote,
    entities: _EntitiesBySpan,
    names: _GroupNames,
    groups: dict[int, EntityGroup],
) -> EntityGroup | None:
    """The name group the quote's speaker belongs to: the mention it was attributed at,
    else the group of that name, else the only group ending in that word."""
    if quote.speaker_start is not None and quote.speaker_end is not None:
        entity = entities.overlapping(quote.speaker_start, quote.speaker_end)
        if entity is not None and entity.group is not None:
            return groups.get(entity.group)
    return names.find((quote.speaker or "").casefold())


class _GroupNames:
    """The story's name groups by folded name and by last word, made when first asked:
    most speakers are found by the mention they were attributed at."""

    def __init__(self, groups: list[EntityGroup]) -> None:
        self._groups = groups
        self._tables: tuple[dict[str, EntityGroup], dict[str, list[EntityGroup]]] | None = None

    def find(self, speaker: str) -> EntityGroup | None:
        if not speaker:
            return None
        if self._tables is None:
            by_name: dict[str, EntityGroup] = {}
            by_last: dict[str, list[EntityGroup]] = {}
            for group in self._groups:
                key = group.name.casefold()
                by_name.setdefault(key, group)
                by_last.setdefault(key.split()[-1] if key.split() else key, []).append(group)
            self._tables = by_name, by_last
        by_name, by_last = self._tables
        found = by_name.get(speaker)
        if found is None:
            same_last = by_last.get(speaker.split()[-1], [])
            found = same_last[0] if len(same_last) == 1 else None
        return found


class _EntitiesBySpan:
    """The story's name mentions, found by position (they come sorted, not overlapping)."""

    def __init__(self, entities: list[Entity]) -> None:
        self._entities = sorted(entities, key=lambda e: e.start)
        self._starts = [e.start for e in self._entities]

    def overlapping(self, start: int, end: int) -> Entity | None:
        at = bisect_right(self._starts, start) - 1
        for index in (at, at + 1):
            if 0 <= index < len(self._entities):
                entity = self._entities[index]
                if entity.start < end and start < entity.end:
                    return entity
        return None


@lru_cache(maxsize=65536)
def _speaker_kind(name: str) -> str | None:
    """PER or ORG for a speaker no name group holds; None for a description."""
    words = name.split()
    if (
        not words
        or not words[0][:1].isupper()
        or (fold(words[0]) in {"a", "an", "the"} and not any(w[:1].isupper() for w in words[1:]))
    ):
        return None
    if any(fold(w) in _ORG_WORDS for w in words):
        return "ORG"
    return "PER" if parse_person(name) is not None else None


def _story_speakers(article: Article, analysis: Analysis) -> list[_StorySpeaker]:
    groups = {g.id: g for g in analysis.groups}
    names = _GroupNames(analysis.groups)
    speakers: dict[object, _StorySpeaker] = {}
    spans = _EntitiesBySpan(analysis.entities)
    for quote in analysis.quotes:
        if quote.kind != "quote" or not quote.speaker:
            continue
        group = _group_for(quote, spans, names, groups)
        key: object
        if group is not None:
            # A place that speaks ("Moscow said") speaks for its government.
            kind = _GROUP_KINDS.get(group.label, "")
            if not kind:
                continue
            key, name = ("group", group.id), group.name
        else:
            found = _speaker_kind(quote.speaker)
            if found is None:
                continue
            key, name, kind = ("name", fold(quote.speaker)), quote.speaker, found
        speaker = speakers.get(key)
        if speaker is None:
            forms: dict[str, int] = {}
            titles: dict[str, int] = {}
            if group is not None:
                _read_mentions(article.text, group.mentions, kind, forms, titles)
            speaker = speakers[key] = _StorySpeaker(article, name, kind, forms, titles, [])
        speaker.forms[quote.speaker] = speaker.forms.get(quote.speaker, 0) + 1
        if quote.role:
            speaker.roles[quote.role] = speaker.roles.get(quote.role, 0) + 1
        speaker.quotes.append(QuoteRecord(article, quote, quote.speaker))
    return list(speakers.values())


def _read_mentions(
    text: str, mentions: Iterable[Entity], kind: str, forms: dict[str, int], titles: dict[str, int]
) -> None:
    """Each mention's form as written, with the title before it when it has one:
    "Mayor Priya Nandakumar", "Ms Nandakumar", "The mayor, Priya Nandakumar"."""
    for mention in mentions:
        start = mention.start
        form = " ".join(mention.text.split())
        if kind == "PER" and start > 1 and text[start - 1] in " \n":
            before = text[max(0, start - 40) : start].split()
            word = before[-1] if before else ""
            comma = word.endswith(",")
            title = word.rstrip(",.")
            # "The mayor, Priya": a title; "Jones, mayor, Priya": a list, not a title.
            the = len(before) > 1 and before[-2] in ("The", "the")
            if title and is_title(title) and (the or not comma):
                written = f"{before[-2]} {word}" if comma else word
                form = f"{written} {form}"
                title = title[:1].upper() + title[1:]
                titles[title] = titles.get(title, 0) + 1
        forms[form] = forms.get(form, 0) + 1


def build_index(stories: Iterable[tuple[Article, Analysis]]) -> list[Person]:
    """Everyone quoted in ``stories``, most quoted first (then by name)."""
    persons: list[_StorySpeaker] = []
    organisations: list[_StorySpeaker] = []
    for article, analysis in stories:
        for speaker in _story_speakers(article, analysis):
            (organisations if speaker.kind == "ORG" else persons).append(speaker)
    people: list[Person] = []
    people += _join(persons, _person_clusters(persons), "PER")
    by_org: dict[str, int] = {}
    org_clusters = [by_org.setdefault(org_key(s.name), n) for n, s in enumerate(organisations)]
    people += _join(organisations, org_clusters, "ORG")
    people.sort(key=lambda p: (-len(p.quotes), p.name.casefold()))
    return people


def _person_clusters(speakers: Sequence[_StorySpeaker]) -> list[int]:
    parsed: list[PersonName | None] = [parse_person(s.name) for s in speakers]
    mentions = [
        Mention(name, roles_of(s.roles)) for s, name in zip(speakers, parsed, strict=True) if name
    ]
    clusters = iter(cluster_people(mentions))
    # A name that cannot be taken apart stays alone: numbered past every cluster.
    alone = len(speakers)
    result: list[int] = []
    for n, name in enumerate(parsed):
        result.append(next(clusters) if name is not None else alone + n)
    return result


def _join(speakers: Sequence[_StorySpeaker], clusters: Sequence[int], kind: str) -> list[Person]:
    members: dict[int, list[_StorySpeaker]] = {}
    for speaker, cluster in zip(speakers, clusters, strict=True):
        members.setdefault(cluster, []).append(speaker)
    people: list[Person] = []
    for group in members.values():
        forms: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        quotes: list[QuoteRecord] = []
        names: Counter[str] = Counter()
        for speaker in group:
            forms.update(speaker.forms)
            roles.update(speaker.roles)
            quotes += speaker.quotes
            names[speaker.name] += len(speaker.quotes)
        name = _display_name(names, kind)
        if kind == "PER":
            name, titles = without_titles(name)  # the title is listed among the roles
            for title in titles:
                roles[title] += 1
        forms[name] += 0
        quotes.sort(key=lambda r: (r.article.published or "", r.article.title, r.quote.start))
        people.append(
            Person(
                name=name,
                kind=kind,
                quotes=quotes,
                variants=[form for form, _ in sorted(forms.items(), key=lambda i: (-i[1], i[0]))],
                roles=_roles(roles),
            )
        )
    return people


def _roles(said: Counter[str]) -> list[str]:
    """Roles most said first, one per folded form, honorifics (Ms, Mr) aside."""
    seen: set[str] = set()
    roles: list[str] = []
    for role, _ in sorted(said.items(), key=lambda item: (-item[1], item[0])):
        key = fold(role)
        if key not in seen and not is_honorific(role):
            seen.add(key)
            roles.append(role)
    return roles


def _display_name(names: Counter[str], kind: str) -> str:
    """The fullest name the stories use, the most used among equally full ones."""

    def fullness(name: str) -> int:
        if kind != "PER":
            return 0
        parsed = parse_person(name)
        return 2 if parsed is not None and parsed.has_first_name else 1 if parsed else 0

    return max(names, key=lambda n: (fullness(n), names[n], len(n)))


def find_person(people: Sequence[Person], name: str) -> list[Person]:
    """The people answering to ``name`` (any of their forms)."""
    return [person for person in people if person.answers_to(name)]


def quote_records(stories: Iterable[tuple[Article, Analysis]]) -> list[QuoteRecord]:
    """Every spoken quote of ``stories`` in story and reading order (scare quotes aside)."""
    return [
        QuoteRecord(article, quote, quote.speaker or "")
        for article, analysis in stories
        for quote in analysis.quotes
        if quote.kind == "quote"
    ]


def matches_words(text: str, words: str) -> bool:
    """Whether ``text`` holds every word of ``words``, case and curly quotes aside."""
    folded = fold(text.replace("’", "'"))
    return all(word in folded for word in fold(words.replace("’", "'")).split())
