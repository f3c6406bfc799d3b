from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Article
from reader.sources import SourceError, load, load_all, parse_text

FIXTURES = Path(__file__).parent / "fixtures"


def paragraphs(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def test_news_page_body_without_boilerplate() -> None:
    article = load(FIXTURES / "library-closures-news-page.html")
    body = paragraphs(article)
    assert body[0].startswith("All eleven public libraries in Dunmere will close")
    assert body[-1].startswith("The council said volunteers would be invited")
    assert "“Nobody went into politics to cut library hours,” Reid told the meeting." in body[2]
    assert len(body) == 6
    page_furniture = (
        "cookies",
        "Subscribe",
        "Advertisement",
        "Related stories",
        "Most read",
        "Disgraceful",
        "All rights reserved",
        "Share on",
    )
    for junk in page_furniture:
        assert junk not in article.text, junk


def test_news_page_metadata() -> None:
    article = load(FIXTURES / "library-closures-news-page.html")
    assert article.title == "Libraries to Close Three Days a Week, Council Confirms"
    assert article.byline == "Keziah Barnes"
    assert article.published == "2024-04-09"
    assert article.site == article.source == "The Dunmere Post"
    assert article.url == "https://dunmerepost.example/news/libraries-three-days"
    assert article.path == str((FIXTURES / "library-closures-news-page.html").resolve())


def test_json_ld_metadata_declared_charset_and_entities() -> None:
    article = load(FIXTURES / "ferry-strike-jsonld-page.html")
    assert article.title == "Island ferry crews vote to strike over rosters"
    assert article.byline == "Callum MacLeod"
    assert article.published == "2023-10-02"
    assert article.site == "Westerly News"
    text = article.text
    # Raw Windows-1252 bytes and HTML entities both come out as the right characters.
    assert "£1.2m" in text and "company’s longer summer" in text
    assert "“Our members are not asking for the moon,” said the union’s organiser" in text
    assert "it was “disappointed” by the result" in text
    for junk in ("Sign in", "newsletter", "Tags:", "Support local journalism", "Popular now"):
        assert junk not in text, junk


def test_page_text_reads_back_as_the_same_plain_story() -> None:
    page = load(FIXTURES / "library-closures-news-page.html")
    again = parse_text(page.text, name="copy.txt")
    assert (again.title, again.byline, again.published, again.source) == (
        page.title,
        page.byline,
        page.published,
        page.source,
    )
    assert paragraphs(again) == paragraphs(page)


def test_small_page_and_title_suffix(write) -> None:
    html = (
        "<html><head><title>Quiet night on the coast | Shore Notes</title>"
        '<meta property="og:site_name" content="Shore Notes"></head>'
        "<body><nav>Home About</nav><p>Nothing much happened.</p></body></html>"
    )
    article = load(write("note.html", html))
    assert article.title == "Quiet night on the coast"
    assert paragraphs(article) == ["Nothing much happened."]


def test_page_without_text_is_refused(write) -> None:
    path = write("empty-page.html", "<html><body><script>var x = 1;</script><p> </p></body></html>")
    with pytest.raises(SourceError) as error:
        load(path)
    assert str(error.value) == f"{path}: no article text found in the page"


def test_deeply_nested_and_malformed_html_give_a_story_or_one_line(write) -> None:
    deep = write("deep.html", "<div>" * 50_000 + "words" + "</div>" * 10)
    broken = write("broken.htm", "<p>Open <b>bold <i>italic</p> stray </td></tr> text & more <p")
    for path in (deep, broken):
        try:
            article = load(path)
        except SourceError as error:
            assert "\n" not in str(error) and str(error).startswith(str(path))
        else:
            assert article.paragraphs
    assert "stray" in load(broken).text


def test_binary_with_html_extension(write) -> None:
    with pytest.raises(SourceError, match="not a text file"):
        load(write("photo.html", bytes(range(256)) * 8))


def test_folders_pick_up_pages(tmp_path: Path) -> None:
    (tmp_path / "page.htm").write_bytes((FIXTURES / "ferry-strike-jsonld-page.html").read_bytes())
    articles, errors = load_all([tmp_path])
    assert errors == []
    assert [a.title for a in articles] == ["Island ferry crews vote to strike over rosters"]


def test_article_tag_page_without_pull_quote_signposts_or_caption() -> None:
    article = load(FIXTURES / "school-meals-article-tag-page.htm")
    assert article.title == "Free school meals extended to all primary pupils"
    assert (article.byline, article.published) == ("Priya Nair", "2024-05-17")
    assert article.site == "Riverside Chronicle"  # named only after the headline in <title>
    body = paragraphs(article)
    assert len(body) == 5
    # The pull quote repeats a sentence of the body: kept once, in its full paragraph.
    assert sum("No child should learn on an empty stomach" in p for p in body) == 1
    assert not any(p.startswith("Read more") for p in body)
    for junk in ("Skip to content", "Puzzles", "Photo:", "Sign up", "Valley Media Group"):
        assert junk not in article.text, junk


def test_a_short_sentence_repeated_inside_the_story_is_kept(write) -> None:
    html = (
        "<html><head><title>Vote</title></head><body><article>"
        "<p>The mayor said she declined to comment on the vote when asked on Monday.</p>"
        "<p>She declined to comment.</p>"
        "</article></body></html>"
    )
    assert paragraphs(load(write("vote.html", html)))[-1] == "She declined to comment."


def test_page_over_the_page_cap_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "archive.html"
    with path.open("wb") as handle:
        handle.truncate(12 * 1024 * 1024)  # sparse
    with pytest.raises(SourceError) as error:
        load(path)
    assert str(error.value) == f"{path}: too large (12 MB; the limit is 10 MB)"


def test_scripts_are_dropped_but_json_ld_metadata_is_read(write) -> None:
    html = (
        '<html><head><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge Reopens",'
        ' "datePublished": "2024-06-01", "dateModified": "2024-06-03",'
        ' "author": {"@type": "Person", "name": "Lena Berg"}}</script>'
        "<script>var story = 'not the story';</script><style>p{color:red}</style></head>"
        "<body><article><p>The bridge reopened on Saturday after fourteen weeks of repairs, "
        "the harbour authority said.</p></article></body></html>"
    )
    article = load(write("bridge.html", html))
    assert (article.title, article.byline, article.published) == (
        "Bridge Reopens",
        "Lena Berg",
        "2024-06-01",
    )
    assert "not the story" not in article.text and "color" not in article.text
