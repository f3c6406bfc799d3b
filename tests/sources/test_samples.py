"""The bundled stories: headers read right, and together they cover what the reader must handle."""

from __future__ import annotations

import re

import pytest

from reader.model import Article
from reader.sources import load, load_all
from tests.sources.conftest import SAMPLES

# file name: (title, byline, published, source)
EXPECTED = {
    "moscow-us-strategic-stability.txt": (
        "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks",
        "AFP",
        "2021-07-27",
        "TASS",
    ),
    "harbour-bridge-repairs-urgent.txt": (
        "Council Calls Harbour Bridge Repairs 'Urgent' as Ferry Queues Grow",
        "Helen Marsh",
        "2024-03-14",
        "Northern Coast Courier",
    ),
    "rail-talks-collapse-straight-quotes.txt": (
        'Rail Talks Collapse as Union Rejects "Final" Pay Offer',
        "Daniel Osei",
        "2023-07-09",
        "Midland Wire",
    ),
    "grain-cooperative-silo-ocr-scan.txt": (
        "Grain Co-operative Votes to Build New Silo Despite Price Slump",
        "Margaret Dunmore",
        "1998-10-02",
        "Lowland Farmer Weekly",
    ),
    "holmsea-coastal-erosion-long-report.txt": (
        "The Sea Is Taking Holmsea Street by Street. The Village Is Deciding What to Save",
        "Rachel Whyte and Tom Castell",
        "2024-02-18",
        "Eastern Shore Review",
    ),
    "wildfire-evacuation-one-line-paragraphs.txt": (
        "Wildfire Forces Evacuation of Hill Villages as Winds Shift",
        "Lucía Ferrer",
        "2022-08-14",
        "Iberian Press Service",
    ),
    "water-inquiry-engineer-testimony.md": (
        "Water Company Engineer Tells Inquiry Leak Data Was 'Kept Off the Record'",
        "Ruth Adeyemi",
        "2023-11-21",
        "Valley Ledger",
    ),
    "hospital-waiting-lists-nurses-speak.md": (
        "Nurses Say Waiting-List Targets Are ‘Being Met on Paper Only’",
        "Inês Carvalho",
        "2023-05-05",
        None,
    ),
}


def paragraphs(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def all_samples() -> dict[str, Article]:
    articles, errors = load_all([SAMPLES])
    assert errors == []
    return {a.path.rsplit("/", 1)[-1]: a for a in articles}


def test_every_sample_is_listed_here_and_loads() -> None:
    assert sorted(all_samples()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_header(name: str) -> None:
    article = load(SAMPLES / name)
    assert (article.title, article.byline, article.published, article.source) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_paragraphs_reflow_without_moving_offsets(name: str) -> None:
    article = load(SAMPLES / name)
    assert article.paragraphs, "a sample with no body"
    for span in article.paragraphs:
        original = article.text[span.start : span.end]
        shown = original.replace("\n", " ")
        assert len(shown) == len(original) and "\n\n" not in original
    # Our own stories separate paragraphs by blank lines, so every block is one paragraph.
    if name not in {
        "moscow-us-strategic-stability.txt",
        "wildfire-evacuation-one-line-paragraphs.txt",
    }:
        body = article.text[article.body_start :]
        assert len(article.paragraphs) == len([b for b in body.split("\n\n") if b.strip()])


def test_the_long_story_is_long() -> None:
    path = SAMPLES / "holmsea-coastal-erosion-long-report.txt"
    assert path.stat().st_size >= 50 * 1024
    assert len(load(path).paragraphs) > 150


def test_one_line_paragraphs_are_split_per_line() -> None:
    article = load(SAMPLES / "wildfire-evacuation-one-line-paragraphs.txt")
    assert len(article.paragraphs) == 11
    assert paragraphs(article)[2].startswith('"We had twenty minutes," said Encarnación Molina')


def test_samples_cover_the_quote_shapes_the_reader_must_handle() -> None:
    texts = {name: article.text for name, article in all_samples().items()}
    every = "\n".join(texts.values())
    # Curly and straight quotes.
    assert "“" in every and '"' in texts["rail-talks-collapse-straight-quotes.txt"]
    # A single-quoted headline quote.
    assert re.search(r"'\w[^']*'", EXPECTED["harbour-bridge-repairs-urgent.txt"][0])
    # Nested quotes, both curly and straight.
    assert re.search(r"“[^”]*‘[^’]+’[^”]*”", every)
    assert re.search(r"\"[^\"]*'[^']+'[^\"]*\"", texts["rail-talks-collapse-straight-quotes.txt"])
    # Speaker after the quote, speaker before it, and a pronoun speaker.
    assert re.search(r"[,.]” said [A-Z]", every)
    assert re.search(r"[A-Z][a-z]+,? told [a-z\s]+: [“\"]", every)
    assert re.search(r"[”\"] (she|he) said", every)


def test_a_quote_runs_over_several_paragraphs() -> None:
    body = paragraphs(load(SAMPLES / "water-inquiry-engineer-testimony.md"))
    run = [i for i, p in enumerate(body) if p.startswith("“") and "”" not in p]
    assert run, "no paragraph opens a quote without closing it"
    following = body[run[0] + 1]
    assert following.startswith("“")


def test_ocr_damage_is_present() -> None:
    text = load(SAMPLES / "grain-cooperative-silo-ocr-scan.txt").text
    assert ",,We are farmers" in text  # broken opening marks
    assert "thecooperative" in text and "Iwould" in text  # joined words
    assert "harv- est" in text  # a hyphen left inside a word
