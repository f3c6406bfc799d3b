"""Paragraphs, words and sentence ends: the units quotes and speakers are found in.

Every function runs in linear time over the part of the text it is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from reader.analysis.vocabulary import ABBREVIATIONS_WITH_MONTHS as ABBREVIATIONS

# Final: compiled, module constants are read as C globals instead of being looked up
# by name in the module's dict on every use.
_WRAP_WIDTH: Final = 120

# Words keep inner apostrophes and hyphens ("Moscow's", "so-called"); "U.S.", initials
# ("J.") and known abbreviations ("Sen.") keep their dot. Every token opens with a
# character of one plain class, so the regex engine skips white space with its fast
# class scan; a word is then read once, and only where it runs into a dot are the
# dotted forms tried: a letter and a dot repeated ("U.S."), a capital ("J."), or the
# word being a known abbreviation (looked back at once the word is read, so the word
# is not read twice). No alternative can match inside another's repetition, so there
# is no backtracking beyond a word. A token opening with a letter or digit always
# follows a character that is neither (or starts the text), which makes the
# look-behinds below see the whole word.


def _abbreviation_lookbehinds() -> str:
    """Look-behinds that the word just read is a known abbreviation: one per length,
    as each look-behind must have one width."""
    by_length: dict[int, list[str]] = {}
    for word in sorted({a.capitalize() for a in ABBREVIATIONS if "." not in a}):
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "|".join(
        rf"(?<=(?<![^\W_])(?:{'|'.join(same)}))" for _, same in sorted(by_length.items())
    )


_TOKEN: Final = re.compile(
    r"[^\s_](?:(?<=[^\W_])(?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|(?<=[A-Z])\.(?![\w.])"
    rf"|[^\W_]*+(?:(?=\.)(?:{_abbreviation_lookbehinds()})\.(?!\w)|(?:['’\-][^\W_]+)*)))?"
)
# The same, as one group: the pattern has no look-behind, so a slice reads as the range.
_TOKEN_SPLIT: Final = re.compile(f"({_TOKEN.pattern})")


@dataclass(slots=True, init=False)
class Token:
    start: int
    end: int
    text: str
    # ``text.lower()``, made on first use and kept: attribution asks for it again and
    # again, but only of the words near a cue or a quote (about a fifth of them).
    _lower: str | None = field(compare=False, repr=False)

    def __init__(self, start: int, end: int, text: str, lower: str | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self._lower = lower

    @property
    def lower(self) -> str:
        lower = self._lower
        if lower is None:
            lower = self._lower = _lower_case(self.text)
        return lower

    @property
    def is_word(self) -> bool:
        return bool(self.text) and alnum_at(self.text, 0)

    @property
    def is_capitalised(self) -> bool:
        return opens_upper(self.text)


# Characters read by their code: compiled, an ASCII one is decided without making a
# one-character string and calling a str method on it (a call through Python).
def alnum_at(text: str, i: int) -> bool:
    """``text[i].isalnum()``."""
    c = ord(text[i])
    if c < 128:
        return 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57
    return text[i].isalnum()


def opens_upper(word: str) -> bool:
    """``word[:1].isupper()``."""
    if not word:
        return False
    c = ord(word[0])
    if c < 128:
        return 65 <= c <= 90
    return word[0].isupper()


def is_upper(word: str) -> bool:
    """``word.isupper()``, settled at once for the usual word: a lower-case a-z first or
    second letter ("said", "Biden") rules it out by reading one character."""
    for k in range(min(2, len(word))):
        if 97 <= ord(word[k]) <= 122:
            return False
    return word.isupper()


def is_possessive(word: str) -> bool:
    """Whether ``word`` ends in 's or ’s (compiled, endswith() with a tuple held in a
    Final builds a new tuple at every call)."""
    return possessive_at(word, 0, len(word))


def possessive_at(text: str, start: int, end: int) -> bool:
    """``is_possessive(text[start:end])``, read in place."""
    return (
        end - start >= 2
        and ord(text[end - 1]) == ord("s")
        and ord(text[end - 2]) in (ord("'"), ord("’"))
    )


# Binary searches over sorted offsets, as bisect_left and bisect_right: compiled, a
# call to the bisect module boxes its arguments, parses them and compares each pair
# through Python's rich comparison (about a thousand instructions a call); these
# compare machine integers.
def first_not_below(values: list[int], x: int, lo: int = 0) -> int:
    """The first index from ``lo`` whose value is ``x`` or more (``bisect_left``)."""
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_above(values: list[int], x: int, lo: int = 0) -> int:
    """The first index from ``lo`` whose value is more than ``x`` (``bisect_right``)."""
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < values[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: split at blank lines, and at every line unless hard-wrapped.

    A document whose lines are all short is hard-wrapped: its single line breaks are
    soft and only blank lines separate paragraphs. Once any line is long, the lines
    were not wrapped, so every line break ends a paragraph.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    if _is_hard_wrapped(text):
        width = _wrap_width(text)
        # Each blank line, as ``re.finditer(r"\n[ \t\r\f\v]*\n")`` finds them: a line
        # break found with str.find (a memchr scan), then the line after it read for
        # being blank, without a regex search and a match object per paragraph.
        line = text.find("\n")
        line_start = 0
        while line >= 0:
            after = _blank_line_end(text, line)
            if after < 0:
                if _ends_short(text, line_start, line, width):
                    _append_stripped(text, start, line, spans)
                    start = line + 1
                line_start = line + 1
                line = text.find("\n", line + 1)
                continue
            _append_stripped(text, start, line, spans)
            start = after
            line_start = after
            line = text.find("\n", after)
    else:
        # Every line break: found with str.find, without a match object for each line
        while (end := text.find("\n", start)) >= 0:
            _append_stripped(text, start, end, spans)
            start = end + 1
    _append_stripped(text, start, len(text), spans)
    return spans


def _wrap_width(text: str) -> int:
    """The width the text was wrapped at: the median length of its lines, as lines cut
    by the wrapping outnumber the short last lines of paragraphs."""
    lengths: list[int] = []
    start = 0
    while (end := text.find("\n", start)) >= 0:
        if end > start:
            lengths.append(end - start)
        start = end + 1
    if not lengths:
        return 0
    lengths.sort()
    return lengths[len(lengths) // 2]


# What a paragraph's last line ends with: a sentence's end or a closing mark.
_PARAGRAPH_ENDS: Final = ".!?:\"”’'"


def _ends_short(text: str, line_start: int, line: int, width: int) -> bool:
    """Whether the hard-wrapped line ending at the break ``text[line]`` ends a paragraph
    of its own: it closes a sentence, and the next line's first word would have fitted
    on it, so the wrapping did not break it there (a scan keeps one line break between
    paragraphs where the story had one)."""
    end = line
    while end > line_start and text[end - 1] in " \t\r":
        end -= 1
    if end == line_start or text[end - 1] not in _PARAGRAPH_ENDS:
        return False
    word_end = line + 1
    size = len(text)
    while word_end < size and not text[word_end].isspace():
        word_end += 1
    return (end - line_start) + 1 + (word_end - line - 1) < width


def _blank_line_end(text: str, line: int) -> int:
    """Where the blank line after the line break ``text[line]`` ends (after its own line
    break), or -1 when that line holds more than spaces, tabs, \\r, \\f and \\v."""
    k = line + 1
    size = len(text)
    while k < size:
        c = ord(text[k])
        if c == 10:
            return k + 1
        if not (c == 32 or c == 9 or c == 13 or c == 12 or c == 11):
            return -1
        k += 1
    return -1


def _is_hard_wrapped(text: str) -> bool:
    line = text.find("\n")
    while line >= 0 and _blank_line_end(text, line) < 0:
        line = text.find("\n", line + 1)
    if line < 0:
        return False  # no blank line
    # Line lengths from the line breaks' offsets: no string is made for each line, and
    # the first long line decides.
    start = 0
    while (end := text.find("\n", start)) >= 0:
        if end - start > _WRAP_WIDTH:
            return False
        start = end + 1
    return len(text) - start <= _WRAP_WIDTH


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


QUOTE_TOKEN: Final = '"'


def tokens(
    text: str, start: int, end: int, quotes: list[tuple[int, int]] | tuple = ()
) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; known abbreviations keep their dot.

    Each span in ``quotes`` (sorted, inside the range) becomes one token whose text is
    ``QUOTE_TOKEN``: attribution reads around quotations, never inside them, and not
    splitting their words keeps this linear in the text around the quotes.
    """
    out: list[Token] = []
    at = start
    for q_start, q_end in quotes:
        _words_into(text, at, q_start, out)
        out.append(Token(q_start, q_end, QUOTE_TOKEN))
        at = q_end
    _words_into(text, at, end, out)
    return out


