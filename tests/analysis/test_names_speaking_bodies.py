"""A lone company name that "says" is the company when a business cue names it so (#16).

Written for these tests. "Drevlon said" reads like a person until the story shows the
name has shareholders, a board or a plant: one name, one sense, the body's cue wins.
A surname of the story's person, a first name and a titled name stay people.
"""

from __future__ import annotations

from reader.analysis.entities import find_entities


def labels_of(text: str, name: str) -> list[str]:
    return [e.label for e in find_entities(text) if e.text == name]


def test_a_speaking_name_with_shareholders_is_a_company() -> None:
    text = (
        "The talks ended on Monday, and Drevlon said it would close the plant.\n"
        "The shareholders of Drevlon meet next week.\n"
        "A spokesman said Drevlon would keep its staff.\n"
    )
    assert set(labels_of(text, "Drevlon")) == {"ORG"}


def test_a_possessive_board_makes_a_company() -> None:
    text = (
        "Orders fell in the spring, Kestrava said.\n"
        "He will remain on Kestrava's board of directors.\n"
    )
    assert set(labels_of(text, "Kestrava")) == {"ORG"}


def test_a_person_named_in_full_stays_a_person() -> None:
    text = (
        "Analysts at the bank met Tom Drevlon on Friday.\n"
        "The results pleased Drevlon, who said the plant would stay.\n"
        "The shareholders of Drevlon Mining meet next week.\n"
    )
    assert "ORG" not in labels_of(text, "Drevlon")
