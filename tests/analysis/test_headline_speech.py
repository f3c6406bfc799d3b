"""A headline's quote is the words of the person the headline opens with (issue 16).
Texts written for these tests."""

from __future__ import annotations

from reader.analysis import analyze

_BODY = (
    "\n\nHarbour councillor Ray Kessler spoke on Monday after the ferry was late for the "
    "ninth day running. Kessler said the pier plan had failed the town."
)


def _headline(text: str) -> list[tuple[str, str, str | None]]:
    end = text.find("\n")
    return [(q.text, q.kind, q.speaker) for q in analyze(text).quotes if q.start < end]


def test_a_headline_quote_after_a_named_person_is_that_persons_speech() -> None:
    text = "Ray Kessler Calls Pier Plan ‘A Disgrace’ Over Ferry Delays" + _BODY
    assert _headline(text) == [("‘A Disgrace’", "quote", "Ray Kessler")]


def test_a_headline_quote_after_a_colon_is_speech_by_the_person_it_opens_with() -> None:
    text = "Kessler on Ferries: The Delays Are 'Shameful.'" + _BODY
    assert _headline(text) == [("'Shameful.'", "quote", "Ray Kessler")]


def test_straight_marks_and_a_hard_wrap_keep_the_rule() -> None:
    # an OCR copy: straight marks, the headline and the body wrapped at a column
    text = "Kessler Slams 'Personal Insult' if Voters Stay Home\nas Ferry Runs Late" + (
        _BODY.replace(" after the ferry", "\nafter the ferry")
    )
    assert _headline(text) == [("'Personal Insult'", "quote", "Ray Kessler")]


def test_a_headline_that_opens_with_no_named_person_keeps_its_scare_quote() -> None:
    text = "Frustrated Parents Rally To ‘Save Our Pier’" + _BODY
    assert _headline(text) == [("‘Save Our Pier’", "scare", None)]


def test_a_quoted_label_before_its_noun_is_no_speech() -> None:
    text = "Ray Kessler Wears ‘Make It Local’ Hats at Harbour Rally" + _BODY
    assert _headline(text) == [("‘Make It Local’", "scare", None)]


def test_a_title_after_a_possessive_is_no_speech() -> None:
    text = "Ray Kessler’s ‘Tide Lines’ Opens at the Harbour Hall" + _BODY
    assert _headline(text) == [("‘Tide Lines’", "scare", None)]


def test_two_people_of_one_last_name_leave_the_quote_unknown() -> None:
    text = (
        "Kessler Calls Pier Plan ‘A Disgrace’ Over Ferry Delays\n\n"
        "Ray Kessler and his sister Ann Kessler spoke on Monday after the ferry was late."
    )
    assert _headline(text) == [("‘A Disgrace’", "scare", None)]


def test_a_headline_without_a_verb_of_speech_keeps_its_scare_quote() -> None:
    # the rule: a headline's quote needs a speech verb to be speech
    text = "Ray Kessler Sees ‘Personal Insult’ if Voters Stay Home" + _BODY
    assert _headline(text) == [("‘Personal Insult’", "scare", None)]
