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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis.gazetteer import PLACE_COUNTRY, PLACE_STRONG, Lexicon, lexicon
from reader.model import Entity


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽΆ-ΫА-ЯЁЄІЇЎ"
# A capitalised word; inner apostrophes, periods, hyphens and ampersands join
# parts ("O'Brien", "U.S.", "Jean-Pierre", "AT&T"); a trailing period is taken
# and given back later unless the word is an abbreviation.
_WORD = rf"[{_UPPER}]\w*(?:['’.&-]\w+)*\.?"
_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_CONNECTORS = (
    "of|of the|for|for the|the|and|&|de|del|della|der|den|di|da|do|dos|das|du|van|von"
    "|la|le|al|el|bin|ibn|y"
)
_TOKEN = re.compile(r"\S+")
_CONTRACTION = re.compile(r"\w+['’](?:ve|ll|d|re|m|t)$", re.IGNORECASE)
# What makes a run need _pieces: possessives, periods, line breaks, odd spacing, small words.
_NEEDS_CUTTING = re.compile(r"['’.\n\t&]|  | [a-z]")
_ANY_WORD = re.compile(r"(?<!\S)[\"'‘“]?[^\W\d_]")
_LOWER_WORD = re.compile(r"(?<!\S)[\"'‘“]?[a-z]")
_DIGIT = re.compile(r"\d")
# A score or table figures: one to three digits standing alone (not a date or a time).
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}(?=[ \t]+[\dA-Z]|[ \t]*(?:\n|$|[,;]))")
_SCORE_BEFORE = re.compile(r"(?<![\d.:/-])\d{1,3}[ \t]+$")
_PROSE = re.compile(r"\b[a-z]+[ \t]+[a-z]+[ \t]+[a-z]+\b")
_INITIAL = re.compile(rf"[{_UPPER}]\.?")

