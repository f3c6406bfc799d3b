"""A short quote with no speech verb whose only speaker candidate fails is scare.

Text written for this test (issue 16): "Salt spray ate the paint on every "heritage"
railing": the sentence's subject is no speaker, and a quote of one to three words
without a speech verb is then the writer's word.
"""

from __future__ import annotations

from reader.analysis import analyze


def test_a_short_quote_without_a_cue_or_a_speaker_is_scare() -> None:
    text = 'Salt spray ate the paint on every "heritage" railing along the front.'
    assert [q.kind for q in analyze(text).quotes] == ["scare"]
