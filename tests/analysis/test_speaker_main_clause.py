"""Speakers read past what only looks like the speech verb or the end of the phrase.

Texts written for these tests (issue 16): a cue inside a relative clause ("who said
...") is not the main verb; a hyphen typed for a dash sets off a "Name:" label; a
capitalised modifier ("a former U.S. trade official") does not end a nominal phrase.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


@pytest.mark.parametrize(
    "text",
    [
        "Marlowe, who phoned her rival soon after the result was announced, told her "
        'volunteers, "We will be back next spring, and we will be stronger."',
        "Marlowe, who had said for months that the count was fair, then told reporters: "
        '"Every ballot was counted twice in this county."',
    ],
)
def test_a_cue_inside_a_relative_clause_is_not_the_main_verb(text: str) -> None:
    assert _speakers(text) == ["Marlowe"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Turnout was higher than expected - Ridgeway Polling: "
            "\u201cOur final survey had the race within two points, and it ended there.\u201d",
            "Ridgeway Polling",
        ),
        (
            "FARM PRICES SLIDE AGAIN - Dana K. Whitlow: "
            "\u201cCorn and soybean prices fell for the fourth month in a row.\u201d",
            "Dana K. Whitlow",
        ),
    ],
)
def test_a_spaced_hyphen_sets_off_a_label(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_hyphen_inside_a_word_joins_it() -> None:
    text = 'The Coca-Cola board: "Sales rose in every region this quarter."'
    assert _speakers(text)[0] != "Cola"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The rules were bent for him and nobody said a word," said a former U.S. '
            "trade official who worked on the talks.",
            "a former U.S. trade official",
        ),
        (
            '"We have never seen turnout like this," said one longtime GOP field '
            "organizer, who asked not to be named.",
            "one longtime GOP field organizer",
        ),
    ],
)
def test_a_capitalised_modifier_does_not_end_the_phrase(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
