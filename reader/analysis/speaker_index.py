"""Every capitalised name run in an article, to find the fullest form of a speaker.

"Ryabkov said" in one paragraph and "Sergei Ryabkov" earlier: the index maps the last
word of each multi-word name to where it occurs, so a short mention grows into the
fullest name the article uses for it.
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.lexicon import (
    DETERMINERS,
    PLACE_HEADS,
    SENTENCE_OPENERS,
    SPEECH_CUES,
    TITLE_WORDS,
    WEAK_CUES,
)
from reader.analysis.text_units import (
    alnum_at,
    first_above,
    first_not_below,
    is_possessive,
    possessive_at,
)
from reader.analysis.vocabulary import NAME_PARTICLES, ORG_LAST_WORDS, is_abbreviation

# A name word: initials ("G.K."), or a capitalised word with inner ' or - and an optional
# abbreviation dot. Words are joined by exactly one space or line break, so the pattern
# cannot backtrack more than a character at a time.
_WORD = r"(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*\.?"
_WORD_AFTER_CAPITAL = r"\.(?:[A-Z]\.)+|[\w'’\-]*\.?"  # _WORD once its capital is read
_PARTICLE = "|".join(
    sorted(NAME_PARTICLES, key=len, reverse=True)
)  # lower-case words inside a name
_MORE_WORDS = rf"(?:[ \n](?:{_WORD}|(?:{_PARTICLE})(?= [A-Z])))*"
_RUN = re.compile(rf"(?<![\w'’])(?:{_WORD}){_MORE_WORDS}")
# What a name word is; read by ``_name_word_at`` without the regex engine.
_NAME_WORD = re.compile(rf"{_WORD}|{_PARTICLE}")
# A name run right after a sentence end, "[A-Z](?:{_WORD_AFTER_CAPITAL}){_MORE_WORDS}",
# is read by ``_name_run_end`` from its capital on; the sentence end before it is found
# with str.find (see ``_sentence_runs``), far faster than a regex scan.
# Words that open with a capital A-Z, each read whole (a maximal run of letters and
# digits when it stands alone), for the index of where each capitalised word occurs.
_CAPITAL_WORD_SPLIT = re.compile(r"([A-Z][^\W_]*)")
# Final: compiled, these are read as C globals instead of module-dict look-ups.
_NOT_PEOPLE: Final = ORG_LAST_WORDS | PLACE_HEADS
_TITLE_WORDS: Final = TITLE_WORDS
_ORG_LAST_WORDS: Final = ORG_LAST_WORDS
# Words dropped from the front of a name: one set, one look-up per word.
_PREFIX_WORDS: Final = TITLE_WORDS | SENTENCE_OPENERS | DETERMINERS | SPEECH_CUES | WEAK_CUES
_MAX_WORD: Final = 40
_PARAGRAPHS_BACK: Final = 3
_SEARCH_RADIUS: Final = 20_000
_MAX_NAME_WORDS: Final = 4
# One check of a place per this many characters of text, before the whole index is made.
_CHECKS_PER_CHAR: Final = 4
_PARTICLES: Final = NAME_PARTICLES


class NameRun:
    """A name's words and where they stand in the article (never changed once made)."""

    # A plain class, not a dataclass: compiled, its constructor is native code rather
    # than the interpreted __init__ the dataclass decorator writes.
    def __init__(self, start: int, end: int, words: tuple[str, ...]) -> None:
        self.start: Final = start
        self.end: Final = end
        self.words: Final = words

    @property
    def text(self) -> str:
        return " ".join(self.words)


