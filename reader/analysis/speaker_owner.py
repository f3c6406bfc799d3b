"""Quotations owned by a possessive name, with no speech verb: "in Forbes' words",
"Gordon Petrie's claim that the ferry ...".

The owner of the words, the claim or the promise is who said them, not the subject of
the sentence that reports them ("Fact-checkers seized on Petrie's claim that ...": the
fact-checkers say nothing of it).
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.speaker_context import Attribution
from reader.analysis.speaker_phrases import SpeakerPhrase, cue_at, split_phrase
from reader.analysis.text_units import QUOTE_TOKEN, Token, is_possessive

TITLE_WORDS: Final = lexicon.TITLE_WORDS
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS

# Nouns for what a person says: "Petrie's claim that ...", "in Baird's words".
_SAYINGS: Final = frozenset(
    words(
        "claim claims assertion assertions statement statements remark remarks comment "
        "comments promise promises pledge pledges warning warnings argument insistence "
        "prediction answer reply response retort boast suggestion contention words"
    )
)
_OWNER_WORDS: Final = 5  # "Sen. Ada Pike's": a name of a few words
_TO_QUOTE: Final = 12  # words from the noun to the quotation it introduces
_APOSTROPHES: Final = frozenset({"'", "’"})


def owned_quote(toks: list[Token], lo: int, a: int) -> Attribution | None:
    """The owner of the words at ``toks[a]``: "in X's words, "..."", "X's claim that
    ... "..."", "X's answer was that "..."", read in the sentence from ``lo``."""
    for k in range(a - 1, max(lo, a - _TO_QUOTE) - 1, -1):
        tok = toks[k]
        if tok.text == QUOTE_TOKEN or cue_at(toks, k) is not None:
            return None  # another quotation or a verb of its own stands between
        if tok.lower not in _SAYINGS or not tok.text.islower() or not _introduces(toks, k, a):
            continue
        owner = _owner(toks, k, lo)
        if owner is not None:
            cue = "in the words of" if tok.lower == "words" else ""
            return Attribution(owner, cue, 0.7)
        return None
    return None


def _introduces(toks: list[Token], k: int, a: int) -> bool:
    """Whether the noun at ``toks[k]`` introduces the quotation at ``a``: "words," just
    before it, or "that" (or "was that", "is that") after the noun."""
    nxt = toks[k + 1] if k + 1 < a else None
    if toks[k].lower == "words":
        return nxt is None or nxt.text == ","
    if nxt is None:
        return False  # "Petrie's claim "...": a title or a scare quote more often
    if nxt.lower in ("was", "is") and k + 2 < a:
        nxt = toks[k + 2]
    return nxt.lower == "that"


def _owner(toks: list[Token], k: int, lo: int) -> SpeakerPhrase | None:
    """The name written possessive just before the noun at ``toks[k]``."""
    j = k - 1
    if j < lo:
        return None
    last = toks[j]
    if last.text in _APOSTROPHES and j - 1 >= lo and toks[j - 1].lower.endswith("s"):
        j -= 1  # "Forbes’ words": the mark is a token of its own
        last = toks[j]
    elif is_possessive(last.text):
        last = Token(last.start, last.end - 2, last.text[:-2], last.lower[:-2])
    else:
        return None
    if not last.is_capitalised:
        return None  # "the group's claim": a nominal owner is left to the sentence
    owner = [last]
    n = j - 1
    while n >= lo and len(owner) < _OWNER_WORDS and toks[n].is_capitalised:
        if toks[n].lower in SENTENCE_OPENERS:
            break
        owner.insert(0, toks[n])
        n -= 1
    phrase = split_phrase(owner)
    return phrase if phrase is not None and phrase.named else None
