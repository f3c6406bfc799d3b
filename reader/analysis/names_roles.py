"""A job word opening a sentence before a person's name: "Anchor Nora O'Dell asked".

At a sentence's start a capital proves nothing, so a run of capitalised words there is
kept only on a cue. A job written before the name joins the name's run ("Reporter Ana
Ruiz", "Co-anchor Nora O'Dell asked"): the titles list settles "Senator Ana Ruiz", but
a plain job is no title, and the whole run was dropped, the person with it. Read here:
a job word the speaker lexicon knows, then a known first name.
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
