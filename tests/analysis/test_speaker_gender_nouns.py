"""A pronoun passes over a plain phrase whose noun has the other gender.

Texts written for these tests (issue 16): "his wife" or "a young man" named just before
"he" or "she" is no antecedent of the other gender; the person named before them is.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.speaker_names import gender_of


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


@pytest.mark.parametrize(
    ("phrase", "gender"),
    [("His wife", "female"), ("the congresswoman", "female"), ("a young man", "male")],
)
def test_the_head_noun_of_a_plain_phrase_gives_its_gender(phrase: str, gender: str) -> None:
    text = f"{phrase} spoke."
    assert gender_of(text, 0, len(phrase), None) == gender


def test_a_capitalised_last_word_is_a_name_not_a_noun() -> None:
    text = "Leslie Son spoke."  # "Son" ends a name here: no gender from it
    assert gender_of(text, 0, len("Leslie Son"), None) != "male"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Gordon Pike waved from the stage. His wife had asked him to stay calm, "
            'but he answered: "Nobody wins a race by sitting still."',
            "Gordon Pike",
        ),
        (
            "Marguerite Oyelaran stood by the door while a young man filmed her. "
            '"We came here to be heard, not to be recorded," she said.',
            "Marguerite Oyelaran",
        ),
    ],
)
def test_a_pronoun_skips_a_phrase_of_the_other_gender(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
