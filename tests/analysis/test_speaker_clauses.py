"""The clause that introduces a quotation decides its speaker, not a clause beside it.

Texts written for these tests (issue 16): a colon after "the harbour master warned"
gives the harbour master, not the sentence's first name; a cue in a leading "When ..."
clause, an infinitive inside an aside, "Hours later," or a first name ending in "-ly"
is never mistaken for the clause that speaks.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_subject_of_the_verb_before_a_colon_speaks() -> None:
    text = (
        "Mayor Alan Petrie defended the ferry timetable, but the harbour master warned: "
        '"The winter crossings cannot run on this schedule."'
    )
    assert _speakers(text) == ["the harbour master"]


def test_a_thing_before_a_colon_still_gives_way_to_the_named_subject() -> None:
    text = 'Alan Petrie delivered a short reply: "Not this winter."'
    assert _speakers(text) == ["Alan Petrie"]


def test_a_cue_in_a_leading_clause_does_not_speak_the_quotation() -> None:
    text = (
        "When Alan Petrie suggested that the ferry could be sold, Rhona Baird hit back "
        'at once: "If they sell the ferry, the island loses its doctor."'
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_an_infinitive_in_an_aside_is_not_the_cue() -> None:
    text = (
        '"The crossings will be cut by half," a council official, who was not '
        "authorised to speak on the record, told the Island Courier."
    )
    assert _speakers(text) == ["a council official"]


def test_hours_later_opens_the_sentence_before_its_subject() -> None:
    text = (
        "Hours later, Rhona Baird thanked the crew, telling the Island Courier, "
        '"They brought every passenger home."'
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_first_name_ending_in_ly_is_a_subject_not_an_adverb() -> None:
    text = 'Shelly Varga answered, with a laugh: "Only if the tide allows."'
    assert _speakers(text) == ["Shelly Varga"]
