"""A quotation standing as a paragraph of its own, and a few words quoted inside
reported speech.

Texts written for these tests (issue 16): a bare quotation paragraph after a paragraph
about a named person is that person's; after a paragraph about no one it stays
unknown. A lower-case phrase quoted inside "X said that ..." is X's partial quote,
while a Title Case title after the same verb stays a title.
"""

from __future__ import annotations

from reader.analysis import analyze


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in analyze(text).quotes]


def test_a_bare_quotation_paragraph_is_the_person_the_paragraph_before_ends_on() -> None:
    text = (
        "The baker spoke at a town hall in Hudson on Monday.\n\n"
        "Dario Castellane praised the governor's leadership after the storm.\n\n"
        '"We need someone who is going to cut through the noise."'
    )
    assert _quotes(text) == [("quote", "Dario Castellane")]


def test_a_bare_quotation_paragraph_after_a_paragraph_about_no_one_stays_unknown() -> None:
    text = (
        "Dario Castellane spoke at a town hall in Hudson on Monday.\n\n"
        "The storm flooded the lower town for a week.\n\n"
        '"We need someone who is going to cut through the noise."'
    )
    assert _quotes(text) == [("quote", None)]


def test_a_quotation_inside_a_paragraph_does_not_borrow_the_subject_before() -> None:
    text = (
        "Dario Castellane praised the governor's leadership after the storm.\n\n"
        'The mayor was blunt. The repairs, he said, were "nowhere near done" by June.'
    )
    assert ("quote", "Dario Castellane") not in _quotes(text)


def test_a_lower_case_phrase_in_reported_speech_is_the_speakers_partial_quote() -> None:
    text = (
        "During the debate in Halifax, Ingrid Solberg said that this was a "
        '"new" expectation of candidates and that the rules should change.'
    )
    assert _quotes(text) == [("quote", "Ingrid Solberg")]


def test_a_title_case_show_after_the_same_verb_stays_a_title() -> None:
    text = 'Ingrid Solberg said on CBC\'s "The National Hour" that the rules should change.'
    assert [kind for kind, _ in _quotes(text)] == ["scare"]


def test_a_title_case_title_with_only_a_subject_and_no_speech_verb_is_a_title() -> None:
    text = (
        "In many Ohio churches, the surgeon enjoys exalted status. Congregants pass around "
        'copies of his memoir, "Steady Hands," and watch the film about his life.'
    )
    assert _quotes(text) == [("scare", None)]


def test_a_title_case_phrase_with_its_own_speech_verb_is_still_speech() -> None:
    text = 'Jacobs called Merkel "The Chancellor of the Free World" in his speech.'
    assert [kind for kind, _ in _quotes(text)] == ["quote"]


def test_participle_of_the_paragraph_before_is_its_subjects() -> None:
    # Written for issue 16: the aside between the name and its verb ("clearly
    # frustrated") is not who says the quote the participle introduces.
    text = (
        "Hale, clearly frustrated, responded by pointing a finger at the reporter, saying "
        "the council was twisting her words.\n\n"
        '"I have never taken a cent from the paving companies. I am sick of the council '
        'lying about me."'
    )
    assert [q.speaker for q in analyze(text).quotes if q.kind == "quote"] == ["Hale"]
