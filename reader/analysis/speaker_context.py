"""Quotes placed among the words of their paragraph, with sentence bounds.

Attribution reads the words around a quote; this module says which words those are:
the quote's own token, where its sentence starts, whether the quote ends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reader.analysis import lexicon
from reader.analysis.quotes import MarkedQuote
from reader.analysis.speaker_phrases import SpeakerPhrase
from reader.analysis.text_units import QUOTE_TOKEN, Token, is_sentence_end

# Final: compiled, module constants (these word lists too) are read as C globals
# instead of being looked up by name in the module's dict on every use.
SENTENCE_OPENERS: Final = lexicon.SENTENCE_OPENERS

MAX_SENTENCE: Final = 150  # tokens: how far back a sentence start is looked for
SENTENCE_END: Final = frozenset({".", "!", "?", ";"})
_CLOSING_MARKS: Final = "\"'“”‘’«»„‚‹› \n"
PRONOUN_OPENERS: Final = frozenset({"he", "she", "it", "its", "they", "their", "his", "her", "we"})


NOBODY: Final = "nobody"  # an Attribution's source when the words show no one speaks


# init=False and an __init__ of their own: compiled, the __init__ that dataclasses
# writes would run interpreted; these are native.
@dataclass(slots=True, init=False)
class Attribution:
    """Who speaks a quote, by which cue, how sure, and which rule found it."""

    phrase: SpeakerPhrase
    cue: str
    confidence: float
    source: str  # "right" / "colon" / "left" of the quote, "subject", "borrowed", NOBODY

    def __init__(
        self, phrase: SpeakerPhrase, cue: str, confidence: float, source: str = "left"
    ) -> None:
        self.phrase = phrase
        self.cue = cue
        self.confidence = confidence
        self.source = source


@dataclass(slots=True, init=False)
class Context:
    """One quote placed among the words of its paragraph."""

    quote: MarkedQuote
    first: int  # index of its token
    stop: int  # index after its token
    sentence_start: int
    ends_sentence: bool
    closing: str  # the quote's last punctuation before its closing mark
    next_first: int  # token of the next quote in the paragraph, or the paragraph's end

    def __init__(
        self,
        quote: MarkedQuote,
        first: int,
        stop: int,
        sentence_start: int,
        ends_sentence: bool,
        closing: str,
        next_first: int,
    ) -> None:
        self.quote = quote
        self.first = first
        self.stop = stop
        self.sentence_start = sentence_start
        self.ends_sentence = ends_sentence
        self.closing = closing
        self.next_first = next_first


def place(text: str, toks: list[Token], quotes: list[MarkedQuote]) -> list[Context]:
    """Find each quote's own token (see ``tokens``) and the start of its sentence."""
    contexts: list[Context] = []
    t = 0
    for q in quotes:
        while toks[t].start < q.start:
            t += 1
        # The last character before the closing marks, read in place: copying the quote
        # to strip it cost as much as the quote is long.
        k = q.end
        while k > q.start and _is_closing_mark(ord(text[k - 1])):
            k -= 1
        closing = text[k - 1] if k > q.start else ""
        contexts.append(Context(q, t, t + 1, 0, closing in ("!", "?", "."), closing, len(toks)))
    for n in range(len(contexts) - 1):
        contexts[n].next_first = contexts[n + 1].first
    ends_sentence = {c.first for c in contexts if c.ends_sentence}
    for ctx in contexts:
        ctx.sentence_start = sentence_start(toks, ctx.first, ends_sentence)
    return contexts


def _is_closing_mark(c: int) -> bool:
    """Whether the character with code ``c`` is in ``_CLOSING_MARKS``: compared as
    numbers, as ``in`` on the string makes a one-character string to look for."""
    if c < 128:
        return c in (34, 39, 32, 10)  # " ' space \n
    return c in (0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A)


def sentence_start(toks: list[Token], first: int, quote_ends: set[int]) -> int:
    """Where the sentence holding ``toks[first]`` begins; a quote may end a sentence:
    ``quote_ends`` holds the indices of the quotes' own tokens that do."""
    k = first - 1
    floor = max(0, first - MAX_SENTENCE)
    while k >= floor:
        # Only a token ending in . ! ? or ; can end a sentence (every token
        # ``ends_sentence`` accepts does: keep the two in step), and only a quote's
        # token is in quote_ends: most tokens are passed over without a call or a
        # look-up (and so without making an int object for ``k``).
        text = toks[k].text
        # The last character read as a number: no one-character slice and no set
        # look-up for the many tokens that end in a letter.
        last = ord(text[len(text) - 1]) if text else 0
        if last == ord(".") or last == ord("!") or last == ord("?") or last == ord(";"):
            if ends_sentence(toks, k):
                return k + 1
        elif text == QUOTE_TOKEN and k in quote_ends:
            return k + 1
        k -= 1
    return floor


def ends_sentence(toks: list[Token], k: int) -> bool:
    text = toks[k].text
    # Characters read as numbers: most tokens are words, told apart by their last
    # character without a set look-up (hashing the token) or a method call.
    size = len(text)
    last = ord(text[size - 1]) if size else 0
    if size == 1:
        if last == ord(";"):
            return True
        if last == ord(".") or last == ord("!") or last == ord("?"):  # SENTENCE_END
            return is_sentence_end(toks, k)
        return False
    # "after 9 p.m. Its general secretary": an abbreviation can end a sentence too
    if size > 2 and last == ord(".") and k + 1 < len(toks):
        nxt = toks[k + 1]
        return nxt.is_capitalised and (
            nxt.lower in SENTENCE_OPENERS or nxt.lower in PRONOUN_OPENERS
        )
    return False
