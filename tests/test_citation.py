"""Quotes leave the reader clean, attributed and cited, in each copy format."""

from __future__ import annotations

import pytest

from reader.citation import (
    CitationError,
    clean_quote,
    format_annotation,
    format_many,
    format_quote,
    human_date,
    markdown_tag,
    quoted,
)
from reader.model import Annotation, Article, Selector

TITLE = "Moscow Hopes U.S. 'Serious' in Seeking\nDialogue in New Talks"
RYABKOV = "Sergei Ryabkov"
ROLE = "Deputy Foreign Minister"


def story(**fields: object) -> Article:
    values: dict[str, object] = {
        "id": "moscow",
        "text": "",
        "title": TITLE,
        "byline": "By AFP",
        "published": "2021-07-27",
        "path": "/news/moscow.txt",
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def annotation(exact: str, **fields: object) -> Annotation:
    values: dict[str, object] = {
        "id": "a1",
        "article_id": "moscow",
        "source": "/news/moscow.txt",
        "title": "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks",
        "created": "2026-11-28T10:00:00Z",
        "updated": "2026-11-28T10:00:00Z",
        "selector": Selector(exact=exact, prefix="", suffix="", start=100, end=100 + len(exact)),
    }
    values.update(fields)
    return Annotation(**values)  # type: ignore[arg-type]


def test_plain_quote_has_speaker_role_and_citation() -> None:
    text = (
        '"understand how serious the mindset of our US colleagues is in terms of\n'
        'establishing a concentrated, energetic dialogue in strategic stability."'
    )
    assert format_quote(text, speaker=RYABKOV, role=ROLE, article=story()) == (
        "“understand how serious the mindset of our US colleagues is in terms of "
        "establishing a concentrated, energetic dialogue in strategic stability.” "
        "— Sergei Ryabkov, Deputy Foreign Minister "
        "(Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, AFP, 27 July 2021)"
    )


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        ('""approaches"', "approaches"),  # doubled opening mark
        ("\"a big\nquestion'", "a big question"),  # opened double, closed single
        ("''move forward.''", "move forward."),  # two singles typed for a double
        ('move forward".', "move forward."),  # punctuation outside the mark
        ('"to find areas of joint work,\'"', "to find areas of joint work"),  # "…," he said
        (
            '"Iwould not raise\r\n  the bar of expectations."',
            "Iwould not raise the bar of expectations.",
        ),
        ("“a well-\nknown position”", "a well-known position"),  # hyphen at a line break
        ("«Мы готовы к диалогу»", "Мы готовы к диалогу"),  # guillemets, Cyrillic
    ],
)
def test_damaged_quotes_get_exactly_one_pair_of_marks(damaged: str, clean: str) -> None:
    assert clean_quote(damaged) == clean
    assert quoted(damaged) == f"“{clean}”"


def test_inner_quotes_nest_and_apostrophes_curl() -> None:
    assert quoted("He called it \"a 'serious' step\" and said it's the '90s...") == (
        "“He called it ‘a “serious” step’ and said it’s the ’90s…”"
    )
    assert quoted("\"He said 'no' to the players' union\"") == (
        "“He said ‘no’ to the players’ union”"
    )


def test_a_passage_that_opens_with_a_quote_keeps_its_inner_pair() -> None:
    assert quoted('"We are ready," he said.') == "“‘We are ready,’ he said.”"
    assert quoted('always ""match."') == "“always ‘match.’”"


def test_straight_marks_on_request() -> None:
    text = "“It’s “serious”…”"
    assert quoted(text, typographic=False) == "\"It's 'serious'…\""
    plain = format_quote(text, speaker=RYABKOV, role=None, article=story(), typographic=False)
    assert plain.startswith("\"It's 'serious'…\" - Sergei Ryabkov (")


def test_markdown_has_blockquote_linked_citation_and_tags() -> None:
    article = story(url="https://example.org/moscow-talks", site="The Moscow Times")
    text = format_quote(
        "\"a big\nquestion'",
        speaker=RYABKOV,
        role=ROLE,
        article=article,
        style="markdown",
        tags=["arms control", "Россия", "2021"],
    )
    assert text.split("\n\n") == [
        "> a big question",
        "— Sergei Ryabkov, Deputy Foreign Minister "
        "([Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks]"
        "(<https://example.org/moscow-talks>), AFP, The Moscow Times, 27 July 2021)",
        "#arms-control #Россия #tag-2021",
    ]


def test_citation_only_names_the_speaker_and_the_story() -> None:
    article = story(url="https://example.org/moscow-talks")
    assert format_quote("words", speaker=RYABKOV, role=ROLE, article=article, style="citation") == (
        "Sergei Ryabkov, Deputy Foreign Minister, quoted in Moscow Hopes U.S. 'Serious' in "
        "Seeking Dialogue in New Talks, AFP, example.org, 27 July 2021, "
        "https://example.org/moscow-talks"
    )
    assert format_quote("words", speaker=None, role=None, article=story(), style="citation") == (
        "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, AFP, 27 July 2021"
    )


