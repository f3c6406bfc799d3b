"""Who is who across stories: parse a name's forms and decide which ones are one person.

A wrong join puts one person's words in another's mouth, which is worse than showing
one person twice: every rule here joins only when nothing in the library contradicts it.
Textual-free and I/O-free, so the headless commands and the app share it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.vocabulary import NAME_PARTICLES

# Words that come before a name and say what the person is, not who: kept as roles.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "madam",
        "mayor",
        "councillor",
        "cllr",
        "senator",
        "sen",
        "rep",
        "representative",
        "president",
        "vice",
        "minister",
        "chancellor",
        "governor",
        "gov",
        "judge",
        "justice",
        "captain",
        "capt",
        "colonel",
        "col",
        "general",
        "gen",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "officer",
        "inspector",
        "detective",
        "det",
        "chief",
        "deputy",
        "secretary",
        "ambassador",
        "bishop",
        "archbishop",
        "father",
        "rev",
        "reverend",
        "rabbi",
        "imam",
        "pastor",
        "coach",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "superintendent",
        "commissioner",
        "premier",
        "prime",
        "sheriff",
        "speaker",
        "director",
        "dean",
        "principal",
        "nurse",
        "doctor",
        "engineer",
        "constable",
        "pc",
        "assistant",
        "acting",
        "former",
        "foreign",
        "health",
        "finance",
        "interior",
        "defence",
        "defense",
        "state",
        "home",
        "attorney",
        "mp",
        "mep",
    ]
)
_MALE = frozenset({"mr", "sir", "lord", "father"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "madam"})
# Lower-case words that belong to a surname ("van der Berg", "de la Cruz"): the name
# finder's own list, so a name it reads whole is joined whole here too.
_PARTICLES = NAME_PARTICLES
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"['’]s?$")
_INITIAL = re.compile(r"^\w\.?$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A form compared without case, dots or surrounding spaces."""
    return " ".join(text.replace(".", " ").casefold().split())


@dataclass(slots=True, frozen=True)
class PersonName:
    """One form of a person's name, taken apart: ``Mayor Priya R. Nandakumar``."""

    surname: str  # folded: "nandakumar"
    first: str | None  # folded given name ("priya"), an initial ("p"), or None
    titles: tuple[str, ...]  # folded titles before the name: ("mayor",)

    @property
    def has_first_name(self) -> bool:
        return self.first is not None and len(self.first) > 1

    @property
    def initial(self) -> str | None:
        return self.first[0] if self.first else None

    @property
    def gender(self) -> str | None:
        return gender_of(self.titles)


def gender_of(titles: Iterable[str]) -> str | None:
    """What an honorific says ("Ms", "Mr"), if any says anything."""
    folded = set(titles)
    if folded & _FEMALE:
        return "f"
    if folded & _MALE:
        return "m"
    return None


def is_honorific(title: str) -> bool:
    """Mr, Ms and the like: part of how a name is written, not a role."""
    return fold(title) in _MALE | _FEMALE | {"mx"}


def is_title(word: str) -> bool:
    return fold(word) in _TITLES


def _name_segment(text: str) -> tuple[list[str], list[str]]:
    """The words of the name part of ``text`` and the title words around it.

    "The mayor, Priya Nandakumar" and "Priya Nandakumar, the mayor" both give the name
    Priya Nandakumar and the title "mayor".
    """
    titles: list[str] = []
    best: list[str] = []
    for segment in text.split(","):
        words = _ARTICLE.sub("", segment.strip()).split()
        leading: list[str] = []
        while words and fold(words[0]) in _TITLES:
            leading.append(fold(words.pop(0)))
        capital = [w for w in words if w[:1].isupper() or fold(w) in _PARTICLES]
        if words and len(capital) == len(words) and not best:
            best = words
            titles += leading
        else:
            titles += leading
            titles += [fold(w) for w in words if fold(w) in _TITLES]
    return best, titles


@lru_cache(maxsize=65536)  # a library names the same people story after story
def parse_person(text: str) -> PersonName | None:
    """Take a person's name apart; None when ``text`` holds no name ("a spokesperson")."""
    words, titles = _name_segment(text)
    words = [_POSSESSIVE.sub("", w) if w.endswith(("'s", "’s")) else w for w in words]
    while len(words) > 1 and fold(words[-1]) in _SUFFIXES:
        words.pop()
    words = [w for w in words if fold(w)]
    if not words:
        return None
    # The surname is the last word with any particles before it.
    at = len(words) - 1
    while at > 0 and fold(words[at - 1]) in _PARTICLES and words[at - 1][:1].islower():
        at -= 1
    if at > 0 and fold(words[at - 1]) in _PARTICLES and at - 1 > 0:
        at -= 1
    surname = fold(" ".join(words[at:]))
    given = words[:at]
    first: str | None = None
    if given:
        word = given[0]
        first = fold(word)[:1] if _INITIAL.match(word) else fold(word)
    return PersonName(surname, first, tuple(titles))


