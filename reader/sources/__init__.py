"""Turn story files into :class:`reader.model.Article` objects.

``load(path)`` picks the loader by extension (one module per kind: plaintext,
markdown, html, feed); ``load_many(path)`` also opens feeds, one story per item;
``discover(paths)`` expands files and folders; ``load_all(paths)`` does both and
also fetches web addresses (``load_url``, cached on disk for offline re-opening);
``read_again(origin_of(article))`` reads a story's file or address afresh.
Every failure is a :class:`SourceError` whose message is one line naming the file.
Heavy libraries (trafilatura, feedparser, lxml) are imported on first use only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.model import Article
from reader.sources.decoding import MAX_BYTES
from reader.sources.discovery import FEED_EXTENSIONS, STORY_EXTENSIONS, discover
from reader.sources.errors import SourceError
from reader.sources.kinds import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, is_url

if TYPE_CHECKING:
    from reader.sources.web import load_url

# The HTML, Markdown and web modules are imported by the first story or address that
# needs them: a launch with one .txt story never does (issue #18, start-up).

__all__ = [
    "FEED_EXTENSIONS",
    "MAX_BYTES",
    "STORY_EXTENSIONS",
    "SourceError",
    "discover",
    "is_feed",
    "is_url",
    "load",
    "load_all",
    "load_many",
    "load_url",
    "origin_of",
    "parse_text",
    "read_again",
]


def _parser_for(name: Path) -> Callable[[str, Path | None], Article]:
    suffix = name.suffix.lower()
    if suffix in MARKDOWN_EXTENSIONS:
        from reader.sources import markdown

        return markdown.parse
    if suffix in HTML_EXTENSIONS:
        from reader.sources import html

        return html.parse
    from reader.sources import plaintext

    return plaintext.parse


def is_feed(path: str | Path) -> bool:
    """Whether ``path`` is opened as a feed (several stories) rather than one story."""
    return Path(path).suffix.lower() in FEED_EXTENSIONS


def load(path: str | Path, max_bytes: int = MAX_BYTES) -> Article:
    """Read one story; raises SourceError (never anything else) when it cannot.

    A feed holds several stories: ``load`` refuses it with a SourceError, ``load_many`` reads it.
    """
    target = Path(path).expanduser()
    if is_feed(target):
        raise SourceError(target, "a feed holds several stories (open it with load_many)")
    suffix = target.suffix.lower()
    if suffix in HTML_EXTENSIONS:
        from reader.sources import html

        return html.load(target, max_bytes)
    if suffix in MARKDOWN_EXTENSIONS:
        from reader.sources import markdown

        return markdown.load(target, max_bytes)
    # .txt, and any file the user names explicitly whatever its extension.
    from reader.sources import plaintext

    return plaintext.load(target, max_bytes)


def load_many(path: str | Path, max_bytes: int = MAX_BYTES) -> list[Article]:
    """Every story in one file: each item of a feed, or the one story of any other file."""
    target = Path(path).expanduser()
    if is_feed(target):
        from reader.sources import feed

        return feed.load(target, max_bytes)
    return [load(target, max_bytes)]


def __getattr__(name: str) -> object:
    # ``from reader.sources import load_url`` imports the web code only when asked.
    if name == "load_url":
        from reader.sources.web import load_url

        return load_url
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_text(text: str, name: str = "story.txt", path: str | Path | None = None) -> Article:
    """An Article from text already in memory; ``name``'s extension picks the format."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    location = Path(path) if path is not None else None
    return _parser_for(Path(name))(normalised, location)


def origin_of(article: Article) -> str | None:
    """What to read again to refresh ``article``: the address fetched, else its file."""
    return article.origin or article.path


def read_again(
    origin: str, cache_dir: Path | None = None, *, stop: Callable[[], bool] | None = None
) -> list[Article]:
    """Every story at ``origin`` read afresh: a file re-read, a web address re-fetched.

    A failed fetch raises SourceError instead of reading the saved copy, so the caller
    can say that the text it already shows is kept. ``stop`` ends a fetch early (see
    ``load_url``).
    """
    if is_url(origin):
        from reader.sources.web import load_url

        return load_url(origin, cache_dir, fallback=False, stop=stop)
    return load_many(origin)


def load_all(
    paths: Iterable[str | Path],
    cache_dir: Path | None = None,
    *,
    stop: Callable[[], bool] | None = None,
) -> tuple[list[Article], list[str]]:
    """Every story under ``paths`` (feeds give one per item), and one line per failure.

    Web addresses among ``paths`` (``str`` starting http:// or https://) are fetched
    after the files, through the page cache in ``cache_dir`` (the user cache dir by default);
    ``stop`` ends a fetch early (see ``load_url``).
    """
    given = list(paths)
    urls = [p for p in given if is_url(p)]
    files, errors = discover([p for p in given if not is_url(p)], feeds=True)
    articles: list[Article] = []
    for file in files:
        try:
            articles.extend(load_many(file))
        except SourceError as error:
            errors.append(str(error))
    for url in urls:
        from reader.sources.web import load_url

        try:
            articles.extend(load_url(str(url), cache_dir, stop=stop))
        except SourceError as error:
            errors.append(str(error))
    return articles, errors
