"""Paragraphs, words and sentence ends: the units quotes and speakers are found in.

Every function runs in linear time over the part of the text it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.lexicon import ABBREVIATIONS

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE = re.compile(r"\n")
_WRAP_WIDTH = 120

# Words keep inner apostrophes and hyphens ("Moscow's", "so-called"); "U.S." stays whole.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]")


@dataclass(slots=True, frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: split at blank lines, and at every line unless hard-wrapped.

    A document whose lines are all short is hard-wrapped: its single line breaks are
    soft and only blank lines separate paragraphs. Once any line is long, the lines
    were not wrapped, so every line break ends a paragraph.
    """
    separator = _BLANK_LINE if _is_hard_wrapped(text) else _NEWLINE
    spans: list[tuple[int, int]] = []
    start = 0
    for match in separator.finditer(text):
        _append_stripped(text, start, match.start(), spans)
        start = match.end()
    _append_stripped(text, start, len(text), spans)
    return spans


def _is_hard_wrapped(text: str) -> bool:
    if not _BLANK_LINE.search(text):
        return False
    return max(map(len, text.split("\n"))) <= _WRAP_WIDTH


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; known abbreviations keep their dot."""
    out: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        word = match.group()
        if (
            word == "."
            and out
            and out[-1].end == s
            and out[-1].is_word
            and (out[-1].lower in ABBREVIATIONS or _is_initial(out[-1].text))
        ):
            prev = out.pop()
            out.append(Token(prev.start, e, prev.text + "."))
            continue
        out.append(Token(s, e, word))
    return out


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def is_sentence_end(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` (a ".", "!" or "?") ends a sentence."""
    tok = toks[i]
    if tok.text not in ".!?":
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return True
    if nxt.start == tok.end:
        return False  # "3.5", "a.m." glued to the next character
    return nxt.text[:1].isupper() or nxt.text[:1].isdigit() or not nxt.is_word
