"""Quick character reads in the name finder answer as the plain look-ups they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.names_context import (
    WORD_ENDINGS,
    needs_cutting,
    next_word,
    previous_word,
)
from reader.analysis.names_lines import (
    OPENERS,
    QUOTE_OPENERS,
    SENTENCE_END,
    has_digit,
    sentence_initial,
)
from reader.analysis.names_rules import looks_like_word
from reader.analysis.text_units import is_upper


def sentence_initial_by_lookups(text: str, start: int) -> bool:
    """The question asked with string and set look-ups only, character by character."""
    if start and text[start - 1] in QUOTE_OPENERS:
        return True
    i = start - 1
    stop = max(-1, start - 12)
    while i > stop and text[i] in OPENERS:
        i -= 1
    return i < 0 or text[i] in SENTENCE_END


BEFORE = st.lists(
    st.sampled_from(
        [" ", "  ", "\t", "\n", ".", "said", "9", "“", "‘", '"', "(", "-", "—", "a.", "X"]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(BEFORE, st.text(max_size=14)))
def test_sentence_initial_answers_as_the_lookups_do(before: str) -> None:
    text = before + "Word"
    assert sentence_initial(text, len(before)) == sentence_initial_by_lookups(text, len(before))


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        st.text(max_size=9),
        st.sampled_from(
            ["Reconstruction", "Working", "Debating", "HOUSING", "Lebedev", "İİİİİ", "Σσσσς"]
        ),
    )
)
def test_looks_like_word_answers_as_all_the_endings_do(word: str) -> None:
    expected = len(word) > 4 and not is_upper(word) and word.lower().endswith(WORD_ENDINGS)
    assert looks_like_word(word) == expected


def previous_word_by_split(text: str, start: int) -> str:
    before = text[max(0, start - 24) : start].rsplit(None, 1)
    return before[-1].lower() if before else ""


def next_word_by_split(text: str, end: int) -> str:
    after = text[end : end + 24].split(None, 1)
    return after[0].lower().rstrip(",.;:") if after else ""


AROUND = st.lists(
    st.sampled_from(
        [
            *(" ", "  ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2003", "said", "Spokesman"),
            *("v.", "in,", "“", "’s", "É", "9", ".", "x" * 20),
        ]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(AROUND, st.text(max_size=30)), st.one_of(AROUND, st.text(max_size=30)))
def test_words_around_a_name_are_those_split_finds(before: str, after: str) -> None:
    text = before + "Name" + after
    start, end = len(before), len(before) + 4
    assert previous_word(text, start) == previous_word_by_split(text, start)
    assert next_word(text, end) == next_word_by_split(text, end)


def needs_cutting_by_substrings(chunk: str) -> bool:
    if any(mark in chunk for mark in ("'", "’", ".", "\n", "\t", "&", "  ")):
        return True
    at = chunk.find(" ")
    while at >= 0:
        if "a" <= chunk[at + 1 : at + 2] <= "z":
            return True
        at = chunk.find(" ", at + 1)
    return False


RUNS = st.lists(
    st.sampled_from(
        ["Bank", " ", " ", "  ", "of", "England", "O'Brien", "U.S.", "AT&T", "\n", "\t"]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(RUNS, st.text(max_size=12)))
def test_needs_cutting_answers_as_the_substring_tests_do(chunk: str) -> None:
    assert needs_cutting(chunk) == needs_cutting_by_substrings(chunk)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=12))
def test_has_digit_finds_what_the_digit_pattern_finds(line: str) -> None:
    assert has_digit(line) == (re.search(r"\d", line) is not None)


def test_digits_beyond_ascii_count_and_other_numbers_do_not() -> None:
    assert has_digit("Table ٣") and has_digit("5. Jesper Skibby")
    assert not has_digit("Price ½ and ² and Ⅻ") and not has_digit("Leeds")