def clean_name_words(words: list[str]) -> list[str]:
    """Drop leading titles, sentence openers and determiners, and a trailing possessive."""
    lowered = [word.lower() for word in words]  # each word lowered once, not per test
    n = 0
    while n < len(words) and lowered[n] in _PREFIX_WORDS:
        n += 1
    # "Transport Minister Ana Ruiz": everything up to the last title word is the role
    last_title = -1
    for i in range(n, len(words)):
        if lowered[i] in _TITLE_WORDS:
            last_title = i
    if 0 <= last_title < len(words) - 1 and lowered[-1] not in _ORG_LAST_WORDS:
        n = last_title + 1
    out = words[n:]
    if out and is_possessive(out[-1]):
        out = [*out[:-1], out[-1][:-2]]
    return out


class SpeakerIndex:
    """Longer forms of the names in one article, looked up on demand.

    Only the names that speak are ever looked up, so the article is searched for a
    handful of words (``str.find``) instead of being scanned for every name in it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        # Keyed by window, then by word: a (word, window) tuple key was a new tuple,
        # and a tuple hash, at every look-up.
        self._forms: dict[int, dict[str, list[NameRun]]] = {}
        self._openers: dict[int, _Openers] = {}
        self._fullest: dict[int, dict[str, tuple[list[int], list[str], str]]] = {}
        self._quote_starts: tuple[list[tuple[int, int]], list[int]] | None = None
        self._capitals: dict[str, list[int]] | None = None
        self._openings: dict[str, list[int]] = {}
        # Places a capitalised word may still be checked at before the whole index
        # pays for itself (see ``_whole_word_places``).
        self._checks_left = len(text) // _CHECKS_PER_CHAR

    def fullest(self, name: str, at: int) -> str:
        """The longest form of ``name`` used in the article, nearest to offset ``at``.

        The form used before ``at`` wins (the nearest one), else the first one after.
        """
        lo = _window(at)
        # A speaker is named again and again: the forms are worked out once per name
        # and window, and a repeat costs one look-up and a search, with no splitting,
        # lowering or joining of its words.
        by_name = self._fullest.get(lo)
        if by_name is None:
            by_name = self._fullest[lo] = {}
        found = by_name.get(name)
        if found is None:
            found = by_name[name] = self._longer_forms(name, lo)
        starts, texts, plain = found
        if not texts:
            return plain
        i = first_above(starts, at) - 1
        return texts[max(i, 0)]

    def _longer_forms(self, name: str, lo: int) -> tuple[list[int], list[str], str]:
        """Where each longer form of ``name`` near the window at ``lo`` starts, its text,
        and the name itself as it stands when there is none."""
        words = name.split()
        if words and is_possessive(words[-1]):
            words[-1] = words[-1][:-2]
        if not words or not words[-1]:
            return [], [], name
        lowered = [w.lower() for w in words]
        n = len(words)
        starts: list[int] = []
        texts: list[str] = []
        for run in self._forms_ending_in(words[-1], lo):
            # The run's last words compared in place, word by word: no slice of them
            # and no tuple of their lower case for each run.
            size = len(run.words)
            if size > n and all(run.words[size - n + k].lower() == lowered[k] for k in range(n)):
                starts.append(run.start)
                texts.append(run.text)
        return starts, texts, " ".join(words)

    def _forms_ending_in(self, last: str, lo: int) -> list[NameRun]:
        """Every name run of two words or more ending in the word ``last`` near the window
        at ``lo``, in order (a one-word run is never a longer form of anything)."""
        by_word = self._forms.get(lo)
        if by_word is None:
            by_word = self._forms[lo] = {}
        runs = by_word.get(last)
        if runs is None:
            text = self._text
            hi = min(len(text), lo + 3 * _SEARCH_RADIUS)
            runs = []
            for i in self._whole_word_places(last, lo, hi):
                run = _run_ending_at(text, i, i + len(last))
                if run is not None and len(run.words) > 1:
                    runs.append(run)
            by_word[last] = runs
        return runs

    def _whole_word_places(self, word: str, lo: int, hi: int) -> list[int]:
        """Where ``word`` stands as a whole word inside ``text[lo:hi]``, in order."""
        if not ("A" <= word[:1] <= "Z" and word.isalnum()):
            return search_whole_word(self._text, word, lo, hi)
        if self._capitals is None:
            # A story looks up a handful of surnames: checking each place where a word
            # opens with the same capital costs far less than indexing every capitalised
            # word (a regex split of the whole text and a string for each word). Once the
            # checks add up to a share of the text, the index is made after all, so a
            # text with many look-ups stays linear.
            text = self._text
            places = self._opening(word[0])
            first = first_not_below(places, lo)
            last = first_above(places, hi - len(word), first)
            self._checks_left -= last - first
            if self._checks_left >= 0:
                end = len(word)
                size = len(text)
                # Most places hold another word with the same capital: its second
                # letter, read as a number (no string made), rules it out.
                second = ord(word[1]) if end > 1 else -1
                found: list[int] = []
                for k in range(first, last):
                    i = places[k]
                    if second >= 0 and ord(text[i + 1]) != second:
                        continue
                    if _same_at(text, word, i) and (i + end >= size or not alnum_at(text, i + end)):
                        found.append(i)
                return found
        # Searching the text once per surname read it dozens of times over.
        places = self._capital_words().get(word, [])
        first = first_not_below(places, lo)
        last = first_above(places, hi - len(word), first)
        return places[first:last]

    def _opening(self, letter: str) -> list[int]:
        """Where a word may open with the capital ``letter``: each place it stands with no
        letter or digit glued before it, found with ``str.find`` (a memchr scan)."""
        places = self._openings.get(letter)
        if places is None:
            text = self._text
            places = []
            i = text.find(letter)
            while i >= 0:
                if i == 0 or not alnum_at(text, i - 1):
                    places.append(i)
                i = text.find(letter, i + 1)
            self._openings[letter] = places
        return places

    def _capital_words(self) -> dict[str, list[int]]:
        """Every word that opens with a capital A-Z and stands alone (no letter or digit
        glued before it), with the offsets where it occurs."""
        if self._capitals is None:
            text = self._text
            index: dict[str, list[int]] = {}
            at = 0
            glued = False  # whether the text before a word ends in a letter or digit
            for n, part in enumerate(_CAPITAL_WORD_SPLIT.split(text)):
                if n % 2 and not glued:
                    places = index.get(part)
                    if places is None:
                        index[part] = [at]
                    else:
                        places.append(at)
                at += len(part)
                glued = part[-1:].isalnum() if part else glued
            self._capitals = index
        return self._capitals

    def last_person_before(
        self,
        at: int,
        paragraph: int,
        paras: list[tuple[int, int]],
        quotes: list[tuple[int, int]],
        floor: int = 0,
    ) -> NameRun | None:
        """The nearest person who opens a sentence before ``at``, outside ``quotes``.

        "Nandakumar was unmoved. "...," she said": the subject of the sentence before
        is the usual antecedent of a pronoun. A person is a name of two words or more,
        or one word the article also uses as part of a longer name ("Nandakumar").
        Paragraphs are read once each, only the few before the pronoun, and none that
        ends before ``floor`` (where a nearer candidate is already known).
        """
        for p in range(paragraph, max(-1, paragraph - _PARAGRAPHS_BACK), -1):
            if paras[p][1] <= floor:
                break
            openers = self._openers.get(p)
            if openers is None:
                openers = _Openers(self._runs_opening_sentences(paras[p], quotes))
                self._openers[p] = openers
            # In order: a search, not a scan, so a paragraph of thousands of sentences
            # (a story on one line) is not read again for every pronoun in it.
            person = self._person_before(openers, first_not_below(openers.starts, at))
            if person is not None:
                return person
        return None

    def _person_before(self, openers: _Openers, end: int) -> NameRun | None:
        """The last of the first ``end`` openers that is a person.

        A one-word opener is a person only when the article uses it inside a longer
        name, a look-up made only for the openers a pronoun reaches back to. Each
        opener passed over remembers where the walk ended, so later walks jump there.
        """
        k = end - 1
        passed: list[int] = []
        while k >= 0:
            known = openers.nearest[k]
            if known != _UNKNOWN:
                k = known
                break
            run = openers.runs[k]
            if run is not None and len(run.words) == 1:
                full = self.fullest(run.words[0], run.start)
                run = NameRun(run.start, run.end, tuple(full.split())) if " " in full else None
                openers.runs[k] = run
            if run is not None:
                break
            passed.append(k)
            k -= 1
        for n in passed:
            openers.nearest[n] = k
        if k >= 0:
            openers.nearest[k] = k
            return openers.runs[k]
        return None

    def _runs_opening_sentences(
        self, para: tuple[int, int], quotes: list[tuple[int, int]]
    ) -> list[NameRun]:
        """The name runs opening sentences of ``para`` outside quotations that may be
        people (one-word runs are checked later, see ``_person_before``)."""
        if self._quote_starts is None or self._quote_starts[0] is not quotes:
            self._quote_starts = (quotes, [q[0] for q in quotes])  # once, not per paragraph
        starts = self._quote_starts[1]
        people: list[NameRun] = []
        text = self._text
        spans = _sentence_runs(text, para[0] + 1, para[1])
        # A run opens with a capital A-Z: a paragraph opening with anything else (a
        # quotation mark, most often) needs no call into the regex engine.
        # The text before a paragraph is white space, so ``_RUN`` matches at its start
        # just what ``_name_run_end`` reads there, without a call into the regex engine.
        if para[0] < para[1] and ord("A") <= ord(text[para[0]]) <= ord("Z"):
            spans.insert(0, (para[0], _name_run_end(text, para[0], para[1])))
        # The spans run in order, so the quote each one may sit in only moves forward.
        q = first_above(starts, para[0]) - 1
        for start, end in spans:
            while q + 1 < len(quotes) and starts[q + 1] <= start:
                q += 1
            if q >= 0 and quotes[q][0] <= start < quotes[q][1]:
                continue  # inside a quotation
            raw = text[start:end]
            # Most sentences open with one word that is no name ("The", "But", "She"):
            # it would be cleaned away to nothing, so it is passed over at once.
            if " " not in raw and "\n" not in raw and raw.lower() in _PREFIX_WORDS:
                continue
            run = _run_from_match(start, raw)
            if run is None or run.words[-1].lower() in _NOT_PEOPLE:
                continue
            people.append(run)
        return people


_UNKNOWN: Final = -2  # no walk has passed this opener yet


class _Openers:
    """The name runs opening sentences in one paragraph, in order; a run found not to
    be a person becomes None, and ``nearest`` keeps, for each opener a walk passed,
    the index of the person before it (-1: none in the paragraph)."""

    def __init__(self, runs: list[NameRun]) -> None:
        self.runs: list[NameRun | None] = list(runs)
        self.starts = [run.start for run in runs]
        self.nearest = [_UNKNOWN] * len(runs)


def _same_at(text: str, word: str, i: int) -> bool:
    """Whether ``word`` stands in ``text`` at ``i``, compared code by code: for a short
    word, cheaper than a bounded find() call."""
    n = len(word)
    if i + n > len(text):
        return False
    return all(ord(text[i + k]) == ord(word[k]) for k in range(n))


def search_whole_word(text: str, word: str, lo: int, hi: int) -> list[int]:
    """Where ``word`` stands as a whole word inside ``text[lo:hi]``, by plain search."""
    found: list[int] = []
    i = text.find(word, lo, hi)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            found.append(i)
        i = text.find(word, end, hi)
    return found


def _sentence_runs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the name runs that open a sentence at ``lo`` or after, up to ``hi``:
    a capital right after ". " or ".\\n", or after a closing quote (."), in order and
    not overlapping (the next one is looked for after the end of the last)."""
    spans: list[tuple[int, int]] = []
    resume = lo
    # The three sentence ends are found with str.find and merged in order as they come,
    # rather than gathered into a list and sorted; characters are read as numbers, so
    # no one-character string is made or compared.
    start = max(0, lo - 3)
    dot = text.find(".", start, hi)
    bang = text.find("!", start, hi)
    ask = text.find("?", start, hi)
    while dot >= 0 or bang >= 0 or ask >= 0:
        at = dot
        if bang >= 0 and (at < 0 or bang < at):
            at = bang
        if ask >= 0 and (at < 0 or ask < at):
            at = ask
        if at == dot:
            dot = text.find(".", at + 1, hi)
        elif at == bang:
            bang = text.find("!", at + 1, hi)
        else:
            ask = text.find("?", at + 1, hi)
        space = at + 1
        if space < hi and ord(text[space]) in (ord('"'), ord("”"), ord("’"), ord("'")):
            space += 1
        cap = space + 1
        if cap < resume or cap >= hi or ord(text[space]) not in (ord(" "), ord("\n")):
            continue
        if not ord("A") <= ord(text[cap]) <= ord("Z"):
            continue
        resume = _name_run_end(text, cap, hi)
        spans.append((cap, resume))
    return spans


