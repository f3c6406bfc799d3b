"""Grouping mentions of one entity for the "people in this story" list."""

from __future__ import annotations

from reader.analysis.entities import find_entities, group_entities, likely_gender
from reader.model import Entity


def groups_of(text: str) -> dict[str, list[str]]:
    found = find_entities(text)
    return {g.name: [m.text for m in g.mentions] for g in group_entities(text, found)}


def test_a_surname_and_a_possessive_join_the_full_name() -> None:
    text = "Joe Biden spoke first. Later Biden's aides said Biden was tired."
    assert groups_of(text) == {"Joe Biden": ["Joe Biden", "Biden", "Biden"]}


def test_a_surname_before_the_full_name_still_joins_it() -> None:
    text = "PETRENKO TO VISIT OSLO\nOlga Petrenko will arrive on Monday."
    groups = groups_of(text)
    assert groups["Olga Petrenko"] == ["PETRENKO", "Olga Petrenko"]


def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Anna Novak and Piotr Novak disagree. Piotr Novak wants a vote. "
        "Novak said the vote would wait."
    )
    groups = groups_of(text)
    assert groups["Anna Novak"] == ["Anna Novak"]
    # The lone surname goes to the Novak named last before it.
    assert groups["Piotr Novak"] == ["Piotr Novak", "Piotr Novak", "Novak"]


def test_every_mention_gets_its_group_id_and_counts_start_at_zero() -> None:
    text = "Kenya and Chile signed. Kenya later withdrew."
    found = find_entities(text)
    groups = group_entities(text, found)
    assert [g.name for g in groups] == ["Kenya", "Chile"]
    assert [e.group for e in found] == [0, 1, 0]
    assert all(g.quote_count == 0 for g in groups)
    assert groups[0].label == "LOC"


def test_an_acronym_joins_the_name_it_abbreviates() -> None:
    text = "The Coastal Fisheries Commission met. The CFC later said no."
    found = [
        Entity(4, 32, "Coastal Fisheries Commission", "ORG"),
        Entity(42, 45, "CFC", "ORG"),
    ]
    groups = group_entities(text, found)
    assert len(groups) == 1
    assert groups[0].name == "Coastal Fisheries Commission"


def test_dotted_and_plain_acronyms_join_the_full_name() -> None:
    text = "U.S. officials said the United States would wait; US envoys agreed."
    groups = groups_of(text)
    assert groups == {"United States": ["U.S.", "United States", "US"]}


def test_a_lone_first_name_joins_the_only_person_who_has_it() -> None:
    text = "Ayesha Raman and Tom Ochieng spoke. Later Ayesha said more."
    groups = groups_of(text)
    assert groups["Ayesha Raman"] == ["Ayesha Raman", "Ayesha"]


def test_group_ids_follow_first_mention_after_joining() -> None:
    text = "The UN met. Kenya spoke. The United Nations then voted."
    found = find_entities(text)
    groups = group_entities(text, found)
    assert [(g.id, g.name) for g in groups] == [(0, "United Nations"), (1, "Kenya")]
    assert [e.group for e in found] == [0, 1, 0]


def test_a_capitals_only_name_is_shown_readably() -> None:
    text = "OSLO TALKS END\nNothing else."
    found = [Entity(0, 4, "OSLO", "LOC")]
    assert [g.name for g in group_entities(text, found)] == ["Oslo"]


def test_no_entities_no_groups() -> None:
    assert group_entities("", []) == []


def test_likely_gender_comes_from_the_first_name() -> None:
    assert likely_gender("Wendy Sherman") == "female"
    assert likely_gender("Sergei Ryabkov") == "male"
    assert likely_gender("Ryabkov") is None
    assert likely_gender("") is None
