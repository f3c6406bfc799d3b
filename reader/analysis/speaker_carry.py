"""Whether a quote may take the speaker of the paragraph before.

A paragraph that opens with a quotation, or is one, most often goes on with the last
speaker of the paragraph before, and so does one that a colon introduces ("According
to Jack Kelly, writing for RealClearPolitics:"). A short quotation in the middle of a
paragraph's own prose does not: "Sanders supporters are crying "fraud" over delegate
selection", after a paragraph that ends with what Barney Frank said, is no word of
Frank's. There the speaker carried over is kept only when its sentence names that
person again ("and with that Trump broke off with a dismissive, "eww."") or refers to
someone by "he" or "she"; else the quote stays speech with an unknown speaker, which is
better than a wrong one.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.speaker_context import SENTENCE_END
from reader.analysis.speaker_phrases import SpeakerPhrase
from reader.analysis.text_units import Token

# What may stand before a quotation that opens its paragraph: marks and dashes.
_OPENING_MARKS: Final = " \t\r\n\"'“”‘’«»—–-―•*"
_PERSONAL: Final = frozenset({"he", "she"})


def may_carry(
    text: str,
    quote_start: int,
    para_start: int,
    toks: list[Token],
    before: list[Token],
    speaker: SpeakerPhrase,
) -> bool:
    """Whether the quotation at ``quote_start`` may take ``speaker`` from the paragraph
    before (whose words are ``before``): it opens its paragraph, a colon introduces it,
    the speaker was a pronoun there, or its sentence in ``toks`` (the words of its
    paragraph) names the speaker's last word or says "he" or "she"."""
    if not text[para_start:quote_start].strip(_OPENING_MARKS):
        return True
    if speaker.pronoun or (before and before[-1].text == ":"):
        return True
    words = speaker.text.split()
    if not words:
        return False
    last = words[-1].lower()
    at = 0
    while at < len(toks) and toks[at].start < quote_start:
        at += 1
    start = at
    while start > 0 and toks[start - 1].text not in SENTENCE_END:
        start -= 1
    for k in range(start, len(toks)):
        tok = toks[k]
        word = tok.lower[:-2] if tok.lower.endswith(("'s", "’s")) else tok.lower
        if word == last or word in _PERSONAL:
            return True
        if k > at and tok.text in SENTENCE_END:
            break
    return False


def unknown_speaker(at: int) -> SpeakerPhrase:
    """A speaker the words do not name, at ``at``: like "someone", a pronoun with no
    antecedent, so the quote keeps its kind and shows no speaker."""
    return SpeakerPhrase(at, at, "", pronoun=True, named=False)
