"""Approximate search: the window filter never changes what the exact scan would find."""

from __future__ import annotations

import itertools
import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store import fuzzy, make_selector, reanchor
from reader.store.fuzzy import Match, edit_distance, prefix_distance, search

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True)


def _levenshtein(first: str, second: str) -> int:
    """Textbook dynamic programme, the reference the fast versions are held to."""
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        previous, row[0] = row[0], i
        for j, b in enumerate(second, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


def _best_errors_anywhere(pattern: str, text: str) -> int:
    """Fewest edits turning ``pattern`` into some substring of ``text`` (free ends)."""
    row = [0] * (len(text) + 1)  # row 0: an empty pattern matches anywhere at no cost
    for i, a in enumerate(pattern, start=1):
        previous, row[0] = row[0], i
        for j, b in enumerate(text, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return min(row)


def _full_scan(pattern: str, text: str, max_errors: int) -> list[Match]:
    with mock.patch.object(fuzzy, "_FILTER_FROM_WINDOWS", 10**9):
        return search(pattern, text, max_errors)


def _filtered(pattern: str, text: str, max_errors: int) -> list[Match]:
    with mock.patch.object(fuzzy, "_FILTER_FROM_WINDOWS", 0):
        return search(pattern, text, max_errors)


_WORDS_TEXT = "the said budget minister taxes a of on council vote"
words = st.sampled_from(_WORDS_TEXT.split())


@st.composite
def texts_with_a_near_copy(draw: st.DrawFn) -> tuple[str, str, int]:
    """A text, a pattern, and an error budget; the text may hold an edited copy."""
    text = " ".join(draw(st.lists(words, min_size=1, max_size=150)))
    pattern = " ".join(draw(st.lists(words, min_size=1, max_size=8)))
    if draw(st.booleans()):
        copy = list(pattern)
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(copy)))
            copy[at:at] = draw(st.sampled_from("xyz "))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + "".join(copy) + text[at:]
    return text, pattern, draw(st.integers(0, len(pattern) // 2))


@PROPERTY
@given(texts_with_a_near_copy())
def test_filtered_search_finds_what_the_full_scan_finds(case: tuple[str, str, int]) -> None:
    text, pattern, max_errors = case
    assert _filtered(pattern, text, max_errors) == _full_scan(pattern, text, max_errors)


@PROPERTY
@given(texts_with_a_near_copy())
def test_matches_are_real_best_first_and_apart(case: tuple[str, str, int]) -> None:
    text, pattern, max_errors = case
    matches = _filtered(pattern, text, max_errors)
    best = _best_errors_anywhere(pattern, text)
    if best > max_errors:
        assert matches == []
        return
    assert matches and matches[0].errors == best
    for match in matches:
        assert match.errors <= max_errors
        assert _levenshtein(pattern, text[match.start : match.end]) == match.errors
    assert [m.errors for m in matches] == sorted(m.errors for m in matches)
    spans = sorted((m.start, m.end) for m in matches)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@PROPERTY
@given(st.text("abc ", max_size=30), st.text("abc ", max_size=30))
def test_distances_agree_with_the_textbook(first: str, second: str) -> None:
    assert edit_distance(first, second) == _levenshtein(first, second)
    prefixes = [_levenshtein(first, second[:n]) for n in range(len(second) + 1)]
    assert prefix_distance(first, second) == min(prefixes)


_STORY_WORDS_TEXT = (
    "council minister budget harbour bridge repairs nurses hospital strike police court "
    "judge appeal ruling mayor election vote reporters said told would not will the a of "
    "to in on and that by after before week year million percent water school inquiry"
)
_STORY_WORDS = _STORY_WORDS_TEXT.split()


def _long_story() -> str:
    """About 400 KB of varied sentences, each paragraph numbered so it is unique."""
    rng = random.Random(5)
    paragraphs = [
        f"Paragraph {n}: " + " ".join(rng.choice(_STORY_WORDS) for _ in range(rng.randint(20, 60)))
        for n in range(3000)
    ]
    return "\n\n".join(paragraphs)


def test_passage_with_a_typo_is_found_in_a_long_story() -> None:
    story = _long_story()
    start = story.index("Paragraph 2345:")
    end = story.index("\n\n", start)
    selector = make_selector(story, start, end)
    typo = story[: start + 20] + story[start + 21 : end] + story[end:]
    assert reanchor(selector, typo) == (start, end - 1)


def test_vanished_passage_in_a_long_story_is_an_orphan() -> None:
    story = _long_story()
    start = story.index("Paragraph 2345:")
    end = story.index("\n\n", start)
    assert reanchor(make_selector(story, start, end), story[:start] + story[end + 2 :]) is None
