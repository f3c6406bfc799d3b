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
