"""A nickname in quotation marks inside a name: Marcia "Cia" Price.

The marks around "Cia" are no quotation: the words are part of the name between a
first name and a surname. Read from the characters around the marks only, so the
quote finder can drop such a span and the speaker reader can read across it.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import (
    DETERMINERS,
    PHRASE_BREAKERS,
    SENTENCE_OPENERS,
    SPEECH_CUES,
    TIME_WORDS,
)
from reader.analysis.text_units import Token

_MARKS: Final = "\"“”„‟«»'‘’‚‛‹›"
NICKNAME_WORDS: Final = 3
_MAX_CHARS: Final = 30
_NAME_CHARS: Final = "'’.-"
# Words after the closing mark that are no surname: a day or month ("Hillary "Crooked"
# Tuesday"), a function word of a headline ("Jordan "Ready" For Talks"), a speech verb.
_NO_SURNAME: Final = TIME_WORDS | PHRASE_BREAKERS | SENTENCE_OPENERS | DETERMINERS | SPEECH_CUES


def is_nickname(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, marks included, is a short Title Case nickname set
    between a known first name and a capitalised surname ("Dwayne "The Rock" Johnson"),
    each one space away. A day or month after it ("Hillary "Crooked" Tuesday") is no
    surname."""
    if end - start < 3 or end - start > _MAX_CHARS + 2:
        return False
    if text[start] not in _MARKS or text[end - 1] not in _MARKS:
        return False
    words = text[start + 1 : end - 1].split(" ")
    if len(words) > NICKNAME_WORDS or not all(_title_word(w) for w in words):
        return False
    before = _word_ending(text, start - 1)
    after = _word_starting(text, end + 1)
    if not before or not after or text[start - 1] != " " or text[end : end + 1] != " ":
        return False
    if not _title_word(after) or after.lower() in _NO_SURNAME:
        return False
    from reader.analysis.gazetteer import first_names

    return _title_word(before) and first_names().get(before) is not None


def _title_word(word: str) -> bool:
    return (
        len(word) > 1
        and word[0].isupper()
        and word[0].isalpha()
        and all(c.isalpha() or c in _NAME_CHARS for c in word)
        and any(c.islower() for c in word)
    )


def _word_ending(text: str, end: int) -> str:
    """The run of letters and name characters that ends at ``end`` (exclusive)."""
    k = end
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in _NAME_CHARS):
        k -= 1
    return text[k:end]


def _word_starting(text: str, start: int) -> str:
    """The word from ``start``, up to a space or a mark of punctuation other than a
    name's own characters."""
    k = start
    while k < len(text) and (text[k].isalpha() or text[k] in "-"):
        k += 1
    return text[start:k]


def nickname_end(toks: list[Token], k: int, hi: int) -> int:
    """Where a nickname that opens at the mark ``toks[k]`` ends (the index after its
    closing mark), read from words: a first name right before the mark, one to three
    Title Case words, the closing mark and a capitalised surname, each one space apart;
    -1 when there is none."""
    if k < 1 or k + 3 >= hi or toks[k].text not in _MARKS:
        return -1
    last = min(hi, k + NICKNAME_WORDS + 2)
    close = next((n for n in range(k + 2, last) if toks[n].text in _MARKS), -1)
    if close < 0 or close + 1 >= hi:
        return -1
    for n in range(k - 1, close + 1):
        # the marks touch the nickname's words; a space stands between any two words
        touching = n == k or n == close - 1
        if toks[n + 1].start - toks[n].end != (0 if touching else 1):
            return -1
    if not all(_title_word(toks[n].text) for n in range(k + 1, close)):
        return -1
    first, surname = toks[k - 1].text, toks[close + 1].text
    if not _title_word(first) or not _title_word(surname) or surname.lower() in _NO_SURNAME:
        return -1
    from reader.analysis.gazetteer import first_names

    return close + 1 if first_names().get(first) is not None else -1
