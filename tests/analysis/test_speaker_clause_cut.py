"""A speaker is a complete phrase: the clause a subject opens is cut off, never kept.

Texts written for these tests (issue 16): "The crowd chanted back" is spoken by "The
crowd"; "The council voted 6-1" by "The council"; "A month later" and "a few days
later" are times, and speak nothing.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The mayor spoke of the ferry. The crowd chanted back at her, "
            '"Keep the boat, keep the town," for a full minute.',
            "The crowd",
        ),
        (
            "The council voted 6-1 for a motion which said the town "
            '"will not accept any cut to the winter crossings this year."',
            "The council",
        ),
    ],
)
def test_the_clause_after_a_subject_is_cut_off(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_time_is_no_speaker() -> None:
    text = (
        "A month later, she went back to the harbour and explained why the islanders "
        '"will always need a boat that runs in winter, whatever it costs the council."'
    )
    assert "A month later" not in _speakers(text)
