"""Stories from web addresses: fetch with httpx, keep a copy on disk, read it like a file.

A fetched page or feed is cached under the user cache dir (``NEWSREADER_CACHE``),
so a story opens again offline and annotations re-anchor against the same
text. Every failure (no such host, timeout, 404, not a page) is one SourceError
line naming the address.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reader.model import Article
from reader.sources import feed, html, plaintext
from reader.sources.decoding import decode, human_size
from reader.sources.errors import SourceError
from reader.sources.identity import article_id

USER_AGENT = "newsreader/0.1 (terminal news reader; one page at a time)"
TIMEOUT = 15.0
MAX_FETCH_BYTES = html.MAX_PAGE_BYTES
_MAX_REDIRECTS = 5
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
)
_FEED_TYPES = ("rss", "atom", "rdf")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_XML_TYPES = ("application/xml", "text/xml")


def is_url(value: object) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


@dataclass(slots=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type without parameters, lower case
    charset: str | None
    body: bytes
    from_cache: bool = False


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _cache_files(cache_dir: Path, url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    folder = cache_dir / "web"
    return folder / f"{key}.json", folder / f"{key}.body"


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_to_cache(cache_dir: Path, page: Fetched) -> bool:
    """Keep a copy of a fetched page; False (and nothing half-written) when the disk refuses."""
    meta_file, body_file = _cache_files(cache_dir, page.url)
    meta = {
        "url": page.url,
        "final_url": page.final_url,
        "content_type": page.content_type,
        "charset": page.charset,
        "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    try:
        body_file.parent.mkdir(parents=True, exist_ok=True)
        # Body first: a metadata file only ever points at a complete body.
        _write_atomically(body_file, page.body)
        _write_atomically(meta_file, json.dumps(meta).encode("utf-8"))
    except OSError:
        return False
    return True


def from_cache(cache_dir: Path, url: str) -> Fetched | None:
    """The saved copy of ``url``, or None when there is none (or it is damaged)."""
    meta_file, body_file = _cache_files(cache_dir, url)
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        body = body_file.read_bytes()
        return Fetched(
            url=url,
            final_url=str(meta["final_url"]),
            content_type=str(meta["content_type"]),
            charset=meta.get("charset"),
            body=body,
            from_cache=True,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _network_error(url: str, error: Exception, timeout: float) -> SourceError:
    import httpx

    if isinstance(error, httpx.TimeoutException):
        return SourceError(url, f"timed out after {timeout:g} s")
    if isinstance(error, httpx.TooManyRedirects):
        return SourceError(url, f"too many redirects (more than {_MAX_REDIRECTS})")
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return SourceError(url, "not a web address newsreader can open")
    reason = str(error) or type(error).__name__
    lowered = reason.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return SourceError(url, "could not find the site (no such host)")
    if "temporary failure in name resolution" in lowered or "no address" in lowered:
        return SourceError(url, "could not find the site (no such host, or no network)")
    if "refused" in lowered:
        return SourceError(url, "could not connect (connection refused)")
    return SourceError(url, f"could not fetch the page ({reason.splitlines()[0]})")


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_FETCH_BYTES) -> Fetched:
    """GET ``url`` (redirects followed, size capped, whole fetch within ``timeout``)."""
    import httpx

    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=_MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
                headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise SourceError(url, f"the server answered {response.status_code} {phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise SourceError(url, f"too large (over {human_size(max_bytes)})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise SourceError(url, f"too large (over {human_size(max_bytes)})")
                if time.monotonic() > deadline:
                    raise SourceError(url, f"timed out after {timeout:g} s")
                chunks.append(chunk)
            media, charset = _media_type(response.headers.get("content-type", ""))
            return Fetched(url, str(response.url), media, charset, b"".join(chunks))
    except httpx.HTTPError as error:
        raise _network_error(url, error, timeout) from None


def _kind(page: Fetched) -> str:
    media = page.content_type
    head = page.body[:2048]
    if any(word in media for word in _FEED_TYPES) or (
        media in _XML_TYPES and feed.looks_like_feed(head)
    ):
        return "feed"
    if media in _HTML_TYPES or b"<html" in head.lower() or b"<!doctype html" in head.lower():
        return "html"
    if media == "text/plain":
        return "text"
    if not media and feed.looks_like_feed(head):
        return "feed"
    return ""


def articles_from(page: Fetched) -> list[Article]:
    """The stories in a fetched page or feed."""
    kind = _kind(page)
    if kind == "feed":
        return feed.parse(page.body, url=page.final_url)
    if kind == "html":
        declared = page.charset or html.declared_charset(page.body)
        return [html.parse(decode(page.body, page.url, declared), url=page.final_url)]
    if kind == "text":
        article = plaintext.parse(decode(page.body, page.url, page.charset))
        article.url = page.final_url
        article.id = article_id(article.text, page.final_url)
        return [article]
    shown = page.content_type or "unknown type"
    raise SourceError(page.url, f"not a web page or feed ({shown})")


def load_url(
    url: str,
    cache_dir: Path | None = None,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_FETCH_BYTES,
    offline: bool = False,
    fallback: bool = True,
) -> list[Article]:
    """Fetch ``url`` and read its stories, keeping a copy; fall back to the copy when offline.

    With ``offline=True`` the saved copy is used without touching the network
    (re-opening a story); ``offline=False`` fetches afresh. ``fallback=False`` raises
    when the fetch fails instead of reading the saved copy (a reload that must say so).
    Every story's ``origin`` is ``url``, so it can be fetched again.
    """
    if cache_dir is None:
        from reader.locations import Locations

        cache_dir = Locations.resolve().cache
    cached = from_cache(cache_dir, url)
    if offline and cached is not None:
        return _from(url, articles_from(cached))
    try:
        page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except SourceError:
        if cached is not None and fallback:
            return _from(url, articles_from(cached))
        raise
    articles = articles_from(page)  # only a readable page replaces the saved copy
    save_to_cache(cache_dir, page)
    return _from(url, articles)


def _from(url: str, articles: list[Article]) -> list[Article]:
    for article in articles:
        article.origin = url
    return articles
