"""A nominal speaker ("the former president") resolves to the person an earlier title
gives that very role, qualifiers included.

Texts written for these tests (issue 16).
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_former_president_is_the_one_titled_former_president() -> None:
    text = (
        "President Ahmed Saleh spoke first. Former President Tomas Berg followed him.\n\n"
        '"We have work to do," the former president said.'
    )
    assert _speakers(text) == ["Tomas Berg"]


def test_the_former_president_is_not_the_sitting_president() -> None:
    text = (
        "President Ahmed Saleh spoke first. Later, Tomas Berg went on stage.\n\n"
        '"We have work to do," the former president said.'
    )
    assert _speakers(text) == ["the former president"]


def test_the_minister_is_the_minister_named_a_paragraph_before() -> None:
    text = (
        'Innovation Minister Navdeep Bains spoke first.\n\n"We have work to do," the minister said.'
    )
    assert _speakers(text) == ["Navdeep Bains"]
