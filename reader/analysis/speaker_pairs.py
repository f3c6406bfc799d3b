"""Two named people who speak together: ``"...," Ada Pike and Tom Hale wrote``.

Co-authors of a letter, a study or a column are reported as one subject, "A and B".
The phrase read back from the verb stops at "and" and finds B alone; B alone is
half the answer, and the check rightly refuses a name cut at "and" (it may be the
end of "Food and Rural Affairs"). So the pair is read whole, but only where it is the
whole subject: it opens its clause ("The mayor met Ada Pike and Tom Hale said" is no
pair), and each half is a person the name finder found or a name shaped like one.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import words
from reader.analysis.sorted_table import LabelTable
from reader.analysis.speaker_after import phrase_after
from reader.analysis.speaker_context import Attribution
from reader.analysis.speaker_names import NameSpans
from reader.analysis.speaker_phrases import SpeakerPhrase, phrase_before
from reader.analysis.speaker_subject import index_at, sentence_subject
from reader.analysis.text_units import Token


def paired_subject(toks: list[Token], phrase: SpeakerPhrase, lo: int) -> SpeakerPhrase | None:
    """``A and <phrase>`` when A is a name that opens the clause at ``toks[lo]``."""
    if not phrase.named or not phrase.person or phrase.role is not None:
        return None
    while lo < len(toks) - 1 and not toks[lo].is_word:
        lo += 1  # '"...," Ada Pike and ...': the clause opens after the quote's comma
    k = index_at(toks, phrase.phrase_start, lo)
    if k - 2 < lo or toks[k - 1].lower != "and" or toks[k].start != phrase.phrase_start:
        return None
    first = phrase_before(toks, k - 1, lo)
    if first is None or not first.named or not first.person or first.pronoun:
        return None
    if first.role is not None or first.start != toks[lo].start:
        return None  # "The mayor met Ada Pike and Tom Hale said": no pair opens the clause
    text = f"{first.text} and {phrase.text}"
    # plural: "they" may refer to the pair; "he" or "she" never does
    return SpeakerPhrase(first.start, phrase.end, text, plural=True, phrase_start=first.start)


def paired_people(
    mention: str, start: int, names: NameSpans | None, firsts: LabelTable
) -> str | None:
    """The pair ``mention`` ("Ada Pike and Tom Hale") names, shown by each one's
    fullest name, when both halves are people; else None."""
    first, sep, second = mention.partition(" and ")
    if not sep or " and " in second or not first or not second:
        return None
    shown: list[str] = []
    at = start
    for part in (first, second):
        entity = names.at(at, at + len(part)) if names is not None else None
        if entity is not None and (entity.start, entity.end) == (at, at + len(part)):
            if entity.label != "PER":
                return None
            group = names.group_name(entity) if names is not None else None
            shown.append(group or part)
        elif _person_shaped(part.split(), firsts):
            shown.append(part)
        else:
            return None
        at += len(part) + len(sep)
    return " and ".join(shown)


def _person_shaped(words: list[str], firsts: LabelTable) -> bool:
    """A first name the name list knows, then one to three capitalised words."""
    return 2 <= len(words) <= 4 and words[0] in firsts and all(w[:1].isupper() for w in words)


def pair_from_first(
    toks: list[Token], first: SpeakerPhrase, lo: int, limit: int
) -> SpeakerPhrase | None:
    """``A and B`` when ``first`` (A) opens the clause at ``toks[lo]`` and "and" and a
    second name follow it: "Ada Pike and Tom Hale issued a statement, saying"."""
    k = index_at(toks, first.end, lo)
    if k + 1 >= limit or toks[k].lower != "and":
        return None
    second = phrase_after(toks, k + 1, limit)
    return paired_subject(toks, second, lo) if second is not None else None


# Words that open a leading clause whose own verb reports nothing of the main clause:
# "When terrorists are revealed as ..., Obama and Clinton call them "lone wolves"".
# Never "as": "As Trump noted, the plan is "a disaster"" is his.
_LEADING_SUBORDINATORS: Final = frozenset(
    words("when whenever if after before because although though since once until unless")
)


def led_clause_subject(
    toks: list[Token], cues: list[tuple[int, str]], lo: int, main: int, a: int
) -> Attribution | None:
    """The named subject of the main clause when every cue of the sentence stands in a
    leading clause ("When ..., <Name> ... "quote""): that clause reports something else."""
    if main <= lo or toks[lo].lower not in _LEADING_SUBORDINATORS:
        return None
    for k, _ in cues:
        if k >= main:
            return None
    subject = sentence_subject(toks, main, a)
    if subject is None or not subject.named or subject.pronoun:
        return None
    found = pair_from_first(toks, subject, main, a) or subject
    for k in range(index_at(toks, found.end, main), a):
        if toks[k].lower in ("and", "but"):
            return None  # "..., the Post will brand you a liar and NBC News will ...": unsure
    return Attribution(found, "", 0.5, source="subject")
