"""Taking names apart and deciding which forms are one person."""

from __future__ import annotations

from reader.services.identity import Mention, cluster_people, parse_person, without_titles


def test_forms_of_one_name_parse_to_the_same_surname_and_given_name() -> None:
    full = parse_person("Mayor Priya Nandakumar")
    apposed = parse_person("The mayor, Priya Nandakumar")
    assert full is not None and apposed is not None
    assert (full.surname, full.first) == ("nandakumar", "priya")
    assert (apposed.surname, apposed.first) == ("nandakumar", "priya")
    assert "mayor" in full.titles and "mayor" in apposed.titles
    bare = parse_person("Ms Nandakumar")
    assert bare is not None and bare.first is None and bare.gender == "f"
    assert parse_person("Anna van der Berg") == parse_person("Anna van der Berg")
    berg = parse_person("Anna van der Berg")
    assert berg is not None and berg.surname == "van der berg"


def test_a_description_is_not_a_name() -> None:
    assert parse_person("a spokesperson") is None


def _mentions(*forms: str, roles: tuple[str, ...] = ()) -> list[Mention]:
    mentions = []
    for form in forms:
        name = parse_person(form)
        assert name is not None
        mentions.append(Mention(name, frozenset(roles)))
    return mentions


def test_initial_and_bare_surname_join_the_only_person_they_fit() -> None:
    clusters = cluster_people(_mentions("Priya Nandakumar", "P. Nandakumar", "Ms Nandakumar"))
    assert len(set(clusters)) == 1


def test_two_given_names_never_join_and_a_bare_surname_between_them_stays_alone() -> None:
    clusters = cluster_people(
        _mentions("Priya Nandakumar", "Ravi Nandakumar", "Nandakumar", "Ms Nandakumar")
    )
    assert len(set(clusters)) == 4


def test_an_initial_two_given_names_fit_stays_alone() -> None:
    clusters = cluster_people(_mentions("Paul Smith", "Peter Smith", "P. Smith"))
    assert len(set(clusters)) == 3


def test_a_shared_role_joins_a_bare_surname_to_one_of_two_people() -> None:
    mentions = [
        *_mentions("Priya Nandakumar", roles=("mayor",)),
        *_mentions("Ravi Nandakumar"),
        *_mentions("Mayor Nandakumar"),
    ]
    clusters = cluster_people(mentions)
    assert clusters[2] == clusters[0] != clusters[1]


def test_bare_forms_whose_titles_disagree_stay_apart() -> None:
    clusters = cluster_people(_mentions("Mr Smith", "Ms Smith", "Smith", "Mr Smith"))
    assert clusters[0] == clusters[3]
    assert len({clusters[0], clusters[1], clusters[2]}) == 3


def test_titles_come_off_a_full_name_but_not_off_a_surname() -> None:
    assert without_titles("Councillor Malcolm Reeve") == ("Malcolm Reeve", ["Councillor"])
    assert without_titles("Dr. Hannah Lindqvist") == ("Hannah Lindqvist", ["Dr"])
    assert without_titles("Mayor Nandakumar") == ("Mayor Nandakumar", [])
