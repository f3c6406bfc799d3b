from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.model import Article
from reader.sources import load, parse_text
from tests.sources.conftest import USER_SAMPLE


def shown(article: Article) -> list[str]:
    """Each paragraph as the reader shows it: hard line breaks become spaces."""
    return [article.text[p.start : p.end].replace("\n", " ") for p in article.paragraphs]


def test_user_sample_header() -> None:
    article = load(USER_SAMPLE)
    assert article.title == "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks"
    assert article.byline == "AFP"
    assert article.published == "2021-07-27"
    assert article.source == "TASS"
    assert article.path == str(USER_SAMPLE.resolve())


def test_user_sample_text_is_the_file() -> None:
    article = load(USER_SAMPLE)
    assert article.text == USER_SAMPLE.read_text(encoding="utf-8")
    # Offsets are the file's: the title's first word sits after the stray leading space.
    assert article.text[1:7] == "Moscow"


def test_user_sample_body_starts_at_first_paragraph() -> None:
    article = load(USER_SAMPLE)
    assert article.text[article.body_start :].startswith("Russia on Tuesday said")
    assert article.paragraphs[0].start == article.body_start
    first = shown(article)[0]
    assert first == (
        "Russia on Tuesday said high-level talks with the United States this week will show "
        'how "serious" Washington is in seeking genuine dialogue with Moscow.'
    )


def test_user_sample_indented_line_starts_a_paragraph() -> None:
    paragraphs = shown(load(USER_SAMPLE))
    assert any(p.startswith("The so-called Strategic Stability Dialogue") for p in paragraphs)
    ryabkov = next(p for p in paragraphs if p.startswith("Deputy Foreign Minister"))
    assert ryabkov.endswith('energetic dialogue in strategic stability."')


def test_reflow_keeps_offsets() -> None:
    article = load(USER_SAMPLE)
    for span, display in zip(article.paragraphs, shown(article), strict=True):
        original = article.text[span.start : span.end]
        assert len(display) == len(original)
        assert display == original.replace("\n", " ")
        assert "\n\n" not in original
        assert original == original.strip()


def test_paragraphs_are_ordered_and_disjoint() -> None:
    spans = load(USER_SAMPLE).paragraphs
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert len(spans) == 11


