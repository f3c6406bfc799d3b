"""Who said it: cue patterns, borrowed speakers, pronouns, fullest names and roles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.analysis.speakers import _named_report, _ReportsBefore, _rounded
from reader.analysis.text_units import tokens_near
from reader.model import Quote


def quotes(text: str) -> list[Quote]:
    return [q for q in analyze(text).quotes if q.kind == "quote"]


def speaker_of(text: str, fragment: str) -> str | None:
    return next(q.speaker for q in analyze(text).quotes if fragment in q.text)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"The budget is balanced," Maria Lopez said.', "Maria Lopez", "said"),
        ('"The budget is balanced," said Maria Lopez.', "Maria Lopez", "said"),
        ('Maria Lopez said "the budget is balanced" on Friday.', "Maria Lopez", "said"),
        ('Maria Lopez told reporters "the budget is balanced."', "Maria Lopez", "told"),
        ('According to Maria Lopez, "the budget is balanced."', "Maria Lopez", "according to"),
        ('"The budget is balanced," according to Maria Lopez.', "Maria Lopez", "according to"),
        ('Maria Lopez: "The budget is balanced."', "Maria Lopez", ":"),
        ('Maria Lopez added: "The budget is balanced."', "Maria Lopez", "added"),
        ('"The budget is balanced," Lopez, the finance chief, said.', "Lopez", "said"),
        ('"The budget is balanced" \u2015 Maria Lopez', "Maria Lopez", "—"),
    ],
)
def test_cue_patterns(text: str, speaker: str, cue: str) -> None:
    (quote,) = quotes(text)
    assert quote.speaker == speaker
    assert quote.cue == cue
    assert text[quote.speaker_start : quote.speaker_end] == speaker


def test_adverbs_and_days_between_speaker_and_cue() -> None:
    text = 'Russia on Tuesday said the talks would show how "serious" Washington is.'
    assert speaker_of(text, "serious") == "Russia"
    text = 'The mayor also told the council that it was "a good day."'
    assert speaker_of(text, "good day") == "The mayor"


def test_main_clause_speaker_wins_over_inner_clause() -> None:
    text = 'Cruz said he is sure Rubio will continue to be "a champion for opportunity."'
    assert speaker_of(text, "champion") == "Cruz"


def test_quote_continues_the_speaker_of_its_paragraph() -> None:
    text = '"We are ready," Kim Novak said. "The trains will run on time."'
    assert [q.speaker for q in quotes(text)] == ["Kim Novak", "Kim Novak"]


def test_quote_only_paragraph_continues_the_previous_speaker() -> None:
    text = (
        '"We are ready," Kim Novak said on Monday.\n\n'
        '"The trains will run on time and the fares will not rise."\n\n'
        "The union was not convinced."
    )
    assert [q.speaker for q in quotes(text)] == ["Kim Novak", "Kim Novak"]


def test_speaker_in_the_next_sentence_of_the_paragraph() -> None:
    text = '"It was chaos." "Nobody knew where to go," said Omar Haddad, a passenger.'
    assert [q.speaker for q in quotes(text)] == ["Omar Haddad", "Omar Haddad"]


def test_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote() -> None:
    text = 'Haddad continued:\n\n"The doors would not open and the lights went out."'
    (quote,) = quotes(text)
    assert quote.speaker == "Haddad"
    assert quote.cue == "continued"


def test_pronoun_resolves_to_the_last_person_named() -> None:
    text = (
        "Transport Minister Ana Ruiz visited the depot on Monday.\n\n"
        '"We have to do better," Ruiz said.\n\n'
        'The unions met later. "This is not enough," she said.'
    )
    pronoun = next(q for q in quotes(text) if "not enough" in q.text)
    assert pronoun.speaker == "Ana Ruiz"
    assert pronoun.cue == "said"
    # the span points at the antecedent's mention, not at "she"
    assert text[pronoun.speaker_start : pronoun.speaker_end] == "Ruiz"


def test_fullest_name_and_role_kept_apart() -> None:
    text = (
        'Deputy Foreign Minister Sergei Lavin told reporters the talks were "useful."\n\n'
        '"We will meet again," Lavin said.'
    )
    first, second = quotes(text)
    assert first.speaker == "Sergei Lavin"
    assert first.role == "Deputy Foreign Minister"
    assert second.speaker == "Sergei Lavin"
    assert text[second.speaker_start : second.speaker_end] == "Lavin"


def test_name_with_of_phrase_and_honorific() -> None:
    text = '"It was the least bad outcome," Mr. Morgan of the River Club said.'
    (quote,) = quotes(text)
    assert quote.speaker == "Morgan"
    assert quote.role is None


def test_organisation_speaker() -> None:
    text = 'The Interior Ministry said in a statement that the border was "fully secure."'
    assert speaker_of(text, "secure") == "Interior Ministry"


def test_nominal_speaker_is_kept_as_written() -> None:
    text = '"We did not see it coming," a senior official said.'
    assert speaker_of(text, "coming") == "a senior official"


def test_headline_speaker() -> None:
    assert speaker_of("Mayor Vows 'No More Delays' on Bridge", "Delays") == "Mayor"
    text = "Moscow Hopes U.S. 'Serious' in Seeking\nDialogue in New Talks\n\nBody text here."
    assert speaker_of(text, "Serious") == "Moscow"


def test_speaker_is_not_taken_from_across_a_new_sentence() -> None:
    text = '"We won." He then left the stage while the crowd sang.\n\nNo one spoke.'
    (quote,) = analyze(text).quotes
    assert quote.cue is None


def test_role_given_once_holds_for_later_quotes() -> None:
    text = (
        'Deputy Foreign Minister Sergei Lavin said the talks were "useful."\n\n'
        '"We will meet again," Lavin said.'
    )
    assert [q.role for q in quotes(text)] == ["Deputy Foreign Minister"] * 2


def test_labelled_line_names_the_speaker() -> None:
    text = "Mayor Ruiz: Budget Cuts Are 'Not an Option' for Schools\n\nThe council met."
    (quote,) = quotes(text)
    assert quote.speaker == "Ruiz"
    assert quote.cue == ":"


def test_bare_quote_after_a_sentence_with_its_speaker() -> None:
    text = 'Ana Ruiz spoke in a statement on Monday. "There are no ballots to recount."'
    (quote,) = quotes(text)
    assert quote.speaker == "Ana Ruiz"


def test_subordinate_clause_does_not_hold_the_speaker() -> None:
    text = 'While Clinton noted the figures, Trump boasted, "That makes me smart."'
    assert speaker_of(text, "smart") == "Trump"


def test_named_subject_beats_a_pronoun_after_the_quote() -> None:
    text = (
        "Dr. Ray Chen testified first.\n\n"
        'Sen. Maria Hale scolded him: "The evidence is against you," she said.'
    )
    assert speaker_of(text, "evidence") == "Maria Hale"


def test_participle_cue_takes_the_sentence_subject() -> None:
    text = 'Governor Lee left the hall early on Friday, saying the plan was "dead."'
    assert speaker_of(text, "dead") == "Lee"


def test_sentence_subject_without_a_cue() -> None:
    text = 'Senator Harry Ward has been calling the deal a "con job" for weeks.'
    assert speaker_of(text, "con job") == "Harry Ward"


def test_according_to_later_in_the_sentence() -> None:
    text = 'Thousands joined a "walk-in" at schools, according to the organisers.'
    assert speaker_of(text, "walk-in") == "the organisers"


def test_doubled_apostrophes_are_not_quotation_marks_but_nested_quotes_are() -> None:
    text = (
        "''When the agency says, 'We can't do this,' I don't believe it,'' said Ann Reyes, "
        "an economist."
    )
    (quote,) = quotes(text)
    assert quote.text == "'We can't do this,'"
    assert quote.speaker == "the agency"


def test_pronoun_after_a_reported_speech_sentence() -> None:
    text = (
        '"The bridge is safe," said Tom Ellery, the engineer.\n\n'
        "Its regional secretary, Joanne Mbeki, said crews were exhausted.\n\n"
        '"Our people are proud to keep the town moving," she said.'
    )
    proud = next(q for q in quotes(text) if "proud" in q.text)
    assert proud.speaker == "Joanne Mbeki"
    assert proud.role == "regional secretary"


def test_pronoun_after_a_sentence_opened_by_a_name() -> None:
    text = (
        '"We are ready," said Priya Nandakumar, the chair.\n\n'
        '"It will not close," Tom Ellery, the engineer, said.\n\n'
        'Nandakumar was unmoved. "I have the letters," she said.'
    )
    letters = next(q for q in quotes(text) if "letters" in q.text)
    assert letters.speaker == "Priya Nandakumar"


def test_any_past_tense_verb_right_after_a_quote() -> None:
    assert speaker_of('"This is fantastic!" beamed Donna Hartley.', "fantastic") == "Donna Hartley"
    assert speaker_of('"Why change now?" Glen Beck wondered aloud.', "change") == "Glen Beck"
    assert speaker_of('"What a day," Glen Beck sighed.', "day") == "Glen Beck"


def test_a_later_clause_has_its_own_speaker() -> None:
    text = 'Rubio suggested it was over, while Cruz said the "stakes are too high" now.'
    assert speaker_of(text, "stakes") == "Cruz"


def test_colon_after_a_cue_further_back() -> None:
    text = 'As the crowd cheered, his wife whispered to him: "They are still with you."'
    assert speaker_of(text, "still with you") == "his wife"


def test_colon_after_a_noun_that_looks_like_a_cue() -> None:
    assert (
        speaker_of('Sanders delivered a snappy retort: "Nobody is tearing this up."', "tearing")
        == "Sanders"
    )


def test_introductory_phrase_with_commas_before_the_subject() -> None:
    text = 'Speaking in Salem, New Hampshire, Trump went after Bush, calling him "a total stiff."'
    assert speaker_of(text, "stiff") == "Trump"


def test_time_ago_between_speaker_and_cue() -> None:
    text = 'The State Department less than two weeks ago said that "top secret" data was sent.'
    assert speaker_of(text, "top secret") == "State Department"


def test_late_inverted_cue_after_a_comma() -> None:
    text = 'Lee "drew well from workers" in the primary, said Ohio professor Paul Beck.'
    assert speaker_of(text, "drew well") == "Paul Beck"


def test_unlisted_verb_with_an_aside() -> None:
    text = '"She took it upon herself," remembered Roy Verley, the former spokesman.'
    assert speaker_of(text, "upon herself") == "Roy Verley"


def test_numbered_rank_does_not_end_the_sentence() -> None:
    text = 'As John Cornyn, the No. 2 in the leadership, put it: "This will not pass."'
    assert speaker_of(text, "not pass") == "John Cornyn"


def test_sentence_subject_with_a_named_aside_resolves_a_pronoun() -> None:
    text = (
        '"We had twenty minutes," said Encarna Molina.\n\n'
        "The regional president, Mercedes Albiol, visited the command post. "
        '"Today is about saving lives," she said.'
    )
    lives = next(q for q in quotes(text) if "saving lives" in q.text)
    assert lives.speaker == "Mercedes Albiol"
    assert lives.role == "regional president"


def test_pronoun_after_an_introductory_clause_naming_the_subject() -> None:
    text = (
        '"The company denies it," said Simon Tregarth.\n\n'
        "Asked whether she had any regrets, Hartley stopped on the steps. "
        '"Only that I waited," she said.\n\n'
        "Gwen Hartley left the company in 2022."
    )
    waited = next(q for q in quotes(text) if "waited" in q.text)
    assert waited.speaker == "Gwen Hartley"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"We are farmers," said the co-operative\'s chairman, Robert Askew, who farms.',
            "Robert Askew",
            "co-operative's chairman",
        ),
        ('"We are farmers," said the chairman, Robert Askew.', "Robert Askew", "chairman"),
        ('"We are farmers," said the chairman, a farmer.', "the chairman", None),
    ],
)
def test_a_name_in_apposition_to_a_role_is_the_speaker(
    text: str, speaker: str, role: str | None
) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    "text",
    [
        "FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton called the law a "
        "“crazy system” during a stop.",
        "FLINT — Former President Bill Clinton called the law a “crazy system” on Monday.",
    ],
)
def test_a_wire_dateline_is_not_the_subject(text: str) -> None:
    (quote,) = quotes(text)
    assert (quote.speaker, quote.role) == ("Bill Clinton", "Former President")


_REPORT_WORDS = [
    "Maria Lopez said",
    "said Tom Hale",
    "the mayor told reporters",
    "Ann Reyes added",
    "she said",
    "the council met",
    "on Monday",
    ".",
    ",",
    "according to Lee Park",
    "votes",
]


@given(
    st.lists(st.sampled_from(_REPORT_WORDS), max_size=40),
    st.lists(st.integers(0, 120), max_size=12),
)
def test_the_last_report_before_a_word_is_found_however_the_words_are_asked(
    words: list[str], asked: list[int]
) -> None:
    """Reading back from each asked word, and reusing what earlier asks read, finds
    the same report as reading the whole paragraph, in any order of asking."""
    text = " ".join(words)
    toks = tokens_near(text, 0, len(text), [], len(text) + 1)
    every = [(k, r) for k in range(len(toks)) if (r := _named_report(toks, k)) is not None]
    reports = _ReportsBefore(toks)
    for upto in [*(min(a, len(toks)) for a in asked), None]:
        end = len(toks) if upto is None else upto
        expected = [r for k, r in every if k < end]
        assert reports.last_before(upto) == (expected[-1] if expected else None)


@given(st.lists(st.floats(0, 1)))
def test_confidences_are_rounded_as_round_does(values: list[float]) -> None:
    # the second time from what was worked out, until the kept values fill up (the
    # values of earlier examples fill them too)
    for value in values + values:
        assert _rounded(value) == round(value, 2)
