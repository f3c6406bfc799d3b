"""One vocabulary for names and speakers: an abbreviation or a particle counts everywhere."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.analysis.entities import find_entities
from reader.analysis.text_units import tokens
from reader.analysis.vocabulary import is_abbreviation


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[e.start : e.end], e.label) for e in find_entities(text)]


@pytest.mark.parametrize("word", ["Mr.", "Sen.", "J.", "U.S.", "Calif.", "No.", "Cmdr.", "Sept."])
def test_words_whose_full_stop_is_theirs(word: str) -> None:
    assert is_abbreviation(word)


@pytest.mark.parametrize("word", ["Moscow.", "Smith.", "Ferries.", "A.B.C.D.E.F."])
def test_words_whose_full_stop_ends_a_sentence(word: str) -> None:
    assert not is_abbreviation(word)


def test_a_rank_number_is_no_organisation() -> None:
    text = "Senator Hale, the No. 2 Republican in the chamber, spoke to reporters in Leeds."
    found = _names(text)
    assert ("Hale", "PER") in found
    assert not any(name.startswith("No") for name, _ in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Pres. Okafor signed the order on Tuesday in Lagos.", "Okafor"),
        ("Cmdr. Jon Bratton led the unit for a decade.", "Jon Bratton"),
        ("Del. Marisa Quell voted against the bill.", "Marisa Quell"),
    ],
)
def test_an_abbreviated_title_is_the_role_not_a_name(text: str, person: str) -> None:
    found = _names(text)
    assert (person, "PER") in found
    assert all(not name.startswith(("Pres", "Cmdr", "Del")) for name, _ in found)


def test_a_month_with_its_full_stop_is_no_name() -> None:
    text = "Three days after Halvorsen's Feb. 10 announcement, the plant closed."
    assert all(not name.startswith("Feb") for name, _ in _names(text))
    # The tokeniser keeps the month's full stop: it does not end the sentence.
    assert "Feb." in [token.text for token in tokens(text, 0, len(text))]


def test_a_particle_inside_a_speakers_name_is_read_by_the_speaker_finder_too() -> None:
    text = (
        'Ana dos Santos leads the tenants\' group in Porto.\n\n"We will not move," dos Santos said.'
    )
    quotes = analyze(text).quotes
    assert [q.speaker for q in quotes] == ["Ana dos Santos"]
