"""The people index over stories written for it, analysed by the real analysis."""

from __future__ import annotations

import pytest

from reader.model import Analysis, Article
from reader.services.library import load_and_analyse
from reader.services.people import Person, build_index, find_person, matches_words, quote_records
from tests.services.stories import write_stories


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Article, Analysis]]:
    folder = tmp_path_factory.mktemp("stories")
    write_stories(folder)
    problems: list[str] = []
    pairs = load_and_analyse([str(folder)], "builtin", problems.append, None)
    assert problems == []
    return pairs


def _named(people: list[Person], name: str) -> Person:
    found = [p for p in people if p.name == name]
    assert len(found) == 1, [p.name for p in people]
    return found[0]


def test_one_person_under_several_forms_across_stories_is_one_entry(
    stories: list[tuple[Article, Analysis]],
) -> None:
    people = build_index(stories)
    priya = _named(people, "Priya Nandakumar")
    assert priya.kind == "PER"
    # Two in the budget story, one at the flood, "Mayor Nandakumar" on parking fees.
    assert len(priya.quotes) == 4
    assert priya.story_count == 3
    assert {"Mayor Priya Nandakumar", "Ms Nandakumar", "The mayor, Priya Nandakumar"} <= set(
        priya.variants
    )
    assert priya.roles == ["Mayor"]
    assert (priya.first, priya.last) == ("2026-03-02", "2026-03-20")
    assert people[0] is priya  # most quoted first


def test_two_people_sharing_a_surname_stay_apart(stories: list[tuple[Article, Analysis]]) -> None:
    people = build_index(stories)
    ravi = _named(people, "Ravi Nandakumar")
    assert len(ravi.quotes) == 3 and ravi.story_count == 2
    assert all("Forty years" not in r.quote.text for r in ravi.quotes)
    # "Nandakumar" alone, in a story naming no one else, could be either: left alone.
    alone = _named(people, "Nandakumar")
    assert [r.article.title for r in alone.quotes] == ["Corner shop closes"]
    priya = _named(people, "Priya Nandakumar")
    assert not {id(r.quote) for r in priya.quotes} & {id(r.quote) for r in ravi.quotes}


def test_a_bare_surname_joins_when_the_library_has_one_person_of_that_name(
    stories: list[tuple[Article, Analysis]],
) -> None:
    without_ravi = [(a, an) for a, an in stories if "Ravi" not in a.text]
    priya = _named(build_index(without_ravi), "Priya Nandakumar")
    assert "Corner shop closes" in {r.article.title for r in priya.quotes}


def test_a_person_sharing_a_name_with_an_organisation_stays_apart(
    stories: list[tuple[Article, Analysis]],
) -> None:
    people = build_index(stories)
    ford = _named(people, "Samuel Ford")
    company = _named(people, "Ford Motor Company")
    assert (ford.kind, company.kind) == ("PER", "ORG")
    assert len(ford.quotes) == 2 and len(company.quotes) == 1
    assert ford.roles == ["Dr"]


def test_find_person_by_any_form_and_quotes_by_words(
    stories: list[tuple[Article, Analysis]],
) -> None:
    people = build_index(stories)
    assert [p.name for p in find_person(people, "the mayor, priya nandakumar")] == [
        "Priya Nandakumar"
    ]
    assert find_person(people, "Nobody Here") == []
    found = [r for r in quote_records(stories) if matches_words(r.quote.text, "LIBRARIES close")]
    assert [r.speaker for r in found] == ["Priya Nandakumar"]
