"""Find an annotated passage again after its story's text changed.

The approach of the Hypothesis client: keep the exact quote with ~32 characters
of context on each side and its position. Later, trust the position if the quote
is still there with its context; else look for the quote word for word and rank
the places by how well their context matches; else (or when the words survive
only without their context) look for it approximately, demanding context that
agrees on both sides. Scores weigh quote 50, each context side 20, closeness to
the old position 2.

A passage that cannot be found with confidence, or that two places fit about
equally well, is an orphan (None): an annotation is never moved onto words that
are not the ones the reader tagged. Property tests (tests/store/test_anchor.py)
hold the rules to that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.model import Annotation, Selector
from reader.store.errors import StoreError
from reader.store.fuzzy import edit_distance, prefix_distance, search

CONTEXT_CHARS = 32
# A quote this long is evidence enough on its own; shorter ones need their context.
SELF_EVIDENT_CHARS = 20
# How much of the stored context must still surround a short quote (0..1).
CONTEXT_NEEDED = 0.7
# Similar words are weaker evidence than the same words, so their context must agree more.
FUZZY_CONTEXT_NEEDED = 0.8
# Fuzzy search tolerates one error per this many characters of the quote.
CHARS_PER_ERROR = 4
FUZZY_MIN_CHARS = 16
# Between two candidates this close in score the choice would be a guess.
AMBIGUOUS_MARGIN = 3.0
_MAX_EXACT_CANDIDATES = 2000
# Text looked at on each side of a candidate: enough to tell whether an edge is near.
_SIDE = 3 * CONTEXT_CHARS


def make_selector(text: str, start: int, end: int) -> Selector:
    """The quote and position selectors for ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        raise StoreError(
            f"cannot annotate characters {start}-{end}: the text has {len(text)} characters"
        )
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    quote: float  # 1.0 for a word-for-word match
    prefix: float  # 0..1: how much of the stored context still precedes it
    suffix: float
    closeness: float

    @property
    def score(self) -> float:
        # The Hypothesis client's weights: quote 50, each context side 20, position 2.
        return 50 * self.quote + 20 * self.prefix + 20 * self.suffix + 2 * self.closeness

    @property
    def best_context(self) -> float:
        """How well the better-kept side of the context matches."""
        return max(self.prefix, self.suffix)

    @property
    def worst_context(self) -> float:
        return min(self.prefix, self.suffix)


def reanchor(selector: Selector, text: str) -> tuple[int, int] | None:
    """Where the selected passage is in ``text`` now, or None if it is an orphan."""
    exact = selector.exact
    if not exact:
        return None
    start, end = selector.start, selector.end
    if text[start:end] == exact:
        here = _candidate(selector, text, start, end, 1.0)
        if here.best_context >= CONTEXT_NEEDED:
            return start, end
    candidates = _exact_candidates(selector, text)
    found = _confident_choice(candidates)
    if found is not None:
        return found
    # The words are gone, or still there without their context. Perhaps they were
    # edited where they stood and an unedited copy sits elsewhere (a repeated line):
    # a near match with its context on both sides beats an exact one without.
    found = _fuzzy_search(selector, text)
    if found is not None:
        return found
    if len(candidates) == 1 and _self_evident(exact):
        return candidates[0].start, candidates[0].end  # long, and nowhere else
    return None


def reanchor_annotation(annotation: Annotation, text: str) -> Annotation:
    """``annotation`` placed on ``text``: the same object if nothing moved, else a copy.

    A passage found with the same words gets a fresh selector (position, and context
    as it reads now, so the next look-up is instant). One found with other words keeps
    the quote and context the reader tagged, moves its position there and holds the
    new words in ``reworded`` until the reader accepts them (``accept_rewording``):
    a quote is never silently rewritten. One that cannot be found keeps its selector
    and is marked ``orphan``. ``updated`` is left alone: the reader changed nothing.
    Save the copy if it is not the original.
    """
    selector = annotation.selector
    if annotation.reworded is not None and text[selector.start : selector.end] == (
        annotation.reworded
    ):
        # Still the words it was last found at, where it was found.
        return replace(annotation, orphan=False) if annotation.orphan else annotation
    found = reanchor(selector, text)
    if found is None:
        return annotation if annotation.orphan else replace(annotation, orphan=True)
    start, end = found
    words = text[start:end]
    if words == selector.exact:
        fresh = make_selector(text, start, end)
        if fresh == selector and not annotation.orphan and annotation.reworded is None:
            return annotation
        return replace(annotation, selector=fresh, orphan=False, reworded=None)
    return replace(
        annotation, selector=replace(selector, start=start, end=end), orphan=False, reworded=words
    )