# A name can carry these lowercase particles inside it ("Ludwig van Beethoven").
_NAME_PARTICLES = _words("de del della der den di da do dos das du van von la le al el bin ibn y")
_CONNECTOR_WORDS = _NAME_PARTICLES | {"of", "for", "the", "and", "&"}
_SENTENCE_END = frozenset(".!?:;\n—–•*|")
_OPENERS = " \t\"'“‘«„([-"
_ABBREVIATIONS = _words(
    "mr. mrs. ms. dr. st. jr. sr. inc. corp. co. ltd. gen. sen. rep. gov. lt. col. capt. "
    "sgt. prof. rev. mt. ft. maj. adm. cpl. pvt. bros. no. vs."
)
_PLACE_CUES = _words(
    "in at near from to outside across around into via toward towards between visit visited "
    "visiting capital city town village province state region"
)
_SPEECH_VERBS = _words(
    "said says told added asked explained stated noted declared insisted argued warned "
    "wrote replied announced acknowledged admitted claimed confirmed"
)
_DIRECTIONS = _words(
    "north south east west northern southern eastern western central upper lower greater "
    "northeast northwest southeast southwest northeastern northwestern southeastern southwestern"
)
# Only the fixture marks: "beat" or "against" put places side by side in politics too.
_FIXTURE_AFTER = _FIXTURE_BEFORE = _words("v v. vs vs.")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
# A headline line is short; longer lines are prose even when capitalised.
_HEADLINE_MAX = 160
_SOFT_WRAP_MIN = 40  # a line this long that breaks mid-name was wrapped, not ended
_MAX_PERSON_TOKENS = 4
_MAX_NAME_TOKENS = 12
# Endings of English words that are rarely names ("Reconstruction", "Debating").
_WORD_ENDINGS = (
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
# Surname shapes common in world news; a lone unknown word shaped so is a person.
_SURNAME_SHAPE = re.compile(
    r"^(?:O['’]|Mc|Mac)[A-Z]|(?:ov|ova|ev|eva|sky|ski|ska|wicz|enko|escu|opoulos|idis|sson"
    r"|ovich|evich|vili|yan|oglu|ovic|evic)$"
)
_LONE_WORD_DEFAULT = "ORG"  # measured: lone unknown words in news are teams and firms more often


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    word: str
    connector: bool = False


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    label: str | None  # None: undecided until the whole document is read
    confident: bool
    initial: bool = False
    headline: bool = False


@dataclass(slots=True)
class _Doc:
    text: str
    lex: Lexicon
    found: list[_Found] = field(default_factory=list)
    line_start: int = -1  # the line _in_headline looked at last
    line_end: int = -1
    line_is_headline: bool = False


def find_names(text: str) -> list[Entity]:
    """Every name in ``text`` with its label, sorted and non-overlapping."""
    lex = lexicon()
    doc = _Doc(text=text, lex=lex)
    found = doc.found
    sure = _sure_words()
    for match in _run_pattern().finditer(text):
        end = match.end()
        if match.end(1) == end:
            # One word, the common case: settle it without building any context.
            start = match.start()
            word = match.group()
            if word[-1] == "." and not _is_abbreviation(word):
                word = word[:-1]
                end -= 1
            elif word.endswith(("'s", "’s")):
                word = word[:-2]
                end -= 2
            label = sure.get(word)
            if label is not None:
                found.append(_Found(start, end, label, True))
            elif "'" not in word and "’" not in word:
                _read_word(doc, start, end, word)
            elif _CONTRACTION.match(word) is None:
                _read_run(doc, start, match.end())
            # else "I've", "We'll", "Don't": a pronoun or verb, not a name
            continue
        _read_run(doc, match.start(), end)
    return _settle(doc)


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """Runs of capitalised words that do not start with a common word ("The", "But")."""
    lex = lexicon()
    forms = {w[:1].upper() + w[1:] for w in lex.common_words}
    forms |= {w.upper() for w in lex.common_words}
    # A common word may still open a longer name ("New York", "The Hague").
    openers = {name.split()[0] for name in (*lex.known, *lex.places) if " " in name}
    openers |= {opener.upper() for opener in openers}
    never_first = _trie_pattern(
        sorted(
            f
            for f in forms
            if f[:1].isupper() and f not in lex.known and f not in lex.places and f not in openers
        )
    )
    # The leading class lets the regex engine jump between capitals instead of trying
    # the assertions at every character.
    return re.compile(
        rf"(?=[{_UPPER}])(?<![\w'’])(?!(?:{never_first})(?![\w'’.&-]))"
        rf"({_WORD})(?:{_SEP}(?:(?:{_CONNECTORS}){_SEP}){{0,3}}{_WORD})*"
    )


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a trie, so matching never tries words one by one."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


@dataclass(slots=True, frozen=True)
class _Tables:
    exact: dict[str, str]  # "Moscow" -> LOC, "Russian" -> MISC, "NATO" -> ORG
    folded: dict[str, str]  # the same, case-folded, for headlines in capitals
    openers: frozenset[str]  # case-folded first words of the multi-word names


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = lexicon()
    exact: dict[str, str] = {}
    for demonym in lex.demonyms:
        exact[" ".join(w[:1].upper() + w[1:] for w in demonym.split())] = "MISC"
    for name, strength in lex.places.items():
        if strength == PLACE_COUNTRY or (strength == PLACE_STRONG and name not in lex.first_names):
            exact[name] = "LOC"
    exact.update(lex.known)
    folded: dict[str, str] = {}
    for name, label in exact.items():
        folded.setdefault(name.casefold(), label)
    openers = frozenset(name.split()[0] for name in folded if " " in name)
    return _Tables(exact, folded, openers)


@lru_cache(maxsize=1)
def _sure_words() -> dict[str, str]:
    """Single words whose label never depends on context: known names, big places, peoples."""
    return {name: label for name, label in _tables().exact.items() if " " not in name}


# --- reading one run -------------------------------------------------------------


def _read_run(doc: _Doc, start: int, end: int) -> None:
    text = doc.text
    first = text[start]
    if first > "\x7f" and not first.isupper():
        return
    chunk = text[start:end]
    if _NEEDS_CUTTING.search(chunk) is None:
        # Settled by a list or a name's shape, a plain run means the same in a headline.
        if _read_plain(doc, start, end, chunk):
            return
        # Plain words and single spaces ("Sergei Ryabkov"): one piece, offsets by counting.
        tokens = []
        at = start
        for word in chunk.split(" "):
            tokens.append(_Tok(at, at + len(word), word))
            at += len(word) + 1
        pieces = [tokens]
    else:
        tokens = [
            _Tok(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(chunk)
        ]
        pieces = _pieces(doc, tokens)
    for whole_piece in pieces:
        # No name runs past a dozen words; reading longer stretches in slices keeps
        # degenerate text ("A Mr B Mr C Mr ..." for pages) linear.
        for cut in range(0, len(whole_piece), _MAX_NAME_TOKENS):
            _read_slice(doc, whole_piece[cut : cut + _MAX_NAME_TOKENS])


def _read_slice(doc: _Doc, piece: list[_Tok]) -> None:
    at = piece[0].start
    if _in_headline(doc, at):
        _read_headline_piece(doc, piece)
    else:
        _read_piece(doc, piece, _sentence_initial(doc.text, at))


def _read_plain(doc: _Doc, start: int, end: int, chunk: str) -> bool:
    """Settle the usual plain run ("Sergei Ryabkov", "Harbor Valley Bank") in a few lookups.

    Returns False, having done nothing, when the run needs the full reading: a title,
    a common word, a nationality in front, or nothing that vouches for it.
    """
    if chunk.count(" ") >= _MAX_NAME_TOKENS:
        return False
    tables = _tables()
    label = tables.exact.get(chunk)
    if label is None:
        lex = doc.lex
        lows = chunk.lower().split(" ")
        first = lows[0]
        titles = lex.titles
        if first in titles:
            return _read_plain_titled(doc, start, end, chunk, lows)
        if (
            first in lex.demonyms
            or not titles.isdisjoint(lows)
            or not lex.common_words.isdisjoint(lows)
        ):
            return False
        last = lows[-1]
        if last in lex.org_suffixes or (first in lex.org_heads and lows[1] in ("of", "for")):
            label = "ORG"
        elif last in lex.loc_suffixes or first in lex.loc_heads:
            label = "LOC"
        elif last in _WEEKDAYS:
            return False
        elif last in lex.misc_suffixes and chunk[: len(first)] not in lex.first_names:
            label = "MISC"
        elif chunk[: len(first)] in lex.first_names:
            label = "PER"
        else:
            return False
    doc.found.append(_Found(start, end, label, True))
    return True


def _read_plain_titled(doc: _Doc, start: int, end: int, chunk: str, lows: list[str]) -> bool:
    """'Mrs Pettifer', 'Deputy Foreign Minister Sergei Ryabkov': titles, then the person."""
    titles = doc.lex.titles
    n = 0
    while n < len(lows) and lows[n] in titles:
        n += 1
    rest = len(lows) - n
    if rest == 0 or rest > _MAX_PERSON_TOKENS or not titles.isdisjoint(lows[n:]):
        return False
    last = lows[-1]
    if last in doc.lex.org_suffixes or _tables().exact.get(chunk.split(" ", n)[-1]):
        return False  # "General Motors", "President Kennedy Airport": not a title
    skip = sum(len(w) for w in lows[:n]) + n
    doc.found.append(_Found(start + skip, end, "PER", True))
    return True


def _read_word(doc: _Doc, start: int, end: int, word: str) -> None:
    """A run of one word that no list knows: the common case, kept lean."""
    if word[0] > "\x7f" and not word[0].isupper():
        return
    lex = doc.lex
    low = word.lower()
    if low in lex.common_words or low in lex.titles:
        return
    text = doc.text
    # Whether the word sits in a headline is asked later, and only if the rest of the
    # document does not already say what it is.
    initial = _sentence_initial(text, start)
    if initial and _looks_like_word(word):
        return
    if word.isupper() and len(word) > 3:  # "HALIFAX, March 3 -"
        label = _tables().folded.get(word.casefold())
        if label:
            doc.found.append(_Found(start, end, label, True))
            return
    # Cues around the word ("in", "spokesman") are read later, and only if the rest of
    # the document does not already say what the word is.
    doc.found.append(_Found(start, end, None, False, initial=initial))


def _pieces(doc: _Doc, tokens: list[_Tok]) -> list[list[_Tok]]:
    """Cut a run where a name must end: possessives, sentence ends, line ends, 'and'."""
    text = doc.text
    wrapped = "\n" in text[tokens[0].start : tokens[-1].end]
    last_tok = tokens[-1]
    pieces: list[list[_Tok]] = []
    current: list[_Tok] = []
    joined = False
    for tok in tokens:
        word = tok.word
        if current and word in _CONNECTOR_WORDS and tok is not last_tok:
            tok.connector = joined = True
        if wrapped and current and _line_break_before(text, current[-1].end, tok.start):
            pieces.append(current)
            current = []
            if tok.connector:
                continue
        current.append(tok)
        end = word[-1]
        if end == "s" and len(word) > 2 and word[-2] in "'’":  # "Biden's"
            tok.end -= 2
            tok.word = word[:-2]
        elif (end in "'’" and len(word) > 1) or (end == "." and not _is_abbreviation(word)):
            tok.end -= 1
            tok.word = word[:-1]
        else:
            continue
        pieces.append(current)
        current = []
    if current:
        pieces.append(current)
    if not joined:
        return pieces
    out: list[list[_Tok]] = []
    for piece in pieces:
        out.extend(_split_connectors(doc.lex, piece))
    return out


def _is_abbreviation(word: str) -> bool:
    low = word.lower()
    if low in _ABBREVIATIONS or word in _tables().exact:  # "Mr.", "Calif."
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "U.N."
    return len(word) == 2 or (word.count(".") >= 2 and len(word) <= 8)


def _line_break_before(text: str, prev_end: int, start: int) -> bool:
    """True when a newline between two words ends a line rather than wrapping one."""
    newline = text.find("\n", prev_end, start)
    if newline < 0:
        return False
    line_start = text.rfind("\n", max(0, newline - 200), newline)
    if line_start < 0 and newline >= 200:
        return False
    return newline - line_start - 1 < _SOFT_WRAP_MIN


def _split_connectors(lex: Lexicon, piece: list[_Tok]) -> list[list[_Tok]]:
    """Keep 'of'/'and'/'the' inside a name only where the name's shape asks for them."""
    if not any(t.connector for t in piece):
        return [piece]
    whole = _joined(piece)
    if whole in lex.known or lex.places.get(whole, 0) >= PLACE_STRONG:
        return [piece]
    out: list[list[_Tok]] = []
    current: list[_Tok] = []
    for i, tok in enumerate(piece):
        if not tok.connector:
            current.append(tok)
            continue
        low = tok.word.lower()
        left = current[-1].word.lower() if current else ""
        keep = low in _NAME_PARTICLES or low == "&"
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


def _joined(tokens: list[_Tok]) -> str:
    return " ".join(t.word for t in tokens)


# --- context ---------------------------------------------------------------------


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    stop = max(-1, start - 12)
    while i > stop and text[i] in _OPENERS:
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _in_headline(doc: _Doc, start: int) -> bool:
    """Is ``start`` on a short line written in capitals or in title case?"""
    # Runs arrive in text order, so the line found last time usually still holds.
    if doc.line_start <= start <= doc.line_end:
        return doc.line_is_headline
    text = doc.text
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    line_start = text.rfind("\n", 0, start) + 1
    headline = (
        line_end - line_start <= _HEADLINE_MAX
        # Three lowercase words in a row settle it cheaply: that is prose.
        and _PROSE.search(text, line_start, line_end) is None
        and _looks_like_headline(text[line_start:line_end])
    )
    doc.line_start, doc.line_end, doc.line_is_headline = line_start, line_end, headline
    return headline


def _looks_like_headline(line: str) -> bool:
    if line.lstrip().startswith(("By ", "BY ")):
        return False  # a byline: "By Rachel Whyte and Tom Castell" names people
    if line.isupper():
        return len(_ANY_WORD.findall(line)) >= 1 and sum(c.isalpha() for c in line) >= 4
    # Sentences end in punctuation; table rows ("5. Jesper Skibby (Denmark) 9") carry digits.
    if line.rstrip().endswith((".", ",", ";", ":")) or _DIGIT.search(line):
        return False
    words = len(_ANY_WORD.findall(line))
    lower = len(_LOWER_WORD.findall(line))
    return words >= 4 and lower <= 0.25 * words


def _previous_word(text: str, start: int) -> str:
    before = text[max(0, start - 24) : start].split()
    return before[-1].lower() if before else ""


def _next_word(text: str, end: int) -> str:
    after = text[end : end + 24].split(None, 1)
    return after[0].lower().rstrip(",.;:") if after else ""


# --- labelling a piece -----------------------------------------------------------


def _add(doc: _Doc, tokens: list[_Tok], label: str | None, confident: bool, **kw: bool) -> None:
    if tokens:
        doc.found.append(_Found(tokens[0].start, tokens[-1].end, label, confident, **kw))


def _read_piece(doc: _Doc, tokens: list[_Tok], initial: bool) -> None:
    lex = doc.lex
    exact = _tables().exact
    whole = _joined(tokens)
    known = exact.get(whole)
    if known is None and whole.isupper() and len(whole) > 3:  # "HALIFAX, March 3 -"
        known = _tables().folded.get(whole.casefold())
    if known:
        _add(doc, tokens, known, True)
        return
    # Capitalised small words are not names: "But", "The", "Tuesday".
    trimmed = False
    while tokens and (
        tokens[0].connector
        or (tokens[0].word.lower() in lex.common_words and not _opens_known_name(tokens))
    ):
        tokens = tokens[1:]
        initial = False
        trimmed = True
    while tokens and tokens[-1].word.lower() in _WEEKDAYS:
        tokens = tokens[:-1]
        trimmed = True
    if not tokens:
        return
    lows = [t.word.lower() for t in tokens]
    n = len(tokens)
    common = lex.common_words
    for i in range(1, n):
        if lows[i] in common and not tokens[i].connector:
            # "Trump Is Merely", "Debating The Donald": a sentence in capitals, not a name.
            _read_piece(doc, tokens[:i], initial)
            if not _opens_known_name(tokens[i:]):
                i += 1
            if i < n:
                _read_piece(doc, tokens[i:], False)
            return
    if n > 1 and (
        lows[-1] in lex.org_suffixes or (lows[0] in lex.org_heads and lows[1] in ("of", "for"))
    ):
        _add(doc, tokens, "ORG", True)
        return
    titles = lex.titles
    for title_at, low in enumerate(lows):
        if low in titles and not tokens[title_at].connector:
            _read_titled(doc, tokens, title_at, initial)
            return
    if trimmed:
        whole = _joined(tokens)
        known = exact.get(whole)
        if known:
            _add(doc, tokens, known, True)
            return
    if n > 1:
        label = _label_by_suffix(lex, lows)
        if label is None and lows[0] in lex.demonyms and lows[1] not in lex.demonyms:
            # "Australian Tom Moody", "Panamanian Boxing Association": a people, then a name.
            _add(doc, tokens[:1], "MISC", True)
            _read_piece(doc, tokens[1:], False)
            return
        if label is None:
            label = _label_by_parts(lex, tokens, lows)
        if label:
            _add(doc, tokens, label, True)
            return
    text = doc.text
    prev = _previous_word(text, tokens[0].start)
    if prev in titles:  # "spokesman Dmitry Peskov", "presidents Joe Biden"
        _add(doc, tokens, "PER", True)
        return
    place = lex.places.get(whole)
    if place and (place >= PLACE_STRONG or prev in _PLACE_CUES):
        _add(doc, tokens, "LOC", True)
        return
    if initial and n == 1 and _looks_like_word(tokens[0].word):
        return
    _add(doc, tokens, None, False, initial=initial)


def _read_titled(doc: _Doc, tokens: list[_Tok], title_at: int, initial: bool) -> None:
    """'U.S. President Mary Collins': a name before the title, the title, then a person."""
    name_at = _end_of_title(doc.lex, tokens, title_at)
    if title_at > 0:
        _read_piece(doc, tokens[:title_at], initial)
    rest = tokens[name_at:]
    if rest and rest[0].connector:  # "Mayor of London": the rest is not the person
        _read_piece(doc, rest[1:], False)
    elif rest and len(rest) <= _MAX_PERSON_TOKENS:
        _add(doc, rest, "PER", True)
    elif rest:
        _read_piece(doc, rest, False)


def _label_by_suffix(lex: Lexicon, lows: list[str]) -> str | None:
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


def _opens_known_name(tokens: list[_Tok]) -> bool:
    """'New' in 'New York Stock Exchange' is not a common word: it starts 'New York'."""
    return len(tokens) > 1 and _folded(tokens[:2]) in _tables().folded


def _label_by_parts(lex: Lexicon, tokens: list[_Tok], lows: list[str]) -> str | None:
    """Label a name of several words by the words it is made of."""
    if "&" in lows:  # "Douglas & Lomason", "Procter & Gamble"
        return "ORG"
    if _starts_with_first_name(lex, tokens):
        return "PER"
    demonyms = lex.demonyms
    if all(low in demonyms for low in lows if low not in _CONNECTOR_WORDS):
        return "MISC"  # "Iraqi Kurdish"
    exact = _tables().exact
    if lows[0] in _DIRECTIONS and exact.get(_joined(tokens[1:])) == "LOC":
        return "LOC"  # "Northern Europe", "East Jerusalem"
    # A place, people or body inside a longer name makes an organisation: "Air France",
    # "Real Madrid", "British Universities", "U.N. Women".
    if any(t.word in exact for t in tokens):
        return "ORG"
    # "Rhode Island School of Design", "National League for Democracy"
    heads = lex.org_heads
    for i in range(1, len(lows) - 1):
        if lows[i] in heads and lows[i + 1] in ("of", "for"):
            return "ORG"
    return None


def _end_of_title(lex: Lexicon, tokens: list[_Tok], i: int) -> int:
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


def _starts_with_first_name(lex: Lexicon, tokens: list[_Tok]) -> bool:
    first = tokens[0].word
    if first in lex.first_names:
        return True
    return bool(_INITIAL.fullmatch(first)) and len(tokens) >= 2


def _looks_like_word(word: str) -> bool:
    """A capitalised word at a sentence start that reads like an ordinary word."""
    low = word.lower()
    return len(word) > 4 and not word.isupper() and low.endswith(_WORD_ENDINGS)


def _is_dateline(text: str, end: int, initial: bool) -> bool:
    """'LONDON 1996-08-30', 'GENEVA (Reuters) -', 'Moscow, July 27 -' at a line's start."""
    return initial and _DATELINE_AFTER.match(text, end) is not None


_DATELINE_AFTER = re.compile(
    r",?[ \t]+(?:\d{4}-\d\d-\d\d|\d{1,2}[ \t]+[A-Z][a-z]{2}|[A-Z][a-z]{2}[a-z]*\.?[ \t]+\d)"
    r"|[ \t]*\([A-Z][A-Za-z]+\)[ \t]*[-—–]"
)


# --- headlines -------------------------------------------------------------------


def _read_headline_piece(doc: _Doc, tokens: list[_Tok]) -> None:
    """In a headline only names we can look up count; capitals prove nothing there."""
    tables = _tables()
    folded = tables.folded
    tokens = [t for t in tokens if not t.connector]
    i = 0
    n = len(tokens)
    while i < n:
        first = tokens[i].word.casefold()
        if first in tables.openers:
            j = _longest_name(folded, tokens, i)
            if j:
                _add(doc, tokens[i:j], folded[_folded(tokens[i:j])], True, headline=True)
                i = j
                continue
        tok = tokens[i]
        label = folded.get(first)
        if label:
            _add(doc, [tok], label, True, headline=True)
        elif i == 0 and _is_dateline(doc.text, tok.end, _sentence_initial(doc.text, tok.start)):
            _add(doc, [tok], "LOC", True, headline=True)
        else:
            _add(doc, [tok], None, False, headline=True)
        i += 1


def _longest_name(folded: dict[str, str], tokens: list[_Tok], i: int) -> int:
    """End of the longest known name of two to four words starting at ``tokens[i]``, or 0."""
    for j in range(min(len(tokens), i + 4), i + 1, -1):
        if _folded(tokens[i:j]) in folded:
            return j
    return 0


def _folded(tokens: list[_Tok]) -> str:
    return " ".join(t.word for t in tokens).casefold()


# --- the whole document ----------------------------------------------------------


def _settle(doc: _Doc) -> list[Entity]:
    """Decide undecided names from what the document says about them elsewhere."""
    text = doc.text
    found = doc.found
    by_name: dict[str, str] = {}
    surnames: set[str] = set()
    seen_mid: set[str] = set()
    for f in found:
        if f.headline:
            continue
        name = text[f.start : f.end]
        if "\n" in name:
            name = _clean(name)
        if f.label is None:
            if not f.initial:
                seen_mid.add(name)
        elif f.confident:
            if name not in by_name:
                by_name[name] = f.label
            if f.label == "PER" and " " in name:
                surnames.add(name.rsplit(" ", 1)[1])
    entities: list[Entity] = []
    for f in found:
        label = f.label
        name = text[f.start : f.end]
        if label is None:
            key = _clean(name) if "\n" in name else name
            if f.headline:
                if key.isupper():
                    key = key.title()
                label = by_name.get(key) or ("PER" if key in surnames else None)
            else:
                label = by_name.get(key) or ("PER" if key in surnames else None)
                if label is None:
                    if f.initial and not _scored(text, f) and _is_dateline(text, f.end, True):
                        label = "LOC"  # "KEELING 1999-02-01", even in capitals
                    elif (
                        not f.initial
                        or key in seen_mid
                        or _scored(text, f)
                        # "Ayesha Raman spoke. ... Ayesha said": a word of it recurs.
                        or (" " in key and not seen_mid.isdisjoint(key.split()))
                    ) and not _in_headline(doc, f.start):
                        label = _guess(doc, f, key)
            if label is None:
                continue
        if label == "LOC" and not f.headline and (_scored(text, f) or _in_fixture(text, f)):
            label = "ORG"  # "Leeds 2 Chelsea 1", "Leeds v Chelsea": places that play are teams
        entities.append(Entity(f.start, f.end, name, label))
    return entities


def _in_fixture(text: str, f: _Found) -> bool:
    """'Leeds v Chelsea': places on either side of a fixture are teams."""
    return (
        _next_word(text, f.end) in _FIXTURE_AFTER
        or _previous_word(text, f.start) in _FIXTURE_BEFORE
    )


def _scored(text: str, f: _Found) -> bool:
    """Is the name next to a score or a row of table figures ("Barnsley 3 3 0 0 8 2 9")?"""
    end, start = f.end, f.start
    # Cheap looks first: a digit one space away on either side.
    if text[end + 1 : end + 2].isdigit() and _SCORE_AFTER.match(text, end):
        return True
    return (
        start > 1
        and text[start - 2 : start - 1].isdigit()
        and _SCORE_BEFORE.search(text, max(0, start - 6), start) is not None
    )


def _guess(doc: _Doc, f: _Found, name: str) -> str | None:
    """A name nothing vouches for: read the words around it."""
    text = doc.text
    prev = _previous_word(text, f.start)
    if prev in doc.lex.titles:  # "spokesman Peskov"
        return "PER"
    if _scored(text, f) or prev in _FIXTURE_BEFORE or _next_word(text, f.end) in _FIXTURE_AFTER:
        return "ORG"
    if prev in _SPEECH_VERBS or _next_word(text, f.end) in _SPEECH_VERBS:
        return "PER"  # "Dole said": a person, even when a town shares the name
    lex = doc.lex
    if (
        prev in _PLACE_CUES
        or lex.places.get(name, 0) >= PLACE_STRONG
        or _is_dateline(text, f.end, f.initial)
    ):
        return "LOC"
    if " " in name:
        return "ORG" if name.isupper() else "PER"
    if len(name.rstrip(".")) == 1:
        return None  # a lone letter: "option B.", a list item
    if name.isupper():
        return "ORG" if len(name) <= 6 else None
    if name in lex.first_names or _SURNAME_SHAPE.search(name):
        return "PER"  # "Melania"; "O'Brien", "Lebedev", "Kowalski": shaped like a person
    if _looks_like_word(name):
        return None  # "Reconstruction", "Working": a capitalised ordinary word
    return _LONE_WORD_DEFAULT


def _clean(name: str) -> str:
    if "\n" in name or "  " in name or "\t" in name:
        return " ".join(name.split())
    return name