def without_titles(name: str) -> tuple[str, list[str]]:
    """A name with the titles before it taken off, and those titles: "Councillor Malcolm
    Reeve" -> ("Malcolm Reeve", ["Councillor"]). A name left with one word keeps them."""
    words = name.split()
    titles: list[str] = []
    while len(words) > 2 and words[0][:1].isupper() and is_title(words[0].rstrip(".")):
        titles.append(words.pop(0).rstrip("."))
    return " ".join(words), titles


def compatible_first(one: str | None, other: str | None) -> bool:
    """Same given name, or an initial that fits it; absent fits anything."""
    if one is None or other is None:
        return True
    if len(one) == 1 or len(other) == 1:
        return one[0] == other[0]
    return one == other


def org_key(name: str) -> str:
    """Organisations are one when their names are, the leading "the" aside."""
    return fold(_ARTICLE.sub("", name.strip()))


@dataclass(slots=True)
class Mention:
    """One story's view of a person: the input to :func:`cluster_people`."""

    name: PersonName
    roles: frozenset[str]  # folded roles and titles said of them in that story

    @property
    def gender(self) -> str | None:
        return gender_of((*self.name.titles, *self.roles))


def cluster_people(mentions: Sequence[Mention]) -> list[int]:
    """A cluster number for each of ``mentions``: equal numbers are one person.

    Per surname: people with a given name are one per given name (an initial joins the
    only given name it fits); a form with no given name ("Ms Nandakumar") joins the
    only person of that surname it fits, by initial, title or role; when several fit, it
    stays alone, as the story's own analysis left it.
    """
    by_surname: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        by_surname[mention.name.surname].append(index)
    cluster = list(range(len(mentions)))
    for indexes in by_surname.values():
        _cluster_surname(mentions, indexes, cluster)
    return cluster


def _cluster_surname(mentions: Sequence[Mention], indexes: list[int], cluster: list[int]) -> None:
    named: dict[str, list[int]] = defaultdict(list)  # given name -> its forms
    initials: list[int] = []
    bare: list[int] = []
    for index in indexes:
        name = mentions[index].name
        if name.has_first_name:
            named[name.first or ""].append(index)
        elif name.first is not None:
            initials.append(index)
        else:
            bare.append(index)
    people: list[list[int]] = list(named.values())
    by_initial: dict[str, list[int]] = defaultdict(list)
    for index in initials:
        first = mentions[index].name.first
        fits = [p for p in people if compatible_first(mentions[p[0]].name.first, first)]
        if len(fits) == 1:
            fits[0].append(index)
        elif not fits:
            by_initial[first or ""].append(index)
        # else several given names fit the initial: it stays alone
    people += by_initial.values()
    if not people:
        _join_bare(mentions, bare, cluster)
    else:
        for index in bare:
            form = mentions[index]
            fits = [p for p in people if _gender_fits(mentions, p, form)]
            if len(people) > 1:
                fits = [p for p in fits if _role_shared(mentions, p, form)]
            if len(fits) == 1:
                fits[0].append(index)
    for person in people:
        for index in person:
            cluster[index] = person[0]


def _join_bare(mentions: Sequence[Mention], bare: list[int], cluster: list[int]) -> None:
    """Forms with only a surname, when no one of that surname has a given name: one
    person, unless titles disagree ("Mr Smith", "Ms Smith"); then only same-titled ones."""
    genders = {mentions[i].gender for i in bare} - {None}
    if len(genders) <= 1:
        for index in bare:
            cluster[index] = bare[0]
        return
    for gender in genders:
        same = [i for i in bare if mentions[i].gender == gender]
        for index in same:
            cluster[index] = same[0]


def _gender_fits(mentions: Sequence[Mention], person: list[int], form: Mention) -> bool:
    gender = form.gender
    return gender is None or all(mentions[i].gender in (None, gender) for i in person)


def _role_shared(mentions: Sequence[Mention], person: list[int], form: Mention) -> bool:
    """Among several people of one surname, a surname alone joins one by a shared role."""
    said = (set(form.roles) | set(form.name.titles)) - _MALE - _FEMALE
    if not said:
        return False
    theirs: set[str] = set()
    for i in person:
        theirs |= set(mentions[i].roles) | set(mentions[i].name.titles)
    return bool(said & theirs)


def roles_of(texts: Iterable[str | None]) -> frozenset[str]:
    return frozenset(fold(t) for t in texts if t)
