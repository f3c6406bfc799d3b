"""A name given in an aside after a description: "Hale's niece, Marcia "Cia" Price, said".

Texts written for these tests (issue 16): the aside holds the speaker's name even when
it carries a nickname in quotation marks or a party in parentheses, which the aside's
reading used to stop at, leaving the quote unknown or with the description alone.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_aside_with_a_nickname() -> None:
    text = (
        '"This is a big year for our city!" Hale\'s niece, Marcia "Cia" Price, shouted to '
        "the crowd at the union hall."
    )
    assert _speakers(text) == ["Marcia Price"]


def test_aside_with_a_party_in_parentheses() -> None:
    text = (
        '"This is a big year for our city!" Hale\'s niece, state Del. Marcia Price '
        "(D-Newport News), shouted to the crowd at the union hall."
    )
    assert _speakers(text) == ["Marcia Price"]


def test_aside_with_both() -> None:
    # The follow-on quote is read from the sentence before, which the nickname's closing
    # mark used to cut short: it showed "Price", not the fullest name.
    text = (
        '"This is a big year for our city!" Hale\'s niece, state Del. Marcia "Cia" Price '
        '(D-Newport News), shouted to the crowd. "The whole country is watching us now."'
    )
    assert _speakers(text) == ["Marcia Price", "Marcia Price"]
