"""Words that stand where a speaker would, but do not speak (issue 16).

Texts written for these tests: the agency that obtained a letter, the listener a
source spoke to, a phrase of time, and a person an adviser serves are not the speaker;
a clause after an earlier quotation has its own speaker; "someone" is no name; a name
with its party and state in parentheses, or a name an inverted report puts after its
verb, is found.
"""

from __future__ import annotations

from reader.analysis import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes if q.kind == "quote"]


def test_the_agency_that_obtained_a_letter_is_not_its_speaker() -> None:
    text = (
        "A March 3 letter from the Harbour Pilots Guild obtained by The Canadian Press "
        'warns that "any further cuts will be met in court."'
    )
    assert _speakers(text) == ["A March 3 letter from the Harbour Pilots Guild"]


def test_the_outlet_a_source_spoke_to_is_not_the_speaker() -> None:
    text = (
        "Another police source speaking to CTV News said, "
        '"The investigators are looking at the contracts and the donations."'
    )
    assert _speakers(text) == ["Another police source"]


def test_a_phrase_of_time_gives_way_to_the_name_before_who() -> None:
    text = (
        "Ostrander, who has in the past described the mayor as "
        '"a reckless spender with no plan", did not attend the meeting.'
    )
    assert _speakers(text) == ["Ostrander"]


def test_a_phrase_of_time_after_an_aside_gives_way_to_the_name() -> None:
    text = (
        "The premier has a cool relationship with Delacroix, now the opposition "
        "leader, who in 2019 said the party's goal was to make her a "
        '"one-term premier with nothing to show."'
    )
    assert _speakers(text) == ["Delacroix"]


def test_a_person_an_adviser_serves_is_not_the_speaker() -> None:
    text = 'A senior adviser to Premier Delacroix said, "We are not worried about the polls."'
    assert _speakers(text) == ["A senior adviser to Premier Delacroix"]


def test_a_source_close_to_a_person_is_not_that_person() -> None:
    text = '"He is furious about the leak," a source close to Mayor Ostrander told CBC.'
    assert _speakers(text) == ["a source close to Mayor Ostrander"]


def test_a_clause_after_an_earlier_quotation_speaks_the_next() -> None:
    text = (
        "Both leaders issued statements afterwards, Delacroix saying she was "
        '"very encouraged" and Ostrander calling it a "productive first meeting."'
    )
    assert _speakers(text) == ["Delacroix", "Ostrander"]


def test_a_participle_joined_to_a_hosted_one_shares_its_subject() -> None:
    text = (
        "Councillors were quick to respond, with Mayor Ostrander tweeting that the plan "
        'was a "disaster" for the port and asking, "Who will pay for the dredging?"'
    )
    assert _speakers(text) == ["Ostrander", "Ostrander"]


def test_a_titled_name_after_with_speaks_its_participle() -> None:
    text = (
        "The vote set off a new debate over how Halifax responds to overruns, with "
        "Conservative Senator Ruth Ostrander telling reporters she viewed the mayor "
        'as "personally responsible for the overruns."'
    )
    assert _speakers(text) == ["Ruth Ostrander"]


def test_calling_it_a_names_the_subject_as_speaker() -> None:
    text = (
        "Councillors who agree that the plan is needed were annoyed, with Sen. Ruth "
        'Ostrander calling it a "menu with no prices."'
    )
    assert _speakers(text) == ["Ruth Ostrander"]


def test_a_name_with_party_and_state_before_its_comma_speaks() -> None:
    text = (
        "On Tuesday in Dayton, after winning the primary, Gov. Alan Pruett (R-Ohio), "
        'said, "We are going to carry this state in the fall."'
    )
    assert _speakers(text) == ["Alan Pruett"]


def test_a_full_stop_inside_parentheses_ends_no_sentence() -> None:
    text = (
        "Sen. Dora Pike (R-Tex.), a candidate who has made the port her cause, "
        'posted a warning. "Remember in November who voted against the harbour."'
    )
    assert _speakers(text) == ["Dora Pike"]


def test_he_after_an_inverted_report_is_the_person_it_names() -> None:
    text = (
        "Ostrander's promise appeals to older voters, said Alan Pruett, a pollster at "
        'Dalhousie University. "He is speaking to a sense of loss," he said.'
    )
    assert _speakers(text) == ["Alan Pruett"]


def test_a_name_that_opens_a_reported_clause_is_no_inverted_report() -> None:
    text = (
        "Ruth Ostrander was in the hall. And Halifax's Dora Pike, one of two members "
        'from the city, said Ostrander will do well. "I think she will win," she said.'
    )
    assert _speakers(text) == ["Dora Pike"]


def test_someone_is_an_unknown_speaker_not_a_name() -> None:
    text = 'Nobody saw it coming. Someone told the crowd, "The ferry is not for sale."'
    assert _speakers(text) == [None]
