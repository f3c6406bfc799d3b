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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The gates closed at noon. Said Rosalind Achebe, who has sold fish on the quay "
            'for thirty years, "Nobody asked the traders before they moved the market."',
            "Rosalind Achebe",
        ),
        (
            'Added Rosalind Achebe, "We will be here long after the new hall is built."',
            "Rosalind Achebe",
        ),
    ],
)
def test_a_sentence_opening_speech_verb_names_who_follows(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_chant_is_speech() -> None:
    text = 'Holding placards above their heads, the dockers chanted "Not one job more!"'
    assert _speakers(text) == ["the dockers"]


def test_the_object_of_a_preposition_is_no_speaker() -> None:
    text = (
        "The council had set a ten o'clock curfew. Students marching through the old "
        'town shouted "Whose streets? Our streets!" until well after midnight.'
    )
    assert _speakers(text) == ["Students"]


@pytest.mark.parametrize("opener", ["And then", "But then"])
def test_two_openers_come_before_the_subject(opener: str) -> None:
    text = (
        f"{opener} Okafor took aim at the council, saying, "
        '"Is anyone ever going to explain where the flood money went?"'
    )
    assert _speakers(text) == ["Okafor"]


def test_a_preposition_after_an_opener_is_not_skipped_into_its_object() -> None:
    text = (
        "But after Tuesday's hearing, the retired judge Imogen Falk imagined the mayor "
        'was thinking: "What have I started?"'
    )
    assert _speakers(text) != ["Tuesday"]


def test_for_inside_a_body_name_keeps_the_person_before_of() -> None:
    text = (
        '"Nobody on the board saw the audit until it was leaked," Harriet Quayle of the '
        "Halden Institute for Water Studies wrote on Monday."
    )
    assert _speakers(text) == ["Harriet Quayle"]


def test_called_it_then_a_quotation_names_it_in_the_speakers_words() -> None:
    text = (
        "Even supporters of the plan sounded cautious: Councillor Wendell Ames called it "
        '"the least bad plan on the table."'
    )
    assert _speakers(text) == ["Wendell Ames"]


def test_a_report_ending_the_sentence_speaks_its_earlier_quotes_too() -> None:
    text = (
        'The FBI looked for a link between the two men and did not find "ties of any '
        'consequence," aside from the two men knowing each other "casually" from the gym, '
        "said the bureau's director, Leonie Marsh, on Monday."
    )
    assert _speakers(text) == ["the bureau's director"] * 2
