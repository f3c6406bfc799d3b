"""The last stories read from each subscription, kept so the next launch shows them at once.

One file per subscription in ``<cache>/items/``, named by a hash of the source, holding
the stories as they were parsed (no feed or page to parse again). A file is written to
a temporary name and renamed into place, so a reader sees the old list or the new one;
a file that cannot be read is treated as no cache (the fresh fetch replaces it). Text
read back is cleaned again: the cache dir is only as trustworthy as the disk.

A fetch that fails leaves a small ``<name>.error.json`` beside the stories (its error and
when), so ``feeds list`` can say why a source is stale; the next good fetch removes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.atomic_file import write_atomically
from reader.digest import blake2b
from reader.model import Article, Span
from reader.safe_text import clean_line, clean_optional

FOLDER = "items"
FORMAT = 1
_TEXT_FIELDS = ("id", "text", "title")
_OPTIONAL_FIELDS = ("byline", "source", "published", "path", "url", "site", "origin")


ERROR_SUFFIX = ".error.json"


def _file_for(cache_dir: Path, source: str) -> Path:
    digest = blake2b(source.encode("utf-8", "surrogateescape"), digest_size=12)
    return cache_dir / FOLDER / f"{digest.hexdigest()}.json"


def _error_file_for(cache_dir: Path, source: str) -> Path:
    return _file_for(cache_dir, source).with_suffix(ERROR_SUFFIX)


@dataclass(slots=True, frozen=True)
class FetchError:
    """Why the last fetch of a source failed, and when (seconds since the epoch)."""

    error: str
    at: float


def _record(article: Article) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(article, name) for name in _TEXT_FIELDS}
    for name in _OPTIONAL_FIELDS:
        value = getattr(article, name)
        if value is not None:
            record[name] = value
    record["body_start"] = article.body_start
    record["paragraphs"] = [[span.start, span.end] for span in article.paragraphs]
    return record


def _article(record: Any) -> Article | None:
    if not isinstance(record, dict):
        return None
    if not all(isinstance(record.get(name), str) for name in _TEXT_FIELDS):
        return None
    optional = {name: record.get(name) for name in _OPTIONAL_FIELDS}
    if not all(value is None or isinstance(value, str) for value in optional.values()):
        return None
    text: str = record["text"]
    body_start = record.get("body_start")
    spans = record.get("paragraphs")
    if type(body_start) is not int or not isinstance(spans, list):
        return None
    paragraphs = []
    for span in spans:
        if not (isinstance(span, list) and len(span) == 2 and all(type(n) is int for n in span)):
            return None
        start, end = span
        if not 0 <= start <= end <= len(text):
            return None
        paragraphs.append(Span(start, end))
    return Article(
        id=record["id"],
        text=text,
        title=clean_line(record["title"]),
        byline=clean_optional(optional["byline"]),
        source=clean_optional(optional["source"]),
        published=clean_optional(optional["published"]),
        path=optional["path"],
        url=optional["url"],
        site=clean_optional(optional["site"]),
        origin=optional["origin"],
        body_start=min(max(body_start, 0), len(text)),
        paragraphs=paragraphs,
    )


def _read_file(path: Path, source: str) -> dict[str, Any] | None:
    """The JSON object in ``path`` if it is this format's and ``source``'s, else None."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("source") != source:
        return None
    return data


def load_items(cache_dir: Path, source: str) -> list[Article] | None:
    """The stories last read from ``source``, or None if there are none to be had."""
    data = _read_file(_file_for(cache_dir, source), source)
    if data is None:
        return None
    records = data.get("articles")
    if not isinstance(records, list):
        return None
    articles = [_article(record) for record in records]
    return [article for article in articles if article is not None]


def save_items(cache_dir: Path, source: str, articles: list[Article]) -> None:
    """Keep ``articles`` as ``source``'s last stories; a cache that cannot be written is
    no cache (OSError is swallowed: the stories are on screen anyway)."""
    target = _file_for(cache_dir, source)
    payload = {"format": FORMAT, "source": source, "articles": [_record(a) for a in articles]}
    try:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON's \u escapes keep it exactly
        data = json.dumps(payload, separators=(",", ":")).encode("ascii")
    _write_atomically(target, data)
    with contextlib.suppress(OSError):
        _error_file_for(cache_dir, source).unlink(missing_ok=True)


def _write_atomically(target: Path, data: bytes) -> None:
    """A cache that cannot be written is no cache (the stories are on screen anyway)."""
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)


def save_fetch_error(cache_dir: Path, source: str, error: str, at: float | None = None) -> None:
    """Remember that reading ``source`` failed with ``error`` (its stories stay as they were)."""
    payload = {"format": FORMAT, "source": source, "error": error, "at": at or time.time()}
    data = json.dumps(payload, separators=(",", ":")).encode("ascii")
    _write_atomically(_error_file_for(cache_dir, source), data)


def load_fetch_error(cache_dir: Path, source: str) -> FetchError | None:
    """Why the last fetch of ``source`` failed, or None if it did not (or is not known)."""
    data = _read_file(_error_file_for(cache_dir, source), source)
    if data is None:
        return None
    error, at = data.get("error"), data.get("at")
    if not isinstance(error, str) or isinstance(at, bool) or not isinstance(at, int | float):
        return None
    return FetchError(clean_line(error), float(at))


def prune_items(cache_dir: Path, sources: list[str]) -> int:
    """Drop the files of sources no longer subscribed (the folder stays as large as the
    subscriptions); returns how many went."""
    keep = {_file_for(cache_dir, source).name for source in sources}
    keep |= {_error_file_for(cache_dir, source).name for source in sources}
    dropped = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(cache_dir / FOLDER):
            if entry.name.endswith(".json") and entry.name not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    dropped += 1
    return dropped
