"""A quote a verb of naming puts on something is its speaker's words when the speaker
found is that verb's subject (issue 16). Texts written for these tests."""

from __future__ import annotations

import textwrap

from reader.analysis import analyze


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.speaker) for q in analyze(text).quotes]


def test_a_capitalised_name_someone_calls_a_thing_is_their_speech() -> None:
    # after "a", Title Case read as a title; the naming verb says whose words they are
    text = 'Harbour councillor Ray Kessler called the timetable a "Total Shambles" on Monday.'
    assert _quotes(text) == [('"Total Shambles"', "quote", "Ray Kessler")]


def test_a_word_someone_calls_a_thing_before_its_noun_is_their_speech() -> None:
    # before its noun, a quoted word read as the writer's scare quote
    text = "Mayor Lena Ortiz called the council’s “reckless” plans a danger to the town."
    assert _quotes(text) == [("“reckless”", "quote", "Lena Ortiz")]


def test_described_as_gives_the_words_to_the_pronouns_person() -> None:
    text = (
        "Ray Kessler, the harbour councillor, spoke on Monday. "
        "He described it as the “Harbour Tax” in a speech."
    )
    assert _quotes(text) == [("“Harbour Tax”", "quote", "Ray Kessler")]


def test_a_hard_wrapped_scan_with_straight_marks_keeps_the_rule() -> None:
    body = (
        "The ferry ran late again on Monday for the ninth day running, and the queue at "
        "the pier reached the car park by noon. Harbour councillor Ray Kessler called the "
        'timetable a "Total Shambles" and asked the operator to publish its figures. The '
        "operator said it would answer the council next week after its own review."
    )
    text = "\n".join(textwrap.wrap(body, 86)) + "\n\nThe council meets again in March."
    assert _quotes(text) == [('"Total Shambles"', "quote", "Ray Kessler")]


def test_a_passive_naming_gives_no_one_the_words() -> None:
    text = (
        'The pier, which has been called the "Harbour Jewel" by visitors, reopened on '
        "Monday, Ray Kessler said."
    )
    assert _quotes(text) == [('"Harbour Jewel"', "scare", None)]


def test_a_group_called_by_a_name_gives_no_one_the_words() -> None:
    text = 'Ray Kessler spoke on Monday to a group called the "Pier Friends" about the ferry.'
    assert _quotes(text) == [('"Pier Friends"', "scare", None)]


def test_so_called_keeps_the_writers_distance() -> None:
    text = 'Ray Kessler attacked the so-called "Harbour Plan" on Monday.'
    assert _quotes(text) == [('"Harbour Plan"', "scare", None)]
