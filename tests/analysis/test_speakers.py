"""Who said it: cue patterns, borrowed speakers, pronouns, fullest names and roles."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
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
