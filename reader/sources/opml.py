"""OPML in and out: subscriptions from other readers, and ours for them.

Readers lay OPML out differently: Feedly and Inoreader nest feeds in one level of
category outlines, newsboat and many others write them flat with a ``category``
attribute of ``/``-separated paths, some nest folders in folders. Import takes every
outline that carries an ``xmlUrl`` and gives it, as tags, the titles of the outlines
it sits in and the parts of its ``category`` attribute.

The file is a stranger's: it is bounded in size, any DTD is refused before parsing (no
entity expansion, no external entities), and every title and tag is cleaned.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import quoteattr

from reader.safe_text import clean_line
from reader.sources.kinds import is_url
from reader.sources.subscriptions import Subscription

MAX_OPML_BYTES = 16 * 1024 * 1024
# Deeper nesting than this is no reader's folder tree; it is a file built to hurt.
MAX_DEPTH = 64
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# Characters a URL never holds once parsed: whitespace and controls.
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")


class OpmlError(Exception):
    """An OPML file that cannot be imported: one line for the user."""


@dataclass(slots=True)
class Imported:
    subscriptions: list[Subscription]
    skipped: int  # outlines with an address we do not read (mail, exec:, javascript:)


def _source_of(address: str) -> str | None:
    address = address.strip()
    if _NOT_IN_URL.search(address):
        return None
    if is_url(address):
        return address
    if address.lower().startswith("file://"):
        path = unquote(urlsplit(address).path)
        return path if path.startswith("/") else None
    return None


def _category_tags(value: str) -> Iterator[str]:
    for entry in value.split(","):
        for part in entry.split("/"):
            if tag := clean_line(part):
                yield tag


def _title_of(outline: ElementTree.Element) -> str:
    return clean_line(outline.get("title") or outline.get("text") or "")


def _walk(
    outline: ElementTree.Element, folders: tuple[str, ...], depth: int, out: Imported
) -> None:
    if depth > MAX_DEPTH:
        raise OpmlError(f"outlines nested deeper than {MAX_DEPTH} levels")
    for child in outline:
        if child.tag != "outline":
            continue
        address = child.get("xmlUrl") or child.get("xmlurl")
        if address is None:
            title = _title_of(child)
            _walk(child, (*folders, title) if title else folders, depth + 1, out)
            continue
        source = _source_of(address)
        if source is None:
            out.skipped += 1
            continue
        tags = (*folders, *_category_tags(child.get("category") or ""))
        title = _title_of(child)
        # Readers (and our export) write the address as the text of an untitled feed.
        if title in (address.strip(), source):
            title = ""
        out.subscriptions.append(
            Subscription(source=source, tags=tuple(dict.fromkeys(tags)), title=title or None)
        )


def parse_opml(data: bytes) -> Imported:
    """The feeds in an OPML document, in document order. Raises OpmlError."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"larger than {MAX_OPML_BYTES >> 20} MB")
    if _DTD.search(data):
        raise OpmlError("holds a DTD (entity declarations are refused)")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise OpmlError(f"not well-formed XML ({error})") from None
    if root.tag != "opml":
        raise OpmlError(f"not OPML (the document is <{clean_line(root.tag)[:40]}>)")
    body = root.find("body")
    if body is None:
        raise OpmlError("not OPML (no <body>)")
    imported = Imported(subscriptions=[], skipped=0)
    _walk(body, (), 0, imported)
    return imported


def read_opml(path: Path) -> Imported:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_OPML_BYTES + 1)
    except OSError as error:
        raise OpmlError(error.strerror or str(error)) from None
    return parse_opml(data)


def _address_of(source: str) -> str:
    if is_url(source):
        return source
    return Path(source).as_uri() if Path(source).is_absolute() else source


def to_opml(subscriptions: Iterable[Subscription], *, title: str = "newsreader") -> str:
    """OPML 2.0, flat: one outline per source with its ``xmlUrl``; tags in ``category``."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_text(title)} subscriptions</title>",
        f"    <dateCreated>{formatdate(usegmt=True)}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for subscription in subscriptions:
        name = subscription.title or subscription.source
        attributes = [
            f"text={quoteattr(clean_line(name))}",
            'type="rss"',
            f"xmlUrl={quoteattr(_address_of(subscription.source))}",
        ]
        if subscription.title:
            attributes.insert(1, f"title={quoteattr(clean_line(subscription.title))}")
        if subscription.tags:
            category = ",".join(
                "/" + tag.replace("/", " ").replace(",", " ") for tag in subscription.tags
            )
            attributes.append(f"category={quoteattr(category)}")
        lines.append(f"    <outline {' '.join(attributes)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return clean_line(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
