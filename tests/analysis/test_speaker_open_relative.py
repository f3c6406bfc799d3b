"""A "who" clause between the name and the verb, left open by a missing comma.

Texts written for these tests (issue 16): '"...," Nate Rivers, the analyst who founded a
forecasting site tweeted' is Nate Rivers's quote, as it is with the comma written; the
site the clause names says nothing.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_open_relative_after_an_apposition() -> None:
    text = (
        '"The race is tightening in every state we poll," Nate Rivers, the polling analyst '
        "who founded a forecasting site tweeted on Wednesday."
    )
    assert _speakers(text) == ["Nate Rivers"]


def test_open_relative_after_the_name() -> None:
    text = (
        '"The mayor says different things to different audiences," Katie Pell, who is '
        "chairman of the Better Roads Fund said in a statement."
    )
    assert _speakers(text) == ["Katie Pell"]
