"""Property tests: any bytes, any text, and loading still ends in an Article or a SourceError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model import Article
from reader.sources import SourceError, load_many, parse_text

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(article: Article) -> None:
    previous_end = article.body_start
    assert 0 <= article.body_start <= len(article.text)
    for span in article.paragraphs:
        assert previous_end <= span.start < span.end <= len(article.text)
        chunk = article.text[span.start : span.end]
        assert chunk == chunk.strip() and "\n\n" not in chunk.replace(" ", "")
        previous_end = span.end
    assert article.title.strip()


@_SETTINGS
@given(
    data=st.binary(max_size=600) | st.text(max_size=300).map(str.encode),
    suffix=st.sampled_from([".txt", ".md", ".bin", ".html", ".rss"]),
)
def test_load_raises_only_source_error_on_any_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"story{suffix}"
        path.write_bytes(data)
        try:
            articles = load_many(path)
        except SourceError as error:
            assert "\n" not in str(error) and str(error).startswith(str(path))
        else:
            for article in articles:
                check_spans(article)


_MARKUP = st.lists(
    st.sampled_from(
        [
            *("<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<b>", "&amp;"),
            *("&#8220;", "<!--", "-->", "<title>", "</title>", "<rss>", "<item>", "</item>"),
            *("words here ", "“Quote,” she said. ", "\n", "\x00", "<![CDATA[", "]]>"),
        ]
    ),
    max_size=60,
).map("".join)


@_SETTINGS
@given(markup=_MARKUP, suffix=st.sampled_from([".html", ".rss", ".atom"]))
def test_markup_soup_gives_stories_or_one_line(markup: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_text(markup, encoding="utf-8")
        try:
            articles = load_many(path)
        except SourceError as error:
            assert "\n" not in str(error)
        else:
            for article in articles:
                check_spans(article)


_STORY_ALPHABET = st.sampled_from(
    [*list("ab Z.,:;!?'\"“”‘’-#*>_=\n\n\n\t\r"), "By ", "July 27,2021", "---\n", "\u2028", "\x0c"]
)


@_SETTINGS
@given(pieces=st.lists(_STORY_ALPHABET, max_size=80), name=st.sampled_from(["s.txt", "s.md"]))
def test_parsing_any_text_gives_valid_spans(pieces: list[str], name: str) -> None:
    check_spans(parse_text("".join(pieces), name=name))


@_SETTINGS
@given(text=st.text(max_size=400), name=st.sampled_from(["s.txt", "s.md"]))
def test_parsing_arbitrary_unicode_never_raises(text: str, name: str) -> None:
    check_spans(parse_text(text, name=name))
