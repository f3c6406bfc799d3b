"""Labelling one piece of a run: titles, whole-name lists, name-shape words, parts.

Internal to ``reader.analysis.names``; every rule adds to ``Doc.found`` and the
labels still undecided are settled by ``reader.analysis.names_settle``.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.gazetteer import PLACE_STRONG, Lexicon
from reader.analysis.names_context import (
    CONNECTOR_WORDS,
    DIRECTIONS,
    INITIAL,
    MAX_PERSON_TOKENS,
    MODEL_CODE,
    PLACE_CUES,
    WEEKDAYS,
    WORD_ENDINGS_BY_LAST,
    Doc,
    Found,
    NameTables,
    Tok,
    cue_word,
    folded_text,
    joined_text,
    previous_word,
    word_set,
)
from reader.analysis.names_lines import (
    is_dateline,
    sentence_initial,
)
from reader.analysis.names_roles import role_before_name
from reader.analysis.names_teams import team_town
from reader.analysis.sorted_table import LabelTable
from reader.analysis.text_units import is_upper


def add_found(
    doc: Doc,
    tokens: list[Tok],
    label: str | None,
    confident: bool,
    initial: bool = False,
    headline: bool = False,
) -> None:
    if tokens:
        doc.found.append(
            Found(tokens[0].start, tokens[-1].end, label, confident, initial, headline)
        )


def read_piece(doc: Doc, tokens: list[Tok], initial: bool) -> None:
    lex = doc.lex
    tables = doc.tables
    exact = tables.exact
    whole = joined_text(tokens)
    known = exact.get(whole)
    if known is None and is_upper(whole) and len(whole) > 3:  # "HALIFAX, March 3 -"
        known = tables.folded.get(whole.casefold())
    if known:
        add_found(doc, tokens, known, True)
        return
    # Capitalised small words are not names: "But", "The", "Tuesday".
    lows = [t.word.lower() for t in tokens]
    common = lex.common_words
    trimmed = False
    while tokens and (
        tokens[0].connector
        or (
            lows[0] in common
            and not opens_known_name(tables, tokens)
            and not opens_named_body(lex, lows)
        )
    ):
        tokens = tokens[1:]
        lows = lows[1:]
        initial = False
        trimmed = True
    while tokens and lows[-1] in WEEKDAYS:
        tokens = tokens[:-1]
        lows = lows[:-1]
        trimmed = True
    if not tokens:
        return
    n = len(tokens)
    # The word lists are asked word by word in compiled loops: a piece has two or three
    # words, and a set's ``isdisjoint`` is a method call through Python.
    for i in range(1, n):
        if lows[i] in common and not tokens[i].connector:
            # "Trump Is Merely", "Debating The Donald": a sentence in capitals, not a name.
            read_piece(doc, tokens[:i], initial)
            if not opens_known_name(tables, tokens[i:]):
                i += 1
            if i < n:
                read_piece(doc, tokens[i:], False)
            return
    if n > 1 and (
        lows[-1] in lex.org_suffixes or (lows[0] in lex.org_heads and lows[1] in ("of", "for"))
    ):
        add_found(doc, tokens, "ORG", True)
        return
    if n > 1 and tokens[-1].word[-1] in "sx":
        after_the = previous_word(doc.text, tokens[0].start) == "the"
        if team_town(lex, tables, [t.word for t in tokens], after_the):
            add_found(doc, tokens, "ORG", True)  # "the St. Louis Cardinals": a side
            return
    titles = lex.titles
    for title_at, low in enumerate(lows):
        if (
            low in titles
            and not tokens[title_at].connector
            and not _names_a_body(lex, tokens, title_at)
        ):
            read_titled(doc, tokens, title_at, initial)
            return
    if trimmed:
        whole = joined_text(tokens)
        known = exact.get(whole)
        if known:
            add_found(doc, tokens, known, True)
            return
    if n > 1:
        label = label_by_suffix(lex, lows)
        if label is None and lows[0] in lex.demonyms and lows[1] not in lex.demonyms:
            # "Australian Tom Moody", "Panamanian Boxing Association": a people, then a name.
            add_found(doc, tokens[:1], "MISC", True)
            read_piece(doc, tokens[1:], False)
            return
        if label is None:
            label = label_by_parts(lex, tables, tokens, lows)
        if label:
            add_found(doc, tokens, label, True)
            return
    text = doc.text
    prev = cue_word(text, tokens[0].start)
    if prev in titles:  # "spokesman Dmitry Peskov", "presidents Joe Biden"
        add_found(doc, tokens, "PER", True)
        return
    place = lex.places.get(whole)
    if place and (place >= PLACE_STRONG or prev in PLACE_CUES):
        add_found(doc, tokens, "LOC", True)
        return
    if initial and n == 1 and looks_like_word(tokens[0].word):
        return
    if initial and role_before_name(lex, [t.word for t in tokens], lows):
        # "Anchor Norah O'Donnell asked": a job, capitalised as the sentence's first word
        read_piece(doc, tokens[1:], False)
        return
    if n == 1 and "-" in whole and MODEL_CODE.fullmatch(whole):
        add_found(doc, tokens, "MISC", True)  # "AK-47s and MiG-29s": models, no bodies
        return
    add_found(doc, tokens, None, False, initial=initial)


def read_titled(doc: Doc, tokens: list[Tok], title_at: int, initial: bool) -> None:
    """'U.S. President Mary Collins': a name before the title, the title, then a person."""
    name_at = end_of_title(doc.lex, tokens, title_at)
    portfolios = doc.lex.portfolios
    # "U.S. Energy Secretary", "Canada's Foreign Minister": the portfolio is the title's.
    while title_at > 0 and tokens[title_at - 1].word.lower() in portfolios:
        title_at -= 1
    if title_at > 0:
        read_piece(doc, tokens[:title_at], initial)
    rest = tokens[name_at:]
    if rest and rest[0].connector:  # "Mayor of London": the rest is not the person
        read_piece(doc, rest[1:], False)
    elif rest and len(rest) <= MAX_PERSON_TOKENS:
        add_found(doc, rest, "PER", True)
    elif rest:
        read_piece(doc, rest, False)


def _names_a_body(lex: Lexicon, tokens: list[Tok], i: int) -> bool:
    """Is the title word ``tokens[i]`` the field of a body before it ("Chicago Board of
    Trade", "Chamber of Commerce"), not a person's title?"""
    if i < 2 or not tokens[i - 1].connector:
        return False
    head = tokens[i - 2].word.lower()
    return head in lex.org_heads or head in lex.org_suffixes


def label_by_suffix(lex: Lexicon, lows: list[str]) -> str | None:
    last = lows[-1]
    first = lows[0]
    second = lows[1] if len(lows) > 1 else ""
    if last in lex.org_suffixes or (first in lex.org_heads and second in ("of", "for")):
        return "ORG"
    if last in lex.loc_suffixes or first in lex.loc_heads:
        return "LOC"
    if last in lex.misc_suffixes and first.title() not in lex.first_names:
        return "MISC"  # "Election Day", but not "Doris Day"
    return None


# Ordinals and "New" open the names of banks, parties and wars ("New Democratic Party",
# "Second World War"), though some of them are common words.
NAME_OPENING_WORDS: Final = word_set("first second third fourth fifth sixth seventh eighth new")


def opens_named_body(lex: Lexicon, lows: list[str]) -> bool:
    """Does the common word opening ``lows`` belong to a name its last word makes?"""
    if len(lows) < 2 or lows[0] not in NAME_OPENING_WORDS:
        return False
    last = lows[-1]
    return last in lex.org_suffixes or last in lex.loc_suffixes or last in lex.misc_suffixes


def opens_known_name(tables: NameTables, tokens: list[Tok]) -> bool:
    """'New' in 'New York Stock Exchange' is not a common word: it starts 'New York'."""
    return len(tokens) > 1 and folded_text(tokens[:2]) in tables.folded


def label_by_parts(
    lex: Lexicon, tables: NameTables, tokens: list[Tok], lows: list[str]
) -> str | None:
    """Label a name of several words by the words it is made of."""
    if "&" in lows:  # "Douglas & Lomason", "Procter & Gamble"
        return "ORG"
    # "Rhode Island School of Design", "Harlan Board of Trade": no person's name holds a
    # body's word and "of", even one that opens with a first name.
    heads = lex.org_heads
    for i in range(1, len(lows) - 1):
        if lows[i] in heads and lows[i + 1] in ("of", "for"):
            return "ORG"
    if starts_with_first_name(lex, tokens):
        return "PER"
    demonyms = lex.demonyms
    if all(low in demonyms for low in lows if low not in CONNECTOR_WORDS):
        return "MISC"  # "Iraqi Kurdish"
    exact = tables.exact
    if lows[0] in DIRECTIONS and exact.get(joined_text(tokens[1:])) == "LOC":
        return "LOC"  # "Northern Europe", "East Jerusalem"
    # A place, people or body inside a longer name makes an organisation: "Air France",
    # "Real Madrid", "British Universities", "U.N. Women".
    if any(t.word in exact for t in tokens):
        return "ORG"
    return None


def end_of_title(lex: Lexicon, tokens: list[Tok], i: int) -> int:
    """Index of the first token after a title chain that begins at ``i``."""
    n = len(tokens)
    while i < n:
        low = tokens[i].word.lower()
        if low in lex.titles:
            i += 1
        elif low in ("of", "for") and i + 1 < n and tokens[i + 1].word.lower() in lex.portfolios:
            i += 1
            while i < n and tokens[i].word.lower() in lex.portfolios:
                i += 1
        else:
            break
    return i


def starts_with_first_name(lex: Lexicon, tokens: list[Tok]) -> bool:
    first = tokens[0].word
    if first in lex.first_names:
        return True
    return bool(INITIAL.fullmatch(first)) and len(tokens) >= 2


def looks_like_word(word: str) -> bool:
    """A capitalised word at a sentence start that reads like an ordinary word."""
    if len(word) <= 4 or is_upper(word):
        return False
    low = word.lower()
    endings = WORD_ENDINGS_BY_LAST.get(low[-1])
    return endings is not None and low.endswith(endings)


def read_headline_piece(doc: Doc, tokens: list[Tok]) -> None:
    """In a headline only names we can look up count; capitals prove nothing there."""
    tables = doc.tables
    folded = tables.folded
    tokens = [t for t in tokens if not t.connector]
    i = 0
    n = len(tokens)
    while i < n:
        first = tokens[i].word.casefold()
        if first in tables.openers:
            j = longest_name(folded, tokens, i)
            if j:
                add_found(doc, tokens[i:j], folded[folded_text(tokens[i:j])], True, headline=True)
                i = j
                continue
        tok = tokens[i]
        label = folded.get(first)
        if label:
            add_found(doc, [tok], label, True, headline=True)
        elif i == 0 and is_dateline(doc.text, tok.end, sentence_initial(doc.text, tok.start)):
            add_found(doc, [tok], "LOC", True, headline=True)
        else:
            add_found(doc, [tok], None, False, headline=True)
        i += 1


def longest_name(folded: LabelTable, tokens: list[Tok], i: int) -> int:
    """End of the longest known name of two to four words starting at ``tokens[i]``, or 0."""
    for j in range(min(len(tokens), i + 4), i + 1, -1):
        if folded_text(tokens[i:j]) in folded:
            return j
    return 0