def _name_run_end(text: str, cap: int, hi: int) -> int:
    """Where the name run that opens with the capital at ``cap`` ends, reading no further
    than ``hi``: what ``[A-Z](?:_WORD_AFTER_CAPITAL)_MORE_WORDS`` matches, read character
    by character (one regex call per sentence cost more than the rest of the search).
    Each alternative is taken in the pattern's order; none can backtrack, as nothing
    follows the words."""
    end = _initials_end(text, cap, hi)
    if end < 0:
        end = _word_end(text, cap + 1, hi)
    while end + 1 < hi and ord(text[end]) in (ord(" "), ord("\n")):
        at = end + 1
        c = ord(text[at])
        if ord("A") <= c <= ord("Z"):
            nxt = _initials_end(text, at, hi)
            if nxt < 0:
                nxt = _word_end(text, at + 1, hi)
        else:
            # A particle ("de", "van") counts only before a space and a capital.
            k = at
            while k < hi and ord("a") <= ord(text[k]) <= ord("z"):
                k += 1
            if not (k > at and k + 1 < hi and ord(text[k]) == ord(" ")):
                break
            if not ord("A") <= ord(text[k + 1]) <= ord("Z"):
                break
            if text[at:k] not in _PARTICLES:
                break
            nxt = k
        end = nxt
    return end


