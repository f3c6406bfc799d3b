"""A firm named by its industry word is an organisation, not a person (#16).

Written for these tests: "Jones Medical", "Harlan Cement" open with a name, so they read
as people until the last word says what they make. Titles named after a portfolio stay.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities


def names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


@pytest.mark.parametrize(
    "firm", ["Jones Medical", "Harlan Cement", "Morrow Chemical", "Carter Software"]
)
def test_an_industry_word_ends_a_firm(firm: str) -> None:
    text = f"Brokers said {firm} would report higher sales in the autumn."
    assert (firm, "ORG") in names(text)


def test_a_portfolio_before_a_title_is_no_firm() -> None:
    text = "Canada's Energy Secretary Ruth Vane said prices would fall."
    found = names(text)
    assert ("Ruth Vane", "PER") in found
    assert not [name for name, label in found if label == "ORG"]


def test_a_field_after_a_body_and_of_is_no_title() -> None:
    text = "Corn futures on the Harlan Board of Trade closed lower on Friday."
    assert ("Harlan Board of Trade", "ORG") in names(text)


def test_a_portfolio_after_a_title_and_of_is_still_the_title() -> None:
    text = "The Minister of Trade Anna Lopez said talks would resume."
    assert ("Anna Lopez", "PER") in names(text)
