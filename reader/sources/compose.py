"""Build an Article from parts (web pages, feed items): header lines, then paragraphs.

The text is laid out like a plain-text story (title, "By X", date, site, then
blank-line separated paragraphs), so analysis sees the same shape whatever the
source, and a saved copy of ``text`` loads back as the same story.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.model import Article, Span
from reader.safe_text import clean_line, clean_optional
from reader.sources.identity import article_id


def one_line(value: str | None) -> str | None:
    """Whitespace collapsed to single spaces, control characters removed; None for nothing."""
    if value is None:
        return None
    return clean_line(value) or None


def compose(
    *,
    title: str,
    paragraphs: Iterable[str],
    byline: str | None = None,
    published: str | None = None,
    source: str | None = None,
    site: str | None = None,
    url: str | None = None,
    path: str | None = None,
    identity: str | None = None,
) -> Article:
    """An Article whose ``text`` is generated from the parts; ``identity`` sets the id's place.

    Every part is cleaned here, whichever parser found it: feeds and pages are written by
    strangers, and their titles reach the screen, the clipboard and exports.
    """
    title = clean_line(title)
    byline, published, source = map(clean_optional, (byline, published, source))
    site, url = clean_optional(site), clean_optional(url)
    header = [line for line in (title, byline and f"By {byline}", published, source) if line]
    text = "\n\n".join(header) + "\n\n"
    spans: list[Span] = []
    pieces = [text]
    position = len(text)
    for paragraph in paragraphs:
        cleaned = one_line(paragraph)
        if not cleaned:
            continue
        spans.append(Span(position, position + len(cleaned)))
        pieces.append(cleaned + "\n\n")
        position += len(cleaned) + 2
    text = "".join(pieces)
    return Article(
        id=article_id(text, identity or url or path),
        text=text,
        title=title,
        byline=byline,
        source=source,
        published=published,
        path=path,
        url=url,
        site=site,
        body_start=spans[0].start if spans else len(text),
        paragraphs=spans,
    )
