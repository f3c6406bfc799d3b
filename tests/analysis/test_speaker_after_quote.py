"""The words after a quotation name its speaker in the many ways news prose writes them.

Texts written for these tests (issue 16): a role of lower-case words before the name
("party boss"), "US" before a title, a nominal phrase with a name inside it ("a
Wednesday editorial"), a long aside between the name and the verb, a closing
"X told CNN", a verb that is also a noun closing the clause ("Viguerie notes"), "shot
back", a capitalised verb opening the sentence ("Continued Stone:"), and a line that
opens with "Watching" is no "WATCH" furniture.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_lower_case_role_words_before_the_name() -> None:
    text = (
        "The county board met on Monday.\n\n"
        '"We will hold the line on the levy this year," said Liberal party boss Marta '
        "Quillfeather, though she added that the vote would be close."
    )
    assert _speakers(text) == ["Marta Quillfeather"]


def test_us_before_a_title_is_the_country() -> None:
    text = (
        "The roll call began at noon.\n\n"
        '"The great state of Vermont is proud to cast its votes for the governor!" US '
        "Senator Dale Ormsby said as he opened the count."
    )
    assert _speakers(text) == ["Dale Ormsby"]


def test_a_nominal_phrase_with_a_name_inside_it_speaks_whole() -> None:
    text = (
        "The paper weighed in on Thursday.\n\n"
        '"No one in this county should accept such attacks on a judge," reads a Sunday '
        "editorial in The Harlow Courier."
    )
    assert _speakers(text) == ["a Sunday editorial"]


def test_a_name_then_a_long_aside_then_the_verb() -> None:
    text = (
        '"Both of the front-runners scare me a little," Gordon Pike, 41, of Moncton, '
        "N.B., who was among those polled, said in a follow-up interview."
    )
    assert _speakers(text) == ["Gordon Pike"]


def test_a_closing_report_may_name_the_outlet_it_was_told_to() -> None:
    text = (
        "She had lived there for years. "
        '"She was kind to everyone on the street," another neighbour, Odile Marchetti '
        "told CBC News."
    )
    assert _speakers(text) == ["Odile Marchetti"]


def test_a_verb_that_is_also_a_noun_closes_the_clause() -> None:
    text = (
        '"He may be the only one who can unite the party," Cornelius Vantreight notes.\n\n'
        '"They have not been united in years," the party newsletter states.'
    )
    assert _speakers(text) == ["Cornelius Vantreight", "the party newsletter"]


def test_a_capitalised_noun_ending_a_sentence_is_no_verb() -> None:
    # "States" closes the sentence but names a country: no one speaks the phrase
    text = (
        'During his campaign, the senator made clear his aim to "fully reshape" the United States.'
    )
    assert "United" not in _speakers(text)


def test_shot_back_reports_a_retort() -> None:
    text = (
        "Ostrowski kept interrupting the mayor. "
        '"Jan wants to look tough tonight," Priya Ramaswamy shot back. "Let me finish."'
    )
    assert _speakers(text)[0] == "Priya Ramaswamy"


def test_a_capitalised_verb_opens_the_sentence_before_the_name_and_colon() -> None:
    text = (
        "The interview ran for an hour.\n\n"
        'Continued Halvorsen: "So I think it is a very real problem for the town."\n\n'
        "Stated Okonkwo-Barre:\n\n"
        '"The ballots were counted twice and the result held."'
    )
    assert _speakers(text) == ["Halvorsen", "Okonkwo-Barre"]


def test_a_line_opening_with_watching_is_not_page_furniture() -> None:
    text = (
        "Watching the mayor speak on Tuesday night, Fenwick said: "
        '"I was struck that she was saying the right things. She has to keep that up."'
    )
    assert _speakers(text) == ["Fenwick"]


def test_a_nominal_subject_and_a_past_tense_verb_open_the_clause_after_the_quote() -> None:
    text = (
        '"Mayor, let me help you out - the answer is no," the Liberal deputy leader riffed '
        "on the mayor's answer, drawing laughs from the hall."
    )
    assert _speakers(text) == ["the Liberal deputy leader"]


def test_a_verb_after_a_quotation_in_mid_sentence_reports_nothing() -> None:
    text = (
        'At an event billed as "Hard Hats for Halifax," Councillor Nadia Brandt unveiled '
        "a plan to fix the harbour roads."
    )
    assert _speakers(text) == []


def test_a_present_tense_verb_that_is_also_a_noun_before_the_quote() -> None:
    text = (
        "The ninety-second ad attacks the governor's record. "
        'The ad claims "she is the only candidate you can trust."\n\n'
        'His claims that "nobody knew" were false.'
    )
    assert _speakers(text) == ["The ad"]


def test_the_next_quotation_borrows_the_name_before_the_long_aside() -> None:
    text = (
        '"Both of the front-runners scare me a little," Gordon Pike, 41, of Moncton, '
        'N.B., who was among those polled, said in a follow-up interview. "We need '
        'people who will bring people together."'
    )
    assert _speakers(text) == ["Gordon Pike", "Gordon Pike"]


def test_a_person_read_as_a_place_still_speaks_with_a_speech_verb() -> None:
    # "Monte" opens many mountain names, yet a first name and a surname after "said"
    # name a person
    text = (
        '"If it is cut by as much as one gallon, we will go to court," said Monte '
        "Halvorsen, executive director of the Prairie Fuels Association."
    )
    assert _speakers(text) == ["Monte Halvorsen"]


def test_a_speech_verb_opening_the_sentence_is_never_shown_as_a_first_name() -> None:
    text = (
        "Ryan Okonjo, a tax expert, has studied the plan.\n\n"
        "He thinks the breaks would make the code more complicated. Said Okonjo: "
        '"I do not get the sense she is interested in simplicity."'
    )
    (speaker,) = _speakers(text)
    assert speaker is not None and speaker.endswith("Okonjo") and "Said" not in speaker


def test_a_role_at_a_company_then_the_name_in_an_aside() -> None:
    text = (
        "Ostrander built a chain of bakeries. His former business partner at Crumbworth, "
        "Delia M. Fairweather, called him a master at impossible deals. "
        '"He showed again and again an ability to put a deal together."'
    )
    assert _speakers(text) == ["Delia M. Fairweather"]


def test_an_unlisted_past_tense_verb_then_when_it_was_said() -> None:
    text = (
        "The vote this time was more partisan.\n\n"
        '"If they were serious about progress, they would have taken up the bill," '
        'Halloran fumed on Tuesday. "That would have shown good faith."'
    )
    assert _speakers(text) == ["Halloran", "Halloran"]
