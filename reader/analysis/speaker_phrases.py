"""Speaker phrases next to a speech cue: "Deputy Foreign Minister Sergei Ryabkov told".

Given the words of a sentence and the position of its cue, read the noun phrase that
does the speaking, then split it into the role ("Deputy Foreign Minister") and the
name ("Sergei Ryabkov"), or keep it whole when it names no one ("the senator").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reader.analysis import lexicon, vocabulary
from reader.analysis.lexicon import words
from reader.analysis.nicknames import NICKNAME_WORDS, nickname_end
from reader.analysis.phrase_words import (
    _INNER_PREPOSITIONS,
    _common_plural,
    _for_inside_a_body,
    _inner_preposition,
    _inside_a_name,
    _noun_before,
    _of_the,
    _preposition_inside,
    is_word,
)
from reader.analysis.speaker_name_openers import words_to_reread
from reader.analysis.speaker_quantified import counted_start, counts_one
from reader.analysis.text_units import QUOTE_TOKEN, Token, is_possessive

# Final: compiled, module constants (these word lists too) are read as C globals
# instead of being looked up by name in the module's dict on every use.
DETERMINERS: Final = lexicon.DETERMINERS
NAME_JOINERS: Final = vocabulary.NAME_JOINERS
ORG_LAST_WORDS: Final = vocabulary.ORG_LAST_WORDS
PERSON_NOUNS: Final = lexicon.PERSON_NOUNS
PHRASE_BREAKERS: Final = lexicon.PHRASE_BREAKERS
PLACE_HEADS: Final = lexicon.PLACE_HEADS
PLURAL_SPEAKERS: Final = lexicon.PLURAL_SPEAKERS
ROLE_NOUNS: Final = lexicon.ROLE_NOUNS
SPEAKING_PEOPLE: Final = lexicon.SPEAKING_PEOPLE
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS
SKIPPABLE_BEFORE_CUE: Final = lexicon.SKIPPABLE_BEFORE_CUE
SPEECH_CUES: Final = lexicon.SPEECH_CUES
SUBJECT_PRONOUNS: Final = lexicon.SUBJECT_PRONOUNS
TIME_PREFIXES: Final = lexicon.TIME_PREFIXES
TIME_WORDS: Final = lexicon.TIME_WORDS
TITLE_WORDS: Final = lexicon.TITLE_WORDS
WEAK_CUES: Final = lexicon.WEAK_CUES

QUOTE_CHARS: Final = frozenset('"“”«»„')
# Before a quote, "told the crowd" names a listener; only these verbs put the speaker after.
LEFT_INVERTIBLE_CUES: Final = frozenset(
    words("said says added adds wrote writes continued explained")
)
_AGO_WORDS: Final = frozenset(
    words(
        "a an one two three four five six seven eight nine ten few several less more than about "
        "nearly just only some hours days weeks months years hour day week month year"
    )
)
_HONORIFICS: Final = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "mx."})
_MAX_PHRASE: Final = 10
_MAX_LOWER: Final = 4


# init=False and an __init__ of its own: compiled, the __init__ that dataclasses writes
# would run interpreted (a few thousand instructions per phrase); this one is native.
@dataclass(slots=True, init=False)
class SpeakerPhrase:
    """Who speaks, as written: the name part's span, and the role kept apart."""

    start: int
    end: int
    text: str  # the name, or the whole phrase when it names no one
    role: str | None
    pronoun: bool
    named: bool  # a proper name rather than "the senator"
    plural: bool
    phrase_start: int  # where the whole phrase, role included, begins
    person: bool  # one person ("Ana Ruiz", "a senior nurse"), a "he" or "she"

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        role: str | None = None,
        pronoun: bool = False,
        named: bool = True,
        plural: bool = False,
        phrase_start: int = -1,
        person: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.role = role
        self.pronoun = pronoun
        self.named = named
        self.plural = plural
        self.phrase_start = start if phrase_start < 0 else phrase_start
        self.person = person