def _initials_end(text: str, at: int, hi: int) -> int:
    """The end of the initials ("G.K.") from ``at``, each a capital A-Z and a full stop,
    or -1 when fewer than two stand there (one is a word, not initials)."""
    k = at
    while k + 1 < hi and ord("A") <= ord(text[k]) <= ord("Z") and ord(text[k + 1]) == ord("."):
        k += 2
    return k if k - at >= 4 else -1


def _word_end(text: str, at: int, hi: int) -> int:
    """The end of a capitalised word's letters from ``at`` (after its capital): letters,
    digits, _ ' ’ or -, and an optional full stop."""
    k = at
    while k < hi:
        c = ord(text[k])
        if c < 0x80:
            if not (
                ord("a") <= c <= ord("z")
                or ord("A") <= c <= ord("Z")
                or ord("0") <= c <= ord("9")
                or c == ord("_")
                or c == ord("'")
                or c == ord("-")
            ):
                break
        elif c != ord("’") and not text[k].isalnum():
            break  # \w beyond ASCII: a letter or digit
        k += 1
    if k < hi and ord(text[k]) == ord("."):
        k += 1
    return k


def _run_ending_at(text: str, start: int, end: int) -> NameRun | None:
    """The capitalised words right before ``text[start:end]``, with it, as one name;
    None when no name word stands right before it."""
    # Characters are read as numbers (no one-character strings), and most places fail
    # before any string is made: no space before the word, or a lower-case word there.
    pos = start
    if pos < 2 or ord(text[pos - 1]) not in (ord(" "), ord("\n")):
        return None
    # The words are copied out of the text only once a name word stands before the
    # surname: most places have none, and are ruled out reading the text in place.
    words: list[str] | None = None
    count = 1
    while count <= _MAX_NAME_WORDS + 2 and pos >= 2:
        if ord(text[pos - 1]) not in (ord(" "), ord("\n")):
            break
        stop = pos - 1  # the end of the word before
        k = stop
        while k > 0 and pos - k < _MAX_WORD:
            c = ord(text[k - 1])
            if c == ord(" ") or ord("\t") <= c <= ord("\r") or 0x1C <= c <= 0x1F:
                break  # the ASCII white space str.isspace knows
            if c > 0x7F and text[k - 1].isspace():
                break
            k -= 1
        # Only a capital or a particle can open a name word: most words before a
        # name ("said", "by") fail here without a call into the regex engine.
        first = ord(text[k]) if k < stop else 0
        capital = ord("A") <= first <= ord("Z")
        if not capital and not ord("a") <= first <= ord("z"):
            break  # neither a capital nor a particle (all of them lower-case a-z)
        if capital:
            if not _name_word_at(text, k, stop):
                break  # _NAME_WORD does not read it whole (a particle always reads whole)
        elif text[k:stop] not in _PARTICLES:
            break
        if possessive_at(text, k, stop):
            break
        if ord(text[stop - 1]) == ord(".") and not is_abbreviation(text[k:stop]):
            break  # a full stop ends the sentence before this name
        word = text[k:stop]
        if words is None:
            words = [word, text[start:end]]
        else:
            words.insert(0, word)
        count += 1
        pos = k
    if words is None:
        return None  # no name word before it: a run of one word at most
    # The words before the last passed the checks ``_run_from_match`` makes of each
    # word, so only the last is checked here, and the joined words are not split again.
    raw = " ".join(words)
    last = words[-1]
    if last.endswith(".") and not is_abbreviation(last):
        words[-1] = last[:-1]  # a full stop ends the sentence, and the name
    return _run_from_words(pos, raw, words)