def test_id_is_stable_and_depends_on_content_and_place(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("Title\n\nBy Jo Bloggs\n\nBody text.\n")
    second.write_text("Title\n\nBy Jo Bloggs\n\nBody text.\n")
    assert load(first).id == load(first).id
    assert load(first).id != load(second).id
    first.write_text("Title\n\nBy Jo Bloggs\n\nOther body text.\n")
    assert load(first).id != load(second).id
    assert len(load(first).id) == 16


@pytest.mark.parametrize(
    ("date_line", "iso"),
    [
        ("July 27,2021", "2021-07-27"),
        ("27 July 2021", "2021-07-27"),
        ("2021-07-27", "2021-07-27"),
        ("Jul. 27, 2021", "2021-07-27"),
        ("Tuesday, July 27, 2021", "2021-07-27"),
        ("Published: 27th of July, 2021", "2021-07-27"),
        ("July 27, 2021 10:42 AM EDT", "2021-07-27"),
        ("2021-07-27T09:30:00Z", "2021-07-27"),
        ("27.07.2021", "2021-07-27"),
        ("07/27/2021", "2021-07-27"),
        ("Sept. 3, 2021", "2021-09-03"),
    ],
)
def test_date_lines(date_line: str, iso: str) -> None:
    article = parse_text(f"A Headline\n\nBy Jo Bloggs\n\n{date_line}\n\nReuters\n\nBody.\n")
    assert article.published == iso
    assert article.source == "Reuters"
    assert article.text[article.body_start :] == "Body.\n"


def test_ambiguous_numeric_date_is_header_but_not_guessed() -> None:
    article = parse_text("A Headline\n\n03/04/2021\n\nThe body begins here.\n")
    assert article.published is None
    assert article.paragraphs and shown(article) == ["The body begins here."]


def test_impossible_date_is_not_a_date() -> None:
    article = parse_text("A Headline\n\nFebruary 30, 2021\n\nBody.\n")
    assert article.published is None


def test_header_fields_in_one_block_and_any_order() -> None:
    article = parse_text("Floods Close Roads\n\n12 March 2024\nBy Ana Ruiz\nEFE\n\nRain fell.\n")
    assert (article.title, article.byline, article.published, article.source) == (
        "Floods Close Roads",
        "Ana Ruiz",
        "2024-03-12",
        "EFE",
    )
    assert shown(article) == ["Rain fell."]


def test_short_first_paragraph_without_header_is_body() -> None:
    # A short line after the title is only a source when a byline or date proves a header.
    article = parse_text("Headline Here\n\nTASS\n\nBody sentence.\n")
    assert article.source is None
    assert shown(article) == ["TASS", "Body sentence."]


def test_story_without_a_header_takes_its_title_from_the_file_name() -> None:
    text = "The council met on Monday. It voted to close the bridge.\n\nTraffic was diverted.\n"
    article = parse_text(text, path="city-council_vote.txt")
    assert article.title == "City council vote"
    assert shown(article) == [
        "The council met on Monday. It voted to close the bridge.",
        "Traffic was diverted.",
    ]
    assert article.byline is None and article.published is None


def test_one_line_per_paragraph_text_is_split_at_each_line() -> None:
    long_line = "word " * 50
    text = f"Headline\n\nBy Jo Bloggs\n\n{long_line}one.\n{long_line}two.\n{long_line}three.\n"
    article = parse_text(text)
    assert len(article.paragraphs) == 3
    assert shown(article)[1].endswith("two.")


def test_short_sentence_end_line_in_wrapped_text_ends_the_paragraph() -> None:
    wrapped = "\n".join(
        ["alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"] * 3
    )
    text = f"Headline\n\nBy Jo Bloggs\n\n{wrapped}\nShort end.\n{wrapped}.\n"
    article = parse_text(text)
    assert len(article.paragraphs) == 2
    assert shown(article)[0].endswith("Short end.")


def test_crlf_and_cr_newlines_are_normalised(write) -> None:
    path = write("crlf.txt", b"Headline\r\n\r\nBy Jo Bloggs\r\n\r\nLine one\r\nline two.\r\n")
    article = load(path)
    assert "\r" not in article.text
    assert article.byline == "Jo Bloggs"
    assert shown(article) == ["Line one line two."]


def test_header_without_blank_lines_then_body_in_the_same_block() -> None:
    text = "Storm Hits Coast\nBy Ana Ruiz\n2024-01-05\nEFE\nWaves rose.\nRoads shut.\n"
    article = parse_text(text)
    assert (article.title, article.byline, article.published, article.source) == (
        "Storm Hits Coast",
        "Ana Ruiz",
        "2024-01-05",
        "EFE",
    )
    assert article.text[article.body_start :] == "Waves rose.\nRoads shut.\n"


def test_first_line_that_is_a_byline_means_no_title_line() -> None:
    article = parse_text("By Ana Ruiz\n\nMay 3, 2022\n\nThe body.\n", path="storm-report.txt")
    assert (article.title, article.byline, article.published) == (
        "Storm report",
        "Ana Ruiz",
        "2022-05-03",
    )
    assert shown(article) == ["The body."]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By AFP", "AFP"),
        ("BY JANE DOE", "JANE DOE"),
        ("By: Jane Doe, Reuters", "Jane Doe, Reuters"),
        ("Byline: Jane Doe", "Jane Doe"),
        ("Author: Jane Doe", "Jane Doe"),
        ("Written by Jane Doe and Tom Lee", "Jane Doe and Tom Lee"),
        ("Reporting by Jane Doe;", "Jane Doe"),
    ],
)
def test_byline_forms(line: str, name: str) -> None:
    assert parse_text(f"Headline\n\n{line}\n\nBody.\n").byline == name


def test_labelled_source_and_updated_date() -> None:
    article = parse_text(
        "Headline\n\nUpdated: Tue 27 July 2021 14:05 BST\n\nSource: TASS news agency\n\nBody.\n"
    )
    assert (article.published, article.source) == ("2021-07-27", "TASS news agency")


def test_body_sentence_starting_with_by_is_not_a_byline() -> None:
    text = (
        "Headline\n\nBy Jo Bloggs\n\nJune 1, 2022\n\n"
        "By Tuesday the water had receded from most streets, officials said, and roads reopened.\n"
    )
    article = parse_text(text)
    assert article.byline == "Jo Bloggs"
    assert shown(article) == [
        "By Tuesday the water had receded from most streets, officials said, and roads reopened."
    ]


def test_standfirst_between_title_and_byline_opens_the_body() -> None:
    text = (
        "Dam Repairs Delayed Again\n\n"
        "Engineers say the spillway needs a new design after winter floods.\n\n"
        "By Ana Ruiz\n\nMarch 3, 2024\n\n"
        "The reservoir authority said on Friday that work would resume in June.\n"
    )
    article = parse_text(text)
    assert (article.title, article.byline, article.published) == (
        "Dam Repairs Delayed Again",
        "Ana Ruiz",
        "2024-03-03",
    )
    assert shown(article) == [
        "Engineers say the spillway needs a new design after winter floods.",
        "The reservoir authority said on Friday that work would resume in June.",
    ]
    assert "By Ana Ruiz" not in " ".join(shown(article))
