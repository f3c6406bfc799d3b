"""A weekday between the speaker and the verb: "Hale later Thursday told Fox News:".

Texts written for these tests (issue 16): a day (with "later", "on" or a part of the
day) says when it was said, never who said it.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_day_between_name_and_verb() -> None:
    for when in ("later Thursday", "Thursday", "Thursday night", "on Thursday night"):
        text = (
            "Mayor Ann Hale spent the week in talks with the province.\n\n"
            f'Hale {when} told reporters: "Both sides are meeting again next week."'
        )
        assert _speakers(text) == ["Ann Hale"], when
