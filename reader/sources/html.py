"""Web pages saved as files (.html/.htm): the article body without the page around it.

Extraction is trafilatura's (chosen over readability-lxml by measurement on our
fixtures: both found every body paragraph, but readability kept ad and promo
lines and reads no metadata, while trafilatura also gives author, date, site
name and canonical URL from meta tags and JSON-LD). It is imported on first
use so start-up does not pay for it.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.model import Article
from reader.sources.compose import compose, one_line
from reader.sources.dates import parse_date
from reader.sources.decoding import MAX_BYTES, decode, read_bytes
from reader.sources.errors import SourceError
from reader.sources.identity import resolved, title_from_path

EXTENSIONS = (".html", ".htm", ".xhtml")

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# "Story headline | Site" / "Story headline - Site": the part after the last separator.
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]{2,60}$")


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its first few kilobytes, as browsers look for it."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _title(found: str | None, site: str | None, path: Path | None) -> str:
    title = one_line(found)
    if not title:
        return title_from_path(path)
    suffix = _TITLE_SUFFIX.search(title)
    if suffix and (site is None or site.casefold() in suffix.group().casefold()):
        title = title[: suffix.start()]
    return title


def _fallback_paragraphs(markup: str) -> list[str]:
    """Every block of text in the body except page furniture, for pages no extractor reads."""
    from lxml import etree
    from lxml import html as lxml_html

    from reader.sources.html_text import FURNITURE, paragraphs_of

    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    body = root.find("body")
    return paragraphs_of(body if body is not None else root, skip=FURNITURE)


def parse(markup: str, path: Path | None = None, url: str | None = None) -> Article:
    """The article in a page's decoded HTML."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Precision keeps menus out of short pages; on our fixtures it lost no paragraph.
            favor_precision=True,
        )
    except Exception as error:  # a third-party parser on untrusted input: any failure is "bad page"
        raise SourceError(path or url or "page", f"could not read the page ({error})") from None
    body = (document.text or "") if document is not None else ""
    paragraphs = [line for line in body.split("\n") if line.strip()]
    if not paragraphs:
        paragraphs = _fallback_paragraphs(markup)
    if not paragraphs:
        raise SourceError(path or url or "page", "no article text found in the page")
    site = one_line(document.sitename) if document is not None else None
    title = _title(document.title if document is not None else None, site, path)
    if paragraphs and one_line(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
    published = parse_date(document.date) if document is not None and document.date else None
    location = resolved(path) if path is not None else None
    return compose(
        title=title,
        paragraphs=paragraphs,
        byline=one_line(document.author.replace(";", ","))
        if document and document.author
        else None,
        published=published,
        source=site,
        site=site,
        url=(document.url if document is not None else None) or url,
        path=location,
        identity=location or url,
    )


def load(path: Path, max_bytes: int = MAX_BYTES) -> Article:
    data = read_bytes(path, max_bytes)
    return parse(decode(data, path, declared_charset(data)), path)