def test_unknown_speaker_and_date_are_left_out() -> None:
    article = story(byline=None, published=None)
    assert format_quote('"No comment."', speaker=None, role=None, article=article) == (
        "“No comment.” (Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks)"
    )


def test_unknown_style_is_a_clear_error() -> None:
    with pytest.raises(CitationError, match="unknown copy format 'bibtex'"):
        format_quote("x", speaker=None, role=None, article=story(), style="bibtex")


@pytest.mark.parametrize(
    ("iso", "human"),
    [
        ("2021-07-27", "27 July 2021"),
        ("2021-07-05T08:00:00+03:00", "5 July 2021"),
        ("2021-07", "July 2021"),
        ("2021", "2021"),
        ("last Tuesday", "last Tuesday"),
        ("2021-02-30", "2021-02-30"),
    ],
)
def test_dates_read_like_a_newspaper(iso: str, human: str) -> None:
    assert human_date(iso) == human


def test_tags_become_obsidian_tags() -> None:
    assert markdown_tag("arms control") == "#arms-control"
    assert markdown_tag("U.S./Russia") == "#US/Russia"
    assert markdown_tag("!!!") == "#tag"


def test_annotation_without_its_story_cites_the_record() -> None:
    note = annotation("\"a big\nquestion'", speaker=RYABKOV, tags=["doubt"], note="Check tape.")
    assert format_annotation(note, None) == (
        "“a big question” — Sergei Ryabkov "
        "(Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks)"
    )
    markdown = format_annotation(note, None, "markdown")
    assert markdown.endswith("#doubt\n\nCheck tape.")


def test_orphaned_annotation_is_marked_in_markdown() -> None:
    orphan = annotation("gone words", orphan=True)
    assert "Orphaned" in format_annotation(orphan, story(), "markdown")
    assert "Orphaned" not in format_annotation(orphan, story(), "plain")


def test_many_annotations_come_story_by_story_in_text_order() -> None:
    later = annotation('"second"', id="a2", selector=Selector("second", "", "", 500, 506))
    earlier = annotation('"first"', id="a1", selector=Selector("first", "", "", 10, 15))
    other = annotation(
        '"elsewhere"', id="b1", article_id="other", source="https://example.org/b", title="B"
    )
    text = format_many([later, other, earlier], {"moscow": story()})
    lines = text.split("\n\n")
    assert lines[0].startswith("“first”") and lines[1].startswith("“second”")
    assert lines[2] == "“elsewhere” (B, example.org, https://example.org/b)"


def test_the_outlet_follows_the_byline_unless_the_byline_is_a_wire_agency() -> None:
    reporter = format_quote(
        "x", speaker=None, role=None, article=story(byline="By Helen Marsh", source="Courier")
    )
    assert reporter.endswith(
        "(Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, Helen Marsh, Courier, "
        "27 July 2021)"
    )
    # Beside "By AFP" a source line is usually a picture credit, not the publisher.
    with_byline = format_quote("x", speaker=None, role=None, article=story(source="TASS"))
    assert with_byline.endswith(
        "(Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, AFP, 27 July 2021)"
    )
    without = format_quote("x", speaker=None, role=None, article=story(byline=None, source="TASS"))
    assert without.endswith(
        "(Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, TASS, 27 July 2021)"
    )


def test_a_web_page_is_credited_to_its_own_name_else_its_domain_and_linked() -> None:
    url = "https://www.courier.example/news/bridge"
    named = story(byline="Helen Marsh", site="Northern Coast Courier", url=url, path=None)
    assert format_quote("x", speaker="Gareth Pryce", role=None, article=named) == (
        "“x” — Gareth Pryce (Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, "
        f"Helen Marsh, Northern Coast Courier, 27 July 2021, {url})"
    )
    unnamed = story(byline="Helen Marsh", url=url, path=None)
    assert format_quote("x", speaker=None, role=None, article=unnamed).endswith(
        f"Helen Marsh, courier.example, 27 July 2021, {url})"
    )


def test_an_uncertain_speaker_is_cited_as_uncertain_in_every_format() -> None:
    for style in ("plain", "markdown", "citation"):
        text = format_quote(
            "x", speaker=RYABKOV, role=ROLE, article=story(), style=style, certain=False
        )
        assert f"{RYABKOV}, {ROLE} [attribution uncertain]" in text


def test_certainty_is_read_from_the_quote_and_missing_means_certain() -> None:
    from reader.citation import is_certain

    class Bare:
        pass

    class Scored:
        def __init__(self, confidence: float) -> None:
            self.confidence = confidence

    assert is_certain(Bare())
    assert is_certain(Scored(0.9))
    assert not is_certain(Scored(0.2))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (1, 13, "“We are ready…”"),  # the end cut
        (8, 32, "“…ready to talk to anyone.”"),  # the start cut, the closing mark left out
        (8, 13, "“…ready…”"),  # both ends cut
        (0, 33, "“We are ready to talk to anyone.”"),  # the whole quote: no ellipsis
    ],
)
def test_part_of_a_quote_marks_each_cut_with_an_ellipsis(
    start: int, end: int, expected: str
) -> None:
    from reader.citation import excerpt

    whole = '"We are ready to talk to anyone."'
    assert quoted(excerpt(whole, start, end)) == expected


