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
from reader.sources.decoding import MAX_BYTES, decode_noted, read_bytes
from reader.sources.errors import SourceError
from reader.sources.identity import resolved, title_from_path
from reader.sources.kinds import HTML_EXTENSIONS

EXTENSIONS = HTML_EXTENSIONS

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# "Story headline | Site" / "Story headline - Site": the part after the last separator.
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+(?P<site>[^|\u2013\u2014]{2,60})$")
_TITLE_TAG = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.I | re.S)
# Lines that point elsewhere rather than tell the story.
_SIGNPOST = re.compile(
    r"(?:read more|related|see also|also read|more on this|recommended|watch|listen)\s*:", re.I
)
_WORDS = re.compile(r"\w+")
# Scripts (except JSON-LD metadata), styles and inline SVG carry no story but can make
# up most of a modern page's bytes; extraction time grows with them.
_NOT_TEXT = re.compile(
    r"<script\b(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>"
    r"|<svg\b[^>]*>.*?</svg\s*>",
    re.I | re.S,
)
MAX_PAGE_BYTES = 10 * 1024 * 1024
"""Larger files are no article page; extraction takes about a second per megabyte."""
_FAST_ABOVE = 1024 * 1024
_PULL_QUOTE_CHARS = 300
_OPENING_MARKS = "\"'\u201c\u2018\u00ab\u201e"
_MAX_PULL_QUOTE_SCAN = 2000


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


def _site_from_title_tag(markup: str, title: str) -> str | None:
    """The site name after the headline in ``<title>``, for pages that name it nowhere else."""
    import html as entities

    match = _TITLE_TAG.search(markup[:65536])
    if match is None:
        return None
    full = one_line(entities.unescape(match.group("title"))) or ""
    suffix = _TITLE_SUFFIX.search(full)
    if suffix and full[: suffix.start()].casefold() == title.casefold():
        return suffix.group("site").strip()
    return None


def _story_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop signposts ("Read more: ..."), repeated paragraphs, and pull quotes from the body.

    A pull quote is a short quotation whose words also appear inside a longer
    paragraph; left in, analysis would count the quotation twice. Only
    paragraphs that open with a quotation mark qualify, so a short sentence
    that happens to recur in the story stays.
    """
    kept = [p for p in paragraphs if not _SIGNPOST.match(p)]
    words = [" ".join(_WORDS.findall(p.casefold())) for p in kept]
    # Pull quotes are rare and short; on a page of thousands of blocks, skip the quadratic look.
    check = len(kept) <= _MAX_PULL_QUOTE_SCAN
    everything = "\n".join(f" {w} " for w in words) if check else ""
    story: list[str] = []
    seen: set[str] = set()
    for paragraph, key in zip(kept, words, strict=True):
        if key in seen:
            continue
        seen.add(key)
        pulled = len(paragraph) <= _PULL_QUOTE_CHARS and paragraph[:1] in _OPENING_MARKS
        if check and pulled and key and everything.count(f" {key} ") > words.count(key):
            continue
        story.append(paragraph)
    return story


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

    markup = _NOT_TEXT.sub("", markup)
    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Precision keeps menus out of short pages; on our fixtures it lost no paragraph.
            favor_precision=True,
            # Dates come from meta tags, <time> and JSON-LD; the extensive search through
            # every text node for date-like strings doubled the time and found nothing more.
            # original_date: the publication date, not the last-modified one.
            date_extraction_params={"extensive_search": False, "original_date": True},
            # On big pages skip the second extractor that trafilatura compares against.
            fast=len(markup) > _FAST_ABOVE,
        )
    except Exception as error:  # a third-party parser on untrusted input: any failure is "bad page"
        raise SourceError(path or url or "page", f"could not read the page ({error})") from None
    assert not isinstance(document, dict)  # a dict only with as_dict=True
    body = (document.text or "") if document is not None else ""
    paragraphs = [line for line in body.split("\n") if line.strip()]
    if not paragraphs:
        paragraphs = _fallback_paragraphs(markup)
    paragraphs = _story_paragraphs(paragraphs)
    if not paragraphs:
        raise SourceError(path or url or "page", "no article text found in the page")
    site = one_line(document.sitename) if document is not None else None
    title = _title(document.title if document is not None else None, site, path)
    site = site or _site_from_title_tag(markup, title)
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
    data = read_bytes(path, min(max_bytes, MAX_PAGE_BYTES))
    decoded = decode_noted(data, path, declared_charset(data))
    article = parse(decoded.text, path)
    article.reading_note = decoded.note
    return article
