"""Organisations told apart from people and places by the words around them (#16).

Written for these tests: an acronym that speaks is a body, a town that plays is a side.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities


def label_of(text: str, name: str) -> str | None:
    found = [e.label for e in find_entities(text) if e.text == name]
    return found[0] if found else None


@pytest.mark.parametrize(
    "text",
    [
        "The talks failed on Monday, and QRVL said it feared the camps would close.",
        "Fighting went on near the border, and officials said QRVL fighters were outgunned.",
    ],
)
def test_an_unknown_acronym_that_speaks_is_an_organisation(text: str) -> None:
    assert label_of(text, "QRVL") == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "At the Oval, Bristol captain Tom Hale made 70 before lunch.",
        "The striker, who joined Bristol for a record fee, scored twice.",
        "In the late game on Friday, Leeds beat Bristol by two goals.",
    ],
)
def test_a_town_that_plays_is_a_side(text: str) -> None:
    assert label_of(text, "Bristol") == "ORG"


def test_a_country_that_plays_stays_a_place() -> None:
    text = "In the qualifier on Saturday, Sweden beat Latvia by two goals."
    assert label_of(text, "Sweden") == "LOC"
    assert label_of(text, "Latvia") == "LOC"


def test_a_town_in_plain_prose_stays_a_place() -> None:
    assert label_of("She moved to Bristol in 2004 to study law.", "Bristol") == "LOC"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("News-stand chain Pelkor said it would sell 40 kiosks.", "Pelkor"),
        ("Shares rose after Vantrel's profit beat forecasts, Vantrel said.", "Vantrel"),
        ("The report in the news weekly Der Blatt said the talks had failed.", "Der Blatt"),
    ],
)
def test_business_words_around_a_name_make_an_organisation(text: str, name: str) -> None:
    assert label_of(text, name) == "ORG"


def test_a_persons_newspaper_leaves_the_person_a_person() -> None:
    text = "The court let Hen Vipheak's newspaper reopen, and Hen Vipheak thanked the judge."
    assert label_of(text, "Hen Vipheak") == "PER"


def test_a_town_that_plays_once_is_the_side_all_through_the_story() -> None:
    text = (
        "Bristol captain Tom Hale made 70 before lunch. Rain stopped play at four, and "
        "by stumps Bristol had reached 108 for three."
    )
    assert [e.label for e in find_entities(text) if e.text == "Bristol"] == ["ORG", "ORG"]


def test_a_word_opening_sentences_is_an_organisation_by_its_cue() -> None:
    text = (
        "Drevlon plunged on Tuesday after the results.\n"
        "Drevlon CEO Mara Holt told reporters the plant would stay open.\n"
        "KVR also cut its forecast for the year."
    )
    assert [e.label for e in find_entities(text) if e.text == "Drevlon"] == ["ORG", "ORG"]
    assert label_of(text, "KVR") == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "AMT: 1,200,000 DATE: 09/05/21\nCALL: 11/1/25 @ 101\n",
        "Net profit for the half rose 12 percent.\nGross revenue fell.",
    ],
)
def test_a_form_field_or_a_figures_word_opening_a_line_is_no_name(text: str) -> None:
    assert [e.text for e in find_entities(text)] == []


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "Leaders of the New Democratic Party met in Ottawa on Monday.",
            "New Democratic Party",
            "ORG",
        ),
        ("Veterans of the Second World War marched past.", "Second World War", "MISC"),
    ],
)
def test_an_ordinal_or_new_opening_a_body_stays_in_its_name(
    text: str, name: str, label: str
) -> None:
    assert label_of(text, name) == label


def test_a_county_that_is_a_first_name_too_plays_in_a_story_of_sides() -> None:
    # Kent is a first name and a county: where towns play, the lone word is one more side.
    text = (
        "At Hove, Sussex 210, Surrey 312-6. "
        "Kent, chasing the title, made up for lost time after rain at Canterbury. "
        "By tea Kent had reached 140 for two."
    )
    labels = {e.label for e in find_entities(text) if e.text == "Kent"}
    assert labels == {"ORG"}


def test_a_first_name_that_is_a_county_stays_the_player_named_in_full() -> None:
    text = (
        "At Hove, Sussex 210, Surrey 312-6. "
        "Kent Walton made 80 for the visitors, and Kent said the pitch was slow."
    )
    labels = {e.label for e in find_entities(text) if e.text == "Kent"}
    assert labels <= {"PER"}


def test_a_town_listed_with_a_side_is_a_side() -> None:
    text = (
        "At Hove, Sussex 210, Surrey 312-6. "
        "Title rivals Surrey, Bristol or Norwich could still win it."
    )
    assert label_of(text, "Bristol") == "ORG"
    assert label_of(text, "Norwich") == "ORG"


def test_towns_listed_without_a_side_stay_places() -> None:
    text = "Leeds 2 Chelsea 1. The club flew to Bristol and Norwich for friendlies."
    assert label_of(text, "Bristol") == "LOC"
    assert label_of(text, "Norwich") == "LOC"


def test_a_side_with_two_innings_opening_a_line_is_a_side() -> None:
    # Only ever named at a line's start, where a capital proves nothing: the score says.
    text = "At Harwick: Tenbury beat Ludlow by 40 runs.\nTenbury 210 and 188, Ludlow 190 and 168.\n"
    assert {e.label for e in find_entities(text) if e.text == "Tenbury"} == {"ORG"}