# Verbs that report a retort only with "back": "Trump shot back", "hit back", "fired back".
_BACK_CUES: Final = frozenset({"shot", "hit", "fired", "pushed", "struck"})
_CUE_SPELLINGS: Final = frozenset(
    spelling
    for word in SPEECH_CUES
    | WEAK_CUES
    | {"according", "went", "goes", "put", "puts", "pointed"}
    | _BACK_CUES
    for spelling in (word, word.capitalize(), word.upper())
)
# Shorter tokens (marks, "a", "of") are passed over without hashing them for a look-up.
_SHORTEST_CUE: Final = min(len(spelling) for spelling in _CUE_SPELLINGS)


def cue_at(toks: list[Token], i: int, weak: bool = False) -> str | None:
    """The cue word at ``toks[i]`` ("said", "according to"), or None."""
    text = toks[i].text
    if len(text) < _SHORTEST_CUE or text not in _CUE_SPELLINGS:
        return None  # the common case, decided by one set lookup
    word = toks[i].lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if word == "according" and nxt == "to":
        return "according to"
    if word in ("went", "goes") and nxt == "on":
        return word + " on"
    if word in ("put", "puts"):
        return word + " it" if nxt == "it" else None
    if word in ("pointed",):
        return "pointed out" if nxt == "out" else None
    if word in _BACK_CUES:
        return word + " back" if nxt == "back" and text == word else None
    # Every cue spelling is letters only, so being its own lower case is islower().
    if word in SPEECH_CUES and (text == word or _title_cased(toks, i)):
        if word in _NOUN_LIKE_CUES and not _used_as_verb(toks, i):
            return None  # "initial reports", "phone calls"
        if word in _CALL_CUES and nxt in _CALL_PARTICLES and not _names_it(toks, i, nxt):
            return None  # "called for a ban", "calling on voters": not naming words
        return word
    if weak and word in WEAK_CUES:
        return word
    return None


_NOUN_LIKE_CUES: Final = frozenset({"reports", "calls"})
_CALL_CUES: Final = frozenset({"call", "calls", "called", "calling"})
_CALL_PARTICLES: Final = frozenset({"for", "on", "off", "in", "up", "out", "back", "it", "them"})


def _names_it(toks: list[Token], i: int, nxt: str) -> bool:
    """Whether "call it" or "call them" is followed at once by the quotation that
    names it: "Obama and Clinton call them "lone wolves"", "calling it a "menu"", not
    "called it off"."""
    if (nxt != "it" and nxt != "them") or i + 2 >= len(toks):
        return False
    after = i + 3 if toks[i + 2].lower in _ARTICLES else i + 2
    return after < len(toks) and toks[after].text == QUOTE_TOKEN


def _used_as_verb(toks: list[Token], i: int) -> bool:
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    if before is not None and (before.is_capitalised or before.lower in SUBJECT_PRONOUNS):
        return True
    return after is not None and (after.lower == "that" or not after.is_word)


def _title_cased(toks: list[Token], i: int) -> bool:
    # In a Title Case headline the cue is capitalised too ("Moscow Says ...").
    return toks[i].is_capitalised and i > 0 and toks[i - 1].is_capitalised


def phrase_before(toks: list[Token], cue: int, lo: int) -> SpeakerPhrase | None:
    """The speaker phrase that ends just before ``toks[cue]`` (and not before ``lo``)."""
    j = _skip_back(toks, cue - 1, lo)
    if j < lo:
        return None
    if toks[j].text == ")":
        j = _skip_parenthesis(toks, j, lo)
    if j >= lo and toks[j].lower == "who":
        j -= 1
    if j >= lo and toks[j].text == ",":
        return _phrase_before_apposition(toks, j, lo)
    first = counted_start(toks, j, lo)
    if first >= 0:  # '"...," one of the officials said': a part of a group speaks
        one = counts_one(toks[first].lower)
        text = " ".join([toks[n].text for n in range(first, j + 1)])
        return SpeakerPhrase(toks[first].start, toks[j].end, text, None, False, False, not one)
    return _collect_back(toks, j, lo)


