"""A quotation set in its own paragraph and signed by the next one ("- Name.").

Texts written for these tests (issue 16): fact-check and "quotable" columns print a
claim, then a line "- Rhona Baird." or "-Mayor Alan Petrie, speaking on Friday.";
that line names who said it. A dash line that names no one signs nothing.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_a_dash_line_below_a_quotation_signs_it() -> None:
    text = (
        "We checked three claims from the ferry debate.\n\n"
        '"The island has lost half its winter sailings since the cuts began."\n\n'
        "- Rhona Baird.\n\n"
        "The figure holds up: sailings fell from 14 a week to seven."
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_dash_line_with_an_aside_signs_it_too() -> None:
    text = (
        '"Great news for the harbour, and about time too."\n\n'
        "-Mayor Alan Petrie, speaking on Friday.\n\n"
        "The council agreed."
    )
    assert _speakers(text) == ["Alan Petrie"]


def test_a_dash_line_that_names_no_one_signs_nothing() -> None:
    text = (
        '"The island has lost half its winter sailings since the cuts began."\n\n'
        "- read the full report below.\n\n"
        "The figure holds up."
    )
    assert _speakers(text) == [None]


def test_a_dash_signature_wrapped_onto_its_own_line_names_the_speaker() -> None:
    text = (
        "Readers wrote to us about the ferry cuts.\n\n"
        "“I am so tired of being told to wait for a ferry that never comes back.” ―\n"
        "Marnie Ostrowski\n"
        "“Nobody asked the island before the cuts were made.” ― Tobias Lindgren"
    )
    speakers = [q.speaker for q in analyze(text).quotes if q.kind == "quote"]
    assert speakers == ["Marnie Ostrowski", "Tobias Lindgren"]
