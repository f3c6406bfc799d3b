"""What the name finder knows around a run of capitalised words.

The word patterns, the small word lists, the lookup tables built from the
gazetteer, and the questions asked of the words near a run: which words stand
before and after it, is it next to a score. Where the run sits in its line
(a sentence's start, a headline, a dateline) is ``names_lines``. Internal to
``reader.analysis.names``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from reader.analysis import vocabulary
from reader.analysis.gazetteer import Lexicon, lexicon
from reader.analysis.sorted_table import LabelTable
from reader.analysis.text_units import MOJIBAKE_SYMBOLS
from reader.analysis.vocabulary import is_abbreviation


def word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Final: compiled, read as C globals rather than looked up in another module's dict.
NAME_PARTICLES: Final = vocabulary.NAME_PARTICLES
MONTH_ABBREVIATIONS: Final = vocabulary.MONTH_ABBREVIATIONS


UPPER: Final = "A-ZÀ-ÖØ-ÞĀ-ŽΆ-ΫА-ЯЁЄІЇЎ"


# \w with the ASCII word characters spelled out first: the regex engine answers those
# from a bitmap and asks the Unicode tables only for the others. The same set as \w.
WORD_CHAR: Final = r"[a-zA-Z0-9_\w]"


# UTF-8 read as Windows-1252 turns one letter into two characters, a lead ("Ã", "Â",
# "Ä", "Å") and a symbol ("FranÃ§ois", "RenÃ©e", twice over "FranÃÂ§ois"). The
# symbol is no word character, so the name would be cut at it; right after a lead it is
# the rest of a letter, and the word goes on. Quote marks, dashes and the ellipsis are
# left out: a mark that pairs or cuts must stay one. (text_units.MOJIBAKE_SYMBOLS)
MOJIBAKE_TAIL: Final = rf"(?<=[ÂÃÄÅ])[{MOJIBAKE_SYMBOLS}]"


# A capitalised word; inner apostrophes, periods, hyphens and ampersands join
# parts ("O'Brien", "U.S.", "Jean-Pierre", "AT&T"); a trailing period is taken
# and given back later unless the word is an abbreviation, and so is the apostrophe
# of a plural possessive unless a name goes on after it ("the Farmers' Union").
# What follows never starts with a word character, so giving letters back could never
# help a match: the possessive repeats (*+) only spare the regex engine its bookkeeping.
# The optional parts are alternatives that end in an empty one and open with the character
# they need, so the engine turns them down at a glance; written as `(...)*` or `(...)?`
# they set up a repeat on every capitalised word in the text.
WORD_TAIL: Final = (  # a word but its capital
    rf"(?:{WORD_CHAR}|{MOJIBAKE_TAIL})*+(?:['’.&-]{WORD_CHAR}+(?:['’.&-]{WORD_CHAR}+)*+|)"
    r"(?:\.|['’](?<=s['’])(?=[ \t])|)"
)
WORD: Final = rf"[{UPPER}]{WORD_TAIL}"


SEP: Final = r"(?:[ \t]+|[ \t]*\n[ \t]*)"


# The small words a run of capitalised words may hold inside it, as a regex alternation.
CONNECTORS: Final = "|".join(["of", "of the", "for", "for the", "the", "and", "&", *NAME_PARTICLES])


CONTRACTION: Final = re.compile(r"\w+['’](?:ve|ll|d|re|m|t)$", re.IGNORECASE)


# A score or table figures: one to three digits standing alone (not a date or a time).
# "Durham 114 (S. Watkin 4-28)": a bracket after the figure opens the scorers; "Kent
# 108-3", "Surrey 429-7": runs and wickets; "Middlesex 199 and 426": two innings.
SCORE_AFTER: Final = re.compile(
    r"[ \t]+\d{1,3}(?:-\d{1,2}(?![\d/-])"
    r"|(?=[ \t]+[\dA-Z(]|[ \t]*(?:\n|$|[,;])|[ \t]+and[ \t]+\d{1,3}\b))"
)


SCORE_BEFORE: Final = re.compile(r"(?<![\d.:/-])\d{1,3}[ \t]+$")


INITIAL: Final = re.compile(rf"[{UPPER}]\.?")


# A maker's letters and a number of two or more digits: aircraft, rifles, rockets ("F-16",
# "AK-47s", "MiG-29", "C-130"). Not a group of nations: "G-7", "G-20".
MODEL_CODE: Final = re.compile(r"(?!G-)[A-Z][A-Za-z]{0,2}-\d{2,3}s?")


CONNECTOR_WORDS: Final = NAME_PARTICLES | {"of", "for", "the", "and", "&"}


PLACE_CUES: Final = word_set(
    "in at near from to outside across around into via toward towards between visit visited "
    "visiting capital city town village province state region"
)
# For a name no list knows, "to" and "from" are as often before people ("said to
# Clinton", "a letter from Kaine") as before places, so they do not count.
UNKNOWN_PLACE_CUES: Final = PLACE_CUES - {"to", "from", "between", "toward", "towards", "via"}


SPEECH_VERBS: Final = word_set(
    "said says told added asked explained stated noted declared insisted argued warned "
    "wrote replied announced acknowledged admitted claimed confirmed"
)


DIRECTIONS: Final = word_set(
    "north south east west northern southern eastern western central upper lower greater "
    "northeast northwest southeast southwest northeastern northwestern southeastern southwestern"
)


# Only the fixture marks: "beat" or "against" put places side by side in politics too.
FIXTURE_AFTER: Final = word_set("v v. vs vs.")
FIXTURE_BEFORE: Final = FIXTURE_AFTER
# A place that plays is a team: "Surrey captain", "the Chelsea defender", "Toronto beat
# Boston", "joined Newcastle". Words that follow or come before the place.
TEAM_AFTER: Final = word_set(
    "captain coach skipper striker defender midfielder goalkeeper keeper winger playmaker "
    "forward batsman bowler pitcher quarterback beat defeated drew"
)
TEAM_BEFORE: Final = word_set("beat defeated joined")
# Words around a name that make it a business, a paper or a club: "shares of Ruch",
# "Comelf's output", "the news weekly Der Spiegel", "Eagles owner", "chain Ruch".
ORG_AFTER: Final = word_set(
    "shares stock stocks shareholders stockholders subsidiary subsidiaries owner owners "
    "ceo executives profit profits revenue revenues earnings output plant plants factory "
    "headquarters daily weekly newspaper board"
)
ORG_BEFORE: Final = word_set(
    "daily weekly newspaper paper magazine agency firm company group club carrier airline "
    "maker makers bank chain retailer insurer brokerage conglomerate automaker manufacturer "
    "distributor broadcaster publisher"
)


WEEKDAYS: Final = word_set("monday tuesday wednesday thursday friday saturday sunday")


MAX_PERSON_TOKENS: Final = 4


MAX_NAME_TOKENS: Final = 12


# Endings of English words that are rarely names ("Reconstruction", "Debating").
WORD_ENDINGS: Final = (
    "ly",
    "ing",
    "ed",
    "ness",
    "ment",
    "tion",
    "sion",
    "ful",
    "ity",
    "ism",
    "ance",
    "ence",
    "ship",
    "ous",
    "ive",
    "able",
    "ible",
)


# The endings by their last letter: most words end in a letter no ending ends in, and
# the rest are asked about a few endings, not all of them.
WORD_ENDINGS_BY_LAST: Final = {
    last: tuple(ending for ending in WORD_ENDINGS if ending[-1] == last)
    for last in {ending[-1] for ending in WORD_ENDINGS}
}


# Surname shapes common in world news; a lone unknown word shaped so is a person.
# The endings are a tuple for str.endswith: as one regex with the openings, the search
# tried every letter of the name against every ending.
SURNAME_OPENING: Final = re.compile(r"(?:O['’]|Mc|Mac)[A-Z]")
SURNAME_ENDINGS: Final = tuple(
    sorted(
        word_set(
            "ov ova ev eva sky ski ska wicz enko escu opoulos idis sson"
            " ovich evich vili yan oglu ovic evic"
        )
    )
)


def surname_shaped(name: str) -> bool:
    """'O'Brien', 'McAdam', 'Lebedev', 'Kowalski': shaped like a surname.

    ``name`` is on one line (no line break at its end).
    """
    return name.endswith(SURNAME_ENDINGS) or SURNAME_OPENING.match(name) is not None


# Measured: lone unknown words in news are teams and firms more often.
LONE_WORD_DEFAULT: Final = "ORG"


# Tok and Found are plain classes with their own __init__, not dataclasses: compiled by
# mypyc, a slots dataclass keeps the interpreted __init__ that dataclasses writes, and
# these are made once per word or name.
class Tok:
    __slots__ = ("connector", "end", "start", "word")

    def __init__(self, start: int, end: int, word: str, connector: bool = False) -> None:
        self.start = start
        self.end = end
        self.word = word
        self.connector = connector

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.word!r}, {self.connector})"


class Found:
    __slots__ = ("confident", "end", "headline", "initial", "label", "start")

    def __init__(
        self,
        start: int,
        end: int,
        label: str | None,  # None: undecided until the whole document is read
        confident: bool,
        initial: bool = False,
        headline: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.confident = confident
        self.initial = initial
        self.headline = headline

    def __repr__(self) -> str:
        return (
            f"Found({self.start}, {self.end}, {self.label!r}, {self.confident}, "
            f"initial={self.initial}, headline={self.headline})"
        )


class Doc:
    """One document being read: its text, the lists, and what has been found so far."""

    # A plain class like Tok and Found: a dataclass's __init__ stays interpreted when
    # compiled, some 3,500 instructions a document.
    __slots__ = (
        "found",
        "lex",
        "line_end",
        "line_is_headline",
        "line_start",
        "lines_read",
        "tables",
        "text",
    )

    def __init__(self, text: str, lex: Lexicon, tables: NameTables) -> None:
        self.text = text
        self.lex = lex
        # Fetched once per document: behind lru_cache, each fetch is a call through Python.
        self.tables = tables
        self.found: list[Found] = []
        self.line_start = -1  # the line in_headline looked at last
        self.line_end = -1
        self.line_is_headline = False
        # Every line in_headline has read, by where it ends: (where it starts, headline?).
        # The settling pass asks again about lines the first pass read.
        self.lines_read: dict[int, tuple[int, bool]] = {}


class NameTables:
    # A plain class: making a dataclass runs the dataclasses module's code generator when
    # the module is imported, ~1 ms of every process's first analysis.
    def __init__(self, exact: LabelTable, folded: LabelTable, openers: frozenset[str]) -> None:
        self.exact = exact  # "Moscow" -> LOC, "Russian" -> MISC, "NATO" -> ORG
        self.folded = folded  # the same, case-folded, for headlines in capitals
        self.openers = openers  # case-folded first words of the multi-word names


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    # Derived from the places and names when the lexicon is built (reader.analysis.gazetteer).
    lex = lexicon()
    return NameTables(lex.exact, lex.folded, lex.openers)


def sure_words() -> LabelTable:
    """Single words whose label never depends on context: known names, big places, peoples."""
    return lexicon().sure


def keeps_full_stop(word: str) -> bool:
    """Whether the full stop ending ``word`` is part of a name: an abbreviation ("Mr.",
    "U.S."), or a name the lists know with its full stop ("Ariz.", "Washington D.C.").

    A month's full stop is cut: no name holds a month, "Feb" is then read as the common
    word it is, and "... in Feb. Smith won" as two sentences.
    """
    if word in name_tables().exact:
        return True
    return is_abbreviation(word) and word[:-1].lower() not in MONTH_ABBREVIATIONS


def needs_cutting(chunk: str) -> bool:
    """Does a run need cut_run: possessives, periods, line breaks, odd spacing, small words?"""
    # One pass reading characters with ord(): seven substring tests and a slice and two
    # string comparisons per space cost more than the run is long.
    n = len(chunk)
    for i in range(n):
        c = ord(chunk[i])
        if c == 32:
            # Two spaces, or a lowercase word after a space: a connector ("Bank of England").
            if i + 1 < n:
                after = ord(chunk[i + 1])
                if after == 32 or 97 <= after <= 122:
                    return True
        elif c == 39 or c == 0x2019 or c == 46 or c == 10 or c == 9 or c == 38:
            return True  # ' ’ . line break, tab, &
    return False


def joined_text(tokens: list[Tok]) -> str:
    return " ".join([t.word for t in tokens])


def previous_word(text: str, start: int) -> str:
    """The last whitespace-separated word in the 24 characters before ``start``, lowercased.

    Found by reading characters back from ``start`` (as ``rsplit(None, 1)`` of those 24
    would): only the word itself is cut out, no window, list or rest of the window.
    """
    low = max(0, start - 24)
    end = start
    while end > low and space_at(text, end - 1):
        end -= 1
    begin = end
    while begin > low and not space_at(text, begin - 1):
        begin -= 1
    return text[begin:end].lower()


def cue_word(text: str, start: int) -> str:
    """``previous_word`` without the brackets or quotation marks that open it: in "(at
    Headingley)" the cue is "at"."""
    word = previous_word(text, start)
    if word and word[0] in OPENING_MARKS:
        return word.lstrip(OPENING_MARKS)
    return word


OPENING_MARKS: Final = "([{\"'“‘«"


def next_word(text: str, end: int) -> str:
    """The first word in the 24 characters after ``end``, lowercased, without ,.;: after it."""
    high = min(len(text), end + 24)
    begin = end
    while begin < high and space_at(text, begin):
        begin += 1
    stop = begin
    while stop < high and not space_at(text, stop):
        stop += 1
    return text[begin:stop].lower().rstrip(",.;:") if stop > begin else ""


def space_at(text: str, i: int) -> bool:
    """``text[i].isspace()``, the whitespace str.split splits at; ASCII read with ord()."""
    c = ord(text[i])
    if c < 128:
        return c == 32 or 9 <= c <= 13 or 28 <= c <= 31
    return text[i].isspace()


def folded_text(tokens: list[Tok]) -> str:
    return " ".join([t.word for t in tokens]).casefold()