def _skip_back(toks: list[Token], j: int, lo: int) -> int:
    while j >= lo:
        word = toks[j].lower
        skippable = word in SKIPPABLE_BEFORE_CUE or _adverb(word)
        if skippable and toks[j].text.islower():
            j -= 1
        elif word == "ago":
            j -= 1  # "less than two weeks ago"
            while j >= lo and (toks[j].lower in _AGO_WORDS or toks[j].text.isdigit()):
                j -= 1
        elif word in TIME_WORDS and j - 1 >= lo and toks[j - 1].lower in TIME_PREFIXES:
            j -= 2  # "on Tuesday", "last week", "at the time"
            if j >= lo and toks[j].lower in ("at", "in", "on", "by"):
                j -= 1
        elif _weekday_at(toks, j, lo):
            # "Hale Thursday told", "Hale later Thursday told", "Hale Tuesday night said":
            # a day is when it was said, never part of who said it
            j -= 1 if word in _WEEKDAYS else 2
            if j >= lo and toks[j].lower == "on":
                j -= 1
        else:
            break
    return j


_WEEKDAYS: Final = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)


def _weekday_at(toks: list[Token], j: int, lo: int) -> bool:
    """Whether ``toks[j]`` is a capitalised weekday, or a part of the day after one
    ("Tuesday night")."""
    if toks[j].lower in _WEEKDAYS:
        return toks[j].is_capitalised
    return toks[j].lower in TIME_WORDS and j - 1 >= lo and toks[j - 1].lower in _WEEKDAYS


def _adverb(word: str) -> bool:
    """An adverb by its ending ("reportedly"), but for nouns that speak in it: "the
    family said", "the assembly voted", "a close ally said"."""
    return len(word) > 4 and word.endswith("ly") and not lexicon.names_a_speaker([word])


def _skip_parenthesis(toks: list[Token], j: int, lo: int) -> int:
    k = j - 1
    while k >= lo and j - k < 12 and toks[k].text != "(":
        k -= 1
    return k - 1 if k >= lo and toks[k].text == "(" else j


def _phrase_before_apposition(toks: list[Token], comma: int, lo: int) -> SpeakerPhrase | None:
    """``Smith, a spokesman for the party, said``: the name before the aside."""
    if comma - 1 > lo and toks[comma - 1].text == ")":
        # "Gov. John Kasich (R-OH), said": the name before its party and state
        opening = _skip_parenthesis(toks, comma - 1, lo)
        named = _collect_back(toks, opening, lo)
        if named is not None and named.named and not _inside_an_aside(toks, named, lo):
            return named
    k = comma - 1
    nickname: list[int] = []  # Marcia "Cia" Price: the marks and words of the nickname
    while k >= lo and comma - k < 25 and toks[k].text != ",":
        if toks[k].text in QUOTE_CHARS:
            opening = _nickname_before(toks, k, lo)
            if opening < 0:
                return None  # the aside would run into a quotation
            nickname.extend(range(opening, k + 1))
            k = opening
        k -= 1
    if k < lo or toks[k].text != ",":
        return None
    j = k - 1
    if j >= lo and toks[j].text == ")":
        j = _skip_parenthesis(toks, j, lo)  # "Rep. Jim Jordan (R-Ohio), a member, said"
    name = _collect_back(toks, j, lo)
    aside = _named_aside(toks, k + 1, comma, nickname)
    if name is not None and not name.pronoun:
        opens = j
        while opens > lo and toks[opens - 1].start >= name.phrase_start:
            opens -= 1
        if (
            toks[opens].lower in ("the", "a", "an")
            and opens - 1 > lo
            and toks[opens - 1].text == ","
        ):
            # "Scott Pruitt, the attorney general of Oklahoma, one of the states suing,
            # said": two asides in a row; the name stands before the first
            outer = _collect_back(toks, opens - 2, lo)
            if outer is not None and outer.named:
                if outer.role is None:
                    outer.role = " ".join(t.text for t in toks[opens + 1 : j + 1]) or None
                return outer
    if name is not None and not name.named and not name.pronoun:
        # "Its regional director, Paul Finnegan, said": the aside is the name
        inner = split_phrase(aside) if aside and all(is_word(t) for t in aside) else None
        if inner is not None and inner.named:
            inner.role = _strip_determiner(name.text)  # "chief operating officer", not "Dr"
            inner.phrase_start = name.phrase_start
            return inner
    if name is None or not name.named:
        return name
    if aside and aside[0].lower in ("a", "an", "the") and name.role is None:
        name.role = " ".join(t.text for t in aside[1:]) or None
    return name


