"""Find an annotated passage again after its story's text changed.

The approach of the Hypothesis client: keep the exact quote with some context
around it and its position; later, trust the position if the quote is still
there, else look for the quote word for word and rank the places by how well
their context matches, else look for it approximately. A passage that cannot be
found with confidence is an orphan (None): an annotation is never moved onto
words that are not the ones the reader tagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Selector
from reader.store.errors import StoreError
from reader.store.fuzzy import prefix_distance, search

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
    prefix: float | None  # None when the selector stored no context on that side
    suffix: float | None
    closeness: float

    @property
    def score(self) -> float:
        # The Hypothesis client's weights: quote 50, each context side 20, position 2.
        return (
            50 * self.quote
            + 20 * _or(self.prefix, self.quote)
            + 20 * _or(self.suffix, self.quote)
            + 2 * self.closeness
        )

    @property
    def best_context(self) -> float:
        """How well the better-kept side of the context matches (1.0 if none was stored)."""
        return max(self._sides, default=1.0)

    @property
    def worst_context(self) -> float:
        return min(self._sides, default=1.0)

    @property
    def _sides(self) -> list[float]:
        return [side for side in (self.prefix, self.suffix) if side is not None]


def reanchor(selector: Selector, text: str) -> tuple[int, int] | None:
    """Where the selected passage is in ``text`` now, or None if it is an orphan."""
    exact = selector.exact
    if not exact:
        return None
    start, end = selector.start, selector.end
    if text[start:end] == exact and end - start == len(exact):
        here = _candidate(selector, text, start, end, 1.0)
        if _self_evident(exact) or here.best_context >= CONTEXT_NEEDED:
            return start, end
    if exact in text:
        # The words are still there: choose among them or give up, but never settle
        # for similar words elsewhere.
        return _exact_search(selector, text)
    return _fuzzy_search(selector, text)


def _exact_search(selector: Selector, text: str) -> tuple[int, int] | None:
    exact = selector.exact
    candidates = []
    at = text.find(exact)
    while at != -1 and len(candidates) < _MAX_EXACT_CANDIDATES:
        candidates.append(_candidate(selector, text, at, at + len(exact), 1.0))
        at = text.find(exact, at + 1)
    if not candidates:
        return None
    if len(candidates) == 1 and _self_evident(exact):
        return candidates[0].start, candidates[0].end
    return _confident_choice(candidates)


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
    prefix, suffix = selector.prefix, selector.suffix
    slack = len(prefix) // CHARS_PER_ERROR + 1
    before = text[max(0, start - len(prefix) - slack) : start]
    after = text[end : end + len(suffix) + slack]
    return _Candidate(
        start=start,
        end=end,
        quote=quote,
        prefix=_similarity(prefix[::-1], before[::-1]) if prefix else None,
        suffix=_similarity(suffix, after) if suffix else None,
        closeness=1 - min(1.0, abs(start - selector.start) / max(len(text), 1)),
    )


def _similarity(stored: str, actual: str) -> float:
    """1.0 when the stored context still runs on from the passage, 0.0 when none of it does."""
    return 1 - prefix_distance(stored, actual) / len(stored)


def _self_evident(exact: str) -> bool:
    return len(exact.strip()) >= SELF_EVIDENT_CHARS


def _or(value: float | None, default: float) -> float:
    return default if value is None else value
