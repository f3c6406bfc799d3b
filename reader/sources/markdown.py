"""Markdown stories (.md): optional YAML-style front matter, a "# Title", paragraphs.

Front matter is read with a small line parser (``key: value``, quoted values,
``[a, b]`` and ``- item`` lists) rather than a YAML library: story metadata
never needs more, and a malformed block must not stop the story from opening.
Heading, list and quote markup is left in ``text`` (offsets stay true to the
file) but kept out of the title and out of each paragraph's span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import Article, Span
from reader.safe_text import clean
from reader.sources.dates import parse_date
from reader.sources.decoding import MAX_BYTES, read_decoded
from reader.sources.header import fields_before_body, parse_header
from reader.sources.identity import article_id, resolved, title_from_path
from reader.sources.kinds import MARKDOWN_EXTENSIONS
from reader.sources.layout import Block, Line, blocks, split_blocks, trimmed

EXTENSIONS = MARKDOWN_EXTENSIONS

_FENCE = re.compile(r"^(---|\+\+\+)[ \t]*$")
_CLOSE = {"---": re.compile(r"^(---|\.\.\.)[ \t]*$"), "+++": re.compile(r"^\+\+\+[ \t]*$")}
_KEY = re.compile(r"^(?P<key>[A-Za-z][\w -]*?)\s*[:=]\s*(?P<value>.*)$")
_LIST_ITEM = re.compile(r"^\s+-\s+(?P<value>.+)$|^-\s+(?P<top>.+)$")
_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+|$)")
_ATX_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")

_TITLE_KEYS = ("title", "headline")
_BYLINE_KEYS = ("author", "authors", "byline", "by", "creator")
_DATE_KEYS = ("date", "published", "pubdate", "published_at", "publish_date", "created")
_SOURCE_KEYS = ("source", "agency", "publisher", "site", "site_name", "publication")
_SITE_KEYS = ("site", "site_name", "publication", "publisher")
_URL_KEYS = ("url", "link", "canonical", "canonical_url", "source_url")


@dataclass(slots=True)
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)
    end: int = 0  # offset just after the closing fence line

    def first(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = self.values.get(key)
            if value:
                return value
        return None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    if value.startswith("[") and value.endswith("]"):
        return ", ".join(_unquote(part) for part in value[1:-1].split(",") if part.strip())
    if " #" in value:
        value = value.split(" #", 1)[0].rstrip()
    return value


def front_matter(text: str) -> FrontMatter:
    """Metadata between ``---`` fences at the very top; empty when absent or unclosed."""
    lines = text.split("\n", 200)
    opening = _FENCE.match(lines[0]) if lines else None
    if opening is None:
        return FrontMatter()
    closing = _CLOSE[opening.group(1)]
    values: dict[str, str] = {}
    last_key: str | None = None
    offset = len(lines[0]) + 1
    for line in lines[1:200]:
        offset += len(line) + 1
        if closing.match(line):
            return FrontMatter(values, min(offset, len(text)))
        item = _LIST_ITEM.match(line)
        pair = _KEY.match(line)
        if item and last_key is not None:
            value = _unquote(item.group("value") or item.group("top"))
            values[last_key] = f"{values[last_key]}, {value}" if values[last_key] else value
        elif pair:
            last_key = pair.group("key").strip().lower().replace(" ", "_").replace("-", "_")
            values[last_key] = _unquote(pair.group("value"))
    return FrontMatter()


def _strip_heading(line: str) -> str:
    return _ATX_CLOSING.sub("", _ATX.sub("", line, count=1)).strip()


def _heading_title(text: str, block: Block) -> tuple[str, Block] | None:
    """A leading ATX or setext heading's text, and the lines of the block after it."""
    first = block[0].text(text)
    if _ATX.match(first):
        title = _strip_heading(first)
        return (title, block[1:]) if title else None
    if len(block) >= 2 and _SETEXT.match(block[1].text(text)) and first.strip():
        return first.strip(), block[2:]
    return None


def _starts_paragraph(line: str) -> bool:
    return bool(_ATX.match(line) or _LIST.match(line) or _RULE.match(line))


def _markup_end(text: str, line: Line) -> int:
    """Where the words of a line start once heading, list or quote markers are skipped."""
    content = line.text(text)
    for pattern in (_ATX, _QUOTE, _LIST):
        match = pattern.match(content)
        if match:
            return line.start + match.end()
    return line.start


def paragraphs(text: str, body: list[Block]) -> list[Span]:
    """One span per paragraph, heading or list item, markup left outside the span."""
    found: list[Span] = []
    for block in split_blocks(text, body, _starts_paragraph):
        first = block[0].text(text)
        if _RULE.match(first) or _FENCE.match(first):
            block = block[1:]
            if not block:
                continue
        if len(block) >= 2 and _SETEXT.match(block[-1].text(text)):
            block = block[:-1]
        end = block[-1].end
        if _ATX.match(block[0].text(text)) and len(block) == 1:
            closing = _ATX_CLOSING.search(block[0].text(text))
            if closing:
                end = block[0].start + closing.start()
        span = trimmed(text, _markup_end(text, block[0]), end)
        if span.end > span.start:
            found.append(span)
    return found


def parse(text: str, path: Path | None = None) -> Article:
    """The Article in already-decoded Markdown text, cleaned of control characters first."""
    text = clean(text)
    meta = front_matter(text)
    found = blocks(text, meta.end)
    title = meta.first(_TITLE_KEYS)
    byline = meta.first(_BYLINE_KEYS)
    date_value = meta.first(_DATE_KEYS)
    published = parse_date(date_value) if date_value else None
    source = meta.first(_SOURCE_KEYS)

    body = found
    heading = _heading_title(text, found[0]) if found else None
    if heading is not None and (title is None or heading[0].casefold() == title.casefold()):
        title, rest = heading
        body = ([rest] if rest else []) + found[1:]
    if title is None:
        # No front matter title and no heading: a plain-text style header, if any.
        header = parse_header(text, found)
        title = header.title
        byline = byline or header.byline
        published = published or header.published
        source = source or header.source
        body = header.body
    else:
        # After a heading or a front-matter title, "By X" and date lines may still follow.
        fields, body = fields_before_body(text, body)
        byline = byline or fields.byline
        published = published or fields.published
        source = source or fields.source

    spans = paragraphs(text, body)
    location = resolved(path) if path is not None else None
    return Article(
        id=article_id(text, location),
        text=text,
        title=title or title_from_path(path),
        byline=byline,
        source=source,
        published=published,
        path=location,
        url=meta.first(_URL_KEYS),
        site=meta.first(_SITE_KEYS),
        body_start=spans[0].start if spans else len(text),
        paragraphs=spans,
    )


def load(path: Path, max_bytes: int = MAX_BYTES) -> Article:
    decoded = read_decoded(path, max_bytes)
    article = parse(decoded.text, path)
    article.reading_note = decoded.note
    return article
