"""A body's name that joins two fields with "and" is one name (#16).

Written for these tests: "the Fish and Timber Board" was cut into "Fish" and "Timber
Board", two organisations where there is one; two firms or a place and a body stay two.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities


def names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


@pytest.mark.parametrize(
    "body",
    ["Fish and Timber Board", "Rail and Harbour Commission", "Grain and Seed Exchange"],
)
def test_two_fields_joined_by_and_make_one_body(body: str) -> None:
    assert names(f"A letter from the {body} arrived on Friday.") == [(body, "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Orvane and Telmark Corp. rose.", ("Telmark Corp.", "ORG")),
        ("Ontario and the Harbour Commission agreed.", ("Ontario", "LOC")),
        ("Talks between Anna Lopez and Harbour Commission staff ended.", ("Anna Lopez", "PER")),
    ],
)
def test_two_names_joined_by_and_stay_two(text: str, expected: tuple[str, str]) -> None:
    assert expected in names(text)
