"""Approximate string matching for re-anchoring: where does a passage occur with few errors?

A search has two stages. rapidfuzz (C++) first rules out most of a long text: it scores
overlapping windows by their longest common subsequence with the pattern, and a window
can hold a match with ``k`` errors only if that subsequence keeps ``len(pattern) - k``
of the pattern's characters. Only the windows that pass are then searched exactly with
bit-parallel edit distance (Myers, 1999), where Python integers serve as bit vectors of
any width. The answer is the one a full exact scan gives, found about 50 times sooner in
a 1 MB story (benchmarks/bench_fuzzy.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# A text shorter than this many filter windows is scanned whole: filtering saves nothing.
_FILTER_FROM_WINDOWS = 4


@dataclass(slots=True, frozen=True)
class Match:
    start: int
    end: int
    errors: int


def _pattern_masks(pattern: str) -> dict[str, int]:
    masks: dict[str, int] = {}
    for index, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << index)
    return masks


def _column_scores(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance of ``pattern`` to the best text substring ending at each position.

    With ``anchored`` the substring must start at text position 0, so entry j is the
    plain edit distance between ``pattern`` and ``text[: j + 1]``; without it the
    substring may start anywhere (a search).
    """
    size = len(pattern)
    masks = _pattern_masks(pattern)
    full = (1 << size) - 1
    top = 1 << (size - 1)
    plus, minus, score = full, 0, size
    first_row = 1 if anchored else 0
    scores = []
    for char in text:
        equal = masks.get(char, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        h_plus = minus | (~(horizontal | plus) & full)
        h_minus = plus & horizontal
        if h_plus & top:
            score += 1
        elif h_minus & top:
            score -= 1
        h_plus = ((h_plus << 1) | first_row) & full
        h_minus = (h_minus << 1) & full
        plus = h_minus | (~(vertical | h_plus) & full)
        minus = h_plus & vertical
        scores.append(score)
    return scores


def prefix_distance(pattern: str, text: str) -> int:
    """Smallest edit distance between ``pattern`` and any prefix of ``text`` (empty included)."""
    if not pattern:
        return 0
    return min([len(pattern), *_column_scores(pattern, text, anchored=True)])


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(first, second)


def search(pattern: str, text: str, max_errors: int, limit: int = 8) -> list[Match]:
    """Up to ``limit`` best non-overlapping places where ``pattern`` occurs with few errors."""
    if not pattern or not text:
        return []
    ends = sorted(
        (score, end)
        for start, stop in _regions_worth_scanning(pattern, text, max_errors)
        for end, score in enumerate(
            _column_scores(pattern, text[start:stop], anchored=False), start=start + 1
        )
        if score <= max_errors
    )
    matches: list[Match] = []
    for errors, end in ends:
        if len(matches) >= limit:
            break
        # A match with this many errors is at least this long, so one ending here
        # overlaps a better match whatever its start: skip finding the start.
        shortest = len(pattern) - errors
        if any(m.start < end and end - shortest < m.end for m in matches):
            continue
        start = _start_of(pattern, text, end, errors + max_errors)
        if any(start < m.end and m.start < end for m in matches):
            continue
        matches.append(Match(start, end, errors))
    return matches


def _regions_worth_scanning(pattern: str, text: str, max_errors: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` that hold every match of ``pattern`` with ``max_errors`` or fewer.

    A match is at most ``len(pattern) + max_errors`` long, so windows that long plus one
    step, started every step, each hold whole any match that begins in their step.
    Overlapping windows that pass the filter are joined: a match ending inside a region
    then also starts inside it, so the exact scan of the region scores every end as a
    scan of the whole text would.
    """
    size = len(pattern)
    needed = size - max_errors
    step = size
    width = size + max_errors + step
    if needed <= 0 or len(text) <= _FILTER_FROM_WINDOWS * width:
        return [(0, len(text))]
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    starts = range(0, max(1, len(text) - width + step), step)
    windows: Iterator[str] = (text[at : at + width] for at in starts)
    regions: list[tuple[int, int]] = []
    for _window, _common, index in process.extract_iter(
        pattern, windows, scorer=LCSseq.similarity, score_cutoff=needed
    ):
        start, stop = starts[index], min(len(text), starts[index] + width)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], stop)
        else:
            regions.append((start, stop))
    return regions


def _start_of(pattern: str, text: str, end: int, slack: int) -> int:
    """Where the best match of ``pattern`` ending at ``end`` begins."""
    window_start = max(0, end - len(pattern) - slack)
    backwards = text[window_start:end][::-1]
    scores = _column_scores(pattern[::-1], backwards, anchored=True)
    best = min(scores)
    # Among equally good starts, the one giving the length closest to the pattern's.
    length = min(
        (abs(n + 1 - len(pattern)), n + 1) for n, score in enumerate(scores) if score == best
    )[1]
    return end - length
