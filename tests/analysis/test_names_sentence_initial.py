"""Quick character tests in the name finder answer as the plain look-ups they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.names_context import (
    OPENERS,
    QUOTE_OPENERS,
    SENTENCE_END,
    WORD_ENDINGS,
    is_upper,
    sentence_initial,
)
from reader.analysis.names_rules import looks_like_word


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


@settings(max_examples=4000, deadline=None)
@given(st.one_of(BEFORE, st.text(max_size=14)))
def test_sentence_initial_answers_as_the_lookups_do(before: str) -> None:
    text = before + "Word"
    assert sentence_initial(text, len(before)) == sentence_initial_by_lookups(text, len(before))


@settings(max_examples=3000, deadline=None)
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