def _inside_an_aside(toks: list[Token], named: SpeakerPhrase, lo: int) -> bool:
    """Whether a comma or a nickname's mark comes just before ``named`` ("Hale's niece,
    state Del. Marcia "Cia" Price (D-Newport News), shouted"): the aside is then read
    whole, with the name it holds and what it describes."""
    k = lo
    while k < len(toks) and toks[k].end <= named.phrase_start:
        k += 1
    return k - 1 >= lo and (toks[k - 1].text == "," or toks[k - 1].text in QUOTE_CHARS)


def _named_aside(toks: list[Token], start: int, end: int, nickname: list[int]) -> list[Token]:
    """The words of the aside ``toks[start:end]`` but a nickname and a closing
    parenthesis: "state Del. Marcia "Cia" Price (D-Newport News)" reads "state Del.
    Marcia Price", the name written in it."""
    if end - 1 > start and toks[end - 1].text == ")":
        opening = _skip_parenthesis(toks, end - 1, start)
        if opening < end - 2:
            end = opening + 1
    return [toks[n] for n in range(start, end) if n not in nickname]


def _strip_determiner(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if first.lower() in DETERMINERS and rest else phrase


def _collect_back(toks: list[Token], j: int, lo: int) -> SpeakerPhrase | None:
    if j < lo or not is_word(toks[j]):
        return None
    if toks[j].lower in SUBJECT_PRONOUNS or toks[j].lower in _INDEFINITE_PRONOUNS:
        return pronoun_phrase(toks[j])  # "someone" refers to no one known: unknown
    k = j
    lower_words = 0
    extended = False
    skipped: list[int] = []
    while k >= lo and j - k < _MAX_PHRASE:
        tok = toks[k]
        word = tok.lower
        if not is_word(tok):
            if tok.text in ("-", "&", "'", "’") and k - 1 >= lo and is_word(toks[k - 1]):
                k -= 1
                continue
            opening = _nickname_before(toks, k, lo)
            if opening >= 0:
                skipped.extend(range(opening, k + 1))  # Dwayne "The Rock" Johnson
                k = opening - 1
                continue
            break
        if word in DETERMINERS:
            if tok.is_capitalised and word not in _ARTICLES and _inside_a_name(toks, k, lo):
                k -= 1  # "CBS This Morning": a determiner inside a name
                continue
            if _of_the(toks, k, lo):
                k -= 2  # "Mr. Morgan of the Sierra Club": keep going back to the name
                continue
            if not extended and _preposition_inside(toks, k, lo):
                extended = True
                k -= 2  # "a narrator in the Clinton ad", "a spokesman for the party"
                continue
            k -= 1  # "the", "a": part of the phrase, and its first word
            break
        if tok.is_capitalised:
            # "But", "Says", and the "To" of a Title Case headline end the phrase; "US"
            # is the country ("US Senator Jeff Sessions said"), not the pronoun "us"
            breaks = word in SENTENCE_OPENERS or word in SPEECH_CUES or word in PHRASE_BREAKERS
            if breaks and tok.text != "US" and not _inside_a_name(toks, k, lo):
                break
            k -= 1
            continue
        if word in NAME_JOINERS and k - 1 >= lo and toks[k - 1].is_capitalised and k < j:
            k -= 1
            continue
        if word == "for" and k < j and _for_inside_a_body(toks, k, lo):
            k -= 1  # "the James Martin Center for Nonproliferation Studies"
            continue
        if word in _INNER_PREPOSITIONS and not extended and k < j and _noun_before(toks, k, lo):
            extended = True
            k -= 1  # "A senior ward nurse at St Columba's", "a professor at Harvard"
            continue
        if word == "to" and not extended and k < j and _serves_before(toks, k, lo):
            extended = True
            k -= 1  # "an adviser to Trump", "a source close to the mayor"
            continue
        if word in PHRASE_BREAKERS or word in SPEECH_CUES or lower_words >= _MAX_LOWER:
            break
        if tok.text[:1].isdigit() and k < j:
            k -= 1
            continue
        lower_words += 1
        k -= 1
    words = toks[k + 1 : j + 1]
    if skipped:
        words = [toks[n] for n in range(k + 1, j + 1) if n not in skipped]
    if not words:
        return None
    return split_phrase(words)


def _nickname_before(toks: list[Token], close: int, lo: int) -> int:
    """The opening mark of a nickname whose closing mark is ``toks[close]`` (Dwayne
    "The Rock" Johnson), read back; -1 when there is none."""
    for opening in range(close - 2, max(lo, close - NICKNAME_WORDS - 2), -1):
        if nickname_end(toks, opening, len(toks)) == close + 1:
            return opening
    return -1


_ARTICLES: Final = frozenset({"the", "a", "an"})
_INDEFINITE_PRONOUNS: Final = frozenset(
    words("someone somebody anyone anybody everyone everybody nobody")
)


def pronoun_phrase(tok: Token) -> SpeakerPhrase:
    return SpeakerPhrase(
        tok.start,
        tok.end,
        tok.text,
        pronoun=True,
        named=False,
        plural=tok.lower in ("they", "we"),
        person=tok.lower in ("he", "she"),
    )


def _role(words: list[Token], end: int) -> str | None:
    """The role in ``words[:end]``: its words but the honorifics, and but a determiner
    opening what is left ("the", "a")."""
    kept: list[str] = []
    seen = False
    for n in range(end):
        tok = words[n]
        if tok.lower in _HONORIFICS:
            continue
        if not seen:
            seen = True
            if tok.lower in DETERMINERS:
                continue
        kept.append(tok.text)
    return " ".join(kept) or None


def _serves_before(toks: list[Token], k: int, lo: int) -> bool:
    """Whether "to" at ``toks[k]`` follows "<person noun>" or "<person noun> close"
    that a determiner opens: "an adviser to", "a source close to"."""
    noun = k - 1
    if noun > lo and toks[noun].lower == "close":
        noun -= 1
    if noun - 1 < lo or toks[noun].lower not in PERSON_NOUNS or not toks[noun].text.islower():
        return False
    return any(toks[n].lower in DETERMINERS for n in range(max(lo, noun - 3), noun))


def _serves_the_name(words: list[Token], first: int) -> bool:
    """Whether the name at ``words[first]`` follows "<person noun> to" or "<person noun>
    close to", and maybe a title ("an adviser to Premier"): it names whom the speaker
    serves, not the speaker."""
    to = first - 1
    while to > 0 and words[to].is_capitalised and words[to].lower in TITLE_WORDS:
        to -= 1
    if to < 1 or first >= len(words) or words[to].text != "to":
        return False
    noun = to - 1
    if words[noun].lower == "close" and noun > 0:
        noun -= 1
    return words[noun].lower in PERSON_NOUNS and words[noun].text.islower()


def _demonym(word: str) -> bool:
    """ "republican", "canadian": a party or nationality word, lower case."""
    from reader.analysis.gazetteer import lexicon as name_lexicon

    return word in name_lexicon().demonyms


def _first_name(word: str) -> bool:
    from reader.analysis.gazetteer import first_names

    return first_names().get(word) in ("male", "female")


def split_phrase(words: list[Token]) -> SpeakerPhrase | None:
    """Split "Deputy Foreign Minister Sergei Ryabkov" into role and name."""
    inner = next((n for n, t in enumerate(words) if _inner_preposition(words, n)), None)
    if inner is not None:
        # "A theatre nurse at the Queen Adelaide": the nurse speaks, not the hospital
        head = words[inner - 1].lower
        return SpeakerPhrase(
            words[0].start,
            words[-1].end,
            " ".join(t.text for t in words),
            named=False,
            person=head in PERSON_NOUNS,
        )
    of = next((n for n, t in enumerate(words) if t.lower == "of" and n > 0), None)
    if (
        of is not None
        and words[-1].is_capitalised  # "... of West Virginia", not "... of Transport spokesman"
        and words[of - 1].is_capitalised
        and words[of - 1].lower not in TITLE_WORDS
        # a person is named before "of" only after a title or a first name: "Gov. Earl
        # Tomblin of West Virginia", "Nick Trelawney of Save Holmsea"; "The Associated
        # Society of Rail Crews" is one name
        and (
            any(t.lower in TITLE_WORDS for t in words[: of - 1])
            or (of >= 2 and _first_name(words[0].text))
        )
    ):
        # "Gov. Earl Ray Tomblin of West Virginia": the name comes before "of"
        named_head = split_phrase(words[:of])
        if named_head is not None and named_head.named:
            named_head.phrase_start = words[0].start
            return named_head
    last_title = 0 if words[0].lower in DETERMINERS else -1
    for n, tok in enumerate(words):
        word = tok.lower
        if word in TITLE_WORDS or not tok.is_capitalised or is_possessive(word):
            last_title = n
    if words[-1].lower in ORG_LAST_WORDS and words[-1].is_capitalised:
        # "The Interior Ministry", "the White House": the whole phrase names the body
        last_title = 0 if words[0].lower in DETERMINERS else -1
    # The name is words[first:], the role what comes before it: read by index, with
    # no slices of the phrase, and the role only once the name is known to be one.
    first = last_title + 1
    size = len(words)
    again = words_to_reread(words, first)
    if again is not None:
        return split_phrase(again)
    if _serves_the_name(words, first):
        # "An adviser to Trump", "a source close to Clinton": the adviser speaks
        return SpeakerPhrase(
            words[0].start, words[-1].end, " ".join(t.text for t in words), named=False, person=True
        )
    if (
        first == size - 1
        and words[0].lower in DETERMINERS
        and not any(words[n].lower in DETERMINERS for n in range(1, first))
        and _demonym(words[first].lower)
        and not _demonym(words[first].lower[:-1])  # one person: "Republicans" is a group
    ):
        # "one senior Democrat", "a Canadian": a person described, no name written
        return SpeakerPhrase(
            words[0].start,
            words[-1].end,
            " ".join(t.text for t in words),
            named=False,
            person=True,
        )
    if first < size and all(
        words[n].is_capitalised or words[n].lower in NAME_JOINERS for n in range(first, size)
    ):
        last = words[size - 1].lower
        text = " ".join([words[n].text for n in range(first, size)])
        plural = _common_plural(text)
        return SpeakerPhrase(
            words[first].start,
            words[size - 1].end,
            text,
            role=_role(words, first),
            named=True,
            phrase_start=words[0].start,
            plural=plural,  # "Nurses Say ..." in a headline
            person=last not in ORG_LAST_WORDS and last not in PLACE_HEADS and not plural,
        )
    head = words[-1].lower
    if len(words) == 1 and head in DETERMINERS:
        return None
    plural = head in PLURAL_SPEAKERS or (head.endswith("s") and not head.endswith("ss"))
    return SpeakerPhrase(
        words[0].start,
        words[-1].end,
        " ".join(t.text for t in words),
        named=False,
        plural=plural,
        person=not plural and head in PERSON_NOUNS,
    )
