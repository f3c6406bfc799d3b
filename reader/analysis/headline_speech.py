"""A headline's quote is the words of the person the headline opens with.

``Obama Slams 'Personal Insult' if Voters Stay Home``, ``Lena Ortiz Calls the Pier
'A Disgrace'``, ``Ray Kessler on Ferries: The Delays Are 'Shameful.'``: US and
Canadian news write a headline in Title Case, open it with who acts, and put that
person's words in single marks. Title Case hides whether the quoted words are a name
or a phrase, so the quote-kind rules file such a quote as a scare quote or a title;
this pass gives it back to its person when the headline opens with a name that the
story itself names as a person, then a verb of speech (or a colon), and the quote ends
a phrase of its own (it ends the headline or comes before a clause's small word: "if",
"over", "after"). A headline
that opens with anything else ("Black Lawmakers Rip ...") keeps the old reading:
when unsure, no speaker.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import SPEECH_CUES, WEAK_CUES, words
from reader.analysis.quote_kinds import (
    is_dated_title,
    is_headline,
    is_nickname,
    is_so_called,
    is_title_line,
    named_as_a_title,
)
from reader.analysis.quotes import MarkedQuote
from reader.analysis.speaker_names import NameSpans
from reader.model import Quote

_NAME_WORDS: Final = 3  # the most words a headline's opening name is read from
# What may stand after the quote: the end of a phrase, not a noun the quote modifies
# ("'Make It Local' Hats", "'loser' supporters", both the writer's labels).
_PHRASE_ENDS: Final = frozenset(
    words(
        "if over as in on for after with to at from amid despite while but and or when "
        "before against about than during"
    )
)
_MARKS: Final = "'‘’\"“”"
_PUNCTUATION: Final = ",.!?:;…"


def give_headline_quotes(
    text: str, quotes: list[Quote], paras: list[tuple[int, int]], names: NameSpans
) -> None:
    """Make each scare quote of the headline (the first paragraph) speech by the person
    the headline opens with, where it qualifies (see the module's docstring)."""
    if not quotes or not paras or quotes[0].start >= paras[0][1]:
        return
    para = paras[0]
    if not (is_title_line(text, para) or is_headline(text, para)):
        return
    speaker: tuple[str, int, int] | None = None
    looked = False
    for quote in quotes:
        if quote.start >= para[1]:
            break
        if quote.kind != "scare" or not _ends_a_phrase(text, quote.end, para[1]):
            continue
        marked = MarkedQuote(quote.start, quote.end, 0, 0)
        if (
            named_as_a_title(text, marked)
            or is_nickname(text, marked)
            or is_so_called(text, marked)
            or is_dated_title(text, marked)
        ):
            continue
        if not looked:
            speaker = _opening_person(text, para, names)
            looked = True
        if speaker is None:
            return
        name, start, end = speaker
        if quote.start <= end:
            continue  # the quote must follow the name: "'Missing' Voters Back Lee"
        if not _speech_between(text, end, quote.start):
            continue
        quote.kind = "quote"
        quote.speaker = name
        quote.speaker_start, quote.speaker_end = start, end
        quote.cue = ""


def _speech_between(text: str, name_end: int, quote_start: int) -> bool:
    """Whether the headline says the quote is spoken: the word after the name is a verb
    of speech or one that headlines use like one ("Calls", "Says", "Slams", "Hopes"), or
    a colon hands over to the quote ("Kessler on Ferries: ..."). Without one, as in
    "Lee Sees 'Personal Insult'", the marks may be the writer's own: a scare quote."""
    between = text[name_end:quote_start]
    if ":" in between:
        return True
    verb = between.split(maxsplit=1)[0] if between.strip() else ""
    verb = verb.strip(_PUNCTUATION).lower()
    return verb in SPEECH_CUES or verb in WEAK_CUES


def _ends_a_phrase(text: str, end: int, p_end: int) -> bool:
    """Whether the quote ending at ``end`` ends the headline, stands before punctuation,
    or before one of the small words that open a clause or a phrase."""
    if end >= 2 and text[end - 2] in _PUNCTUATION:
        return True  # 'Hope,' or 'Terrifying.': the quote holds its phrase's end
    at = end
    if at < p_end and text[at] in _PUNCTUATION:
        return True
    while at < p_end and text[at].isspace():
        at += 1
    if at >= p_end:
        return True
    stop = at
    while stop < p_end and text[stop].isalpha():
        stop += 1
    return text[at:stop].lower() in _PHRASE_ENDS


def _opening_person(
    text: str, para: tuple[int, int], names: NameSpans
) -> tuple[str, int, int] | None:
    """The person a headline opens with: its first capitalised words, as the story
    names a person (the fullest form of that person, and where the words stand), when
    they are followed by a word of the headline (no possessive, no second name)."""
    head = text[para[0] : min(para[1], para[0] + 120)]
    tokens: list[tuple[int, int]] = []
    at = 0
    while len(tokens) < _NAME_WORDS + 1 and at < len(head):
        while at < len(head) and head[at].isspace():  # a scan may wrap the headline
            at += 1
        stop = at
        while stop < len(head) and not head[stop].isspace():
            stop += 1
        if stop > at:
            tokens.append((at, stop))
        at = stop
    people = _people(names, para[1])
    for count in range(min(_NAME_WORDS, len(tokens) - 1), 0, -1):
        first, last = tokens[0][0], tokens[count - 1][1]
        candidate = head[first:last]
        # "Lee's 'Tide Lines'" owns a title; "Lee, Ash Back 'Plan'" names two people
        if candidate.endswith((",", ":", ";", "'", "’", "'s", "’s")):
            continue
        if any(not head[s:e][:1].isupper() for s, e in tokens[:count]):
            continue
        after = head[tokens[count][0] : tokens[count][1]]
        if after.lower() in ("and", "&") or after[:1] in _MARKS:
            continue
        full = _person_named(candidate, people)
        if full is not None:
            return full, para[0] + first, para[0] + last
    return None


def _people(names: NameSpans, body: int) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The people the story names after its headline (from ``body`` on): each fullest
    name by itself, and the names by their last word, lower-cased. A word the name
    finder took for a person in the headline alone ("Reveals") names no one."""
    full: dict[str, str] = {}
    last: dict[str, list[str]] = {}
    for group in names.groups:
        if group.label != "PER" or not any(m.start >= body for m in group.mentions):
            continue
        name = group.name
        full[name.casefold()] = name
        same = last.setdefault(name.split()[-1].casefold(), [])
        if name not in same:
            same.append(name)
    return full, last


def _person_named(
    candidate: str, people: tuple[dict[str, str], dict[str, list[str]]]
) -> str | None:
    """The person ``candidate`` names: the one of that very name ("Obama" beside
    "Michelle Obama"), else the one person of that last name."""
    full, last = people
    key = candidate.casefold()
    name = full.get(key)
    if name is not None:
        return name
    same = last.get(key)
    return same[0] if same is not None and len(same) == 1 else None
