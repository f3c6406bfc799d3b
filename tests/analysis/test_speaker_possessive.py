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


def test_a_name_ending_in_s_takes_the_mark_alone() -> None:
    # "Harris’ campaign": the possessive of a name in "s" is the mark alone, and the
    # speaker is shown as written, not as the words around the mark ("Harris ’ campaign")
    text = (
        "The count went on past midnight in the northern wards.\n\n"
        "Harris’ campaign called the early tally a “rush to judgment,” because the "
        "postal votes were still coming in."
    )
    speakers = [q.speaker for q in analyze(text).quotes if q.kind == "quote"]
    assert speakers == ["Harris’ campaign"]
