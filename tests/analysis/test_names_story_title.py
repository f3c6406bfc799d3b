"""A story's short title line gives no people for its words (#16: "Long Story" listed).

Written for these tests. "Long" is a first name in the name dictionary, so a title such
as "A Long Story" read as prose looked like a person's name; a line that stands alone
before the story is a title, read with the lists and the story's own names only.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities, group_entities

BODY = "The council met on Tuesday to review the figures. The chair, Ann Lee, spoke first.\n"


@pytest.mark.parametrize("title", ["A Long Story", "Long Story", "Grace Under Fire"])
def test_a_title_line_names_no_person(title: str) -> None:
    text = f"{title}\n\n{BODY}"
    people = {e.text for e in find_entities(text) if e.label == "PER"}
    assert people == {"Ann Lee"}


def test_the_people_panel_lists_no_title() -> None:
    text = f"A Long Story\n\n{BODY}"
    groups = group_entities(text, find_entities(text))
    assert [g.name for g in groups if g.label == "PER"] == ["Ann Lee"]


def test_a_name_in_the_title_that_the_story_names_is_still_found() -> None:
    text = "Ann Lee Speaks\n\nThe council met on Tuesday. Ann Lee said the figures were late.\n"
    people = {e.text for e in find_entities(text) if e.label == "PER"}
    assert "Ann Lee" in people
    assert not people & {"Ann Lee Speaks", "Speaks"}


@pytest.mark.parametrize(
    "text",
    [
        "Phil Simmons",  # a text of one line is no title
        "Ann Lee\nChair of the council\n\nThe council met on Tuesday.",  # a signature block
        "The council met on Tuesday.\n\nAnn Lee, the chair, spoke first.",
    ],
)
def test_a_name_that_is_not_a_title_line_is_a_person(text: str) -> None:
    people = {e.text for e in find_entities(text) if e.label == "PER"}
    assert people & {"Phil Simmons", "Ann Lee"}
