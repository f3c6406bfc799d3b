"""A quote that a verb of naming puts on something: the words someone used.

``what former staff have called a "fraudulent scheme"``, ``calling it "meritless"``,
``has been dubbed the "Harbour Tax"``, ``what he described as a "brilliant" move``:
the words in the marks are what someone called the thing, as the verb says, however
short, capitalised or set before a noun. The kind rules take such a quote for a
title, a name or the writer's scare quote; the naming verb right before it says
someone else's words are quoted. "so-called" and "self-described" distance the
writer from a word and are left alone, as is "call" the noun ("his call for a
"review"", "calls of "Shame!"").
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.speaker_context import Attribution

_REACH: Final = 70  # characters before the quote read for the verb and its object
# Any case: a headline writes "Being Called "A Real Woman""
_VERB: Final = (
    r"(?i:call|calls|called|calling|dub|dubs|dubbed|dubbing|label|labels|labell?ed|"
    r"labell?ing|brand|brands|branded|branding|term|terms|termed|nicknamed|"
    r"(?:describe|describes|described|describing)(?=(?:\s+\S+){0,3}\s+as\s))"
)
_PRONOUN: Final = r"(?:it|them|him|her|this|that|these|those|himself|herself|itself|themselves)"
_DET: Final = r"(?:a|an|the)"
# what the verb names: a pronoun, a name of up to three words (a possessive too:
# "called North Korea's "reckless" acts"), or a short noun phrase ("the candidate")
_NAME: Final = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_OBJECT: Final = rf"(?:{_PRONOUN}|{_NAME}|{_DET}\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)"
# The verb is a word of its own (not "so-called", "self-described"); "as" may follow
# the object ("described the plan as"), an article may stand right before the mark.
_NAMED: Final = re.compile(
    rf"(?:^|[\s(—–,])(?P<verb>{_VERB})(?:\s+{_OBJECT})??(?:\s+as)?(?:\s+{_DET})?\s+$"
)
# "a call", "his calls": the noun, not the verb
_NOUN_OPENERS: Final = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that"}
)
# A line break alone is a scan's hard wrap; a blank line ends the paragraph.
_SENTENCE_ENDS: Final = (".", "!", "?", "\n\n")


def naming_verb(text: str, start: int) -> int:
    """Where the verb of naming stands that, with its object if any, comes right before
    the quote opening at ``start`` in the same sentence; -1 if none does."""
    lo = max(0, start - _REACH)
    for stop in _SENTENCE_ENDS:
        at = text.rfind(stop, lo, start)
        if at >= 0:
            lo = at + len(stop)
    before = text[lo:start]
    found = _NAMED.search(before)
    if found is None:
        return -1
    prefix = before[: found.start("verb")]
    words = prefix.split()
    if words and words[-1].lower() in _NOUN_OPENERS:
        return -1
    if prefix.endswith(("-", "so ", "so- ")):
        return -1
    return lo + found.start("verb")


def names_by_a_verb(text: str, start: int, att: Attribution | None) -> bool:
    """Whether a verb of naming right before the quote opening at ``start`` has the
    speaker found for the quote (``att``) for its subject (see ``names_it_itself``)."""
    if att is None:
        return False
    verb = naming_verb(text, start)
    if verb < 0:
        return False
    speaker = att.phrase
    return names_it_itself(text, speaker.end, verb, speaker.named or speaker.pronoun)


def names_it_itself(text: str, speaker_end: int, verb: int, name_or_pronoun: bool) -> bool:
    """Whether the speaker phrase ending at ``speaker_end`` is the subject of the
    naming verb at ``verb``: right before it, or before "have"/"has"/"had" or a form of
    "be" with "-ing" ("former staff have called it", "the doctor is calling him"). A
    passive ("has been called") or a noun the verb's participle describes ("a group
    called the "...""), whose speaker a neighbour lends, names nobody who spoke; a
    name or a pronoun right before a past form is its subject ("Lee called")."""
    if speaker_end > verb:
        return False
    between = text[speaker_end:verb].split()
    verb_word = text[verb : verb + 12].split()[0].lower() if text[verb:].strip() else ""
    if not between:
        return name_or_pronoun or not verb_word.endswith("ed")
    if len(between) == 1 and between[0].lower() in _PERFECT:
        return True
    return len(between) == 1 and between[0].lower() in _BE and verb_word.endswith("ing")


_PERFECT: Final = frozenset({"have", "has", "had"})
_BE: Final = frozenset({"is", "are", "was", "were"})
