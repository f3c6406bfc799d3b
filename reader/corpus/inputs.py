"""What `analyze` reads, as one stream of batches: JSON Lines, stdin, stories, feeds, pages.

JSON Lines (a ``.jsonl`` path, or ``-`` for stdin) are passed on as raw blocks of whole
lines, for the workers to split and read; every other input is loaded here as stories
and batched by size. Problems with the input itself (a missing file, an over-long line)
go to ``report`` and the stream goes on with the next document.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reader.corpus.lines import (
    DEFAULT_BLOCK_BYTES,
    DEFAULT_MAX_LINE_BYTES,
    BlockSizes,
    read_blocks,
)

if TYPE_CHECKING:
    from reader.corpus.engines import Batch

# `analyze` asks known_size before it imports the analysis (it starts the workers' server
# first), so what only reading needs is imported where it is used.

STDIN = "-"
# Stories are loaded here one by one: a batch of them is cut at this many.
STORIES_PER_BATCH = 64


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


def batches(
    paths: Iterable[str],
    report: Callable[[str], None],
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    block_bytes: int | BlockSizes = DEFAULT_BLOCK_BYTES,
) -> Iterator[Batch]:
    """Every path's documents in order, as batches of about ``block_bytes`` of input."""
    from reader.corpus.engines import Batch

    sizes = block_bytes if isinstance(block_bytes, BlockSizes) else BlockSizes(block_bytes)
    stories = _StoryBatcher(Batch, sizes.largest)
    for raw in paths:
        if is_jsonl(raw):
            yield from stories.flush()
            yield from _jsonl(Batch, raw, report, max_line_bytes, sizes)
        else:
            for label, header in _stories(raw, report):
                yield from stories.add(label, header)
    yield from stories.flush()


class _StoryBatcher:
    def __init__(self, batch: type[Batch], block_bytes: int) -> None:
        self.batch = batch
        self.block_bytes = block_bytes
        self.labels: list[str] = []
        self.headers: list[dict[str, Any]] = []
        self.size = 0

    def add(self, label: str, header: dict[str, Any]) -> Iterator[Batch]:
        self.labels.append(label)
        self.headers.append(header)
        self.size += len(header["text"])
        if self.size >= self.block_bytes or len(self.headers) >= STORIES_PER_BATCH:
            yield from self.flush()

    def flush(self) -> Iterator[Batch]:
        if self.headers:
            yield self.batch(self.headers, "", 0, self.labels, self.size)
            self.labels, self.headers, self.size = [], [], 0


def _jsonl(
    batch: type[Batch],
    raw: str,
    report: Callable[[str], None],
    max_line_bytes: int,
    sizes: BlockSizes,
) -> Iterator[Batch]:
    from reader.sources.errors import printable

    shown = "stdin" if raw == STDIN else printable(raw)
    try:
        handle: BinaryIO = sys.stdin.buffer if raw == STDIN else open(raw, "rb")  # noqa: SIM115
    except OSError as error:
        report(f"{shown}: cannot read ({error.strerror or error})")
        return
    try:
        for block in read_blocks(handle, sizes, max_line_bytes):
            if block.data is None:
                limit = max_line_bytes / 1_000_000
                report(f"{shown}:{block.first_line}: a line longer than {limit:g} MB, passed over")
                continue
            yield batch(block.data, shown, block.first_line, None, block.size)
    except OSError as error:
        report(f"{shown}: reading stopped ({error.strerror or error})")
    finally:
        if raw != STDIN:
            handle.close()


def _stories(raw: str, report: Callable[[str], None]) -> Iterator[tuple[str, dict[str, Any]]]:
    from reader.corpus.records import article_header
    from reader.locations import Locations
    from reader.sources import SourceError, discover, is_url, load_many, load_url
    from reader.sources.errors import printable

    if is_url(raw):
        try:
            articles = load_url(raw, Locations.resolve().cache)
        except SourceError as error:
            report(str(error))
            return
        for article in articles:
            yield printable(article.location), article_header(article)
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
            yield printable(article.location), article_header(article)