GAP_TOKEN: Final = "."
_NOT_AFTER_SENTENCE: Final = frozenset({")", "]", ",", ";", ":"})
_BEFORE_NUMBERS: Final = frozenset({"No", "Nos", "no", "Vol", "vol", "p", "pp", "Art", "Fig", "Ch"})


def tokens_near(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], radius: int
) -> list[Token]:
    """Like ``tokens``, but only within ``radius`` characters of a quote.

    Attribution never looks further than a sentence or two from a quotation, so a
    long paragraph is read only around its quotes (and one without quotes only at
    its end). Each skipped stretch leaves a zero-width ``GAP_TOKEN``, a sentence
    end, so no sentence runs across it.
    """
    out: list[Token] = []
    at = start  # everything before this offset is read or skipped
    for n, (q_start, q_end) in enumerate(quotes):
        window = max(at, q_start - radius)
        if window > at:
            out.append(Token(at, at, GAP_TOKEN))
        _words_into(text, window, q_start, out)
        out.append(Token(q_start, q_end, QUOTE_TOKEN))
        following = quotes[n + 1][0] if n + 1 < len(quotes) else end
        at = min(following, q_end + radius)
        _words_into(text, q_end, at, out)
    window = max(at, end - radius) if not quotes else end
    if window > at:
        out.append(Token(at, at, GAP_TOKEN))
    _words_into(text, window, end, out)
    return out


def reads_whole(start: int, end: int, quotes: list[tuple[int, int]], radius: int) -> bool:
    """Whether ``tokens_near`` reads every stretch between the quotes whole (no gap, no
    cut), so that a read with a wider radius gives the very same tokens."""
    if not quotes:
        return end - radius <= start
    if quotes[0][0] - radius > start:
        return False
    # Each quote's end with the next quote's start (the paragraph's end after the last):
    # indexed, as zip() is a generic call when compiled.
    for n in range(len(quotes)):
        nxt = quotes[n + 1][0] if n + 1 < len(quotes) else end
        if quotes[n][1] + radius < nxt:
            return False
    return True


def _words_into(text: str, start: int, end: int, out: list[Token]) -> None:
    # No token holds white space, and every look-around of the pattern sees white space
    # as it sees the edge of the text, so each stretch between spaces (and line breaks)
    # splits on its own just as it does in place. Most such stretches are a plain word,
    # maybe with marks around it ("(said,"): those are split here without the regex,
    # whose per-match cost is most of reading a word; the rest go to the regex.
    if start >= end:
        return  # most calls: the windows around two quotes met, or reached the end
    chunk = text[start:end]
    if "\n" not in chunk:
        _line_into(chunk, start, out)  # most: one line, without a list holding it alone
        return
    at = start
    for line in chunk.split("\n"):
        at = _line_into(line, at, out) + 1


def _line_into(line: str, at: int, out: list[Token]) -> int:
    """Tokens of ``line`` (no line break) at offset ``at``; returns the offset after it."""
    for part in line.split(" "):
        size = len(part)
        if size:
            _part_into(part, at, size, out)
        at += size + 1
    return at - 1


# Marks that are a token each beside a word: not a letter or digit, not white space
# or "_" (which no token holds), and not "." (which may join the word before it: an
# abbreviation, an initial, "U.S."). Only the common ones: any other goes to the regex.
_MARKS: Final = frozenset(",;:!?()[]\"“”‘’'«»—–-―…/&%$")
# The words the pattern keeps a dot after ("Sen."), spelled as the pattern spells them.
_DOTTED_WORDS: Final = frozenset(a.capitalize() for a in ABBREVIATIONS if "." not in a)


def _part_into(part: str, at: int, size: int, out: list[Token]) -> None:
    """Tokens of ``part``, a stretch without spaces or line breaks at offset ``at``."""
    if part.isalnum():
        out.append(Token(at, at + size, part))  # most: a word alone
        return
    first = 0
    while first < size and part[first] in _MARKS:
        first += 1
    last = size
    while last > first and part[last - 1] in _MARKS and not _mojibake_at(part, last - 1):
        last -= 1
    for k in range(first):
        mark = part[k]
        out.append(Token(at + k, at + k + 1, mark, mark))
    if first < last:
        word = part if last - first == size else part[first:last]
        if word.isalnum() or _joined(word):
            out.append(Token(at + first, at + last, word))
        elif word[-1] == "." and len(word) > 1 and (stem := word[:-1]).isalnum():
            # "said.", "Sen.", "J.": as the pattern reads a word running into a dot
            # that a mark or the end follows (its "U.S." form needs a second letter)
            if stem in _DOTTED_WORDS or (len(stem) == 1 and "A" <= stem <= "Z"):
                out.append(Token(at + first, at + last, word))
            else:
                out.append(Token(at + first, at + last - 1, stem))
                out.append(Token(at + last - 1, at + last, ".", "."))
        elif _mojibake_word(word) or _decomposed_word(word):
            out.append(Token(at + first, at + last, word))
        elif word[-1] == "." and _mojibake_word(word[:-1]):
            out.append(Token(at + first, at + last - 1, word[:-1]))
            out.append(Token(at + last - 1, at + last, ".", "."))
        else:
            _split_into(word, at + first, out)  # "U.S.", "3.5", "José’s": the regex decides
    for k in range(last, size):
        mark = part[k]
        out.append(Token(at + k, at + k + 1, mark, mark))


