"""A speaker's fullest name and the person a pronoun reaches back to, read from the
name finder's mentions by where they stand.

"Ryabkov said" in one paragraph and "Sergei Ryabkov" earlier: the short mention grows
into the longest mention the name finder found that ends in the same words, the nearest
one before it. "Nandakumar was unmoved. "...," she said": the person opening a recent
sentence is the name finder's person mention there. Speakers read no names of their
own: the name finder is the one reader of name runs, and this index only looks its
mentions up by their offsets.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import DETERMINERS, PLACE_HEADS, SENTENCE_OPENERS, TITLE_WORDS
from reader.analysis.speaker_names import NameSpans
from reader.analysis.text_units import first_above, first_not_below, is_possessive
from reader.analysis.vocabulary import NAME_PARTICLES, ORG_LAST_WORDS, is_abbreviation

# Final: compiled, these are read as C globals instead of module-dict look-ups.
_NOT_PEOPLE: Final = ORG_LAST_WORDS | PLACE_HEADS
_PARTICLES: Final = NAME_PARTICLES
_PARAGRAPHS_BACK: Final = 3
_SEARCH_RADIUS: Final = 20_000
_MAX_NAME_WORDS: Final = 4
_MAX_TITLE_WORDS: Final = 4
_HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "miss", "mx"})
# Words that end a title read back from a name: "The Reverend", "Then Councillor".
_NOT_IN_TITLES: Final = DETERMINERS | SENTENCE_OPENERS
# Words read back from a person to the start of its sentence ("Deputy Foreign Minister").
_WORDS_BACK: Final = 6


class NameRun:
    """A name's words and where they stand in the article (never changed once made)."""

    # A plain class, not a dataclass: compiled, its constructor is native code rather
    # than the interpreted __init__ the dataclass decorator writes.
    def __init__(
        self, start: int, end: int, words: tuple[str, ...], entity: int = -1, title: str = ""
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.words: Final = words
        self.entity: Final = entity  # the name finder's mention it is, by number; -1: none
        self.title: Final = title  # written right before it: "Councillor", "Deputy Minister"

    @property
    def text(self) -> str:
        return " ".join(self.words)


class SpeakerIndex:
    """Longer forms of the names in one article, looked up on demand among the name
    finder's mentions (``names``; without them a name is only ever itself)."""

    def __init__(self, text: str, names: NameSpans | None) -> None:
        self._text = text
        self._names = names
        # The mentions of two words or more by their last word: where each ends, and
        # the mention; made on the first look-up.
        self._by_last: dict[str, tuple[list[int], list[NameRun]]] | None = None
        self._openers: dict[int, _Openers] = {}
        self._fullest: dict[int, dict[str, _Forms]] = {}
        self._quote_starts: tuple[list[tuple[int, int]], list[int]] | None = None
        self._title_words: frozenset[str] | None = None

    def fullest(self, name: str, at: int) -> str:
        """The longest form of ``name`` used in the article, nearest to offset ``at``."""
        return self.fullest_form(name, at)[0]

    def fullest_form(self, name: str, at: int) -> tuple[str, str]:
        """The longest form of ``name`` used in the article, nearest to offset ``at``,
        and the title written before it.

        The form used before ``at`` wins (the nearest one), else the first one after;
        where the name finder found a person at the mention, only a person's forms
        count ("Trump" never grows into "Trump Train"). (A lone surname read as a place,
        "Jordan said", may still be "Jim Jordan".) The mention at ``at`` is joined to
        the form's (``NameSpans.joined``).
        """
        names = self._names
        label = ""
        if names is not None:
            mention = names.at(at, at + len(name))
            if mention is not None and mention.label == "PER":
                label = "PER"
        lo = _window(at)
        # A speaker is named again and again: the forms are worked out once per name,
        # kind and window, and a repeat costs one look-up and a search.
        by_name = self._fullest.get(lo)
        if by_name is None:
            by_name = self._fullest[lo] = {}
        key = f"{label}:{name}"
        found = by_name.get(key)
        if found is None:
            found = by_name[key] = self._longer_forms(name, lo, label)
        if not found.texts:
            return found.plain, ""
        i = max(first_above(found.starts, at) - 1, 0)
        if names is not None:
            names.joined[at] = found.entities[i]
        return found.texts[i], found.titles[i]

    def _longer_forms(self, name: str, lo: int, label: str) -> _Forms:
        """The longer forms of ``name`` near the window at ``lo``, of the kind ``label``
        unless it is empty."""
        words = name.split()
        if words and is_possessive(words[-1]):
            words[-1] = words[-1][:-2]
        forms = _Forms(" ".join(words) if words and words[-1] else name)
        if not words or not words[-1]:
            return forms
        lowered = [w.lower() for w in words]
        n = len(words)
        upper = name.isupper()
        for run in self._forms_ending_in(words[-1], lo):
            if label and self._label_of(run) != label:
                continue
            # The run's last words compared in place, word by word: no slice of them.
            # Its last word may go on after a hyphen: "Ruiz" is "Ana Ruiz-Lopez".
            size = len(run.words)
            if (
                # "ELAINE QUIJANO:", a transcript's label, is the story's "Elaine Quijano"
                (size > n or (size == n and upper))
                and all(run.words[size - n + k].lower() == lowered[k] for k in range(n - 1))
                and _same_or_first_part(run.words[-1].lower(), lowered[-1])
            ):
                forms.starts.append(run.start)
                forms.texts.append(run.text)
                forms.titles.append(_title_before(self._text, run.start, self._titles()))
                forms.entities.append(run.entity)
        return forms

    def _titles(self) -> frozenset[str]:
        """The name finder's titles ("councillor", "rev."), fetched once per article."""
        if self._title_words is None:
            from reader.analysis.gazetteer import lexicon

            self._title_words = lexicon().titles
        return self._title_words

    def _label_of(self, run: NameRun) -> str:
        names = self._names
        return names.entities[run.entity].label if names is not None and run.entity >= 0 else ""

    def _forms_ending_in(self, last: str, lo: int) -> list[NameRun]:
        """The name finder's mentions of two to four name words ending in the word
        ``last`` near the window at ``lo``, in order: a story is searched whole, a
        book-length text only near the mention."""
        if self._by_last is None:
            self._by_last = self._mentions_by_last_word()
        # Folded: a transcript label "KELLER:" is the "Ann Keller" of the story.
        found = self._by_last.get(last.casefold())
        if found is None:
            return []
        ends, runs = found
        hi = lo + 3 * _SEARCH_RADIUS
        first = first_not_below(ends, lo + len(last))
        stop = first_above(ends, hi, first)
        return runs[first:stop]

    def _mentions_by_last_word(self) -> dict[str, tuple[list[int], list[NameRun]]]:
        by_last: dict[str, tuple[list[int], list[NameRun]]] = {}
        if self._names is None:
            return by_last
        text = self._text
        entities = self._names.entities
        for k in range(len(entities)):
            entity = entities[k]
            words = text[entity.start : entity.end].split()
            if not _name_words(words):
                continue
            run = NameRun(entity.start, entity.end, tuple(words), k)
            last = words[-1]
            _add_form(by_last, last, run)
            hyphen = last.find("-")
            if hyphen > 0:
                _add_form(by_last, last[:hyphen], run)  # "Ruiz" for "Ana Ruiz-Lopez"
        return by_last

    def last_person_before(
        self,
        at: int,
        paragraph: int,
        paras: list[tuple[int, int]],
        quotes: list[tuple[int, int]],
        floor: int = 0,
    ) -> NameRun | None:
        """The nearest person who opens a sentence before ``at``, outside ``quotes``.

        "Nandakumar was unmoved. "...," she said": the subject of the sentence before
        is the usual antecedent of a pronoun. A person is a name of two words or more,
        or one word the article also uses as part of a longer name ("Nandakumar").
        Paragraphs are read once each, only the few before the pronoun, and none that
        ends before ``floor`` (where a nearer candidate is already known).
        """
        for p in range(paragraph, max(-1, paragraph - _PARAGRAPHS_BACK), -1):
            if paras[p][1] <= floor:
                break
            openers = self._openers.get(p)
            if openers is None:
                openers = _Openers(self._people_opening_sentences(paras[p], quotes))
                self._openers[p] = openers
            # In order: a search, not a scan, so a paragraph of thousands of sentences
            # (a story on one line) is not read again for every pronoun in it.
            person = self._person_before(openers, first_not_below(openers.starts, at))
            if person is not None:
                return person
        return None

    def _person_before(self, openers: _Openers, end: int) -> NameRun | None:
        """The last of the first ``end`` openers that is a person.

        A one-word opener is a person only when the article uses it inside a longer
        name, a look-up made only for the openers a pronoun reaches back to. Each
        opener passed over remembers where the walk ended, so later walks jump there.
        """
        k = end - 1
        passed: list[int] = []
        while k >= 0:
            known = openers.nearest[k]
            if known != _UNKNOWN:
                k = known
                break
            run = openers.runs[k]
            if run is not None and len(run.words) == 1:
                full, title = self.fullest_form(run.words[0], run.start)
                if " " in full:
                    words = tuple(full.split())
                    run = NameRun(run.start, run.end, words, run.entity, run.title or title)
                else:
                    run = None
                openers.runs[k] = run
            if run is not None:
                break
            passed.append(k)
            k -= 1
        for n in passed:
            openers.nearest[n] = k
        if k >= 0:
            openers.nearest[k] = k
            return openers.runs[k]
        return None

    def _people_opening_sentences(
        self, para: tuple[int, int], quotes: list[tuple[int, int]]
    ) -> list[NameRun]:
        """The name finder's mentions in ``para`` that open a sentence, outside
        quotations, and may be people: one-word ones are checked later (see
        ``_person_before``); the attribution passes over what is no person, but reaches
        back no further than it."""
        people: list[NameRun] = []
        names = self._names
        if names is None:
            return people
        if self._quote_starts is None or self._quote_starts[0] is not quotes:
            self._quote_starts = (quotes, [q[0] for q in quotes])  # once, not per paragraph
        starts = self._quote_starts[1]
        text = self._text
        first = first_not_below(names.starts, para[0])
        # The mentions run in order, so the quote each one may sit in only moves forward.
        q = first_above(starts, para[0]) - 1
        for k in range(first, len(names.entities)):
            entity = names.entities[k]
            if entity.start >= para[1]:
                break
            while q + 1 < len(quotes) and starts[q + 1] <= entity.start:
                q += 1
            if q >= 0 and quotes[q][0] <= entity.start < quotes[q][1]:
                continue  # inside a quotation
            words = text[entity.start : entity.end].split()
            if not words or len(words) > _MAX_NAME_WORDS or words[-1].lower() in _NOT_PEOPLE:
                continue
            if _opens_sentence(text, entity.start, para[0]):
                title = _title_before(text, entity.start, self._titles())
                people.append(NameRun(entity.start, entity.end, tuple(words), k, title))
        return people


class _Forms:
    """The longer forms of one name near one window, in order: where each starts, its
    text and its mention's number; and the name as it stands when there is none."""

    def __init__(self, plain: str) -> None:
        self.plain: Final = plain
        self.starts: list[int] = []
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.entities: list[int] = []


_UNKNOWN: Final = -2  # no walk has passed this opener yet


class _Openers:
    """The people opening sentences in one paragraph, in order; a run found not to
    be a person becomes None, and ``nearest`` keeps, for each opener a walk passed,
    the index of the person before it (-1: none in the paragraph)."""

    def __init__(self, runs: list[NameRun]) -> None:
        self.runs: list[NameRun | None] = list(runs)
        self.starts = [run.start for run in runs]
        self.nearest = [_UNKNOWN] * len(runs)


def _add_form(by_last: dict[str, tuple[list[int], list[NameRun]]], last: str, run: NameRun) -> None:
    last = last.casefold()
    found = by_last.get(last)
    if found is None:
        found = by_last[last] = ([], [])
    found[0].append(run.end)
    found[1].append(run)


def _same_or_first_part(word: str, wanted: str) -> bool:
    """Whether ``word`` is ``wanted``, or opens with it and a hyphen (both lower case)."""
    n = len(wanted)
    return word == wanted or (word.startswith(wanted) and word[n : n + 1] == "-")


def _name_words(words: list[str]) -> bool:
    """Whether ``words`` is a name of two to four words, each capitalised or a particle
    inside it ("Charles de Gaulle"): never "Bank of England" ending in "England"."""
    n = len(words)
    if n < 2 or n > _MAX_NAME_WORDS:
        return False
    for k in range(n):
        word = words[k]
        if word[:1].isupper():
            continue
        if k == 0 or k == n - 1 or word not in _PARTICLES:
            return False
    return True


def _opens_sentence(text: str, start: int, floor: int) -> bool:
    """Whether the mention at ``start`` opens its sentence, maybe after capitalised
    words the name finder left out of it ("Transport Minister Ana Ruiz", "Then Ann
    Lee"): only such words stand between it and a sentence end or ``floor``."""
    pos = start
    for _ in range(_WORDS_BACK + 1):
        if pos <= floor:
            return True
        if ord(text[pos - 1]) not in (ord(" "), ord("\n")) or pos - 1 <= floor:
            return False
        before = text[pos - 2]
        # Any full stop: after "Mr." or "Sen." a person opens what reads as a sentence
        # too ("..., recalled Mr. Rhodes."), and is as likely the one a pronoun means.
        if before in ".!?":
            return True
        if before in "\"”’'" and pos - 3 >= floor and text[pos - 3] in ".!?":
            return True  # '... done." Ann Lee'
        k = pos - 1
        while k > floor and not text[k - 1].isspace():
            k -= 1
        if not _capital_word(text, k, pos - 1):
            return False
        pos = k
    return False


def _capital_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one capitalised word that may stand in a name
    ("Minister", "O'Neill-Brown", "Rev."): no comma or other mark ends it."""
    if start >= end or not text[start].isupper():
        return False
    for k in range(start + 1, end):
        c = text[k]
        if not (c.isalnum() or c in "'’-."):
            return False
    return True


def _title_before(text: str, start: int, titles: frozenset[str]) -> str:
    """The title written right before the name at ``start`` on its line, which the name
    finder leaves out of the name: "Councillor" (Reeve), "Deputy Foreign Minister"
    (Sergei Ryabkov), "Texas Sen." (Ted Cruz). Its last word is a title; the words
    before that are capitalised, and none opens a sentence ("The Reverend")."""
    words: list[str] = []
    pos = start
    while len(words) < _MAX_TITLE_WORDS and pos >= 2 and ord(text[pos - 1]) == ord(" "):
        k = pos - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = text[k : pos - 1]
        low = word.lower()
        if not _capital_word(text, k, pos - 1) or low in _NOT_IN_TITLES:
            break
        if word[-1] == "." and not is_abbreviation(word):
            break  # it ends the sentence before the name
        if not words and low not in TITLE_WORDS and low not in titles:
            return ""  # the word before the name is no title: "Republican Donald Trump"
        words.append(word)
        pos = k
    if all(word.lower().rstrip(".") in _HONORIFICS for word in words):
        return ""  # "Mr." says nothing a reader needs as a role
    words.reverse()
    return " ".join(words)


def _window(at: int) -> int:
    # A story is searched whole; a book-length text only near the mention, so the cost
    # stays linear however many people speak in it.
    return max(0, at - _SEARCH_RADIUS) // _SEARCH_RADIUS * _SEARCH_RADIUS
