"""Speakers counted out of a group: "one of the officials", "many of them", "another".

News often reports speech by a part of a group it has just described: '"We are done,"
one of the officials said', "Many of them said the rally was ...", "Another tweeted,
"..."". The phrase reader stops at "of" or takes the lone word for a determiner, so
the quote was left without a speaker, or taken for a writer's word. The phrase is read
here only where it opens its clause (the sentence's start, after the quotation, a
comma or "yet"), so "the plan of one of the officials" or "she told some" never are.
"""

from __future__ import annotations

from typing import Final

from reader.analysis import lexicon
from reader.analysis.lexicon import words
from reader.analysis.text_units import QUOTE_TOKEN, Token, is_possessive

# Words that count out a part of a group before "of": "one of", "many of", "two of".
_PARTITIVES: Final = frozenset(
    words("one two three four five six seven eight nine ten many some several most all each both")
)
# Words that stand for a member of a group on their own: "Another said", "Others wrote".
# "One" and "some" alone are too often something else ("One can see", "Some 200 ...").
_ALONE: Final = frozenset(words("another others many several most both"))
_SINGULAR: Final = frozenset(words("one another each"))
# What may stand before the phrase when it opens a clause.
_CLAUSE_MARKS: Final = frozenset({",", ";", ":", QUOTE_TOKEN, "—", "–", "("})
_LINKS: Final = frozenset(words("yet and but still while"))
# What opens the group after "of": "of the officials", "of them", "of Smith's aides".
_GROUP_OPENERS: Final = frozenset(words("the these those them us their his her its our"))
_GROUP_WORDS: Final = 4  # "one of the state's top election officials" and no more


def counted_start(toks: list[Token], j: int, lo: int) -> int:
    """Where a counted-out speaker that ends at ``toks[j]`` begins ("one of the
    officials", "many of them", "another"), when it opens its clause and starts no
    earlier than ``lo``; -1 when there is none."""
    word = toks[j].lower
    if word in _ALONE:
        return j if _opens_clause(toks, j, lo) else -1
    # Find "of" a few words back, with the counting word right before it.
    for of in range(j - 1, max(lo, j - _GROUP_WORDS - 1), -1):
        tok = toks[of]
        if tok.lower == "of":
            count = of - 1
            if count < lo or toks[count].lower not in _PARTITIVES:
                return -1
            if not _a_group(toks, of + 1, j) or not _opens_clause(toks, count, lo):
                return -1
            return count
        if not tok.is_word or tok.text == QUOTE_TOKEN:
            return -1
    return -1


def counts_one(word: str) -> bool:
    """Whether the counting word ``word`` (lower case) picks one person: "one of"."""
    return word in _SINGULAR


def _opens_clause(toks: list[Token], k: int, lo: int) -> bool:
    """Whether ``toks[k]`` opens a clause: the first word read, or after a mark, or
    after "yet" or "and" that themselves open one ("Yet another said")."""
    if k == lo:
        return True
    before = toks[k - 1]
    if before.text in _CLAUSE_MARKS:
        return True
    return before.lower in _LINKS and (k - 1 == lo or toks[k - 2].text in _CLAUSE_MARKS)


def _a_group(toks: list[Token], first: int, last: int) -> bool:
    """Whether ``toks[first:last + 1]`` names a group of speakers: "the officials",
    "them", "Smith's aides", "those surveyed"; a plain pronoun or a determiner, then
    words that end in a noun for people or bodies."""
    opener = toks[first]
    if first == last:
        return opener.lower in ("them", "us", "those")
    if opener.lower not in _GROUP_OPENERS and not is_possessive(opener.text):
        return False
    head = toks[last]
    if not head.is_word or head.lower in lexicon.DETERMINERS:
        return False
    if opener.lower == "those":
        return True  # "those surveyed", "those polled", "those present"
    return head.lower in lexicon.PLURAL_SPEAKERS or lexicon.names_a_speaker([head.lower])


def is_quantified(lowered: list[str]) -> bool:
    """Whether a mention, in lower case, is a counted-out speaker ("another", "one of
    the officials"): a speaker as good as a nominal phrase."""
    if len(lowered) == 1:
        return lowered[0] in _ALONE
    return len(lowered) >= 3 and lowered[0] in _PARTITIVES and lowered[1] == "of"
