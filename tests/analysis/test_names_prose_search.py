"""The headline test's quick search for prose answers as its full search does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.names_lines import (
    PROSE_AFTER,
    PROSE_AFTER_SPACE,
    WORD_AFTER_SPACE_LOWER,
)

# The two counts looks_like_headline made before they were one pass: every word, and
# the words that open with a-z, each by the whitespace before it.
ANY_WORD_AFTER_SPACE = re.compile(r"\s[\"'‘“]?[^\W\d_]")
LOWER_WORD_AFTER_SPACE = re.compile(r"\s[\"'‘“]?[a-z]")

PIECES = st.sampled_from(
    [
        "the",
        "cat",
        "sat",
        "on",
        " ",
        "  ",
        "\t",
        "\n",
        "Mat",
        "A",
        "é",
        "’",
        "(",
        "-",
        "9",
        "_",
        "'",
        '"',
        "‘",
        "“",
        "\u2003",
    ]
)
LINES = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(LINES, st.data())
def test_a_line_reads_as_prose_by_the_quick_search_only_if_it_does_by_the_full_one(
    text: str, data: st.DataObject
) -> None:
    text = "x\n" + text
    start = data.draw(st.integers(2, len(text)))
    end = data.draw(st.integers(start, len(text)))
    full = PROSE_AFTER.search(text, start - 1, end) is not None
    quick = PROSE_AFTER_SPACE.search(text, start, end) is not None
    assert quick <= full  # a quick find is always a full one
    combined = (
        PROSE_AFTER_SPACE.search(text, start, end) or PROSE_AFTER.search(text, start - 1, end)
    ) is not None
    assert combined == full


def test_wrapped_prose_is_found_by_the_quick_search() -> None:
    text = "Headline Here\nand then the story goes on"
    start = text.index("\n") + 1
    assert PROSE_AFTER_SPACE.search(text, start, len(text)) is not None


@settings(max_examples=1000, deadline=None)
@given(LINES)
def test_words_and_lowercase_words_are_counted_as_by_their_own_patterns(line: str) -> None:
    spaced = " " + line
    firsts = WORD_AFTER_SPACE_LOWER.findall(spaced)
    assert len(firsts) == len(ANY_WORD_AFTER_SPACE.findall(spaced))
    assert sum(1 for first in firsts if first) == len(LOWER_WORD_AFTER_SPACE.findall(spaced))
