"""Stories from web addresses: fetch with httpx, keep a copy on disk, read it like a file.

A fetched page or feed is cached under the user cache dir (``NEWSREADER_CACHE``),
so a story opens again offline and annotations re-anchor against the same
text. Every failure (no such host, timeout, 404, not a page) is one SourceError
line naming the address.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reader.atomic_file import write_atomically
from reader.model import Article
from reader.sources import content_coding, feed, html, plaintext
from reader.sources.deadline import Closing, Deadline, Expired, Sockets, run_within
from reader.sources.decoding import decode_noted, human_size
from reader.sources.errors import SourceError
from reader.sources.identity import article_id

USER_AGENT = "newsreader/0.1 (terminal news reader; one page at a time)"
TIMEOUT = 15.0
MAX_FETCH_BYTES = html.MAX_PAGE_BYTES
_MAX_REDIRECTS = 5
# A connection dropped before any answer (a server restarting, a stale NAT entry, a busy
# listener) is asked once more, as browsers do for a GET; a second drop is the answer.
_ATTEMPTS = 2
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
)
_FEED_TYPES = ("rss", "atom", "rdf")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_XML_TYPES = ("application/xml", "text/xml")


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
    import hashlib  # here: it loads OpenSSL (~3 ms), and only a fetched page needs it

    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    folder = cache_dir / "web"
    return folder / f"{key}.json", folder / f"{key}.body"


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
        write_atomically(body_file, page.body)
        write_atomically(meta_file, json.dumps(meta).encode("utf-8"))
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


def _network_error(url: str, error: Exception, deadline: Deadline) -> SourceError:
    import httpx

    if isinstance(error, httpx.TimeoutException):
        return _timed_out(url, deadline.elapsed())
    if isinstance(error, httpx.TooManyRedirects):
        return SourceError(url, f"too many redirects (more than {_MAX_REDIRECTS})")
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return SourceError(url, "not a web address newsreader can open")
    if isinstance(error, httpx.DecodingError):
        return SourceError(url, "the compressed page is damaged")
    reason = str(error) or type(error).__name__
    lowered = reason.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return SourceError(url, "could not find the site (no such host)")
    if "temporary failure in name resolution" in lowered or "no address" in lowered:
        return SourceError(url, "could not find the site (no such host, or no network)")
    if "refused" in lowered:
        return SourceError(url, "could not connect (connection refused)")
    return SourceError(url, f"could not fetch the page ({reason.splitlines()[0]})")


def _timed_out(url: str, elapsed: float) -> SourceError:
    return SourceError(url, f"timed out after {elapsed:.1f} s")


def fetch_timeout() -> float:
    """Seconds a whole fetch may take: ``NEWSREADER_FETCH_TIMEOUT``, else 15."""
    try:
        seconds = float(os.environ.get("NEWSREADER_FETCH_TIMEOUT", TIMEOUT))
    except ValueError:
        return TIMEOUT
    return seconds if 0 < seconds < float("inf") else TIMEOUT


def fetch(
    url: str,
    timeout: float | None = None,
    max_bytes: int = MAX_FETCH_BYTES,
    *,
    stop: Callable[[], bool] | None = None,
) -> Fetched:
    """GET ``url`` (redirects followed, size capped, whole fetch within ``timeout``).

    One deadline covers connecting, headers, redirects and body, however slowly the
    server sends them; the message then gives the real time taken. The fetch is given
    up as soon as ``stop()`` turns true (the app is quitting).
    """
    deadline = Deadline(fetch_timeout() if timeout is None else timeout)
    for attempt in range(1, _ATTEMPTS + 1):
        sockets = Sockets()
        exchange = partial(_exchange, url, deadline, sockets, max_bytes)
        try:
            return run_within(exchange, deadline, sockets, stop=stop)
        except _Dropped as dropped:
            if attempt == _ATTEMPTS or deadline.remaining() <= 0:
                raise dropped.error from None
        except Expired as expired:
            raise _timed_out(url, expired.elapsed) from None
        except Closing:
            raise SourceError(url, "not fetched: newsreader is closing") from None
    raise AssertionError("unreachable: the last attempt returns or raises")


class _Dropped(Exception):
    """The connection ended before any answer came: a GET may safely be asked again."""

    def __init__(self, error: SourceError) -> None:
        super().__init__(str(error))
        self.error = error


def _exchange(url: str, deadline: Deadline, sockets: Sockets, max_bytes: int) -> Fetched:
    import httpx

    too_large = SourceError(url, f"too large (over {human_size(max_bytes)})")
    answered = False
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=_MAX_REDIRECTS,
                timeout=httpx.Timeout(deadline.seconds),
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": _ACCEPT,
                    "Accept-Encoding": content_coding.ACCEPT_ENCODING,
                },
            ) as client,
            client.stream("GET", url, extensions={"trace": sockets.trace}) as response,
        ):
            answered = True
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise SourceError(url, f"the server answered {response.status_code} {phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise too_large
            coding = response.headers.get("content-encoding", "")
            decoder = content_coding.Decoder(coding, max_bytes)
            chunks: list[bytes] = []
            received = 0
            # Raw pieces, decoded here: httpx would expand each piece whole, bomb or not.
            for raw in response.iter_raw():
                received += len(raw)
                if received > max_bytes:
                    raise too_large
                chunks.extend(decoder.feed(raw))
                deadline.check()
            chunks.extend(decoder.finish())
            media, charset = _media_type(response.headers.get("content-type", ""))
            return Fetched(url, str(response.url), media, charset, b"".join(chunks))
    except content_coding.CodingRefused as refused:
        raise SourceError(url, str(refused)) from None
    except content_coding.TooLarge:
        raise too_large from None
    except zlib.error:
        raise SourceError(url, "the compressed page is damaged") from None
    except Expired as expired:
        raise _timed_out(url, expired.elapsed) from None
    except (httpx.RemoteProtocolError, httpx.ReadError) as error:
        if answered:
            raise _network_error(url, error, deadline) from None
        raise _Dropped(_network_error(url, error, deadline)) from None
    except httpx.HTTPError as error:
        raise _network_error(url, error, deadline) from None


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
        decoded = decode_noted(page.body, page.url, declared)
        article = html.parse(decoded.text, url=page.final_url)
        article.reading_note = decoded.note  # a server that names no charset leaves a guess
        return [article]
    if kind == "text":
        decoded = decode_noted(page.body, page.url, page.charset)
        article = plaintext.parse(decoded.text)
        article.url = page.final_url
        article.id = article_id(article.text, page.final_url)
        article.reading_note = decoded.note
        return [article]
    shown = page.content_type or "unknown type"
    raise SourceError(page.url, f"not a web page or feed ({shown})")


def load_url(
    url: str,
    cache_dir: Path | None = None,
    *,
    timeout: float | None = None,
    max_bytes: int = MAX_FETCH_BYTES,
    offline: bool = False,
    fallback: bool = True,
    stop: Callable[[], bool] | None = None,
) -> list[Article]:
    """Fetch ``url`` and read its stories, keeping a copy; fall back to the copy when offline.

    With ``offline=True`` the saved copy is used without touching the network
    (re-opening a story); ``offline=False`` fetches afresh. ``fallback=False`` raises
    when the fetch fails instead of reading the saved copy (a reload that must say so).
    ``timeout`` (default ``fetch_timeout()``) bounds the whole fetch; ``stop()`` turning
    true gives it up (the caller is going away).
    Every story's ``origin`` is ``url``, so it can be fetched again.
    """
    if cache_dir is None:
        from reader.locations import Locations

        cache_dir = Locations.resolve().cache
    cached = from_cache(cache_dir, url)
    if offline and cached is not None:
        return _from(url, articles_from(cached))
    try:
        page = fetch(url, timeout=timeout, max_bytes=max_bytes, stop=stop)
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
