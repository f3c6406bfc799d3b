"""What `analyze` reads, as one stream of documents: JSON Lines, stdin, stories, feeds, pages.

JSON Lines (a ``.jsonl`` path, or ``-`` for stdin) are passed on as raw lines, one at
a time, for the workers to read; every other input is loaded here as stories. Problems
with the input itself (a missing file, an over-long line) go to ``report`` and the
stream goes on with the next document.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from reader.corpus.batch import Document
from reader.corpus.lines import DEFAULT_MAX_LINE_BYTES, read_lines
from reader.corpus.records import article_header
from reader.sources.errors import printable

STDIN = "-"


class Item(NamedTuple):
    label: str  # where the document came from, for messages: "docs.jsonl:12"
    document: Document
    size: int  # bytes of input it took


def is_jsonl(raw: str) -> bool:
    if raw == STDIN:
        return True
    path = Path(raw)
    if path.suffix.lower() != ".jsonl":
        return False
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) or stat.S_ISFIFO(mode)


def known_size(paths: Iterable[str]) -> int | None:
    """The bytes all of ``paths`` hold when they are all JSON Lines files of known size."""
    total = 0
    for raw in paths:
        if not is_jsonl(raw):
            return None
        try:
            info = os.fstat(sys.stdin.fileno()) if raw == STDIN else os.stat(raw)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total


def documents(
    paths: Iterable[str],
    report: Callable[[str], None],
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
) -> Iterator[Item]:
    for raw in paths:
        if is_jsonl(raw):
            yield from _jsonl(raw, report, max_line_bytes)
        else:
            yield from _stories(raw, report)


def _jsonl(raw: str, report: Callable[[str], None], max_line_bytes: int) -> Iterator[Item]:
    shown = "stdin" if raw == STDIN else printable(raw)
    try:
        handle: BinaryIO = sys.stdin.buffer if raw == STDIN else open(raw, "rb")  # noqa: SIM115
    except OSError as error:
        report(f"{shown}: cannot read ({error.strerror or error})")
        return
    try:
        for line in read_lines(handle, max_line_bytes):
            label = f"{shown}:{line.number}"
            if line.data is None:
                limit = max_line_bytes / 1_000_000
                report(f"{label}: a line longer than {limit:g} MB, passed over")
                continue
            yield Item(label, line.data, line.size)
    except OSError as error:
        report(f"{shown}: reading stopped ({error.strerror or error})")
    finally:
        if raw != STDIN:
            handle.close()


def _stories(raw: str, report: Callable[[str], None]) -> Iterator[Item]:
    from reader.locations import Locations
    from reader.sources import SourceError, discover, is_url, load_many, load_url

    if is_url(raw):
        try:
            articles = load_url(raw, Locations.resolve().cache)
        except SourceError as error:
            report(str(error))
            return
        for article in articles:
            yield Item(printable(article.location), article_header(article), len(article.text))
        return
    files, problems = discover([Path(raw)], feeds=True)
    for problem in problems:
        report(problem)
    for file in files:
        try:
            articles = load_many(file)
        except SourceError as error:
            report(str(error))
            continue
        for article in articles:
            yield Item(printable(article.location), article_header(article), len(article.text))
