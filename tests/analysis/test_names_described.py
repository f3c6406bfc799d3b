"""A compound such as "Ontario-based" describes the name after it, and is no part of it.

Texts written for these tests (issue 16): the company after "-based" is an
organisation even when its name is also a first name; "Korean-born" is followed by a
person; and the compound itself is tagged apart, as news tags "Ontario-based".
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in analyze(text).entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shares of Ontario-based Gemma rose sharply on Friday.",
            [("Ontario-based", "MISC"), ("Gemma", "ORG")],
        ),
        (
            "The deal will strengthen St. Louis-based Harrowgate Bancorp Inc. in the region.",
            [("St. Louis-based", "MISC"), ("Harrowgate Bancorp Inc.", "ORG")],
        ),
    ],
)
def test_the_name_after_a_based_compound_is_an_organisation(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(text) == expected


def test_the_name_after_a_born_compound_is_a_person_and_speaks() -> None:
    text = '"I was shocked," said Korean-born Monte Fairley, who runs a bakery.'
    analysis = analyze(text)
    assert ("Monte Fairley", "PER") in [(e.text, e.label) for e in analysis.entities]
    assert [q.speaker for q in analysis.quotes] == ["Monte Fairley"]


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("Police held a Surinamese-born visitor for ten days.", "Surinamese-born"),
        ("The hijack began when an Amman-bound plane was taken over.", "Amman-bound"),
    ],
)
def test_a_compound_alone_is_a_description_not_a_name(text: str, compound: str) -> None:
    assert (compound, "MISC") in _names(text)
