"""Approximate string matching with bit-parallel edit distance (Myers, 1999).

Python integers serve as bit vectors of any width, so one pass over a text costs
a handful of integer operations per character whatever the pattern's length.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    if not first or not second:
        return len(first) + len(second)
    return _column_scores(first, second, anchored=True)[-1]


def search(pattern: str, text: str, max_errors: int, limit: int = 8) -> list[Match]:
    """Up to ``limit`` best non-overlapping places where ``pattern`` occurs with few errors."""
    if not pattern or not text:
        return []
    scores = _column_scores(pattern, text, anchored=False)
    ends = sorted((score, end) for end, score in enumerate(scores, start=1) if score <= max_errors)
    matches: list[Match] = []
    for errors, end in ends:
        if len(matches) >= limit:
            break
        start = _start_of(pattern, text, end, errors + max_errors)
        if any(start < m.end and m.start < end for m in matches):
            continue
        matches.append(Match(start, end, errors))
    return matches


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
