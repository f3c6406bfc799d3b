"""The headline test's compiled look for prose only ever finds what the regex search finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.names_lines import (
    PROSE,
    PROSE_AFTER_SPACE,
    spaced_prose,
)

PIECES = st.sampled_from(
    [
        *("the", "cat", "sat", "on", "a", " ", " ", "  ", "\t", "\n", "Mat", "A", "9", "_"),
        *("é", "’", "'", ",", ".", "(", "-", "\u2003"),
    ]
)
# Mostly a-z words and single spaces, so rows of three words (or nearly) come up often.
WORDY = st.sampled_from(["the", "cat", "sat", " ", " ", " ", ",", "A", "\t", "é"])
LINES = st.one_of(
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=24),
    st.lists(WORDY, max_size=16),
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(LINES, st.data())
def test_prose_found_without_the_regex_is_prose_the_regex_finds(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if spaced_prose(text, start, end):
        assert PROSE_AFTER_SPACE.search(text, start, end) is not None
        if start == 0:
            assert PROSE.search(text, 0, end) is not None


def test_wrapped_prose_is_found_without_the_regex() -> None:
    text = "Grain Co-operative Votes\nmembers said afterwards that the decision"
    start = text.index("\n") + 1
    assert spaced_prose(text, start, len(text))
    assert spaced_prose("Leeds fans went on to sing", 0, 26)


def test_what_the_regex_would_not_match_is_not_prose() -> None:
    # No space before the first word, a word run into a capital, digits, a tab-led row,
    # a comma standing alone between words.
    for line in (
        "went on to",
        "So the cat satX",
        "in the 1990s",
        "\tthe cat sat",
        "x the , cat sat",
    ):
        assert not spaced_prose(line, 0, len(line))
    # The row must end inside the searched stretch where a word ends.
    assert not spaced_prose("The cat sat down", 0, 11)
    assert spaced_prose("The cat sat down", 0, 16)
