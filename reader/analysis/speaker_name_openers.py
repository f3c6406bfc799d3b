"""Words that open what looks like a name but are no part of it.

A phrase read as "role + name" takes every capitalised word after the role as the
name. Two kinds of capitalised words are not names: a time adverb opening the
sentence ("Later Smith said": Smith, with no role "Later") and a preposition after a
title in a Title Case headline ("CNN President On Trump: ..." is the president
speaking on Trump, not someone called "On Trump").
"""

from __future__ import annotations

from typing import Final

from reader.analysis.lexicon import words
from reader.analysis.text_units import Token

# Adverbs of time or order that open a sentence before its subject.
_OPENING_ADVERBS: Final = frozenset(
    words(
        "later earlier today yesterday tonight afterward afterwards finally again previously "
        "separately subsequently initially"
    )
)
# Prepositions that, capitalised in a headline, introduce the topic after a speaker.
_TOPIC_PREPOSITIONS: Final = frozenset(words("on about over against to with"))


def words_to_reread(words: list[Token], first: int) -> list[Token] | None:
    """The words to split again when ``words[first]``, the first word of the name, is
    no part of a name: the rest after an opening adverb, or the role before a topic's
    preposition; None when the name stands."""
    if first >= len(words) - 1 or not words[first].is_capitalised:
        return None
    word = words[first].lower
    if first == 0 and word in _OPENING_ADVERBS:
        return words[1:]
    if first > 0 and word in _TOPIC_PREPOSITIONS:
        return words[:first]
    return None
