"""Checks on single words around a speaker phrase: a preposition inside the phrase or inside a
body's name, an opener inside a name, a capitalised plural that is a noun."""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon, vocabulary
from reader.analysis.text_units import Token

DETERMINERS: Final = lexicon.DETERMINERS
ORG_LAST_WORDS: Final = vocabulary.ORG_LAST_WORDS
PERSON_NOUNS: Final = lexicon.PERSON_NOUNS
PHRASE_BREAKERS: Final = lexicon.PHRASE_BREAKERS
PLURAL_SPEAKERS: Final = lexicon.PLURAL_SPEAKERS
SPEAKING_PEOPLE: Final = lexicon.SPEAKING_PEOPLE
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS
SPEECH_CUES: Final = lexicon.SPEECH_CUES
TITLE_WORDS: Final = lexicon.TITLE_WORDS


_INNER_PREPOSITIONS: Final = frozenset({"at", "in", "for", "with", "from"})


def is_word(tok: Token) -> bool:
    return tok.is_word


def _inner_preposition(words: list[Token], n: int) -> bool:
    """Whether ``words[n]`` is a preposition inside the phrase ("a nurse at the Royal"),
    not one inside a body's name ("Center for Nonproliferation Studies")."""
    tok = words[n]
    if n == 0 or tok.lower not in _INNER_PREPOSITIONS:
        return False
    return tok.lower != "for" or n + 1 >= len(words) or not _for_inside_a_body(words, n, 0)


def _for_inside_a_body(toks: list[Token], k: int, lo: int) -> bool:
    """Whether "for" at ``toks[k]`` joins a body's name: a capitalised word that ends
    such names before it ("Center", "Committee"), a capitalised word after it."""
    before = toks[k - 1] if k - 1 >= lo else None
    return (
        before is not None
        and before.is_capitalised
        and before.lower in ORG_LAST_WORDS
        and toks[k + 1].is_capitalised
    )


def _inside_a_name(toks: list[Token], k: int, lo: int) -> bool:
    """Whether the capitalised opener at ``toks[k]`` ("This") sits between capitalised
    words of one name: "CBS This Morning co-anchor DeMarco Morgan said"."""
    word = toks[k].lower
    if word not in SENTENCE_OPENERS or word in PHRASE_BREAKERS or word in SPEECH_CUES:
        return False
    before = toks[k - 1] if k - 1 >= lo else None
    return before is not None and before.is_word and before.is_capitalised


def _preposition_inside(toks: list[Token], k: int, lo: int) -> bool:
    """Whether the determiner at ``k`` follows "noun in|for|of|with" of a longer phrase."""
    if k - 3 < lo or toks[k - 1].lower not in ("in", "for", "of", "with", "at", "from"):
        return False
    noun = toks[k - 2]
    if not is_word(noun) or noun.lower in PHRASE_BREAKERS or noun.lower in SPEECH_CUES:
        return False
    # the longer phrase must itself open with a determiner a word or two earlier
    return any(toks[n].lower in DETERMINERS for n in range(max(lo, k - 5), k - 2))


def _common_plural(text: str) -> bool:
    """ "Nurses", "Officials": a capitalised plural noun, not a name."""
    word = text.lower()
    return word in PLURAL_SPEAKERS or (word.endswith("s") and word[:-1] in PERSON_NOUNS)


def _noun_before(toks: list[Token], k: int, lo: int) -> bool:
    """Whether "at" at ``k`` follows a person noun that a determiner opens: "a nurse at"."""
    noun = toks[k - 1].lower if k >= 1 else ""
    if k - 2 < lo or (noun not in PERSON_NOUNS and noun not in SPEAKING_PEOPLE):
        return False  # "a nurse at", "his business partner at"
    return any(toks[n].lower in DETERMINERS for n in range(max(lo, k - 5), k - 1))


def _of_the(toks: list[Token], k: int, lo: int) -> bool:
    return (
        toks[k].lower == "the"
        and k - 2 >= lo
        and toks[k - 1].lower == "of"
        and toks[k - 2].is_capitalised
        and toks[k - 2].lower not in TITLE_WORDS
    )
