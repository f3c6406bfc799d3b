"""The built-in name finder: capitalisation, cue words and gazetteers, no model.

One regex pass finds runs of capitalised words (with the small words names carry
inside them: "Bank of England", "Charles de Gaulle"); everything else in the text
is never looked at again, which keeps the finder close to the speed of a plain
tokenising pass. Each run is cut into names and labelled by, in order: titles
("Deputy Foreign Minister Sergei Ryabkov" -> PER "Sergei Ryabkov"), whole-name
gazetteers, organisation/place/event words at the edges, first names, and cues
around the run ("in Geneva"). A second pass over the runs settles what is left by
what the rest of the document says ("Simmons" after "Phil Simmons" is PER).
Headlines, in capitals or in title case, are read with gazetteers and the
document's own names only, since capitals there say nothing.

The module reads runs; ``names_rules`` labels the pieces of a run,
``names_settle`` decides what is left once the whole document is read, and
``names_context`` holds the patterns, word lists and context questions they share,
and ``names_lines`` where a run sits in its line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from reader.analysis.gazetteer import PLACE_STRONG, Lexicon, lexicon
from reader.analysis.names_context import (
    CONNECTOR_WORDS,
    CONNECTORS,
    CONTRACTION,
    MAX_NAME_TOKENS,
    MAX_PERSON_TOKENS,
    MODEL_CODE,
    NAME_PARTICLES,
    SEP,
    UPPER,
    WEEKDAYS,
    WORD,
    WORD_TAIL,
    Doc,
    Found,
    Tok,
    joined_text,
    keeps_full_stop,
    name_tables,
    needs_cutting,
    previous_word,
    sure_words,
    word_set,
)
from reader.analysis.names_lines import (
    in_headline,
    line_break_before,
    sentence_initial,
)
from reader.analysis.names_rules import (
    looks_like_word,
    read_headline_piece,
    read_piece,
)
from reader.analysis.names_settle import (
    settle,
)
from reader.analysis.names_teams import team_town
from reader.analysis.pattern_cache import compiled
from reader.analysis.regex_trie import trie_pattern
from reader.analysis.sorted_table import LabelTable
from reader.analysis.text_units import is_upper
from reader.model import Entity


def find_names(text: str) -> list[Entity]:
    """Every name in ``text`` with its label, sorted and non-overlapping."""
    lex = lexicon()
    doc = Doc(text=text, lex=lex, tables=name_tables())
    sure = sure_words()
    for match in run_pattern().finditer(text):
        # The match's own text and start: span() would make a tuple and a second number.
        chunk: str = match[0]
        start = match.start()
        end = start + len(chunk)
        # Words are joined only by spaces, tabs and line breaks: without one the run is
        # one word. (Asked of the text in C, not of the match: a method call costs more.)
        if " " not in chunk and "\n" not in chunk and "\t" not in chunk:
            _read_lone_word(doc, start, chunk, sure)
            continue
        if "-" in chunk:
            described = DESCRIBED_BY.search(chunk)
            if described is not None and described.end() < len(chunk):
                _read_described(doc, start, end, chunk, described.end(), sure)
                continue
        read_run(doc, start, end, chunk)
    return settle(doc)


def _read_lone_word(doc: Doc, start: int, chunk: str, sure: LabelTable) -> None:
    """One word, the common case: settle it without building any context."""
    word = chunk
    end = start + len(chunk)
    if word[-1] == "." and not keeps_full_stop(word):
        word = word[:-1]
        end -= 1
    # A letter then "'s": the word opens with a capital, so it is never just "'s".
    if len(word) > 2 and word[-1] == "s" and word[-2] in "'’":
        word = word[:-2]
        end -= 2
    label = sure.get(word)
    if label is not None:
        doc.found.append(Found(start, end, label, True))
    elif "'" not in word and "’" not in word:
        read_word(doc, start, end, word)
    elif CONTRACTION.match(word) is None:
        read_run(doc, start, start + len(chunk), chunk)
    # else "I've", "We'll", "Don't": a pronoun or verb, not a name


def _read_any(doc: Doc, start: int, chunk: str, sure: LabelTable) -> None:
    if " " in chunk or "\n" in chunk or "\t" in chunk:
        read_run(doc, start, start + len(chunk), chunk)
    else:
        _read_lone_word(doc, start, chunk, sure)


# "Ontario-based Magna", "St. Louis-based Mercantile Bancorp", "Communist-led CGT",
# "Korean-born Monte Haines": the compound describes the name that follows it.
DESCRIBED_BY: Final = re.compile(r"-(based|owned|controlled|led|run|born)\s+")
_BUSINESS_WORDS: Final = frozenset(["based", "owned", "controlled"])
# The last part of a compound that describes by a place or people: "Surinamese-born
# visitor", "an Amman-bound plane", "Indonesian-origin premiums".
DESCRIBING_TAILS: Final = frozenset(
    ["based", "owned", "controlled", "led", "run", "born", "bound", "origin", "backed"]
)


def _read_described(doc: Doc, start: int, end: int, chunk: str, cut: int, sure: LabelTable) -> None:
    """Read "Ontario-based Magna" as the compound (a MISC word, as news tags "Ontario-
    based") and the name after it; a company is based, owned or controlled somewhere,
    so a lone name after those that nothing else decides is an organisation, and no
    place is born: "Korean-born Monte Haines" is a person."""
    head = chunk[:cut].rstrip()
    compound = head.rfind(" ") + 1
    stem = head[compound : head.rindex("-")]
    before = head[:compound].rstrip()
    if before:
        # "St. Louis-based", "Hong Kong-based": the word before may be part of the place
        last = before.rfind(" ") + 1
        place = before[last:] + " " + stem
        if doc.lex.places.get(place, 0) or place.lower() in doc.lex.demonyms:
            compound = last
            before = before[:last].rstrip()
    if before:
        _read_any(doc, start, before, sure)
    doc.found.append(Found(start + compound, start + len(head), "MISC", True))
    first = len(doc.found)
    _read_any(doc, start + cut, chunk[cut:], sure)
    kind = head.rsplit("-", 1)[1]
    for f in doc.found[first:]:
        if f.start != start + cut:
            continue
        lone = " " not in doc.text[f.start : f.end]
        if kind in _BUSINESS_WORDS and (not f.confident or (lone and f.label == "PER")):
            f.label, f.confident = "ORG", True  # "Ontario-based Magna", a first name too
        elif kind == "born" and f.label != "PER" and (not f.confident or f.label == "LOC"):
            f.label, f.confident = "PER", True


@lru_cache(maxsize=1)
def run_pattern() -> re.Pattern[str]:
    """Runs of capitalised words that do not start with a common word ("The", "But")."""
    never_first = lexicon().never_first_pattern
    # As a trie, the engine turns down the word after a name at its first letter instead
    # of trying each connector in turn.
    connectors = trie_pattern(sorted(CONNECTORS.split("|")))
    # The pattern opens with the capital itself, so the regex engine skips from capital
    # to capital in C and tries nothing else elsewhere; the checks on where the word
    # starts (not inside a word, not a common word) look back from after that capital.
    # Compiled from the cache folder's copy of its code: compiling it took ~10 ms of
    # every process's first analysis (reader.analysis.pattern_cache).
    return compiled(
        rf"([{UPPER}](?<![\w'’].)(?<!(?=(?:{never_first})(?![\w'’.&-])).){WORD_TAIL})"
        # Nothing follows the run, so its words are never given back: a possessive repeat.
        rf"(?:{SEP}(?:{connectors}{SEP}){{0,3}}{WORD})*+"
    )


def read_run(doc: Doc, start: int, end: int, chunk: str) -> None:
    """Read the run ``chunk``, which is ``doc.text[start:end]``."""
    first = chunk[0]
    if ord(first) > 127 and not first.isupper():
        return
    if chunk[-1] == ".":
        # "... on Holmsea High Street.": when only the full stop needs cutting, cut it here.
        head = chunk[:-1]
        plain = not needs_cutting(head) and not keeps_full_stop(chunk[chunk.rfind(" ") + 1 :])
        if plain:
            chunk = head
            end -= 1
    else:
        plain = not needs_cutting(chunk)
    if plain:
        # Settled by a list or a name's shape, a plain run means the same in a headline.
        if read_plain(doc, start, end, chunk):
            return
        # Plain words and single spaces ("Sergei Ryabkov"): one piece, offsets by counting.
        tokens = []
        at = start
        for word in chunk.split(" "):
            tokens.append(Tok(at, at + len(word), word))
            at += len(word) + 1
        if len(tokens) <= MAX_NAME_TOKENS:
            read_slice(doc, tokens)  # the usual case: no list of pieces, no copy
            return
        pieces = [tokens]
    else:
        # The words between runs of spaces, each found after the one before it.
        tokens = []
        at = 0
        for word in chunk.split():
            at = chunk.find(word, at)  # always there; find is a direct call when compiled
            tokens.append(Tok(start + at, start + at + len(word), word))
            at += len(word)
        pieces = cut_run(doc, tokens)
    for whole_piece in pieces:
        if len(whole_piece) <= MAX_NAME_TOKENS:
            read_slice(doc, whole_piece)
            continue
        # No name runs past a dozen words; reading longer stretches in slices keeps
        # degenerate text ("A Mr B Mr C Mr ..." for pages) linear.
        for cut in range(0, len(whole_piece), MAX_NAME_TOKENS):
            read_slice(doc, whole_piece[cut : cut + MAX_NAME_TOKENS])


def read_slice(doc: Doc, piece: list[Tok]) -> None:
    at = piece[0].start
    if in_headline(doc, at):
        read_headline_piece(doc, piece)
    else:
        read_piece(doc, piece, sentence_initial(doc.text, at))


def read_plain(doc: Doc, start: int, end: int, chunk: str) -> bool:
    """Settle the usual plain run ("Sergei Ryabkov", "Harbor Valley Bank") in a few lookups.

    Returns False, having done nothing, when the run needs the full reading: a title,
    a common word, a nationality in front, or nothing that vouches for it.
    """
    if chunk.count(" ") >= MAX_NAME_TOKENS:
        return False
    tables = doc.tables
    label = tables.exact.get(chunk)
    if label is None:
        lex = doc.lex
        lows = chunk.lower().split(" ")
        first = lows[0]
        titles = lex.titles
        if first in titles:
            return read_plain_titled(doc, start, end, chunk, lows)
        common = lex.common_words
        # any() over a generator compiles to a loop; a set's isdisjoint is a method call
        # through Python, twice, for a run of two or three words.
        if first in lex.demonyms or any(low in titles or low in common for low in lows):
            return False
        last = lows[-1]
        if last in lex.org_suffixes or (first in lex.org_heads and lows[1] in ("of", "for")):
            label = "ORG"
        elif (
            chunk[-1] in "sx"
            and team_town(lex, tables, chunk.split(" "), previous_word(doc.text, start) == "the")
            and not in_headline(doc, start)  # "Tokyo Rally Continues": a verb ends it
        ):
            label = "ORG"  # "the Cleveland Indians", "Los Angeles Dodgers": a side
        elif last in lex.loc_suffixes or first in lex.loc_heads:
            label = "LOC"
        elif last in WEEKDAYS:
            return False
        elif last in lex.misc_suffixes and chunk[: len(first)] not in lex.first_names:
            label = "MISC"
        elif chunk[: len(first)] in lex.first_names and not in_headline(doc, start):
            label = "PER"  # not in "Rail Talks Collapse as ...": some names are words too
        else:
            return False
    doc.found.append(Found(start, end, label, True))
    return True


def read_plain_titled(doc: Doc, start: int, end: int, chunk: str, lows: list[str]) -> bool:
    """'Mrs Pettifer', 'Deputy Foreign Minister Sergei Ryabkov': titles, then the person."""
    titles = doc.lex.titles
    n = 0
    while n < len(lows) and lows[n] in titles:
        n += 1
    rest = len(lows) - n
    if rest == 0 or rest > MAX_PERSON_TOKENS or not titles.isdisjoint(lows[n:]):
        return False
    last = lows[-1]
    if last in doc.lex.org_suffixes or doc.tables.exact.get(chunk.split(" ", n)[-1]):
        return False  # "General Motors", "President Kennedy Airport": not a title
    skip = sum(len(w) for w in lows[:n]) + n
    doc.found.append(Found(start + skip, end, "PER", True))
    return True


def read_word(doc: Doc, start: int, end: int, word: str) -> None:
    """A run of one word that no list knows: the common case, kept lean."""
    if ord(word[0]) > 127 and not word[0].isupper():
        return
    lex = doc.lex
    low = word.lower()
    if low in lex.common_words or low in lex.titles:
        return
    # An abbreviation keeps its full stop ("Sept.", "Gen."): the word is the same without.
    if low[-1] == "." and (low[:-1] in lex.common_words or low[:-1] in lex.titles):
        return
    if "-" in word and (
        word.rsplit("-", 1)[1].lower() in DESCRIBING_TAILS or MODEL_CODE.fullmatch(word)
    ):
        # "Tripoli-based", "Amman-bound"; a model: "F-16", "AK-47s", "MiG-29"
        doc.found.append(Found(start, end, "MISC", True))
        return
    text = doc.text
    # Whether the word sits in a headline is asked later, and only if the rest of the
    # document does not already say what it is.
    initial = sentence_initial(text, start)
    if initial and looks_like_word(word):
        return
    if is_upper(word) and len(word) > 3:  # "HALIFAX, March 3 -"
        label = doc.tables.folded.get(word.casefold())
        if label:
            doc.found.append(Found(start, end, label, True))
            return
    # Cues around the word ("in", "spokesman") are read later, and only if the rest of
    # the document does not already say what the word is.
    doc.found.append(Found(start, end, None, False, initial=initial))


def cut_run(doc: Doc, tokens: list[Tok]) -> list[list[Tok]]:
    """Cut a run where a name must end: possessives, sentence ends, line ends, 'and'."""
    text = doc.text
    wrapped = "\n" in text[tokens[0].start : tokens[-1].end]
    last_tok = tokens[-1]
    pieces: list[list[Tok]] = []
    current: list[Tok] = []
    joined = False
    lex = doc.lex
    for i, tok in enumerate(tokens):
        word = tok.word
        if current and word in CONNECTOR_WORDS and tok is not last_tok:
            tok.connector = joined = True
        if wrapped and current and line_break_before(text, current[-1].end, tok.start):
            pieces.append(current)
            current = []
            if tok.connector:
                continue
        current.append(tok)
        cut = 0
        if word[-1] == "." and not keeps_full_stop(word):  # "... in Moscow."
            cut = 1
        if word[-1 - cut] == "s" and len(word) > 2 + cut and word[-2 - cut] in "'’":
            if cut == 0 and _names_a_building(lex, tokens, i):
                continue  # "St Margaret’s Church", "Queen's Park": the possessive is inside
            cut += 2  # "Biden's", "Pettifer’s."
        elif cut == 0 and word[-1] in "'’" and len(word) > 1 and tok is last_tok:
            cut = 1  # "the Reds' coach", but "the National Farmers' Union" stays whole
        if not cut:
            continue
        tok.end -= cut
        tok.word = word[:-cut]
        pieces.append(current)
        current = []
    if current:
        pieces.append(current)
    if not joined:
        return pieces
    out: list[list[Tok]] = []
    for piece in pieces:
        out.extend(split_connectors(doc.lex, piece))
    return out


def _names_a_building(lex: Lexicon, tokens: list[Tok], i: int) -> bool:
    """Is ``tokens[i]`` ("Margaret’s") followed by the last word of a place or body?"""
    n = len(tokens)
    if i + 1 >= n or (i + 2 < n and tokens[i + 2].word not in CONNECTOR_WORDS):
        return False  # one word must follow, ending the run or a part of it
    last = tokens[i + 1].word.lower().rstrip(".")
    return last in lex.org_suffixes or last in lex.loc_suffixes


def split_connectors(lex: Lexicon, piece: list[Tok]) -> list[list[Tok]]:
    """Keep 'of'/'and'/'the' inside a name only where the name's shape asks for them."""
    if not any(t.connector for t in piece):
        return [piece]
    whole = joined_text(piece)
    if whole in lex.known or lex.places.get(whole, 0) >= PLACE_STRONG:
        return [piece]
    out: list[list[Tok]] = []
    current: list[Tok] = []
    for i, tok in enumerate(piece):
        if not tok.connector:
            current.append(tok)
            continue
        low = tok.word.lower()
        left = current[-1].word.lower() if current else ""
        keep = low in NAME_PARTICLES or low == "&" or (low == "and" and _joins_body(lex, piece, i))
        if low in ("of", "for", "the"):
            keep = (
                left in lex.org_heads
                or left in lex.loc_heads
                or left in lex.titles
                or left in lex.org_suffixes
                or left in ("of", "for")
            )
        if keep and current and i + 1 < len(piece):
            current.append(tok)
        else:
            if current:
                out.append(current)
            current = []
    if current:
        out.append(current)
    # A piece may now end in a connector ("Bank of" + nothing); drop it.
    cleaned = []
    for part in out:
        while part and part[-1].connector:
            part = part[:-1]
        if part:
            cleaned.append(part)
    return cleaned


# Bodies whose names join two fields with "and": "Food and Drug Administration", "Fish
# and Wildlife Service", "Test and County Cricket Board". Not firms: "Apple and
# Microsoft Corp." are two.
JOINED_BODIES: Final = word_set(
    "board exchange administration council commission committee authority federation "
    "association service agency bureau"
)
_FIRM_ENDINGS: Final = word_set("inc inc. corp corp. co co. ltd ltd. llc plc group holdings bank")


def _joins_body(lex: Lexicon, piece: list[Tok], i: int) -> bool:
    """Does the "and" at ``piece[i]`` join the two fields of one body's name? The name
    after it ends in a body's word, and the words before it are no name of their own."""
    last = piece[-1].word.lower()
    if last not in JOINED_BODIES or i == 0 or i + 1 >= len(piece):
        return False
    left = [t for t in piece[:i] if not t.connector]
    if not left or (len(left) > 1 and left[0].word in lex.first_names):
        return False  # "Anna Lopez and Harbour Commission staff": a person, then a body
    left_last = left[-1].word.lower()
    if left_last in _FIRM_ENDINGS or left_last in JOINED_BODIES:
        return False  # "Magna Inc and Lear Board": two bodies
    return joined_text(left) not in lex.known and lex.places.get(joined_text(left), 0) == 0