def _name_word_at(text: str, start: int, end: int) -> bool:
    """Whether ``_NAME_WORD`` reads ``text[start:end]``, which opens with a capital A-Z,
    whole: the capital, then letters, digits, _ ' ’ or -, and an optional full stop; or
    initials ("G.K."). Read in place, character by character: a regex call costs far
    more for one word."""
    return _word_end(text, start + 1, end) == end or _initials_end(text, start, end) == end


def _run_from_match(start: int, raw: str) -> NameRun | None:
    # A possessive ends a name: "Clinton's Health Issues" holds only "Clinton".
    words: list[str] = []
    for word in raw.replace("\n", " ").split(" "):
        if word.endswith(".") and not is_abbreviation(word):
            words.append(word[:-1])  # a full stop ends the sentence, and the name
            break
        words.append(word)
        if is_possessive(word):
            break
    return _run_from_words(start, raw, words)


def _run_from_words(start: int, raw: str, words: list[str]) -> NameRun | None:
    """The name in ``words``, read from ``raw`` at ``start``, once titles and openers
    before it are dropped; None when none is left or it is too long for a name."""
    cleaned = clean_name_words(words)
    if not cleaned or len(cleaned) > _MAX_NAME_WORDS:
        return None
    offset = start + raw.find(cleaned[0])
    return NameRun(offset, offset + len(" ".join(cleaned)), tuple(cleaned))


def _window(at: int) -> int:
    # A story is searched whole; a book-length text only near the mention, so the cost
    # stays linear however many people speak in it.
    return max(0, at - _SEARCH_RADIUS) // _SEARCH_RADIUS * _SEARCH_RADIUS
