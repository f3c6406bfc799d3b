"""A participle ("..., saying", "with X yelling") is spoken by its own subject.

Texts written for these tests (issue 16): the subject of "saying" is the name the
participle hangs on ("with the mayor's aide shouting", "footage of Petrie saying"),
else the subject of the clause it ends ("..., when dock workers blocked the ramp,
shouting"), else the sentence's subject read past a Title Case dateline with its
agency ("Halifax (CP) —"), a phrase of time ("A few days later,") or a long opening
phrase that goes on past a place ("At the pier in Lunenburg, Nova Scotia, on Monday,").
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_a_name_after_with_speaks_its_participle() -> None:
    text = (
        "At the pier in Lunenburg, Nova Scotia, on Monday, a few fishermen jeered the "
        'minister, with Darlene Quigley reportedly yelling: "Sell the boats yourself!"'
    )
    assert _speakers(text) == ["Darlene Quigley"]


def test_a_name_after_of_speaks_its_participle_not_the_main_verb() -> None:
    text = (
        "The new campaign spot ends with footage of Gordon Petrie saying last spring, "
        '"I will never close the ferry terminal," over a shot of the empty dock.'
    )
    assert _speakers(text) == ["Gordon Petrie"]


def test_a_name_after_with_but_away_from_the_verb_does_not() -> None:
    text = (
        "In a long interview with Radio Atlantic, Gordon Petrie defended his budget, "
        'saying the cuts "will not touch a single school."'
    )
    assert _speakers(text) == ["Gordon Petrie"]


def test_a_participle_ending_a_when_clause_takes_that_clause_s_subject() -> None:
    text = (
        "The worst moment came at the town hall in Digby, when dock workers blocked "
        'the ramp, shouting "no ferry, no jobs, no future for this town!"'
    )
    assert _speakers(text) == ["dock workers"]


def test_a_clause_closed_before_the_main_clause_lends_no_subject() -> None:
    text = (
        "In May, after Gordon Petrie lost the vote, Rhona Baird wrote him a note, "
        'telling him "you will have your turn again."'
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_title_case_dateline_with_its_agency_is_not_the_subject() -> None:
    text = (
        "Halifax (CP) – Premier Rhona Baird has taken aim at the federal fisheries "
        'plan, saying that "quiet promises" will not feed a single family.'
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_phrase_of_time_before_the_subject_is_skipped() -> None:
    text = (
        "But a few days later, Gordon Petrie changed course again, telling the "
        'Chronicle that the terminal "is not for sale, and never was."'
    )
    assert _speakers(text) == ["Gordon Petrie"]


def test_an_aside_after_the_subject_does_not_extend_the_opening_phrase() -> None:
    text = (
        "Speaking in Yarmouth, Rhona Baird, without naming him, accused the mayor of "
        'neglect, saying the harbour "was left to rot."'
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_group_named_after_a_person_speaks_as_the_group() -> None:
    text = (
        "The rally was cut short, when Petrie protesters took the stage, shouting "
        '"save our ferry, save our island, save our town!"'
    )
    assert _speakers(text) == ["Petrie protesters"]


def test_a_cue_with_its_own_quotation_does_not_speak_the_next() -> None:
    text = (
        "On Sunday, Rhona Baird shared a chart of a fund called “Harbour Futures” on "
        "her page, writing “Here are the numbers the mayor says do not exist. Read "
        "them slowly.”"
    )
    assert _speakers(text)[-1] == "Rhona Baird"


def test_a_relative_clause_s_verb_yields_to_the_participle() -> None:
    text = (
        "Gordon Petrie was defensive when asked about not paying a welder who said he "
        "was owed for the new ramp, saying, “Maybe he did not do a good job, and I was "
        "not satisfied with his work.”"
    )
    assert _speakers(text) == ["Gordon Petrie"]


def test_a_possessive_name_s_campaign_is_the_subject_of_its_participle() -> None:
    text = (
        "Baird’s campaign shrugged off Petrie’s comments, telling reporters, “Nobody on "
        "our team has ever asked for the mayor’s endorsement.”"
    )
    assert _speakers(text) == ["Baird’s campaign"]
