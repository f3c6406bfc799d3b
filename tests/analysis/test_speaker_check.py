"""A speaker is a name, a resolved pronoun or a complete nominal phrase; else unknown.

One test per error class seen on real web news (issue 16), each with a text written
for it.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.model import Quote


def _speech(text: str) -> list[Quote]:
    return [q for q in analyze(text).quotes if q.kind == "quote"]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in _speech(text)]


def test_a_sentence_opening_common_word_is_no_antecedent() -> None:
    text = (
        "Marta Quinlan, the harbour engineer, said the cables were old. Rust and wind had "
        'worn them down, she said.\n\n"We will replace all of them by spring," she said.'
    )
    assert _speakers(text) == ["Marta Quinlan"]


@pytest.mark.parametrize(
    "opener",
    ["WATCH", "WATCH BELOW", "Story", "Article", "READ MORE"],
)
def test_page_furniture_is_never_a_speaker(opener: str) -> None:
    text = f'{opener}: "We are not leaving this town," the crowd chanted.\n\nMore text here.'
    assert opener not in [q.speaker for q in analyze(text).quotes]


def test_a_photo_credit_glued_to_a_name_is_not_the_speaker() -> None:
    text = (
        "Getty Images Dorian Pelletier said on Monday that the bridge would reopen. "
        '"It is safe now," Getty Images Dorian Pelletier said.'
    )
    assert all("Getty" not in (q.speaker or "") for q in analyze(text).quotes)


@pytest.mark.parametrize(
    "subject",
    ["Christmas Day", "2018", "Winnipeg", "British"],
)
def test_dates_towns_and_adjectives_are_not_speakers(subject: str) -> None:
    text = f'The storm hit hard. {subject} said "the roads are closed for now."'
    assert _speakers(text) in ([None], [])


@pytest.mark.parametrize(
    "opener",
    ["Every", "Rather", "Not", "Sure", "Sometimes"],
)
def test_sentence_initial_adverbs_are_not_speakers(opener: str) -> None:
    text = f'{opener} said "we should have been warned about the flooding months ago."'
    assert _speakers(text) in ([None], [])


def test_cut_clauses_are_not_nominal_speakers() -> None:
    text = (
        'The diocese issued a second statement, saying "it regrets the delay deeply."\n\n'
        'A representative of a large said "we are reviewing every claim one by one."'
    )
    for speaker in _speakers(text):
        assert speaker not in ("The diocese issued a second", "A representative of a large")


def test_complete_nominal_phrases_are_kept() -> None:
    text = (
        '"We are reviewing the timetable," a spokesperson for Tarn Valley Buses said.\n\n'
        '"Nothing has been decided," the company said.'
    )
    assert _speakers(text) == ["a spokesperson for Tarn Valley Buses", "the company"]


def test_she_is_not_given_to_a_man_named_just_before() -> None:
    text = (
        "Ingrid Solberg chaired the meeting. Later, Thomas Abernethy spoke to reporters.\n\n"
        '"I will not resign," she said.'
    )
    assert _speakers(text) != ["Thomas Abernethy"]


def test_he_skips_a_woman_for_the_man_reported_speaking() -> None:
    text = (
        "Councillor Desmond Hale said the budget was tight. Mrs Okafor nodded.\n\n"
        '"We cannot pay for both," he added.'
    )
    assert _speakers(text) == ["Desmond Hale"]


def test_a_bare_surname_shows_the_full_name_found_earlier() -> None:
    text = (
        'Hannelore Vasquez, a hydrologist, studies the river. "It rises faster now," '
        "Vasquez said.\n\n" + "The valley has changed a lot. " * 900 + '\n\n"It will flood '
        'again within five years," Vasquez said.'
    )
    assert _speakers(text) == ["Hannelore Vasquez", "Hannelore Vasquez"]


def test_scare_quotes_are_not_speech() -> None:
    text = (
        'The senator dismissed the "backstop" plan. Critics pointed to "collusion" '
        'claims and the "quack" cures sold online.'
    )
    assert _speech(text) == []


def test_a_title_in_title_case_is_not_speech() -> None:
    text = 'The family watched "The Kid Who Would Be King." on Sunday night.'
    assert _speech(text) == []


def test_a_headline_quote_without_a_speech_verb_is_a_scare_quote() -> None:
    text = (
        'Union Rejects "Final" Pay Offer From Rail Operator\n\n'
        'The union turned down what the operator called its "final and best" offer.'
    )
    assert all(q.kind == "scare" for q in analyze(text).quotes[:1])


def test_a_headline_with_a_speech_verb_keeps_its_quote() -> None:
    text = "Nurses Say Targets Are 'Met on Paper Only'\n\nWard staff spoke to us this week."
    assert [q.kind for q in analyze(text).quotes] == ["quote"]


def test_a_markdown_front_matter_title_is_not_a_quote() -> None:
    text = (
        "---\ntitle: \"Mayor Tells Council Budget Is 'Broken'\"\nauthor: A. Writer\n---\n\n"
        "The mayor spoke for an hour."
    )
    assert _speech(text) == []


def test_each_attribution_has_a_confidence_and_weak_ones_are_lower() -> None:
    text = (
        '"We start on Monday," said Priyanka Olsen.\n\n'
        'Priyanka Olsen has long argued that "the district cannot wait any longer for help."'
    )
    direct, subject = _speech(text)
    assert 0.0 <= subject.confidence < direct.confidence <= 1.0


def test_ocr_marks_swapped_between_kinds_still_pair() -> None:
    # A scan turned one opener into a single mark and a closer into an opener's shape.
    text = (
        "In one post the candidate called her 'disgusting“ and “a con” before dawn, "
        "and said her “sex tape' was “all over the internet.”"
    )
    quotes = [q.text for q in analyze(text).quotes]
    assert quotes == ["'disgusting“", "“a con”", "“sex tape'", "“all over the internet.”"]


@pytest.mark.parametrize(
    "line",
    [
        'WATCH: Premier says "the budget is balanced" in year-end interview',
        'READ MORE: "We were never told," families say of flood maps',
        'Firefighters battle the blaze on Tuesday. "Stay away," a sign reads. (Getty Images)',
    ],
)
def test_quotes_in_page_furniture_are_not_speech(line: str) -> None:
    text = f"{line}\n\nThe council met on Monday to discuss the plan in full."
    assert _speech(text) == []


def test_a_role_resolves_to_the_person_who_holds_it() -> None:
    text = (
        "Fisheries Minister Dalia Ormerod visited the quay on Friday.\n\n"
        '"The quota stands," the minister said.'
    )
    quotes = _speech(text)
    assert [q.speaker for q in quotes] == ["Dalia Ormerod"]
    assert quotes[0].role == "minister"


def test_a_role_with_a_place_is_not_given_to_a_holder_from_elsewhere() -> None:
    # The senator named is from Vermont: "the Ohio senator" is someone else.
    text = (
        "Vermont senator Harriet Dunmore spoke first at the forum.\n\n"
        '"We need a new deal for farmers," the Ohio senator said.'
    )
    assert _speakers(text) == ["the Ohio senator"]


def test_a_name_in_a_headline_label_the_name_finder_missed_keeps_its_name() -> None:
    # A labelled headline ("Name: ...") with no group for the name: the speaker is the
    # name itself, never an empty string.
    text = "Odile Brackwater: 'We Will Not Close The Library.'\n\nThe council met on Monday."
    for quote in _speech(text):
        assert quote.speaker is None or quote.speaker.strip() != ""


@pytest.mark.parametrize("body", ["Judicial Watch", "Harbour Rights Watch"])
def test_a_body_whose_name_ends_in_a_furniture_word_still_speaks(body: str) -> None:
    text = (
        f'{body} stated in a release on Tuesday that the files "suggest the records '
        'were found years ago."'
    )
    assert _speakers(text) == [body]


@pytest.mark.parametrize(
    "group",
    ["Federal prosecutors", "Liberal politicians", "Leaders of the cooperative"],
)
def test_a_group_named_without_a_determiner_speaks(group: str) -> None:
    text = f'The harbour plan was shelved on Monday. {group} said the cost was "far too high."'
    assert _speakers(text) == [group]


def test_a_verb_before_a_plural_noun_makes_no_group() -> None:
    text = 'It came after slamming candidates who think they can "outsource the work."'
    assert _speakers(text) in ([None], [])


@pytest.mark.parametrize(
    "text",
    [
        'Senator Ruth Amberley said the "War On Drugs" had failed the valley, she said.',
        'The mayor spoke about the ferries at a "Harbour Town Forum" on Monday evening.',
    ],
)
def test_a_title_case_name_after_a_determiner_is_a_title_not_speech(text: str) -> None:
    found = analyze(text).quotes
    assert [q.kind for q in found] == ["scare"]


def test_one_capitalised_word_after_a_determiner_stays_speech() -> None:
    text = 'Councillor Ada Fenwick called him a "Stalinist" at the meeting.'
    assert [q.kind for q in analyze(text).quotes] == ["quote"]


def test_the_one_who_is_asked_does_not_speak_the_question() -> None:
    text = (
        "In an interview on Friday, Marek Holt was asked, "
        '"What is the most dangerous place you have been to?"'
    )
    assert _speakers(text) in ([None], [])


@pytest.mark.parametrize(
    "asker",
    ["host Dana Quill, who backs him,", "Harbour Radio moderator Dana Quill"],
)
def test_the_one_who_asks_speaks_the_question(asker: str) -> None:
    text = f'Marek Holt was asked by {asker} "Will you run again next year?"'
    assert _speakers(text) == ["Dana Quill"]


def test_a_phrase_opened_by_a_verb_is_no_speaker() -> None:
    text = (
        "Earlier, the council issued a statement about the emails, which included staff "
        "members suggesting the mayor should resign.\n\n"
        "“On behalf of everyone at the council, we want to offer a deep and sincere "
        "apology.”"
    )
    assert [q.speaker for q in analyze(text).quotes if q.kind == "quote"] == [None]
