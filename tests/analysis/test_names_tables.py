"""Sides in sports tables and fixture lists, countries as national sides (#16).

Texts written for these tests, in the shapes wire copy prints its results in.
"""

from __future__ import annotations

from reader.analysis.entities import find_entities


def labels_of(text: str, name: str) -> list[str]:
    return [e.label for e in find_entities(text) if e.text == name]


def test_a_standings_row_in_capitals_opens_with_a_side() -> None:
    text = "EASTERN DIVISION\nW L PCT GB\nPHOENIX 81 52 .609 -\nDENVER 70 63 .526 11\n"
    assert labels_of(text, "PHOENIX") == ["ORG"]
    assert labels_of(text, "DENVER") == ["ORG"]


def test_a_headline_in_capitals_with_a_figure_later_is_no_table() -> None:
    text = "STORM CLOSES DENVER AIRPORT FOR 12 HOURS\nDENVER 2021-02-14\nSnow fell all day.\n"
    assert "ORG" not in labels_of(text, "DENVER")


def test_a_fixture_line_makes_the_visitors_a_side_and_the_host_town_a_place() -> None:
    text = "SUNDAY'S GAMES\nPHOENIX AT DENVER\nTUCSON AT DALLAS\n"
    assert labels_of(text, "PHOENIX") == ["ORG"]
    assert labels_of(text, "TUCSON") == ["ORG"]
    assert labels_of(text, "DENVER") == ["LOC"]


def test_both_towns_of_a_v_fixture_are_sides() -> None:
    text = "Postponed on Saturday:\nLeeds v Bolton\n"
    assert labels_of(text, "Leeds") == ["ORG"]
    assert labels_of(text, "Bolton") == ["ORG"]


def test_countries_in_a_fixture_list_stay_places() -> None:
    text = "Davis Cup ties this weekend:\nFrance at Japan\nSpain v Belgium\n"
    for country in ("France", "Japan", "Spain", "Belgium"):
        assert labels_of(text, country) == ["LOC"], country


def test_a_country_next_to_its_score_stays_a_place() -> None:
    text = "Friendly international on Wednesday:\nCanada 2, Mexico 0 (halftime 1-0)\n"
    assert labels_of(text, "Canada") == ["LOC"]
    assert labels_of(text, "Mexico") == ["LOC"]


def test_a_town_with_its_score_and_scorers_in_brackets_is_a_side() -> None:
    text = "Close of play: Leeds 214 (J. Marsh 80), Bristol 108 (T. Hale 51) and 40-2.\n"
    assert labels_of(text, "Leeds") == ["ORG"]
    assert labels_of(text, "Bristol") == ["ORG"]


def test_a_side_is_still_a_place_in_a_dateline_and_after_in() -> None:
    text = (
        "HOUSTON 2021-05-02\n"
        "Houston pitcher Ray Dunn struck out nine as the home side won again. "
        "In Houston, fans stayed late to cheer him."
    )
    assert labels_of(text, "HOUSTON") == ["LOC"]
    assert labels_of(text, "Houston") == ["ORG", "LOC"]


def test_a_ground_in_brackets_after_at_is_a_place() -> None:
    text = "Tour itinerary:\nJune 5-9 First test (at Kelvale, Dunmore)\n"
    assert labels_of(text, "Kelvale") == ["LOC"]


def test_runs_and_wickets_after_a_town_make_it_a_side() -> None:
    text = "Scores at stumps on the second day: Leeds 214, Bristol 108-3.\n"
    assert labels_of(text, "Bristol") == ["ORG"]


def test_a_town_after_in_with_a_score_is_where_they_played() -> None:
    text = "The United States edged Austria in Bristol 3-2 in the opening round."
    assert labels_of(text, "Bristol") == ["LOC"]
