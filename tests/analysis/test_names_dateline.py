"""The dateline test's quick look never turns down what the dateline pattern matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.names_lines import (
    DATELINE_AFTER,
    may_open_dateline,
)

PIECES = st.sampled_from(
    [
        *(",", " ", " ", "\t", "(", ")", "Reuters", "AP", "1996-08-30", "27", "3", "July"),
        *("Jul.", "Mar", "-", "—", "–", "x", "\n", "٣", "A", "said", "12 Mar", " (AFP) -"),
    ]
)
TAILS = st.one_of(st.lists(PIECES, max_size=8).map("".join), st.text(max_size=8))


@settings(max_examples=1000, deadline=None)
@given(TAILS)
def test_a_dateline_after_a_word_is_never_turned_down(tail: str) -> None:
    text = "LONDON" + tail
    if DATELINE_AFTER.match(text, 6) is not None:
        assert may_open_dateline(text, 6)


def test_datelines_and_plain_words() -> None:
    datelines = ("LONDON 1996-08-30", "GENEVA (Reuters) -", "Moscow, July 27 -", "KIEV\t3 Mar")
    for text in datelines:
        end = len(text.split()[0].rstrip(","))
        assert DATELINE_AFTER.match(text, end) is not None
        assert may_open_dateline(text, end)
    # After a word: a lowercase word, a comma then one, a full stop, a comma then a
    # bracket (the bracket's alternative has no comma), nothing at all.
    for text in ("Simmons said", "Leeds, who", "Paris.", "Rome,(AP) -", "Oslo"):
        assert not may_open_dateline(text, 4 if text.startswith("Rome") else len(text.split()[0]))
