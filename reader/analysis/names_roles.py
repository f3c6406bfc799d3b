"""What makes a run of capitalised words that opens a sentence a person's name.

At a sentence's start a capital proves nothing, so such a run is kept only on a cue.
Two cues are read here. A job written before the name joins the name's run ("Reporter
Ana Ruiz", "Co-anchor Nora O'Dell asked"): the titles list settles "Senator Ana
Ruiz", but a plain job is no title, and the whole run was dropped, the person with it.
And an aside after the name that describes a person ("Jeb Pell, the former harbour
commissioner, said", "Tin Aung, a member of the party's executive, said", "..., who"):
without it a name whose first name is not listed ("Jeb") was dropped.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.gazetteer import Lexicon

# Jobs and roles written before a name ("anchor", "analyst", "reporter").
_ROLES: Final = lexicon.TITLE_WORDS | lexicon.PERSON_NOUNS
_CO: Final = "co-"  # "Co-anchor", "Co-host": the same role, shared


def role_before_name(lex: Lexicon, words: list[str], lows: list[str]) -> bool:
    """Whether ``words`` (a run of three or more, with ``lows`` in lower case) open with
    a job word, then a known first name: "Reporter Ana Ruiz", "Co-anchor Nora O'Dell"."""
    if len(words) < 3:
        return False
    role = lows[0][len(_CO) :] if lows[0].startswith(_CO) else lows[0]
    return role in _ROLES and words[1] in lex.first_names


_ASIDE_CHARS: Final = 60  # ", the former two-term harbour commissioner," and no longer
_ARTICLES: Final = frozenset({"the", "a", "an"})


def described_as_a_person(lex: Lexicon, text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by an aside that makes it a
    person: ", the former harbour commissioner," or ", a member of the board," (an article,
    then words whose head is a role or a noun for a person), or ", who"."""
    if not text.startswith(", ", end):
        return False
    start = end + 2
    if text.startswith("who ", start):
        return True
    close = text.find(",", start, start + _ASIDE_CHARS)
    if close < 0:
        return False
    words = text[start:close].split()
    if len(words) < 2 or words[0].lower() not in _ARTICLES:
        return False
    # The head noun: the last word, or the one before "of" ("a member of the board")
    last = words.index("of") - 1 if "of" in words else len(words) - 1
    head = words[last]
    if last < 1 or not head.islower():
        return False  # "the Vermont senator" ends in a role; "the Sierra Club" in a name
    return head in lex.titles or head in lexicon.PERSON_NOUNS
