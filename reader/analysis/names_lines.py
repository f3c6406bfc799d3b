"""Where a run of capitalised words sits in its line, for the name finder.

Does it open a sentence, a line or a quotation; is its line a headline (short, in
capitals or title case, no run of lowercase words); does it open a dateline ("LONDON
1996-08-30", "GENEVA (Reuters) -"); does a line break inside a name end the line or
wrap it. Internal to ``reader.analysis.names``.
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.names_context import WORD_CHAR, Doc
from reader.analysis.text_units import is_upper

ANY_WORD: Final = re.compile(r"(?<!\S)[\"'‘“]?[^\W\d_]")


# The words of a line, and the lowercase ones, counted in one pass by the space before
# each, in " " + line (a pattern that opens with a look-back is tried at every character,
# one that opens with \s only at spaces): the group is the word's first letter when that
# is a-z, and "" for any other word.
WORD_AFTER_SPACE_LOWER: Final = re.compile(r"\s[\"'‘“]?(?:([a-z])|[^\W\d_])")


# Three lowercase words in a row. Written to open with the letter itself (the look-back
# stands for the opening word boundary) so the regex engine skips to lowercase letters.
# A letter never matches a space nor a space a letter, so no repeat gives anything back:
# possessive repeats spare the engine the bookkeeping of backtracking.
PROSE: Final = re.compile(rf"[a-z](?<!{WORD_CHAR}[a-z])[a-z]*+[ \t]++[a-z]++[ \t]++[a-z]++\b")


# PROSE from the character before the first word, searched from the line break before a
# line: the engine stops at characters that can stand before a word, a few per line,
# instead of at every lowercase letter. (The first line of a text has no line break
# before it and is searched with PROSE.)
PROSE_AFTER: Final = re.compile(r"[^a-zA-Z0-9_](?<=\W)[a-z]++[ \t]++[a-z]++[ \t]++[a-z]++\b")


# The usual case of PROSE_AFTER, where the character before the words is a space: a
# pattern that opens with one character is searched for with a plain loop over the text,
# where one that opens with a class calls the regex engine's class test per character.
# Any match of it is a match of PROSE_AFTER; only a line it finds nothing in is searched
# again with PROSE_AFTER.
PROSE_AFTER_SPACE: Final = re.compile(r" [a-z]++[ \t]++[a-z]++[ \t]++[a-z]++\b")


SENTENCE_END: Final = frozenset(".!?:;\n—–•*|#>")  # "#" and ">" open Markdown headings and quotes


OPENERS: Final = " \t\"'“‘«„([-"
QUOTE_OPENERS: Final = '"“‘«„'


# A headline line is short; longer lines are prose even when capitalised.
HEADLINE_MAX: Final = 160


SOFT_WRAP_MIN: Final = 40  # a line this long that breaks mid-name was wrapped, not ended


def line_break_before(text: str, prev_end: int, start: int) -> bool:
    """True when a newline between two words ends a line rather than wrapping one."""
    newline = text.find("\n", prev_end, start)
    if newline < 0:
        return False
    line_start = text.rfind("\n", max(0, newline - 200), newline)
    if line_start < 0 and newline >= 200:
        return False
    return newline - line_start - 1 < SOFT_WRAP_MIN


def sentence_initial(text: str, start: int) -> bool:
    """Does ``start`` open a sentence, a line or a quotation (', "People are ...')?"""
    i = start - 1
    # Characters are read with ord() first: a space or a letter, the usual ones before a
    # word, settle their step without making a one-character string to look up.
    if i >= 0 and ord(text[i]) != 32 and text[i] in QUOTE_OPENERS:
        return True
    stop = max(-1, start - 12)
    while i > stop:
        c = ord(text[i])
        if c == 32:
            i -= 1
            continue
        if 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57:
            return False  # neither an opener nor a sentence's end
        if text[i] not in OPENERS:
            break
        i -= 1
    return i < 0 or text[i] in SENTENCE_END


def in_headline(doc: Doc, start: int) -> bool:
    """Is ``start`` on a short line written in capitals or in title case?"""
    # Runs arrive in text order, so the line found last time usually still holds.
    if doc.line_start <= start <= doc.line_end:
        return doc.line_is_headline
    text = doc.text
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    read = doc.lines_read.get(line_end)
    if read is not None:
        doc.line_start, doc.line_end = read[0], line_end
        doc.line_is_headline = read[1]
        return read[1]
    line_start = text.rfind("\n", 0, start) + 1
    headline = (
        line_end - line_start <= HEADLINE_MAX
        # Three lowercase words in a row settle it cheaply: that is prose.
        and not spaced_prose(text, line_start, line_end)
        and (
            (
                PROSE_AFTER_SPACE.search(text, line_start, line_end)
                or PROSE_AFTER.search(text, line_start - 1, line_end)
            )
            if line_start
            else PROSE.search(text, 0, line_end)
        )
        is None
        and looks_like_headline(text[line_start:line_end], stands_alone(text, line_start, line_end))
    )
    doc.line_start, doc.line_end, doc.line_is_headline = line_start, line_end, headline
    doc.lines_read[line_end] = (line_start, headline)
    return headline


def spaced_prose(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold a space, then three words of a-z joined by spaces or
    tabs, the last one ending a word: a sure match of PROSE_AFTER_SPACE and of PROSE?

    One compiled pass over the characters (``ord(text[i])`` reads a character without
    making an object), where a regex search costs its set-up and a match object: most
    short lines of wrapped prose answer here within a few words. False proves nothing:
    the caller then searches with the patterns.
    """
    words = 0  # a-z words in a row so far, the first one right after a space
    i = start
    while i < end:
        c = ord(text[i])
        if c < 97 or c > 122:
            if c != 32 and c != 9:
                words = 0  # anything but a space or a tab between two words breaks the row
            i += 1
            continue
        word_start = i
        i += 1
        while i < end and 97 <= ord(text[i]) <= 122:
            i += 1
        if words or (word_start > start and ord(text[word_start - 1]) == 32):
            words += 1
        if i == end:
            return words >= 3
        after = ord(text[i])
        if after == 32 or after == 9:
            if words >= 3:
                return True
        else:
            # The regex's closing \b, asked only of ASCII: after a letter outside a-z
            # the answer is left to the regex.
            if (
                words >= 3
                and after < 128
                and not (48 <= after <= 57 or 65 <= after <= 90 or after == 95)
            ):
                return True
            words = 0  # a word must be followed by a space or a tab to go on the row
    return False


