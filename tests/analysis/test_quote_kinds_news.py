"""Which quotes of web news are speech and which are headings, titles, sign-offs or
stage directions (issue 16). Texts written for these tests."""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.quote_kinds import is_headline, is_stage_direction
from reader.analysis.quotes import MarkedQuote


def _kinds(text: str) -> dict[str, str]:
    return {q.text: q.kind for q in analyze(text).quotes}


def test_a_sentence_full_of_names_is_no_headline_so_its_show_title_is_one() -> None:
    # Capitals of names and marks opening words made this sentence read as a headline,
    # where Title Case says nothing, so the show's name stayed speech.
    text = (
        "Former Rep. Dana Whitlock (D-Ohio) backed Governor Ray Kessler during the Ohio "
        "race, she said Tuesday on WKRC’s “Morning Report.”"
    )
    assert not is_headline(text, (0, len(text)))
    assert _kinds(text) == {"“Morning Report.”": "scare"}


def test_a_title_case_line_is_still_a_headline() -> None:
    text = "Mayor Says Harbour Repairs Are ‘Urgent’ as Ferry Queues Grow"
    assert is_headline(text, (0, len(text)))


def test_a_quoted_word_before_a_determiner_is_a_verb_not_a_noun_modifier() -> None:
    text = 'Mayor Lena Ortiz is promising to "bomb the hell" out of the budget.'
    assert [(q.kind, q.speaker) for q in analyze(text).quotes] == [("quote", "Lena Ortiz")]
    text = 'Tom Ellery is promising to "rebuild" the pier by May.'
    assert [(q.kind, q.speaker) for q in analyze(text).quotes] == [("quote", "Tom Ellery")]


def test_a_quoted_word_before_its_noun_is_still_a_scare_quote() -> None:
    text = 'The clinic sold the "miracle" cures for years before the ban.'
    assert _kinds(text) == {'"miracle"': "scare"}


def test_a_paragraph_that_is_only_a_short_quote_in_single_marks_is_a_subhead() -> None:
    text = (
        '"We will rebuild the pier," said Tom Ellery, the harbour master.\n\n'
        "'A long winter ahead.'\n\n"
        "The council meets again in March."
    )
    assert _kinds(text) == {
        '"We will rebuild the pier,"': "quote",
        "'A long winter ahead.'": "scare",
    }


def test_a_paragraph_that_is_only_a_short_quote_in_double_marks_stays_speech() -> None:
    text = (
        '"We will rebuild the pier," said Tom Ellery, the harbour master.\n\n'
        '"Not this winter, though."\n\n'
        "The council meets again in March."
    )
    assert _kinds(text)['"Not this winter, though."'] == "quote"


def test_a_follow_us_sign_off_inside_a_quotation_is_furniture() -> None:
    text = (
        '"The vote is on Tuesday," said Councillor Ann Pike.\n\n'
        '"We expect a full hall.\n\n'
        '"Follow Jo Marsh on Twitter @jomarshNews."'
    )
    kinds = _kinds(text)
    assert kinds['"Follow Jo Marsh on Twitter @jomarshNews."'] == "scare"
    assert kinds['"The vote is on Tuesday,"'] == "quote"


def test_a_bracketed_note_in_a_quoted_transcript_is_a_stage_direction() -> None:
    text = (
        "Partial transcript:\n\n"
        '"HOST: Will the ferry run in winter?\n\n'
        '"(CROSSTALK.)\n\n'
        '"MAYOR: It will run every day."'
    )
    kinds = _kinds(text)
    assert kinds['"(CROSSTALK.)'] == "scare"
    assert kinds['"MAYOR: It will run every day."'] == "quote"


def test_stage_directions_are_whole_brackets() -> None:
    for quoted, direction in [
        ('"(APPLAUSE)"', True),
        ('"[inaudible]"', True),
        ('"(We won) and they lost (badly)"', False),
        ('"We won (again)"', False),
    ]:
        text = f"She paused. {quoted} Then she went on."
        start = text.index(quoted)
        quote = MarkedQuote(start, start + len(quoted), 0, 0)
        assert is_stage_direction(text, quote) == direction, quoted


