"""A noun that can speak, then a verb, then a name: the name is the verb's object.

Texts written for these tests (issue 16). "The board saw Okafor as ..." is about the
board; before, the phrase read on through "board saw" as if it were Okafor's role and
gave the quotation to Okafor.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_subject_speaks_not_the_object_after_its_verb() -> None:
    text = (
        "Two reporters met Pike at the pier. The board saw Okafor as the "
        '"best hope for the harbour" after the storm.'
    )
    assert _speakers(text) == ["The board"]


@pytest.mark.parametrize(
    "text",
    [
        'A clerk handed Hale the list under the line "these are the only items we '
        'can afford this year" before the vote.',
        'The council emailed Okafor a note headed "what the ferry will cost the '
        'island next year" on Monday.',
    ],
)
def test_the_object_of_a_verb_is_never_the_speaker(text: str) -> None:
    assert not {"Hale", "Okafor"} & set(_speakers(text))


def test_a_role_before_a_name_still_reads_whole() -> None:
    text = 'The ferry plan is "a folly," said harbour board chairman Tom Hale.'
    quote = analyze(text).quotes[0]
    assert (quote.speaker, quote.role) == ("Tom Hale", "harbour board chairman")
