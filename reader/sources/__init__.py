"""Turn story files into :class:`reader.model.Article` objects.

``load(path)`` picks the loader by extension (one module per kind);
``discover(paths)`` expands files and folders; ``load_all(paths)`` does both.
Every failure is a :class:`SourceError` whose message is one line naming the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reader.model import Article
from reader.sources import markdown, plaintext
from reader.sources.decoding import MAX_BYTES
from reader.sources.discovery import STORY_EXTENSIONS, discover
from reader.sources.errors import SourceError

__all__ = [
    "MAX_BYTES",
    "STORY_EXTENSIONS",
    "SourceError",
    "discover",
    "load",
    "load_all",
    "parse_text",
]


def _parser_for(path: Path) -> Callable[[str, Path | None], Article]:
    if path.suffix.lower() in markdown.EXTENSIONS:
        return markdown.parse
    # .txt, and any file the user names explicitly whatever its extension.
    return plaintext.parse


def load(path: str | Path, max_bytes: int = MAX_BYTES) -> Article:
    """Read one story; raises SourceError (never anything else) when it cannot."""
    from reader.sources.decoding import read_text

    target = Path(path).expanduser()
    return _parser_for(target)(read_text(target, max_bytes), target)


def parse_text(text: str, name: str = "story.txt", path: str | Path | None = None) -> Article:
    """An Article from text already in memory; ``name``'s extension picks the format."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    location = Path(path) if path is not None else None
    return _parser_for(Path(name))(normalised, location)


def load_all(paths: Iterable[str | Path]) -> tuple[list[Article], list[str]]:
    """Every story under ``paths``, plus one line per path or file that failed."""
    files, errors = discover(paths)
    articles: list[Article] = []
    for file in files:
        try:
            articles.append(load(file))
        except SourceError as error:
            errors.append(str(error))
    return articles, errors
