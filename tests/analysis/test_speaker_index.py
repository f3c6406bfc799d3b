"""The fullest form of a speaker's name and the person a pronoun reaches back to: both
read from the name finder's mentions, by where they stand."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.analysis.entities import find_entities, group_entities
from reader.analysis.quotes import mark_quotes
from reader.analysis.speaker_index import SpeakerIndex
from reader.analysis.speaker_names import NameSpans
from reader.analysis.text_units import paragraphs


def _index(text: str) -> SpeakerIndex:
    return SpeakerIndex(text, _names(text))


@lru_cache(maxsize=8)
def _names(text: str) -> NameSpans:
    """The name finder's mentions of ``text``, found once for each fresh index."""
    entities = find_entities(text)
    return NameSpans(text, entities, group_entities(text, entities))


@pytest.mark.parametrize(
    ("text", "name", "fullest"),
    [
        ("Sergei Ryabkov spoke first. Ryabkov said no.", "Ryabkov", "Sergei Ryabkov"),
        ("Sergei Ryabkov's aide left. Ryabkov said no.", "Ryabkov", "Sergei Ryabkov"),
        (
            "Maria O'Neill-Brown arrived. O'Neill-Brown said so.",
            "O'Neill-Brown",
            "Maria O'Neill-Brown",
        ),
        # the first part of a double-barrelled surname names its bearer
        ("Ana Ruiz-Lopez arrived. Ruiz said so.", "Ruiz", "Ana Ruiz-Lopez"),
        # a surname inside a longer word is not the surname
        ("Jonathan Smithson arrived. Smith said so.", "Smith", "Smith"),
        ("Jonathan McSmith arrived. Smith said so.", "Smith", "Smith"),
        ("Karl Øster arrived. Øster said so.", "Øster", "Karl Øster"),
        ("Karl Øster arrived. Øster's view held.", "Øster's", "Karl Øster"),
        # a full stop ends the sentence, and the name: "Minsk." is not a first name
        ("They met in Minsk. Ryabkov said no.", "Ryabkov", "Ryabkov"),
        # "of" joins an organisation's name, never a person's: England is no bank
        ("The Bank of England raised rates. England said no.", "England", "England"),
    ],
)
def test_fullest_form(text: str, name: str, fullest: str) -> None:
    assert _index(text).fullest(name, text.rindex(name.split()[-1])) == fullest


def test_the_nearest_form_before_the_mention_wins() -> None:
    text = "Anna Lee came. Bruce Lee came. Lee said yes. Carl Lee came."
    index = _index(text)
    assert index.fullest("Lee", text.index("Lee said")) == "Bruce Lee"
    assert index.fullest("Lee", 0) == "Anna Lee"


def test_a_form_far_beyond_the_search_window_is_not_used() -> None:
    text = "Sergei Ryabkov spoke. " + "x " * 50_000 + "Ryabkov said no."
    assert _index(text).fullest("Ryabkov", text.rindex("Ryabkov")) == "Ryabkov"


def test_without_the_name_finder_a_name_is_only_itself() -> None:
    text = "Sergei Ryabkov spoke first. Ryabkov said no."
    index = SpeakerIndex(text, None)
    assert index.fullest("Ryabkov", text.rindex("Ryabkov")) == "Ryabkov"
    assert index.last_person_before(len(text), 0, paragraphs(text), []) is None


def test_windows_of_a_long_story_see_the_forms_near_each_mention() -> None:
    # "Ann Lee" and "Bo Lee" on and around the stretch boundaries, where one window
    # ends and the next begins: each mention grows into the nearest form before it.
    chars = ["x"] * 130_000
    places = (5, 19_987, 20_001, 39_995, 59_986, 60_003, 79_995, 100_001)
    for lee in places:
        first = "Ann " if lee % 2 else "Bo "
        for k, ch in enumerate(" " + first + "Lee. "):
            chars[lee - len(first) - 1 + k] = ch
    text = "".join(chars)
    index = _index(text)
    for lee in places:
        at = lee + 10
        expected = "Ann Lee" if lee % 2 else "Bo Lee"
        assert index.fullest("Lee", at) == expected, lee


