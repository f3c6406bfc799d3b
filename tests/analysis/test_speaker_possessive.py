"""A possessive name anywhere before its noun makes a complete nominal speaker.

Text written for this test (issue 16): "Maine Sen. Ada Pike's campaign said" is a
campaign speaking, a complete phrase, however many words the name before it has.
"""

from __future__ import annotations

from reader.analysis import analyze


def test_a_long_possessive_name_before_its_noun_is_a_speaker() -> None:
    text = (
        "Maine state Sen. Ada Pike’s campaign, for example, said she would "
        "“back the nominee in the fall.”"
    )
    speakers = [q.speaker for q in analyze(text).quotes if q.kind == "quote"]
    assert speakers == ["Maine state Sen. Ada Pike’s campaign"]
