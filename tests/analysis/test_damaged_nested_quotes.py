"""A quotation whose opener a scan turned into a single mark, holding a nested quote."""

from __future__ import annotations

from reader.analysis import find_quotes


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_a_double_closer_rejoins_the_quote_its_nested_quote_cut() -> None:
    text = "Rain fell. 'Staff kept saying 'soon' all winter, so we left,\" Ola Brandt said."
    assert _quoted(text) == ["'Staff kept saying 'soon' all winter, so we left,\""]


def test_curly_marks_rejoin_too() -> None:
    text = "Rain fell. ‘Staff kept saying ‘soon’ all winter, so we left,” Ola Brandt said."
    assert _quoted(text) == ["‘Staff kept saying ‘soon’ all winter, so we left,”"]


def test_a_closed_single_quote_is_not_rejoined() -> None:
    # Both single quotes paired: the stray double closer has nothing of theirs to end.
    text = "She wrote 'Open' and 'Closed' on the signs, he said,\" in error."
    assert _quoted(text) == ["'Open'", "'Closed'"]


def test_a_cut_quote_not_opening_on_a_capital_is_not_rejoined() -> None:
    text = "The '80s 'boom' years ended,\" said the report."
    assert "'80s 'boom' years ended,\"" not in _quoted(text)
