"""The character readers the analysis shares answer as the str methods they stand for do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.text_units import alnum_at, is_upper, opens_upper

WORDS = st.one_of(
    st.text(max_size=6),
    st.text(alphabet="aZzA.’-É1ßǅ", max_size=6),
)


@settings(max_examples=3000, deadline=None)
@given(WORDS)
def test_is_upper_is_str_isupper(text: str) -> None:
    assert is_upper(text) == text.isupper()


@settings(max_examples=3000, deadline=None)
@given(WORDS)
def test_opens_upper_is_the_first_letter_being_a_capital(word: str) -> None:
    assert opens_upper(word) == word[:1].isupper()


def test_usual_names() -> None:
    assert is_upper("NATO") and is_upper("U.S.") and not is_upper("Biden")
    assert not is_upper("a") and not is_upper("") and is_upper("É")
    assert opens_upper("Émile") and opens_upper("United") and not opens_upper("of")


def test_letters_and_digits_read_by_code_are_the_ones_isalnum_knows() -> None:
    text = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000)
    assert [alnum_at(text, i) for i in range(len(text))] == [ch.isalnum() for ch in text]
