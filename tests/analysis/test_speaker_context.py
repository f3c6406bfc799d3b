"""Quotes placed among their paragraph's words."""

from __future__ import annotations

from reader.analysis.quotes import MarkedQuote
from reader.analysis.speaker_context import _CLOSING_MARKS, SENTENCE_END, _is_closing_mark, place
from reader.analysis.speaker_rules import _ends_or_quotes
from reader.analysis.text_units import QUOTE_TOKEN, tokens


def test_closing_marks_read_as_numbers_are_the_closing_marks() -> None:
    assert {c for c in range(0x3000) if _is_closing_mark(c)} == {ord(ch) for ch in _CLOSING_MARKS}


def test_a_quote_ends_its_sentence_by_the_mark_inside_its_closing_marks() -> None:
    text = 'He said “we won!” ’ and left. She said "no" today.'
    first = MarkedQuote(text.index("“"), text.index("’") + 1, 0, 0)
    second = MarkedQuote(text.index('"no'), text.index('" today') + 1, 0, 1)
    spans = [(first.start, first.end), (second.start, second.end)]
    contexts = place(text, tokens(text, 0, len(text), spans), [first, second])
    assert [(c.closing, c.ends_sentence) for c in contexts] == [("!", True), ("o", False)]


def test_sentence_ends_and_the_quote_token_are_told_apart_by_their_code() -> None:
    marks = [*SENTENCE_END, QUOTE_TOKEN]
    others = ["", "a", ",", ":", "..", ".a", "said", "“", "”", "!!", ";;", '""']
    assert all(_ends_or_quotes(text) for text in marks)
    assert not any(_ends_or_quotes(text) for text in others)