def test_a_photo_credit_on_the_line_before_is_no_part_of_the_speaker() -> None:
    # Read as text, "Getty Images Kevin Vickers" is one run of capitals across the line
    # break; the name finder's mention is "Kevin Vickers", and the speaker is its name.
    text = (
        "Photo: Getty Images\nKevin Vickers said the rules were clear.\n\n"
        '"We will not move," Vickers said.'
    )
    quote = analyze(text).quotes[-1]
    assert (quote.speaker, quote.role) == ("Kevin Vickers", None)


@pytest.mark.parametrize(
    ("text", "mention", "speaker", "role"),
    [
        # a title before the name is no part of it: it is the speaker's role
        (
            "Deputy Foreign Minister Sergei Ryabkov spoke in Geneva.\n\n"
            '"We will not sign this," Ryabkov said.',
            "Sergei Ryabkov",
            "Sergei Ryabkov",
            "Deputy Foreign Minister",
        ),
        (
            "The Reverend Amanda Okoro became vicar of Holmsea in 2019.\n\n"
            '"It is one thing to lose a building," Okoro said.',
            "Amanda Okoro",
            "Amanda Okoro",
            "Reverend",
        ),
        # small words inside a name
        (
            'Pieter van der Berg chairs the port board.\n\n"We wait," Berg said.',
            "Pieter van der Berg",
            "Pieter van der Berg",
            None,
        ),
        # OCR-grade text: a hard line wrap inside the name
        (
            "The harbour master, who has run the quay for twenty years, Hannah\n"
            "Lindqvist, spoke first at the meeting.\n\n"
            '"The berths are full," Lindqvist said.',
            "Hannah\nLindqvist",
            "Hannah Lindqvist",
            None,
        ),
    ],
)
def test_speakers_read_the_names_the_name_finder_reads(
    text: str, mention: str, speaker: str, role: str | None
) -> None:
    # One reader of name runs: the name finder's mention is the speaker's fullest name.
    analysis = analyze(text)
    people = [text[e.start : e.end] for e in analysis.entities if e.label == "PER"]
    assert people[0] == mention
    quote = analysis.quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee spoke. "Bo Smith is wrong. Carl Diaz is wrong." Then she left.\n\n'
        '"We are done," she said.',
        'Ann Lee spoke at noon. The room was full of "Bo Smith fans. Carl Diaz fans." '
        'She was calm. "We are done," she said.',
    ],
)
def test_she_is_the_last_person_opening_a_sentence_outside_quotes(text: str) -> None:
    # "Carl Diaz" opens a sentence nearer to "she", but inside a quotation
    assert [q.speaker for q in analyze(text).quotes if "done" in q.text] == ["Ann Lee"]


def _people_before_every_quote(index: SpeakerIndex, text: str, order: list[int]) -> list:
    paras = paragraphs(text)
    quotes = [(q.start, q.end) for q in mark_quotes(text, paras)]
    spots = [
        (q_start, p) for q_start, _ in quotes for p, (a, b) in enumerate(paras) if a <= q_start < b
    ]
    found = []
    for n in order:
        at, p = spots[n % len(spots)]
        run = index.last_person_before(at, p, paras, quotes)
        found.append(None if run is None else (run.start, run.words))
    return found


def _samples() -> list[str]:
    folder = Path(__file__).resolve().parents[2] / "sample_articles"
    stories = [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())]
    return [*stories, " ".join(" ".join(stories).split())]


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_the_person_before_a_pronoun_does_not_depend_on_what_was_asked_before(
    data: st.DataObject,
) -> None:
    # One-word openers are checked only when a look-up reaches them, and walks remember
    # where they ended: any order of look-ups must give what a fresh index gives.
    text = data.draw(st.sampled_from(_samples()))
    order = data.draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=40))
    shared = _index(text)
    asked_in_turn = _people_before_every_quote(shared, text, order)
    asked_fresh = [_people_before_every_quote(_index(text), text, [n])[0] for n in order]
    assert asked_in_turn == asked_fresh


def test_look_ups_before_quotes_find_people_in_the_long_story() -> None:
    text = _samples()[2]
    found = _people_before_every_quote(_index(text), text, list(range(200)))
    assert sum(person is not None for person in found) > 50
