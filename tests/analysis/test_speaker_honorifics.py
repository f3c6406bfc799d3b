"""An honorific joins a surname to the story's full name unless the first name says
otherwise; a first name is never shown as a role.

Texts written for these tests (issue 16): "Lindsey" is a first name mostly given to
women, yet "Mr. Grayling" is the "Senator Lindsey Grayling" named before; "Mr.
Okafor" in a story that only names "Michelle Okafor" is not shown as her, and
"Michelle" is no role of his.
"""

from __future__ import annotations

from reader.analysis import analyze


def _quotes(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in analyze(text).quotes if q.kind == "quote"]


def test_mr_joins_a_full_name_whose_first_name_is_only_mostly_female() -> None:
    text = (
        "Senator Lindsey Grayling spoke to reporters on Monday. "
        '"We need a deal before the recess," Mr. Grayling said.'
    )
    assert _quotes(text) == [("Lindsey Grayling", "Senator")]


def test_mr_is_not_the_woman_of_the_same_surname_and_her_first_name_is_no_role() -> None:
    text = (
        "Michelle Okafor spoke to reporters on Monday. "
        '"We need a deal before the recess," Mr. Okafor said.'
    )
    assert _quotes(text) == [("Okafor", None)]


def test_a_title_inside_a_tv_show_name_and_before_the_name_is_no_first_name() -> None:
    text = (
        "The senator did not see the point. "
        '"But that was the first time in a long while, senator," CBC This Evening '
        "co-Anchor Marta Quillfeather said."
    )
    (speaker, _role) = _quotes(text)[0]
    assert speaker is not None and speaker.endswith("Quillfeather")
    assert not speaker.startswith(("Anchor", "co-Anchor", "Evening", "This"))


def test_a_title_before_a_first_name_is_dropped_from_the_shown_name() -> None:
    text = (
        "House Rep. Paula Rynkowski spoke on Tuesday. "
        '"We need a budget before the recess," Rynkowski said.'
    )
    assert _quotes(text)[0][0] == "Paula Rynkowski"


def test_an_organisation_keeps_its_whole_name() -> None:
    text = 'The White House said the decision was a "respectful arrangement" for all.'
    speakers = [speaker for speaker, _ in _quotes(text)]
    assert "House" not in speakers
