from __future__ import annotations

from reader.model import Article
from reader.sources import load, parse_text


def shown(article: Article) -> list[str]:
    return [article.text[p.start : p.end].replace("\n", " ") for p in article.paragraphs]


FRONT_MATTER = """---
title: "Port Strike Ends After 'Constructive' Talks"
author: Mara Okafor
date: 2024-03-14T08:15:00+01:00
source: Harbour Gazette
site: harbourgazette.example
url: https://harbourgazette.example/port-strike
tags: [ports, labour]
---

Dock workers returned on Thursday, the union said.

"It was long," she said,
"but worth it."
"""


def test_front_matter_fields(write) -> None:
    article = load(write("strike.md", FRONT_MATTER))
    assert article.title == "Port Strike Ends After 'Constructive' Talks"
    assert article.byline == "Mara Okafor"
    assert article.published == "2024-03-14"
    assert article.source == "Harbour Gazette"
    assert article.site == "harbourgazette.example"
    assert article.url == "https://harbourgazette.example/port-strike"
    assert article.text == FRONT_MATTER
    assert article.text[article.body_start :].startswith("Dock workers returned")
    assert shown(article) == [
        "Dock workers returned on Thursday, the union said.",
        '"It was long," she said, "but worth it."',
    ]


def test_heading_title_and_byline_lines_after_it() -> None:
    text = "# Wind Farm Approved\n\n*By Lena Berg*\n\n_5 May 2023_\n\nThe plan passed.\n"
    article = parse_text(text, name="wind.md")
    assert article.title == "Wind Farm Approved"
    assert article.byline == "Lena Berg"
    assert article.published == "2023-05-05"
    assert shown(article) == ["The plan passed."]


def test_heading_markup_stays_in_text_but_out_of_spans() -> None:
    text = "# Title\n\nIntro paragraph.\n\n## Background ##\n\n- first point\n- second point\n"
    article = parse_text(text, name="x.md")
    assert shown(article) == ["Intro paragraph.", "Background", "first point", "second point"]
    heading = article.paragraphs[1]
    assert article.text[heading.start - 3 : heading.start] == "## "


def test_setext_heading_title() -> None:
    article = parse_text("River Levels Fall\n=================\n\nGood news.\n", name="r.md")
    assert article.title == "River Levels Fall"
    assert shown(article) == ["Good news."]


def test_front_matter_title_wins_and_a_different_heading_stays_in_body() -> None:
    text = "---\ntitle: Main Title\n---\n## Section One\n\nText.\n"
    article = parse_text(text, name="s.md")
    assert article.title == "Main Title"
    assert shown(article) == ["Section One", "Text."]


def test_repeated_heading_of_front_matter_title_is_not_body() -> None:
    text = "---\ntitle: Main Title\n---\n\n# Main Title\n\nText.\n"
    assert shown(parse_text(text, name="s.md")) == ["Text."]


def test_author_list_and_comments_in_front_matter() -> None:
    text = "---\ntitle: T  # working title\nauthors:\n  - Ana Ruiz\n  - Tom Lee\n---\nBody.\n"
    article = parse_text(text, name="a.md")
    assert article.title == "T"
    assert article.byline == "Ana Ruiz, Tom Lee"


def test_unclosed_front_matter_is_not_metadata() -> None:
    text = "---\ntitle: Never closed\n\nSome body text here.\n"
    article = parse_text(text, name="u.md")
    assert "Some body text here." in shown(article)


def test_markdown_without_metadata_falls_back_to_plain_header() -> None:
    text = "Heat Wave Grips South\n\nBy Sam Hale\n\nAugust 2, 2022\n\nTemperatures rose.\n"
    article = parse_text(text, name="h.markdown")
    assert (article.title, article.byline, article.published) == (
        "Heat Wave Grips South",
        "Sam Hale",
        "2022-08-02",
    )


def test_toml_front_matter_and_written_out_date() -> None:
    text = '+++\ntitle = "Ferry Returns"\ndate = "July 27, 2021"\nauthor = "Mo Ali"\n+++\nIt did.\n'
    article = parse_text(text, name="f.md")
    assert (article.title, article.published, article.byline) == (
        "Ferry Returns",
        "2021-07-27",
        "Mo Ali",
    )
    assert shown(article) == ["It did."]


def test_offsets_of_markdown_paragraphs_point_into_the_file(write) -> None:
    text = "---\ntitle: T\n---\n\n> A quoted line\n> that wraps.\n\n1. First item\n2. Second\n"
    article = load(write("o.md", text))
    # A span is one contiguous range, so a continuation line's "> " stays inside it.
    assert shown(article) == ["A quoted line > that wraps.", "First item", "Second"]
    for span in article.paragraphs:
        assert text[span.start : span.end] == article.text[span.start : span.end]
