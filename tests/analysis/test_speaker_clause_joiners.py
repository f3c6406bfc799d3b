"""A later clause of the sentence, after an earlier quotation, has its own speaker.

Texts written for these tests (issue 16): '... "a folly," while Hale calls it "..."'
is Hale's second quotation, as '... "a folly," but Hale calls it' already was.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_a_while_clause_after_a_quotation_speaks_the_next() -> None:
    text = (
        "Ada Pike calls the ferry plan, which she has opposed for years, "
        '"a folly," while Tom Hale calls it "the only way forward."'
    )
    assert _speakers(text) == ["Ada Pike", "Tom Hale"]


def test_two_people_who_open_a_participle_clause_speak_together() -> None:
    text = (
        "Ada Pike and Tom Hale issued a joint letter calling the closure "
        '"a betrayal of the island."'
    )
    assert _speakers(text) == ["Ada Pike and Tom Hale"]
