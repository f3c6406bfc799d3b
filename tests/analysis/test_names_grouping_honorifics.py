""" "Mr. Petrie" is never grouped with "Alice Petrie", the story's only full name.

Texts written for these tests (issue 16): a story that calls the mayor "Mr. Petrie"
and names his wife once in full must not show his quotes under her name.
"""

from __future__ import annotations

from reader.analysis import analyze


def test_mr_surname_is_not_the_woman_who_shares_the_surname() -> None:
    text = (
        'Mayor Petrie opened the harbour on Monday. "We waited ten years for this," '
        "Mr. Petrie said.\n\nHis wife, Alice Petrie, cut the ribbon."
    )
    analysis = analyze(text)
    assert [q.speaker for q in analysis.quotes] == ["Petrie"]
    people = {g.name: len(g.mentions) for g in analysis.groups if g.label == "PER"}
    assert people == {"Petrie": 2, "Alice Petrie": 1}


def test_mrs_surname_still_joins_her_full_name() -> None:
    text = (
        'Alice Petrie opened the harbour on Monday. "We waited ten years for this," '
        "Mrs. Petrie said."
    )
    assert [q.speaker for q in analyze(text).quotes] == ["Alice Petrie"]
