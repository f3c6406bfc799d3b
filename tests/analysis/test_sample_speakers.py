"""Every speaker the bundled samples print: names, resolved pronouns and complete
nominal phrases, one display name per person. A speaker not listed here fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.sources import load_many

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

EXPECTED: dict[str, set[str]] = {
    "grain-cooperative-silo-ocr-scan.txt": {"Eileen Fawcett", "Peter Hal1am", "Robert Askew"},
    "harbour-bridge-repairs-urgent.txt": {
        "A Department of Transport spokesperson",
        "A spokesperson for Lune Ferries",
        "Amira Haddad",
        "Gareth Pryce",
        "Joanne Mbeki",
        "Port Ardwell’s town council",
        "Priya Nandakumar",
        "Tom Ellery",
    },
    "holmsea-coastal-erosion-long-report.txt": {
        "Alan Mwangi",
        "Amanda Okoro",
        "Carl Brennan",
        "Clive Marsh",
        "Dennis Farrow",
        "Derek Halloran",
        "Doris Whitaker",
        "Felicity Adebayo",
        "Gareth Oduya",
        "Grace Nwachukwu",
        "Hannah Lindqvist",
        "Harjit Sandhu",
        "Helmsman Owen Ashdown",
        "Jimmy Cartwright",
        "Joan Pettifer",
        "Kamala Sandhu",
        "Kwame Asante",
        "Malcolm Reeve",
        "Margaret Olusanya",
        "Nick Trelawney",
        "Peter Osei-Bonsu",
        "Priyanka Sood",
        "Rosemary Achebe",
        "Ruth Kaminski",
        "Stuart Ferreira",
        "Sunita Brennan",
        "The council",
        "Vanessa Lowther",
        "an official from the Environment Agency",
        "one former adviser",
        "one resident",
        "its owner",
    },
    "hospital-waiting-lists-nurses-speak.md": {
        "A senior ward nurse at St Columba’s",
        "A spokesperson",
        "A theatre nurse at the Queen Adelaide",
        "Lorraine Obi",
        "Nurses",
        "Paul Finnegan",
        "Samuel Achterberg",
        "The manager",
        "The trust",
    },
    "moscow-us-strategic-stability.txt": {"Dmitry Peskov", "Moscow", "Russia", "Sergei Ryabkov"},
    "rail-talks-collapse-straight-quotes.txt": {
        "A spokesman",
        "Marcus Feld",
        "Oliver Grant",
        "Priti Lal",
        "Susan Whitlock",
        "his office",
    },
    "water-inquiry-engineer-testimony.md": {
        "A spokesperson for Ofwat",
        "Gwen Hartley",
        "Margaret Ilesanmi",
        "Simon Tregarthen",
        "the company",
    },
    "wildfire-evacuation-one-line-paragraphs.txt": {
        "A police spokeswoman",
        "Daniel Ortega",
        "Encarnación Molina",
        "Iván Castaño",
        "Mercedes Albiol",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_speaker_is_a_listed_name_or_nominal_phrase(name: str) -> None:
    (article,) = load_many(SAMPLES / name)
    quotes = [q for q in analyze(article.text).quotes if q.kind == "quote"]
    assert {q.speaker for q in quotes if q.speaker} == EXPECTED[name]


def test_the_samples_are_all_listed() -> None:
    assert sorted(path.name for path in SAMPLES.iterdir() if path.is_file()) == sorted(EXPECTED)


def test_headline_and_front_matter_quotes_are_not_speech() -> None:
    kinds = {}
    for name in ("harbour-bridge-repairs-urgent.txt", "water-inquiry-engineer-testimony.md"):
        (article,) = load_many(SAMPLES / name)
        first = analyze(article.text).quotes[0]
        kinds[name] = first.kind
    assert set(kinds.values()) == {"scare"}


def test_he_after_a_woman_named_just_before_is_not_hers() -> None:
    (article,) = load_many(SAMPLES / "harbour-bridge-repairs-urgent.txt")
    text = article.text
    at = text.index("“We opened the housings")
    (quote,) = [q for q in analyze(text).quotes if q.start == at]
    assert quote.speaker == "Tom Ellery"  # "Salt spray and heavier lorries ..., he said"