def test_ocr_low_opening_marks_become_one_proper_pair() -> None:
    damaged = (
        ",,If we wait for the\nrnarket to tell us when to build. The harv- est does not\n"
        "wait for the bank.''"
    )
    assert quoted(damaged) == (
        "“If we wait for the rnarket to tell us when to build. The harv- est does not "
        "wait for the bank.”"
    )


def test_the_harbour_sample_copies_with_its_outlet() -> None:
    from reader.locations import bundled_samples
    from reader.sources import load

    article = load(bundled_samples() / "harbour-bridge-repairs-urgent.txt")
    text = format_quote("x", speaker="Gareth Pryce", role="Councillor", article=article)
    assert text.endswith(
        "(Council Calls Harbour Bridge Repairs 'Urgent' as Ferry Queues Grow, Helen Marsh, "
        "Northern Coast Courier, 14 March 2024)"
    )


def test_the_bundled_sample_quote_copies_as_the_issue_shows() -> None:
    from reader.locations import bundled_samples
    from reader.sources import load

    article = load(bundled_samples() / "moscow-us-strategic-stability.txt")
    start = article.text.index('"understand how serious')
    end = article.text.index('stability."', start) + len('stability."')
    text = format_quote(article.text[start:end], speaker=RYABKOV, role=ROLE, article=article)
    assert text == (
        "“understand how serious the mindset of our US colleagues is in terms of establishing "
        "a concentrated, energetic dialogue in strategic stability.” — Sergei Ryabkov, Deputy "
        "Foreign Minister (Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks, AFP, "
        "27 July 2021)"
    )


def test_role_already_in_the_name_is_not_repeated() -> None:
    text = format_quote(
        "x", speaker="Deputy Foreign Minister Sergei Ryabkov", role=ROLE, article=story()
    )
    assert "— Deputy Foreign Minister Sergei Ryabkov (" in text


def test_an_interrupted_quote_keeps_its_dash() -> None:
    assert clean_quote('"We will not —"') == "We will not —"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We had a man who told me, ‘They keep ringing me, and\nI keep saying yes,’”",
            "“We had a man who told me, ‘They keep ringing me, and I keep saying yes,’”",
        ),
        ("\"Leak Data Was 'Kept Off the Record'\"", "“Leak Data Was ‘Kept Off the Record’”"),
        ('"trade our members\' rest,"', "“trade our members’ rest”"),
    ],
)
def test_a_single_quote_closing_with_ours_keeps_its_mark(text: str, expected: str) -> None:
    assert quoted(text) == expected


def test_a_long_run_of_dots_does_not_stall_the_cleanup() -> None:
    # A table of contents line pasted as a passage once made the trailing-mark pattern
    # backtrack quadratically; this finishes at once (pytest-timeout guards a regression).
    dots = "." * 100_000
    assert quoted(f"{dots}x") == f"“{dots.replace('...', '…')}x”"
    assert clean_quote(f'"Contents{dots}"') == "Contents" + "…" * 33_333 + "."


@pytest.mark.parametrize("style", ["plain", "markdown", "citation"])
def test_an_uncertain_speaker_is_marked_so_in_every_copy_format(style: str) -> None:
    sure = format_quote("words", speaker=RYABKOV, role=None, article=story(), style=style)
    unsure = format_quote(
        "words", speaker=RYABKOV, role=None, article=story(), style=style, certain=False
    )
    assert "uncertain" not in sure
    assert f"{RYABKOV} [attribution uncertain]" in unsure


def test_a_quote_without_a_speaker_says_nothing_of_certainty() -> None:
    text = format_quote("words", speaker=None, role=None, article=story(), certain=False)
    assert "uncertain" not in text


@pytest.mark.parametrize(
    "naming",
    [
        '<meta property="og:site_name" content="Northern Coast Courier">',
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "publisher": {"@type": "Organization", '
        '"name": "Northern Coast Courier"}}</script>',
    ],
)
def test_a_fetched_page_that_names_itself_is_credited_by_that_name(naming: str) -> None:
    from reader.sources.html import parse

    sentence = "Councillors met on Wednesday to talk about the bridge and its bearings. "
    page = (
        f"<html><head><title>Bridge repairs urgent</title>{naming}</head><body><article>"
        f"<h1>Bridge repairs urgent</h1><p>{sentence * 6}</p></article></body></html>"
    )
    url = "https://www.courier.example/news/bridge"
    text = format_quote("x", speaker=None, role=None, article=parse(page, url=url))
    assert text == f"“x” (Bridge repairs urgent, Northern Coast Courier, {url})"
