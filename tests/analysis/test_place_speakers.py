"""A place speaks for its government only as the subject of its own verb.

Texts written for these tests (issue 16): "At a rally in Macon, Georgia, ... with the
senator shouting "..."" names where someone spoke, not who; "Norway said ..." and
"Chile, the largest producer, said ..." are the governments speaking.
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
            "At a rally in Macon, Georgia, on Friday, a protester was pushed to the ground, "
            'with the crowd reportedly shouting: "Send him home right now, all of them!"',
            "the crowd",  # the participle's own subject; never "Georgia"
        ),
        (
            'Minnesota, where the "revolution for working families" began, has found new friends.',
            None,
        ),
    ],
)
def test_a_place_near_a_quote_is_not_its_speaker(text: str, speaker: str | None) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Norway on Monday said the new quotas were "a fair deal for every fleet."', "Norway"),
        (
            "Chile, the largest copper producer in the region, said the tariff was "
            '"a mistake that hurts miners on both sides."',
            "Chile",
        ),
        ('Portugal accused its neighbour of "reckless fishing in shared waters."', "Portugal"),
    ],
)
def test_a_country_with_its_own_verb_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
