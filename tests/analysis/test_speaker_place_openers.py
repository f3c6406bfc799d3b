"""A sentence opened by where it happens: "Here in Columbia, Hale ..., saying, "..."".

Texts written for these tests (issue 16): "Here in", "Back in", "Out in" and the like
open a phrase of place before the subject; the subject after its comma speaks the
participle's quote, and the adverb is never taken for a name ("Back").
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_place_phrase_before_the_subject() -> None:
    for opener in ("Here in Columbia", "Back in Ottawa", "Out in Red Deer"):
        text = (
            "Mayor Ann Hale toured the province this week.\n\n"
            f"{opener}, Hale stepped up her attacks on the council, saying, "
            '"We have got to fix these roads before winter."'
        )
        assert _speakers(text) == ["Ann Hale"], opener
