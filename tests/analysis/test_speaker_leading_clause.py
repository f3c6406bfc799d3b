"""A leading clause's verb ("When ... are revealed, ...") reports nothing of the main one.

Texts written for these tests (issue 16): in 'When smugglers are revealed at the pier,
Ada Pike and Tom Hale call them "night fishermen"' the pair names them; before, the
leading clause's verb ("are revealed") gave the quotation to the smugglers.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_main_clause_subject_speaks_after_a_when_clause() -> None:
    text = (
        "The pier is busy at night. When smugglers are revealed as part of the trade "
        'at the pier, Ada Pike and Tom Hale call them "night fishermen" and describe '
        "their work as a nuisance."
    )
    # the pair, or its last name: a check made after attribution keeps a pair only
    # with a verb of speech, and "call" here has none of its own
    assert _speakers(text) in (["Ada Pike and Tom Hale"], ["Tom Hale"])


def test_a_pair_after_a_leading_clause_speaks_together() -> None:
    text = (
        "When the ferry broke down in March, Ada Pike and Tom Hale called it "
        '"a disgrace" and asked for a new one.'
    )
    assert _speakers(text) == ["Ada Pike and Tom Hale"]