def accept_rewording(annotation: Annotation, text: str | None, updated: str) -> Annotation:
    """``annotation`` quoting the story's new words, no longer flagged as reworded.

    With the story's ``text`` at hand (and the new words still where they were found)
    the context is taken afresh too; ``updated`` is when the reader accepted.
    """
    words = annotation.reworded
    if words is None:
        return annotation
    selector = annotation.selector
    if text is not None and text[selector.start : selector.end] == words:
        fresh = make_selector(text, selector.start, selector.end)
    else:
        fresh = replace(selector, exact=words)
    return replace(annotation, selector=fresh, reworded=None, updated=updated)


def _exact_candidates(selector: Selector, text: str) -> list[_Candidate]:
    exact = selector.exact
    candidates: list[_Candidate] = []
    at = text.find(exact)
    while at != -1 and len(candidates) < _MAX_EXACT_CANDIDATES:
        candidates.append(_candidate(selector, text, at, at + len(exact), 1.0))
        at = text.find(exact, at + 1)
    return candidates


def _fuzzy_search(selector: Selector, text: str) -> tuple[int, int] | None:
    exact = selector.exact
    if len(exact) < FUZZY_MIN_CHARS:
        return None
    max_errors = len(exact) // CHARS_PER_ERROR
    matches = search(exact, text, max_errors)
    candidates = [
        _candidate(selector, text, m.start, m.end, 1 - m.errors / len(exact)) for m in matches
    ]
    return _confident_choice(candidates, fuzzy=True)


def _confident_choice(
    candidates: list[_Candidate], *, fuzzy: bool = False
) -> tuple[int, int] | None:
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda c: c.score, reverse=True)
    best = ranked[0]
    if fuzzy:
        # Both sides must agree, or a near-copy next to one familiar side would pass.
        if best.worst_context < FUZZY_CONTEXT_NEEDED:
            return None
    elif best.best_context < CONTEXT_NEEDED:
        return None
    if len(ranked) > 1 and best.score - ranked[1].score < AMBIGUOUS_MARGIN:
        return None
    return best.start, best.end


def _candidate(selector: Selector, text: str, start: int, end: int, quote: float) -> _Candidate:
    return _Candidate(
        start=start,
        end=end,
        quote=quote,
        prefix=_side_similarity(selector.prefix[::-1], text[max(0, start - _SIDE) : start][::-1]),
        suffix=_side_similarity(selector.suffix, text[end : end + _SIDE]),
        closeness=1 - min(1.0, abs(start - selector.start) / max(len(text), 1)),
    )


def _side_similarity(stored: str, side: str) -> float:
    """How well ``side`` (the text running away from the passage) matches ``stored``.

    1.0 when the stored context still runs on from the passage, 0.0 when none of it
    does. Context shorter than CONTEXT_CHARS means the passage was that close to the
    edge of the text, so the text up to the edge must match it as a whole: an empty
    prefix is evidence too (the passage opened the text), not a free pass.
    """
    slack = CONTEXT_CHARS // CHARS_PER_ERROR + 1
    if len(stored) >= CONTEXT_CHARS:
        return 1 - prefix_distance(stored, side[: len(stored) + slack]) / len(stored)
    if len(side) > len(stored) + CONTEXT_CHARS:
        return 0.0
    return max(0.0, 1 - edit_distance(stored, side) / CONTEXT_CHARS)


def _self_evident(exact: str) -> bool:
    return len(exact.strip()) >= SELF_EVIDENT_CHARS
