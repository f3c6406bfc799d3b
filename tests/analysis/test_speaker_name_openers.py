"""Capitalised words that open a name-shaped phrase but name no one.

Texts written for these tests (issue 16): "Later Hale said" is Hale, with no role
"Later"; a headline's "Ferry Company President On Hale:" is the president speaking
on Hale, not someone called "On Hale" (no one is named: unknown).
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


@pytest.mark.parametrize("adverb", ["Later", "Earlier", "Afterwards", "Separately"])
def test_an_opening_adverb_is_no_role(adverb: str) -> None:
    text = f'{adverb} Hale said the ferry plan was "dead on arrival" and would never pass.'
    quote = analyze(text).quotes[0]
    assert (quote.speaker, quote.role) == ("Hale", None)


def test_a_headline_topic_is_no_speaker() -> None:
    text = (
        'Ferry Company President On Hale: "He Will Not Close The Pier."\n\n'
        "Ferry Company President Ada Pike is not backing down against Mayor Tom Hale, "
        "who has threatened to close the pier."
    )
    speakers = [q.speaker for q in analyze(text).quotes]
    assert not any(s and "On Hale" in s for s in speakers)
