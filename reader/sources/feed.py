"""RSS 0.9x/1.0/2.0 and Atom feeds saved as files: one story per item, through feedparser.

Each item's full content (``content:encoded`` or Atom ``<content>``) is preferred
over its summary; its HTML becomes paragraphs the same way a page's fallback does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.model import Article
from reader.sources.compose import compose, one_line
from reader.sources.dates import parse_date
from reader.sources.decoding import MAX_BYTES, read_bytes
from reader.sources.errors import SourceError
from reader.sources.identity import resolved
from reader.sources.kinds import FEED_EXTENSIONS

EXTENSIONS = FEED_EXTENSIONS
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an .xml file are an RSS or Atom document."""
    lowered = head.lower()
    return any(marker in lowered for marker in _FEED_MARKERS)


def _date(entry: Any) -> str | None:
    # The date as the feed wrote it: feedparser's parsed form rolls an impossible date
    # over (0000-00-00 became -1-11-30) and moves a local one to UTC.
    for key in ("published", "updated", "created"):
        value = dict.get(entry, key)  # not feedparser's own get, which maps keys with a warning
        if isinstance(value, str) and (iso := parse_date(value)):
            return iso
    return None


def _body(entry: Any) -> list[str]:
    from reader.sources.html_text import fragment_paragraphs

    contents = entry.get("content") or []
    for content in contents:
        paragraphs = fragment_paragraphs(content.get("value") or "")
        if paragraphs:
            return paragraphs
    return fragment_paragraphs(entry.get("summary") or "")


def _plain(value: str | None) -> str | None:
    """A title or name without any markup a feed left in it."""
    if not value:
        return None
    if "<" in value:
        from reader.sources.html_text import fragment_paragraphs

        value = " ".join(fragment_paragraphs(value))
    return one_line(value)


def parse(data: bytes, path: Path | None = None, url: str | None = None) -> list[Article]:
    """Every item of a feed (a file at ``path`` or fetched from ``url``), in feed order."""
    import feedparser

    where = path if path is not None else url or "feed"
    try:
        result = feedparser.parse(data)
    except Exception as error:  # a third-party parser on untrusted input: any failure is "bad feed"
        raise SourceError(where, f"could not read the feed ({error})") from None
    if not result.get("version") and not result.entries:
        raise SourceError(where, "not an RSS or Atom feed")
    if not result.entries:
        raise SourceError(where, "the feed has no items")
    feed_title = _plain(result.feed.get("title"))
    location = resolved(path) if path is not None else None
    articles: list[Article] = []
    for number, entry in enumerate(result.entries, start=1):
        fallback = f"{feed_title or Path(str(where)).name}, item {number}"
        title = _plain(entry.get("title")) or fallback
        link = entry.get("link") or None
        articles.append(
            compose(
                title=title,
                paragraphs=_body(entry),
                byline=_plain(entry.get("author")),
                published=_date(entry),
                source=feed_title,
                site=feed_title,
                url=link,
                path=location,
                identity=f"{location or url}#{entry.get('id') or link or number}",
            )
        )
    return articles


def load(path: Path, max_bytes: int = MAX_BYTES) -> list[Article]:
    return parse(read_bytes(path, max_bytes), path)
