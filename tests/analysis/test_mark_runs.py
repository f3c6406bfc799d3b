"""The runs of quotation marks, found with plain searches, are exactly what a regex
statement of them finds: side-by-side marks, and ",," before a letter after a space."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.analysis.quotes import ALL_MARKS, mark_runs

# The definition, as a regex: slow on long texts (a failed match at every comma), clear.
_MARKS = re.escape(ALL_MARKS)
_RUN = re.compile(rf"(?<![^\s(\[]),,(?=[^\W\d_])|[{_MARKS}][{_MARKS}]*")

_ALPHABET = ALL_MARKS + ",,, ab1_(\n\t½é"


def expected_runs(text: str, lo: int, hi: int) -> tuple[list[int], list[int]]:
    found = list(_RUN.finditer(text, lo, hi))
    return [m.start() for m in found], [m.end() for m in found]


@given(st.text(alphabet=_ALPHABET, max_size=40), st.data())
@example(" ,,Wort'' und „so“ ", None)
@example(",,a", None)
@example("x,,a ,,,b (,,c [,,d", None)
def test_runs_match_their_regex_definition(text: str, data: st.DataObject | None) -> None:
    lo, hi = 0, len(text)
    if data is not None:
        lo = data.draw(st.integers(0, len(text)))
        hi = data.draw(st.integers(lo, len(text)))
    assert mark_runs(text, lo, hi) == expected_runs(text, lo, hi)


def test_a_read_from_inside_the_text_still_sees_the_character_before_it() -> None:
    text = "x,,abc"
    assert mark_runs(text, 1, len(text)) == ([], [])
    assert mark_runs(" ,,abc", 1, 6) == ([1], [3])


def test_a_low_opener_at_the_end_of_the_read_has_no_letter_after_it() -> None:
    assert mark_runs(" ,,abc", 0, 3) == ([], [])