def _split_into(text: str, at: int, out: list[Token]) -> None:
    # Splitting at the tokens keeps the gaps between them too: offsets are sums of lengths.
    parts = _TOKEN_SPLIT.split(text)
    for n in range(0, len(parts) - 1, 2):
        at += len(parts[n])
        token = parts[n + 1]
        out.append(Token(at, at + len(token), token))
        at += len(token)


def _joined(word: str) -> bool:
    """Whether ``word`` (no mark at either end) is ASCII letters and digits joined by
    single apostrophes or hyphens ("Moscow’s", "so-called"): one token, as the pattern
    reads it. Anything else, say a letter outside ASCII, is left to the pattern."""
    joiner = False
    for k in range(len(word)):
        c = ord(word[k])
        if c == 39 or c == 45 or c == 0x2019:  # ' - ’
            if joiner:
                return False
            joiner = True
        elif 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57:
            joiner = False
        else:
            return False
    return True


# The second character of a letter written as UTF-8 and read as Windows-1252 or
# Latin-1, when it is no word character: the Latin-1 symbols and the Windows-1252 ones
# that are not quote marks, dashes or the ellipsis. Read as part of a word only right
# after a lead character, as nothing else writes them there ("ZoÃ«" is "Zoë", not a
# guillemet); the text itself is never repaired, so offsets stay those of the page.
MOJIBAKE_SYMBOLS: Final = "¡-¿€†‡ˆ‰•˜™"
MOJIBAKE_LEADS: Final = "ÂÃÄÅ"
# Written twice over ("FranÃ\x83Â§ois"), a letter's bytes also read as the C1 controls
# of Latin-1, U+0080 to U+009F, which nothing else writes.
_MOJIBAKE_SET: Final = frozenset(
    [chr(c) for c in range(0x80, 0xA0)] + [chr(c) for c in range(0xA1, 0xC0)] + list("€†‡ˆ‰•˜™")
)


def _decomposed_word(word: str) -> bool:
    """Whether ``word`` is one word written with combining accents ("Rene\u0301e", a
    text in Unicode's decomposed form, as some systems save it): composed, it is letters
    and digits, maybe joined by single apostrophes or hyphens, or a mojibake word."""
    if not any(unicodedata.combining(c) for c in word) or unicodedata.combining(word[0]):
        return False
    composed = unicodedata.normalize("NFC", word)
    if _mojibake_word(composed):
        return True
    joiner = True  # no joiner first
    for c in composed:
        if c in "'-’":
            if joiner:
                return False
            joiner = True
        elif c.isalnum() or unicodedata.combining(c):
            joiner = False
        else:
            return False
    return not joiner


def _mojibake_at(part: str, k: int) -> bool:
    """Whether ``part[k]``, a mark, is the second half of a letter ("ZoÃ«")."""
    return k > 0 and part[k] in "«»" and part[k - 1] in MOJIBAKE_LEADS


def _mojibake_word(word: str) -> bool:
    """Whether ``word`` (no mark at either end) is letters and digits with mojibake
    symbols inside ("FranÃÂ§ois"), each right after a lead, maybe with single
    apostrophes or hyphens between letters: one word, read whole."""
    seen = False
    for k in range(1, len(word)):
        if word[k] in _MOJIBAKE_SET:
            if word[k - 1] not in MOJIBAKE_LEADS:
                return False
            seen = True
    if not seen:
        return False
    joiner = True  # no joiner first
    for k in range(len(word)):
        c = word[k]
        if c in "'-’":
            if joiner:
                return False
            joiner = True
        elif c.isalnum() or (k > 0 and c in _MOJIBAKE_SET):
            joiner = False
        else:
            return False
    return not joiner


def _lower_case(word: str) -> str:
    # Most words are lower case already: keeping the word itself spares a new string
    # (and hashing it again when it is looked up in the word lists). An ASCII scan
    # decides; any other letter may have a case, so such a word is lowered.
    for k in range(len(word)):
        c = ord(word[k])
        if 65 <= c <= 90 or c > 127:
            return word.lower()
    return word


def is_sentence_end(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` (a ".", "!" or "?") ends a sentence."""
    tok = toks[i]
    if tok.text not in ".!?":
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return True
    if nxt.start == tok.end and nxt.text != QUOTE_TOKEN:
        return False  # "3.5", "a.m." glued to the next character
    if nxt.text in _NOT_AFTER_SENTENCE:
        return False  # "(R-Wis.) said", "Inc., the company"
    if nxt.text[:1].isdigit() and i > 0 and toks[i - 1].text in _BEFORE_NUMBERS:
        return False  # "the No. 2 in the leadership", "Vol. 3"
    return nxt.is_capitalised or nxt.text[:1].isdigit() or not nxt.is_word
