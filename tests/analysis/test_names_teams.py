"""Sides named by their town and a plural nickname, and the town alone for the side (#16).

Written for these tests. North American news names a team "the Cleveland Indians" or
"Toronto Maple Leafs", then "Cleveland" alone; the town there is the team (ORG), but
where the game is played ("in Toronto") and a person's name ("Florence Williams") stay.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities


def labels(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in find_entities(text):
        out.setdefault(e.text, []).append(e.label)
    return out


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Late on Friday the Cleveland Indians beat the home side 5-3.", "Cleveland Indians"),
        (
            "A three-run homer lifted the Los Angeles Dodgers past the home side.",
            "Los Angeles Dodgers",
        ),
        ("The trade sent him to the Toronto Maple Leafs for a draft pick.", "Toronto Maple Leafs"),
        ("Fans of the Boston Red Sox waited outside for hours.", "Boston Red Sox"),
        ("He signed with the St. Louis Cardinals in the spring.", "St. Louis Cardinals"),
    ],
)
def test_a_town_and_a_plural_nickname_is_a_side(text: str, team: str) -> None:
    assert labels(text).get(team) == ["ORG"]


def test_the_town_alone_is_the_side_in_the_same_story() -> None:
    text = (
        "The Cleveland Indians beat the home side 5-3 on Friday.\n"
        "Two late homers won it for Cleveland.\n"
        "Cleveland's lead in the division grew to six games.\n"
        "The teams meet again in Cleveland on Sunday.\n"
    )
    found = [(e.text, e.label) for e in find_entities(text) if e.text == "Cleveland"]
    assert found == [("Cleveland", "ORG"), ("Cleveland", "ORG"), ("Cleveland", "LOC")]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Florence Williams said the budget was late.", "Florence Williams", "PER"),
        ("The report was written by Jackson Hughes and two aides.", "Jackson Hughes", "PER"),
        ("Crowds filled Colorado Springs for the weekend.", "Colorado Springs", "LOC"),
        ("Voters in Texas rejected the plan, and Texas Republicans said so.", "Texas", "LOC"),
    ],
)
def test_people_places_and_parties_are_no_sides(text: str, name: str, label: str) -> None:
    assert labels(text).get(name, [None])[0] == label


def test_a_headline_town_before_a_verb_is_no_side() -> None:
    text = "Markets Shrug Off Fears as Tokyo Rally Continues\n\nShares rose in Tokyo."
    assert "Tokyo Rally Continues" not in labels(text)
