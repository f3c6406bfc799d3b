"""The shapes a speaker may have besides a found name: a complete nominal phrase ("the company",
"a spokesperson for Lune Ferries"), a group named without a determiner ("federal prosecutors"),
or a person's name the name finder missed ("Mr. King")."""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.sorted_table import LabelTable

DETERMINERS: Final = lexicon.DETERMINERS
PERSON_NOUNS: Final = lexicon.PERSON_NOUNS
PLURAL_SPEAKERS: Final = lexicon.PLURAL_SPEAKERS
TIME_WORDS: Final = lexicon.TIME_WORDS
TITLE_WORDS: Final = lexicon.TITLE_WORDS


# Words that are never the last word of a complete nominal phrase.
_NOT_HEADS: Final = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "last",
        "next",
        "other",
        "same",
        "such",
        "large",
        "small",
        "big",
        "little",
        "new",
        "old",
        "former",
        "latest",
        "many",
        "few",
        "several",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "every",
        "own",
        "very",
        "much",
        "only",
        "just",
        "also",
        "even",
        "not",
        "rather",
        "sure",
        "never",
        "always",
        "sometimes",
        "often",
        "great",
        "good",
        "bad",
        "high",
        "low",
        "long",
        "short",
        "whole",
        "entire",
        "senior",
        "junior",
        "local",
        "national",
        "recent",
        "second-largest",
        "largest",
        "biggest",
    ]
)


# Words after which a phrase has turned into a clause: a time ("A month later"), a cut
# ("a source close", "the base chief known") or a past tense ("The crowd chanted
# back", "The billionaire businessman began"). The phrase before them may still speak.
_CLAUSE_WORDS: Final = frozenset(
    [
        *("later", "earlier", "ago", "close", "known", "back", "began", "came", "held"),
        *("went", "took", "made", "gave", "got", "kept", "sent", "spent", "brought"),
        "thought",
    ]
)


_HONORIFICS: Final = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame"]
)


_PLURAL_PERSON_ENDINGS: Final = ("ers", "ors", "ists", "ians", "ants", "ents", "ees")


_MONTHS: Final = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "christmas",
        "easter",
    ]
)


# "Heartland's", and "Sanders’" (a name ending in "s" takes the mark alone)
_POSSESSIVE_ENDINGS: Final = ("'s", "’s", "s'", "s’")


def _nominal(words: list[str], lowered: list[str]) -> bool:
    """A complete nominal phrase: "the company", "a spokesperson for Lune Ferries",
    "63 percent", "Heartland's chief executive", "Protesters"."""
    first = lowered[0]
    opens = (
        first in DETERMINERS
        or first[:1].isdigit()
        # "Heartland's chief executive", "Port Ardwell's town council", "Maine Sen.
        # Ada Pike's campaign": a possessive name, then the noun that speaks
        or any(word.endswith(_POSSESSIVE_ENDINGS) for word in lowered[:-1])
        or (first in PERSON_NOUNS and words[0].islower())
    )
    if len(words) == 1:
        return (
            first in PLURAL_SPEAKERS
            or (first.endswith("s") and first[:-1] in PERSON_NOUNS)  # "Nurses"
            or (first.endswith(_PLURAL_PERSON_ENDINGS) and first not in _NOT_HEADS)
        )
    if not opens and not (words[-1].islower() and lowered[-1] in PERSON_NOUNS):
        return _plural_group(words, lowered)
    if words[0].islower() and first.endswith(("ed", "ing")) and first not in PERSON_NOUNS:
        return False  # "included staff members", "coming from a candidate": a cut clause
    head = lowered[-1]
    after_of = lowered[-2] == "of"  # "the mother of three"
    if (head in DETERMINERS and not after_of) or head in _NOT_HEADS:
        return False  # "A representative of a large": cut before its noun
    if head in lexicon.PHRASE_BREAKERS or head in _CLAUSE_WORDS:
        return False  # "the company that", "officials with", "A month later"
    speaks = head.endswith("ly") and lexicon.names_a_speaker([head])  # "the family"
    if head.endswith(("ly", "ed")) and words[-1].islower() and not speaks:
        return False  # "The judge ruled", "the company quickly"
    for n in range(1, len(words) - 1):
        # "The diocese issued a second": a verb inside, a clause not a phrase
        word = lowered[n]
        following = lowered[n + 1]
        if (
            word.endswith("ed")
            and words[n].islower()
            and (following in DETERMINERS or following[:1].isdigit())
        ):
            return False  # "The diocese issued a second", "The council voted 6-1"
    return not (head in TIME_WORDS or head in _MONTHS)


_GROUP_WORDS: Final = 5  # "Hundreds of pro-Sanders demonstrators"


def _plural_group(words: list[str], lowered: list[str]) -> bool:
    """A group of people or bodies named without a determiner: "Liberal politicians",
    "federal prosecutors", "Multiple outlets", "Leaders of the organization". The head
    is a plural noun that can speak (the word before "of" when one follows it); the
    words before it are plain modifiers, never a verb ("slamming candidates")."""
    if len(words) > _GROUP_WORDS:
        return False
    of = lowered.index("of") if "of" in lowered else len(lowered)
    if of == 0:
        return False
    head = lowered[of - 1]
    if not head.endswith("s") or head.endswith("ss") or not words[of - 1][1:].islower():
        return False
    if head in _NOT_HEADS or head in TIME_WORDS or not lexicon.names_a_speaker([head]):
        return False
    for n in range(of - 1):
        word = lowered[n]
        if words[n].islower() and word.endswith(("ing", "ed")):
            return False
        if word in lexicon.PHRASE_BREAKERS or word in lexicon.SENTENCE_OPENERS:
            return False
    return of == len(lowered) or lowered[-1] not in lexicon.PHRASE_BREAKERS


def _person_shaped(words: list[str], lowered: list[str], firsts: LabelTable) -> bool:
    """A person's name the name finder missed: "Rucker Culpepper", "Mr. King"."""
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return False
    if any(word in _MONTHS or word in TIME_WORDS for word in lowered):
        return False
    if lowered[0] in _HONORIFICS or lowered[0] in TITLE_WORDS:
        return True
    from reader.analysis.gazetteer import lexicon as name_lexicon

    if lowered[0] in name_lexicon().titles:
        return True
    return words[0] in firsts and len(words) <= 4
