"""Every capitalised name run in an article, to find the fullest form of a speaker.

"Ryabkov said" in one paragraph and "Sergei Ryabkov" earlier: the index maps the last
word of each multi-word name to where it occurs, so a short mention grows into the
fullest name the article uses for it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from reader.analysis.lexicon import (
    ABBREVIATIONS,
    DETERMINERS,
    ORG_HEADS,
    SENTENCE_OPENERS,
    SPEECH_CUES,
    TITLE_WORDS,
    WEAK_CUES,
)

# A name word: initials ("G.K."), or a capitalised word with inner ' or - and an optional
# abbreviation dot. Words are joined by exactly one space or line break, so the pattern
# cannot backtrack more than a character at a time.
_WORD = r"(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*\.?"
_RUN = re.compile(
    rf"(?<![\w'’])(?:{_WORD})(?:[ \n](?:{_WORD}|(?:de|van|von|bin|al|da|del|der|du)(?= [A-Z])))*"
)
_POSSESSIVE = ("'s", "’s")
_MAX_NAME_WORDS = 4


@dataclass(slots=True, frozen=True)
class NameRun:
    start: int
    end: int
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def clean_name_words(words: list[str]) -> list[str]:
    """Drop leading titles, sentence openers and determiners, and a trailing possessive."""
    n = 0
    while n < len(words) and _is_prefix_word(words[n].lower()):
        n += 1
    # "Transport Minister Ana Ruiz": everything up to the last title word is the role
    last_title = max(
        (i for i in range(n, len(words)) if words[i].lower() in TITLE_WORDS), default=-1
    )
    if 0 <= last_title < len(words) - 1 and words[-1].lower() not in ORG_HEADS:
        n = last_title + 1
    out = words[n:]
    if out and out[-1].endswith(_POSSESSIVE):
        out = [*out[:-1], out[-1][:-2]]
    return out


def _is_prefix_word(word: str) -> bool:
    return (
        word in TITLE_WORDS
        or word in SENTENCE_OPENERS
        or word in DETERMINERS
        or word in SPEECH_CUES
        or word in WEAK_CUES
    )


class SpeakerIndex:
    """Multi-word names of one article, by their last word."""

    def __init__(self, text: str) -> None:
        self._by_last: dict[str, list[NameRun]] = {}
        self._runs: list[NameRun] = []
        for match in _RUN.finditer(text):
            self._add_run(match.start(), match.group())

    def _add_run(self, start: int, raw: str) -> None:
        # A possessive ends a name: "Clinton's Health Issues" holds only "Clinton".
        words: list[str] = []
        for word in raw.replace("\n", " ").split(" "):
            if word.endswith(".") and not _is_abbreviation(word):
                words.append(word[:-1])  # a full stop ends the sentence, and the name
                break
            words.append(word)
            if word.endswith(_POSSESSIVE):
                break
        cleaned = clean_name_words(words)
        if not cleaned or len(cleaned) > _MAX_NAME_WORDS:
            return
        offset = start + raw.find(cleaned[0])
        run = NameRun(offset, offset + len(" ".join(cleaned)), tuple(cleaned))
        self._runs.append(run)
        if len(cleaned) >= 2 and cleaned[-1][:1].isupper():
            self._by_last.setdefault(cleaned[-1].lower(), []).append(run)

    def fullest(self, name: str, at: int) -> str:
        """The longest form of ``name`` used in the article, nearest to offset ``at``."""
        words = name.split()
        if words and words[-1].endswith(_POSSESSIVE):
            words[-1] = words[-1][:-2]
        if not words:
            return name
        lowered = [w.lower() for w in words]
        best: NameRun | None = None
        for run in self._by_last.get(lowered[-1], ()):
            if len(run.words) <= len(words):
                continue
            if [w.lower() for w in run.words[-len(words) :]] != lowered:
                continue
            if best is None or _closer(run, best, at):
                best = run
        return best.text if best else " ".join(words)

    def last_person_before(self, at: int) -> NameRun | None:
        """The nearest multi-word name before ``at``: a fallback antecedent for "he"."""
        starts = [r.start for r in self._runs]
        i = bisect_left(starts, at) - 1
        while i >= 0:
            run = self._runs[i]
            if len(run.words) >= 2:
                return run
            i -= 1
        return None


def _is_abbreviation(word: str) -> bool:
    return word.count(".") >= 2 or (len(word) == 2 or word[:-1].lower() in ABBREVIATIONS)


def _closer(run: NameRun, best: NameRun, at: int) -> bool:
    """Prefer a form used before ``at`` (the nearest one), else the first one after."""
    if run.start <= at < best.start:
        return True
    if best.start <= at and run.start <= at:
        return run.start > best.start
    if best.start > at and run.start > at:
        return run.start < best.start
    return False
