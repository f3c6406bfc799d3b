"""Market indexes and weapon models are MISC, not organisations (#16).

Written for these tests: "the Dow Jones industrial average" names the index, not the
company; "F-16", "AK-47s" are models. The exchange itself and a group such as "G-7" stay
organisations, and an agency before "index" stays the agency.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities


def names(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_an_index_after_its_name_is_misc() -> None:
    text = "The Dow Jones industrial average fell, and shares on the Nasdaq rose."
    assert names(text) == [("Dow Jones", "MISC"), ("Nasdaq", "ORG")]


def test_a_composite_is_an_index() -> None:
    assert ("TSX", "MISC") in names("In Toronto the TSX composite closed higher on Friday.")


def test_an_agency_before_index_stays_the_agency() -> None:
    text = "The latest Statistics Canada index showed prices up."
    assert ("Statistics Canada", "ORG") in names(text)


@pytest.mark.parametrize("model", ["F-16", "AK-47s", "MiG-29", "C-130"])
def test_a_model_code_is_misc(model: str) -> None:
    text = f"Witnesses said the group had several {model} and other arms with them."
    assert (model, "MISC") in names(text)


def test_a_group_of_nations_is_no_model() -> None:
    assert ("G-7", "MISC") not in names("Ministers of the G-7 met in Halifax on Friday.")
