"""Sides named by their town: "the Cleveland Indians", "Toronto Maple Leafs", "Boston".

North American teams are a town and a plural nickname; the town alone then stands
for the team in the same story ("Cleveland's lead over the White Sox"), as news
writes it and as CoNLL files it. Internal to ``reader.analysis.names``.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.gazetteer import PLACE_STRONG, Lexicon
from reader.analysis.names_context import NameTables, word_set

# Plural last words of places, not of sides: "Palm Springs", "Golan Heights".
PLACE_PLURALS: Final = word_set(
    "falls springs heights keys hills woods lakes plains flats rapids banks shores sands "
    "islands isles mountains alps highlands lowlands territories states emirates provinces "
    "narrows glades forks meadows gardens docks fields"
)
# Plural words after a town that name its people or its services, not a side:
# "Texas Republicans", "Toronto Police Services", "Ottawa Public Schools".
BODY_PLURALS: Final = word_set(
    "democrats republicans liberals conservatives services schools hospitals affairs "
    "relations resources systems communications industries holdings partners associates "
    "friends residents voters officials police games olympics championships awards"
)

# Organisation words that are sides' nicknames too: "Texas Rangers", "Blackburn Rovers".
TEAM_SUFFIXES: Final = word_set("rangers rovers wanderers")


def team_town(lex: Lexicon, tables: NameTables, words: list[str], after_the: bool) -> str:
    """The town of a side's name ("Cleveland" in "Cleveland Indians", "Toronto" in
    "Toronto Maple Leafs"), or "" when ``words`` are not a known town and a plural
    nickname of one or two words. A town that is a first name too, or a small one,
    needs "the" before it: "Florence Williams", "Jackson Hughes", "Leander Paes" are
    people, "the Cleveland Indians" a side. A whole known place ("Palm Springs") is the place.
    """
    n = len(words)
    if n < 2 or n > 5:
        return ""
    last = words[-1]
    low = last.lower()
    if (
        len(last) < 3
        or not last[0].isupper()
        or not (low.endswith("s") or low.endswith("x"))  # "Indians", "Sox"
        or low.endswith(("ss", "'s", "’s", "us", "is"))
        or low in PLACE_PLURALS
        or low in BODY_PLURALS
        or (low in lex.org_suffixes and low not in TEAM_SUFFIXES)
        or low in lex.loc_suffixes
    ):
        return ""
    whole = " ".join(words)
    if lex.places.get(whole, 0) or tables.exact.get(whole):
        return ""  # "Palm Springs", a name the lists know
    for nickname in (1, 2):
        town = " ".join(words[: n - nickname])
        if town and _is_town(lex, tables, town):
            if nickname == 2 and not words[n - 2][0].isupper():
                return ""
            if not after_the and (town in lex.first_names or not _is_city(lex, tables, town)):
                return ""  # "Leander Paes": a small town's name is a first name too
            return town
    return ""


def _is_town(lex: Lexicon, tables: NameTables, town: str) -> bool:
    """A town, county or state (not a country: "Brazil Nuts", "Germany Officials")."""
    if town in lex.nations:
        return False
    return bool(lex.places.get(town, 0)) or tables.exact.get(town) == "LOC"


def _is_city(lex: Lexicon, tables: NameTables, town: str) -> bool:
    """A city or state the lists know on sight, not a small town."""
    return lex.places.get(town, 0) >= PLACE_STRONG or tables.exact.get(town) == "LOC"
