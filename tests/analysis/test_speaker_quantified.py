"""Speakers counted out of a group: "one of the officials said", "Another said".

Texts written for these tests (issue 16): the phrase reader stopped at "of" or took the
lone counting word for a determiner, so such quotes had no speaker or were filed as a
writer's scare quotes.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze

_OPENING = (
    "The port authority met on Tuesday night to debate the ferry budget for the coming "
    "year, and the meeting ran late.\n\n"
)


def _quotes(paragraph: str) -> list[tuple[str, str | None]]:
    found = analyze(_OPENING + paragraph).quotes
    return [(q.kind, q.speaker) for q in found]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"We are done here," one of the officials said.', "one of the officials"),
        ('"The fares will rise," said one of the harbour pilots.', "one of the harbour pilots"),
        ('"It is over," many of them said as they left.', "many of them"),
        ('"It is over," one of Hale\'s aides said.', "one of Hale's aides"),
    ],
)
def test_a_part_of_a_group_after_the_quote(paragraph: str, speaker: str) -> None:
    assert _quotes(paragraph) == [("quote", speaker)]


def test_a_part_of_a_group_before_the_quote() -> None:
    paragraph = 'Many of them said the vote was "a turning point for the island."'
    assert _quotes(paragraph) == [("quote", "Many of them")]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('One pilot cheered. Another said, "We waited ten years for this."', "Another"),
        ('"We waited ten years," another wrote on the harbour forum.', "another"),
        ('Several said they were "deeply worried" about the winter sailings.', "Several"),
    ],
)
def test_a_lone_counting_word(paragraph: str, speaker: str) -> None:
    assert _quotes(paragraph) == [("quote", speaker)]


def test_a_counted_phrase_inside_a_clause_is_no_speaker() -> None:
    # "of one of the officials" does not open its clause: the plan is no speaker
    paragraph = 'The plan of one of the officials was "a disaster for the harbour."'
    assert ("quote", "one of the officials") not in _quotes(paragraph)
