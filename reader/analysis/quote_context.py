"""What the text around a quotation mark says about it: whether it opens a clause,
closes after a plural "s", sits inside markup, or follows a sentence's end.

Plain reads of ``text`` at a position, shared by the pairing in ``quotes``; none of
them knows what is open.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import PHRASE_BREAKERS

# Characters that may stand right after a closing mark; "―" is the quotation dash
# before a name ("...it.” ― Ana Ruiz").
CLOSE_SIDE: Final = ".,;:!?)]}>—–―-…/\u00a0"
# What may stand before a quotation that opens a clause: "said: 'We", "it. 'We", "— 'We".
CLAUSE_ENDS: Final = ".?!:,;—–―-"
_TAG_REACH: Final = 300  # characters back to look for the "<" of an open tag

# Words that never follow a plural possessive ("the fans' voices"); "and" and "or" may
# ("the teachers' and nurses' unions"). Prepositions that open no clause are added:
# "“thugs' without proof", "“deaths' of black men" end a quote, own nothing.
NOT_AFTER_POSSESSIVE: Final = (PHRASE_BREAKERS - {"and", "or"}) | frozenset(
    ("of", "without", "within", "across", "through", "throughout", "beyond", "behind")
)


def opens_clause(text: str, pos: int, p_start: int) -> bool:
    """Whether the mark at ``pos`` starts its paragraph or follows a clause's end
    (punctuation or a dash, then space): where a quotation, not a quoted word, opens."""
    at = pos - 1
    while at >= p_start and text[at].isspace():
        at -= 1
    return at < p_start or (at < pos - 1 and text[at] in CLAUSE_ENDS)


def ends_after_s(text: str, pos: int) -> bool:
    """Whether a single mark after an "s" that ends at ``pos`` may close a quote rather
    than make a plural possessive: no noun follows it ("outrageous' and called", "the
    elites’ in this country", "measures’ if"), only punctuation, a line end or a word
    that never follows a possessive. A scan turns double closers into single marks."""
    if pos >= len(text):
        return True
    after = text[pos]
    if after in CLOSE_SIDE or after == "\n":
        return True
    if after != " ":
        return False
    word = letters_at(text, pos + 1, len(text), 12)
    return word in NOT_AFTER_POSSESSIVE or word in ("and", "or")


def inside_tag(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside an HTML-like tag such as ``<tweet pic="...">``."""
    lo = max(0, pos - _TAG_REACH)
    opened = text.rfind("<", lo, pos)
    return (
        opened >= 0 and text.rfind(">", opened, pos) < 0 and text[opened + 1 : opened + 2].isalpha()
    )


def letters_at(text: str, pos: int, p_end: int, most: int) -> str:
    """The letters from ``pos`` on, up to ``most`` of them and the paragraph's end."""
    end = pos
    while end < p_end and end - pos < most and text[end].isalpha():
        end += 1
    return text[pos:end]


def single_closer_follows(text: str, pos: int, p_end: int) -> bool:
    """Whether a single mark that could close a quote comes later in the paragraph."""
    for mark in "'’":
        at = text.find(mark, pos, p_end)
        while at >= 0:
            if not text[at + 1 : at + 2].isalnum():
                return True
            at = text.find(mark, at + 1, p_end)
    return False


def opens_paragraph(text: str, pos: int, p_start: int) -> bool:
    """Whether the mark at ``pos`` is the paragraph's first character, before a capital."""
    return pos == p_start and text[pos + 1 : pos + 2].isupper()


def clearly_closes(text: str, end: int) -> bool:
    """Whether the single mark that ends at ``end`` reads as a closer: punctuation before
    it ("thinking,’") or "and"/"or" after it ("disgusting' and"), not an apostrophe
    glued into a word ("Politi’fact’ said")."""
    if end >= 2 and text[end - 2] in ",.!?":
        return True
    return text.startswith((" and ", " or "), end)


def after_sentence_end(text: str, pos: int, floor: int) -> bool:
    """Whether the mark at ``pos`` opens a sentence: white space after a full stop, !
    or ? before it, a word glued after it (a mark followed by space is a misturned
    closer: “They see that. “)."""
    at = pos - 1
    if at <= floor or not text[at].isspace() or not text[pos + 1 : pos + 2].isalnum():
        return False
    while at > floor and text[at].isspace():
        at -= 1
    return at > floor and text[at] in ".!?"


def trimmed_end(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos
