"""A nominal subject speaks only when its head can: a person, role, body or document.

Texts written for these tests (issue 16): a sentence about a thing ("The promise",
"His standing") that holds a quotation is no attribution, and lends no speaker to
the quotations next to it.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.lexicon import names_a_speaker


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


@pytest.mark.parametrize(
    "sentence",
    [
        'His standing rose after the storm and his call for "a total and complete rebuild" '
        "of the sea wall.",
        'The promise of "a total and complete rebuild" of the sea wall came late.',
    ],
)
def test_a_thing_as_subject_is_no_speaker_and_lends_none(sentence: str) -> None:
    text = (
        'Ruth Calloway, the harbour master, said the wall was "too low for the winter '
        f'storms and too old to patch again."\n\n{sentence}'
    )
    assert _speakers(text) == ["Ruth Calloway", None]


def test_a_person_as_subject_still_speaks() -> None:
    text = (
        'The retired harbour pilot has called the plan "a slow disaster for every boat '
        'that uses the channel" since the spring.'
    )
    assert _speakers(text) == ["The retired harbour pilot"]


@pytest.mark.parametrize(
    ("phrase", "speaks"),
    [
        ("the promise", False),
        ("his standing", False),
        ("the music", False),
        ("the first incident came", False),
        ("the retired neurosurgeon", True),
        ("the cable news networks", True),
        ("the organizers", True),
        ("a letter", True),
        ("the city council", True),
    ],
)
def test_a_phrase_names_a_speaker_by_its_nouns(phrase: str, speaks: bool) -> None:
    assert names_a_speaker(phrase.split()) is speaks


@pytest.mark.parametrize(
    "text",
    [
        "The mayor pointed to a leaflet for a 2012 safety course called "
        '"a plain guide to your rights at sea and in port" as proof.',
        'Hale once appeared in a popular play called "The Night the Tide Would Not Turn '
        'Back Again" in Leeds.',
    ],
)
def test_a_thing_called_by_a_name_does_not_speak_it(text: str) -> None:
    assert _speakers(text) in ([], [None])


def test_someone_who_calls_a_thing_a_name_speaks() -> None:
    text = 'The harbour master called the plan "a slow disaster for every boat in the bay."'
    assert _speakers(text) == ["The harbour master"]
