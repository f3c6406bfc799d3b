"""Which quotes read as titles or subheads: the in-place word reading agrees with a
plain split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.quote_kinds import _MARKS_AND_PUNCT, _is_mark, is_subhead, looks_like_a_title
from reader.analysis.quotes import MarkedQuote

_MARKS = "\"'“”‘’«»„‚‹›.,;:!? \n"
_SMALL = {"a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for"}
_SMALL |= {"with", "from", "into", "over", "upon", "by", "as", "vs"}


def _title_by_splitting(quote: str) -> bool:
    """The reading by ``split()`` and ``strip()`` of the whole quote."""
    if quote.count(" ") > 12:
        return False
    title_words = 0
    for raw in quote.split():
        word = raw.strip(_MARKS)
        if not word or word.lower() in _SMALL:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        title_words += 1
        if title_words > 6:
            return False
    return title_words > 0


def _subhead_by_splitting(quote: str) -> bool:
    if len(quote) >= 2 and quote[0] in "'‘" and quote[-1] in "'’" and quote.count(" ") < 10:
        return True  # a whole paragraph in single marks: the headline style
    words = [w.strip(_MARKS) for w in quote.split()]
    words = [w for w in words if w and w.lower() not in _SMALL]
    return 0 < len(words) <= 10 and all(w[0].isupper() or w[0].isdigit() for w in words)


@pytest.mark.parametrize(
    ("quote", "title"),
    [
        ('"Face the Nation,"', True),
        ('"Neither do I."', False),
        ('"The Chancellor of the Free World"', True),
        ('"One Two Three Four Five Six Seven"', False),  # too many words for a title
        ('"of the"', False),  # small words alone
        ("“Über Alles”", True),
        ('"2020 Vision"', True),
    ],
)
def test_short_title_case_quotes_are_titles(quote: str, title: bool) -> None:
    text = f"He watched {quote} again."
    start = text.index(quote)
    assert looks_like_a_title(text, MarkedQuote(start, start + len(quote), 0, 0)) == title


_PIECES = st.sampled_from(
    [
        *" \n\t\u00a0\u2003\x1c",
        *_MARKS,
        *("The", "the", "OF", "Of", "Upon", "upon", "Uponx", "Ann", "ann", "9"),
        *("É", "é", "ß", "İn", "\u212an", "vs.", "Vs", "x"),
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.data())
def test_titles_are_the_ones_a_plain_split_finds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quote = MarkedQuote(start, end, 0, 0)
    assert looks_like_a_title(text, quote) == _title_by_splitting(text[start:end])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_subheads_are_the_ones_a_plain_split_finds(text: str) -> None:
    # the quote is its paragraph's whole text, the case where its words are read
    quote = MarkedQuote(0, len(text), 1, 0)
    assert is_subhead(text, quote, (0, len(text))) == _subhead_by_splitting(text)


def test_marks_read_as_numbers_are_the_marks_stripped_from_words() -> None:
    assert {c for c in range(0x3000) if _is_mark(c)} == {ord(ch) for ch in _MARKS_AND_PUNCT}
    assert set(_MARKS_AND_PUNCT) == set(_MARKS)
