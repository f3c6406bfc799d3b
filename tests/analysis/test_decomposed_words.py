"""Text saved in Unicode's decomposed form: "Rene\u0301e" is one word, and speaks.

Texts written for these tests (issue 16): an accent written as a combining mark after
its letter used to cut the word in two ("Rene", "́", "e"), so a name with one never
reached the speaker's place; the text is read as written, never normalised, so offsets
stay those of the page.
"""

from __future__ import annotations

import unicodedata

from reader.analysis import analyze
from reader.analysis.text_units import tokens


def _words(text: str) -> list[str]:
    return [t.text for t in tokens(text, 0, len(text)) if t.is_word]


def test_combining_accents_stay_in_their_word() -> None:
    text = unicodedata.normalize("NFD", "Yesterday Renée Trépanier and Zoë O’Brién met us.")
    expected = unicodedata.normalize("NFD", "Yesterday Renée Trépanier and Zoë O’Brién met us")
    assert _words(text) == expected.split()


def test_a_decomposed_name_speaks() -> None:
    text = unicodedata.normalize(
        "NFD", '"The bridge opens in May," Renée Trépanier said at the depot on Friday.'
    )
    quotes = analyze(text).quotes
    assert [q.speaker for q in quotes] == [unicodedata.normalize("NFD", "Renée Trépanier")]
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == quotes[0].speaker
