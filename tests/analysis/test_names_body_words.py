"""A name of several words that holds a body's word is no person's name (#16).

Written for these tests: names that no list knows, with no cue around them.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import find_entities


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The petition went to the Ostravan International Aid in 1993.",
            "Ostravan International Aid",
        ),
        ("Next week Tarsiva National Grid is likely to issue bonds.", "Tarsiva National Grid"),
        (
            "A report from the Vellmar Rights Observatory came out on Monday.",
            "Vellmar Rights Observatory",
        ),
    ],
)
def test_a_name_with_a_body_word_is_an_organisation(text: str, name: str) -> None:
    assert [e.label for e in find_entities(text) if e.text == name] == ["ORG"]


def test_a_name_without_one_stays_a_person() -> None:
    text = "The petition went to Ostravan Teleki in 1993."
    assert [e.label for e in find_entities(text) if e.text == "Ostravan Teleki"] == ["PER"]