def stands_alone(text: str, line_start: int, line_end: int) -> bool:
    """Is the line a paragraph of its own, with more after it: the text's first line or
    one after a blank line, then a blank line ("A Long Story\n\nParagraph 1 ...")? A
    text that is one line ("Phil Simmons") is no title."""
    before = line_start == 0 or text.endswith("\n\n", 0, line_start)
    return before and text.startswith("\n\n", line_end)


def looks_like_headline(line: str, alone: bool = False) -> bool:
    """A line in capitals, or of title-case words (four or more, or two or more when
    ``alone``: a story's title such as "A Long Story" stands on its own line).
    """
    if line.lstrip().startswith(("By ", "BY ")):
        return False  # a byline: "By Rachel Whyte and Tom Castell" names people
    if is_upper(line):
        return ANY_WORD.search(line) is not None and sum(c.isalpha() for c in line) >= 4
    # Sentences end in punctuation; table rows ("5. Jesper Skibby (Denmark) 9") carry digits.
    if line.rstrip().endswith((".", ",", ";", ":")) or has_digit(line):
        return False
    spaced = " " + line  # every word start now follows a space
    firsts = WORD_AFTER_SPACE_LOWER.findall(spaced)
    words = len(firsts)
    lower = 0
    for first in firsts:
        if first:
            lower += 1
    if words < 4:
        # A short title: every word capitalised. "Long Story" is no person, but a short
        # line with a small word ("Rail strike ends") is prose.
        return alone and words >= 2 and lower == 0
    return lower <= 0.25 * words


def has_digit(line: str) -> bool:
    """Is there a decimal digit (the regex's \\d) in ``line``? Read with ord(): a regex
    search tests every character against the digit category, after its set-up."""
    for i in range(len(line)):
        c = ord(line[i])
        if c < 128:
            if 48 <= c <= 57:
                return True
        elif line[i].isdecimal():
            return True
    return False


def is_dateline(text: str, end: int, initial: bool) -> bool:
    """'LONDON 1996-08-30', 'GENEVA (Reuters) -', 'Moscow, July 27 -' at a line's start."""
    return initial and may_open_dateline(text, end) and DATELINE_AFTER.match(text, end) is not None


def may_open_dateline(text: str, end: int) -> bool:
    """Could DATELINE_AFTER match at ``end``? False only where it cannot.

    Its first alternative needs spaces or tabs (after an optional comma), then a digit or
    A-Z; its second, with no comma, a bracket after any spaces. Read a character at a
    time, most words ("Simmons said") are turned down without a regex call.
    """
    n = len(text)
    i = end
    comma = i < n and ord(text[i]) == 44
    if comma:
        i += 1
    spaces_from = i
    while i < n and (ord(text[i]) == 32 or ord(text[i]) == 9):
        i += 1
    if i >= n:
        return False
    c = ord(text[i])
    if c == 40:  # "(" opens the second alternative, which has no comma
        return not comma
    # Beyond ASCII the regex's \d is left to the regex.
    return i > spaces_from and (c >= 128 or 48 <= c <= 57 or 65 <= c <= 90)


DATELINE_AFTER: Final = re.compile(
    r",?[ \t]+(?:\d{4}-\d\d-\d\d|\d{1,2}[ \t]+[A-Z][a-z]{2}|[A-Z][a-z]{2}[a-z]*\.?[ \t]+\d)"
    r"|[ \t]*\([A-Z][A-Za-z]+\)[ \t]*[-—–]"
)
