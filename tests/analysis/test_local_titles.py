"""Local-government titles stand before a name as its role: "Town Clerk Nia Osei".

Texts written for these tests (issue 16): US and Canadian local news names clerks,
sheriffs, coroners and selectmen by title; the name after the title is the speaker
and the title is kept as the role. A first name that is also a title word ("Dean") is
not touched.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ('"The ballots were counted twice," said Town Clerk Nia Osei.', "Town Clerk"),
        ('"The road stays closed," County Sheriff Nia Osei said.', "County Sheriff"),
        ('"No one was hurt," said Deputy Coroner Nia Osei.', "Deputy Coroner"),
    ],
)
def test_the_name_after_a_local_title_speaks_and_keeps_the_title(sentence: str, role: str) -> None:
    quotes = analyze(sentence).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Nia Osei", role)]


def test_a_first_name_that_is_a_title_word_is_still_a_name() -> None:
    quotes = analyze('"Rates will rise," said Dean Okafor, an economist.').quotes
    assert [q.speaker for q in quotes] == ["Dean Okafor"]
