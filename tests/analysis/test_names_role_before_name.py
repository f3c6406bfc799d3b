"""A job word opening a sentence before a name: "Anchor Norah O'Donnell asked".

Texts written for these tests (issue 16): capitalised as the sentence's first word, the
job joined the name's run, and the whole run was dropped as a sentence-initial guess,
so the person was not found and the quote after it had no speaker.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.names import find_names

_BEFORE = "The harbour board met late into the night to settle the ferry fares. "


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Reporter Ana Ruiz then asked about the winter timetable.", "Ana Ruiz"),
        ("Co-host Norah O'Donnell then asked about the winter timetable.", "Norah O'Donnell"),
        ("Economist Joel Hartley expects the fares to rise again.", "Joel Hartley"),
    ],
)
def test_the_person_after_a_job_word_is_found(sentence: str, name: str) -> None:
    found = [(e.text, e.label) for e in find_names(_BEFORE + sentence)]
    assert (name, "PER") in found


def test_a_job_word_before_no_first_name_is_left_alone() -> None:
    # "Host Harbour Trust": no first name follows the job word, nothing is split off
    found = [e.text for e in find_names(_BEFORE + "Host Harbour Trust paid for the new pier.")]
    assert "Harbour Trust" not in found


def test_the_quote_after_a_job_word_has_its_speaker() -> None:
    text = _BEFORE + "\n\nCo-anchor Norah O’Donnell, who was off-screen, then asked, “Really?”"
    quotes = analyze(text).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Norah O’Donnell", "Co-anchor")]
