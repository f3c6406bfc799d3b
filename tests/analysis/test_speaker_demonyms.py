"""A party or nationality word in a speaker phrase describes the speaker; it is no name.

Texts written for these tests (issue 16): "said Liberal strategist Dana Okafor" is
spoken by Dana Okafor, and "one senior Conservative" is a person described, not a
name the reader is left without.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


@pytest.mark.parametrize(
    "sentence",
    [
        '"The ferry vote was lost in the harbour towns," said Republican political '
        "consultant Dana Okafor.",
        '"The ferry vote was lost in the harbour towns," said Canadian pollster Dana Okafor.',
    ],
)
def test_the_name_after_a_party_and_a_role_speaks(sentence: str) -> None:
    assert _speakers(sentence) == ["Dana Okafor"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            '"Nobody expected the tolls to rise again," one senior Democrat said.',
            "one senior Democrat",
        ),
        (
            '"Nobody expected the tolls to rise again," said one Republican involved in the '
            "talks, who asked not to be named.",
            "one Republican",
        ),
        ('"Nobody expected the tolls to rise again," a Canadian told reporters.', "a Canadian"),
    ],
)
def test_a_person_described_by_party_or_nation_is_a_nominal_speaker(
    sentence: str, speaker: str
) -> None:
    assert _speakers(sentence) == [speaker]


def test_a_party_alone_is_still_no_speaker() -> None:
    # "British said" names no one: a nationality with no determiner is not a person
    assert _speakers('"The tolls will rise," British said on Tuesday.') == [None]
