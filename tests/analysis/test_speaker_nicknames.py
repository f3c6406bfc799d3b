"""A nickname in quotation marks inside a name is part of the name, not a quote.

Texts written for these tests (issue 16): the speaker is read after the quotation
across the nickname, before a speech verb across it, and the nickname is listed as no
quotation of any kind; a Title Case quotation after a first name but before a day is no
nickname.
"""

from __future__ import annotations

from reader.analysis import analyze


def test_speaker_after_the_cue_reads_across_the_nickname() -> None:
    text = (
        "The harbour board met on Thursday.\n\n"
        '"The ferry will sail again in April," said Loretta "Lolly" Kemble, who runs the '
        "terminal."
    )
    quotes = analyze(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("quote", "Loretta Kemble")]


def test_speaker_before_the_verb_reads_across_the_nickname() -> None:
    text = (
        "The fight card was announced.\n\n"
        '"Nobody in this division can stand with me," Terrence "Big Mountain" Okafor '
        "told reporters."
    )
    quotes = analyze(text).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("quote", "Terrence Okafor")]


def test_a_title_before_a_day_is_no_nickname() -> None:
    text = 'The critic reviewed Maria "Blue Harbour" Tuesday in the evening edition.'
    assert [q.text for q in analyze(text).quotes] == ['"Blue Harbour"']


def test_a_quoted_word_before_a_headline_function_word_is_no_nickname() -> None:
    text = 'Lucas "Ready" For New Talks, Union Leaders Say\n\nThe talks resume on Monday.'
    assert [q.text for q in analyze(text).quotes] == ['"Ready"']
