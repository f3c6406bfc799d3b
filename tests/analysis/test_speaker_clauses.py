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


def test_a_quoted_phrase_inside_a_sentence_is_not_spoken_by_what_follows_the_verb() -> None:
    text = (
        "Mayor Nia Osei said in the letter that the leaflet "
        '"falsely and knowingly" suggests that Port Ardwell backs the plan.'
    )
    assert _speakers(text) == ["Nia Osei"]


def test_two_asides_in_a_row_still_lead_back_to_the_name() -> None:
    text = (
        '"It is a raid on the harbour fund," Ewan Tulloch, the Liberal member for '
        "Kelvarra, one of the towns suing the board, said on Monday."
    )
    assert _speakers(text) == ["Ewan Tulloch"]


def test_a_date_written_with_a_slash_is_part_of_the_role() -> None:
    text = '"We were never told," said 7/7 survivor Ruth Calloway.'
    assert _speakers(text) == ["Ruth Calloway"]


def test_a_sentence_that_only_says_who_spoke_speaks_the_quote_before_it() -> None:
    text = (
        "The council met on Monday.\n\n"
        '"If you are listening, bring the ferry back." Rhona Baird said on Tuesday.'
    )
    assert _speakers(text) == ["Rhona Baird"]


def test_a_sentence_that_reports_something_new_does_not() -> None:
    text = (
        "The council met on Monday.\n\n"
        '"We will keep the ferry running all winter." Rhona Baird said the vote was close.'
    )
    assert _speakers(text) == [None]


def test_a_later_clause_with_a_subject_of_its_own_speaks_the_quotation() -> None:
    # issue 16: the quotation sits in the clause of the person named last, not the
    # sentence's first subject
    text = (
        "Liberals were quick to chime in, with Nadia Brandt tweeting that it was a "
        '"disaster for the party" and worse.\n\n'
        "Councillor Ray Odum signed an order on Monday, while Mira Falk, the former "
        'mayor, proposed we "wake up and smell the coffee" first.'
    )
    assert _speakers(text) == ["Nadia Brandt", "Mira Falk"]


def test_a_name_after_comma_and_opens_a_clause_not_the_end_of_a_list() -> None:
    text = (
        "Coulter wrote that the party should drop Haley, and Mendelsohn later called "
        'Haley "very weak on the budget."'
    )
    assert _speakers(text) == ["Mendelsohn"]


def test_the_name_opening_the_sentence_speaks_past_an_aside_of_places() -> None:
    text = (
        "Cory Jamison, 22, of Flint, Mich., said he had not given up hope of a convention "
        '"surprise," because he could never vote for the nominee.'
    )
    assert _speakers(text) == ["Cory Jamison"]


def test_a_preposition_opening_the_sentence_is_no_speaker() -> None:
    text = (
        "Of Carswell, Levine, who has given money to the mayor, said, "
        '"He is flat-out scary. I think he is a wonderful man."'
    )
    assert _speakers(text) == ["Levine"]


def test_a_relative_clause_s_verb_lends_no_speaker_to_the_next_sentence() -> None:
    text = (
        '"I will vote for the ferry," said Nicky Dunn, 24, of Digby, who said the '
        'mayor had been good to the island. "It is the only road we have."'
    )
    assert _speakers(text) == ["Nicky Dunn", "Nicky Dunn"]


def test_the_named_subject_of_the_sentence_just_before_speaks_a_quotation() -> None:
    text = (
        '"We will fix the ferry by spring," Gordon Petrie said on Radio Atlantic. '
        "Sen. Ada Pike (N.S.), who lost the vote to him, named exhaustion with the cuts "
        'as one reason for the result. "People on this island are tired of being told '
        'to wait."'
    )
    assert _speakers(text) == ["Gordon Petrie", "Ada Pike"]


def test_a_sentence_ending_in_another_quotation_s_verb_lends_no_subject() -> None:
    text = (
        '"The ferry will run all winter, and the terminal stays open," wrote Rhona Baird. '
        '"Ada Pike has read the numbers too, and she agrees with every one of them."'
    )
    assert _speakers(text) == ["Rhona Baird", "Rhona Baird"]


def test_a_relative_clause_before_a_colon_does_not_speak() -> None:
    text = (
        "A ferry worker wrote back that the remark was rich coming from a councillor who "
        "promised to sell the terminal: “Your plan is to sell the only road we have.”"
    )
    assert _speakers(text) == ["A ferry worker"]


def test_the_clause_joined_last_speaks_the_quotation_after_it() -> None:
    text = (
        "At one point, a fisherman asked for a photo and Rhona Baird said, “as long as "
        "we are not breaking any harbour rules, of course.”"
    )
    assert _speakers(text) == ["Rhona Baird"]