def test_a_title_case_quote_after_podcast_or_memoir_is_a_title() -> None:
    text = (
        '"It was a hard year," Dana Whitlock said last week on the podcast "Harbour Lights."\n\n'
        'She wrote about it in her memoir, "Salt and Stone."'
    )
    kinds = _kinds(text)
    assert kinds['"Harbour Lights."'] == "scare"
    assert kinds['"Salt and Stone."'] == "scare"


def test_a_title_case_quote_after_told_or_a_preposition_is_the_show_named() -> None:
    text = (
        '"We will reopen in May," Mayor Dana Whitlock told "Harbour Today" on Friday.\n\n'
        'She said so again in an interview with "Coast Live."'
    )
    kinds = _kinds(text)
    assert kinds['"We will reopen in May,"'] == "quote"
    assert kinds['"Harbour Today"'] == "scare"
    assert kinds['"Coast Live."'] == "scare"


def test_a_capitalised_quote_that_is_a_whole_sentence_is_speech() -> None:
    text = '"This is a stunt," Ann Pike wrote on her blog. "Blacklisted?"\n\nThe row went on.'
    assert _kinds(text) == {'"This is a stunt,"': "quote", '"Blacklisted?"': "quote"}


def test_a_short_quote_after_a_verb_of_naming_is_someone_s_words() -> None:
    # no speaker is found ("Someone"), but "called" gives the words to somebody: a
    # quotation with an unknown speaker, not the writer's scare quote
    text = 'Nobody expected the vote. Someone called it a "quiet revolution," and I agree.'
    assert [(q.kind, q.speaker) for q in analyze(text).quotes] == [("quote", None)]


def test_so_called_broken_at_its_hyphen_is_still_so_called() -> None:
    for text in (
        'Mayor Lena Ortiz said the so- called "reform" would fail.',
        'Mayor Lena Ortiz said the so-\ncalled "reform" would fail.',
    ):
        assert [q.kind for q in analyze(text).quotes] == ["scare"], text


def test_a_headline_cited_with_its_byline_in_a_digest_is_no_speech() -> None:
    text = (
        "Mayor Lena Ortiz spoke on Monday.\n\n"
        '—"Harbour ferry to stop at night from March," by the Ledger\'s Ana Ruiz: '
        '"The night ferry will end," the operator said.'
    )
    assert _kinds(text) == {
        '"Harbour ferry to stop at night from March,"': "scare",
        '"The night ferry will end,"': "quote",
    }


def test_speech_credited_with_by_inside_a_sentence_stays_speech() -> None:
    text = (
        'Ortiz said the "careless, hurtful remarks," by Councillor Hale last week '
        "had no place in the chamber."
    )
    assert _kinds(text) == {'"careless, hurtful remarks,"': "quote"}


def test_an_ampersand_joins_the_words_of_a_show_title() -> None:
    text = "Speaking on Tuesday on Fox’s “Dawn & Friends,” Rep. Ray Kessler said little."
    assert _kinds(text) == {"“Dawn & Friends,”": "scare"}


def test_a_quote_dated_by_a_year_in_brackets_is_a_title_or_slogan() -> None:
    text = (
        "The party's posters set the tone: “Close the harbour to outsiders” (2005) — "
        "“No ferry for strangers” (town election poster 2009)."
    )
    assert _kinds(text) == {
        "“Close the harbour to outsiders”": "scare",
        "“No ferry for strangers”": "scare",
    }


def test_a_year_after_the_speaker_leaves_speech_alone() -> None:
    text = "“We will rebuild the pier,” Mayor Lena Ortiz said (in 2005) at the harbour."
    assert _kinds(text) == {"“We will rebuild the pier,”": "quote"}
