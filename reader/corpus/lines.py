"""JSON Lines read as blocks of whole lines, never holding more than a cap of one line.

The process that reads the input does not look at documents one by one: it reads large
pieces, cuts them after their last line break, and hands each block of whole lines on
as one ``bytes`` object for a worker to split. A line longer than the cap is passed over
in fixed-size pieces and reported, so a 1 GB line costs one cap of memory, not 1 GB.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"

# Batches of 128 KB (some 25 ms of analysis) keep a pool's workers busiest: the first
# results come soon after start-up and the last batches leave a core idle only briefly,
# while a trip to a worker costs well under 1% of a batch. Measured on 2 cores: 20 MB in
# 2.15 s with 64 or 128 KB batches, 2.3 to 2.5 s with 512 KB.
POOL_BLOCK_BYTES = 128 * 1024
# A Dask task costs each worker some 10 ms of its event loop's time (and this process
# some 6 ms), whatever its size: its tasks start large, and shrink as the input runs out
# so that the last ones are small and the workers finish together (see BlockSizes).
DASK_BLOCK_BYTES = 2 * 1024 * 1024
DASK_LAST_BLOCK_BYTES = 128 * 1024
# A Dask task takes at most this share of what is left for each worker: each worker
# has a few tasks still to come when the others run out of input.
DASK_SHARES_PER_WORKER = 2
# The first batches of a local Dask run are analysed by a copy of this process (the
# head start, 2 MB) and by this process itself while the cluster starts: a batch taken
# here just before the cluster is up holds back the workers until it is done, so the
# first 3 MB go in batches of 512 KB (~0.1 s each), not 2 MB (~0.45 s).
DASK_OPENING_BLOCK_BYTES = 512 * 1024
DASK_OPENING_BYTES = 3 * 1024 * 1024
MIN_BLOCK_BYTES = 32 * 1024
BATCHES_PER_WORKER = 8


@dataclass(slots=True)
class BlockSizes:
    """How many bytes of input each next block reads.

    ``shares`` 0: always ``largest``. Otherwise (the input's size known), a share of what
    is left: ``remaining // shares``, between ``smallest`` and ``largest``. The first
    ``opening_bytes`` read go in blocks of at most ``opening``.
    """

    largest: int
    smallest: int = 0
    remaining: int = 0
    shares: int = 0
    opening: int = 0
    opening_bytes: int = 0

    def next(self) -> int:
        largest = self.largest if self.opening_bytes <= 0 else min(self.largest, self.opening)
        if not self.shares:
            return largest
        return max(self.smallest, min(largest, self.remaining // self.shares))

    def took(self, size: int) -> None:
        self.remaining -= size
        self.opening_bytes -= size


def block_bytes(total_bytes: int | None, jobs: int, on_dask: bool = False) -> BlockSizes:
    """The batch sizes for an input of ``total_bytes`` (None: not known) on ``jobs`` workers.

    A small input is cut finer, so that every worker gets several batches to share.
    """
    if on_dask:
        if total_bytes is None:  # the end cannot be seen coming: no large batch is safe
            return BlockSizes(DASK_OPENING_BLOCK_BYTES)
        shares = DASK_SHARES_PER_WORKER * max(1, jobs)
        smallest = min(DASK_LAST_BLOCK_BYTES, max(MIN_BLOCK_BYTES, total_bytes // (4 * shares)))
        return BlockSizes(
            DASK_BLOCK_BYTES,
            smallest,
            total_bytes,
            shares,
            opening=DASK_OPENING_BLOCK_BYTES,
            opening_bytes=DASK_OPENING_BYTES,
        )
    if total_bytes is None:
        return BlockSizes(POOL_BLOCK_BYTES)
    share = total_bytes // (BATCHES_PER_WORKER * max(1, jobs))
    return BlockSizes(max(MIN_BLOCK_BYTES, min(POOL_BLOCK_BYTES, share)))


DEFAULT_BLOCK_BYTES = POOL_BLOCK_BYTES


@dataclass(slots=True, frozen=True)
class Block:
    """Whole lines of input from line ``first_line`` on, or one line longer than the cap."""

    first_line: int
    data: bytes | None  # None: the line ``first_line`` was longer than the cap
    size: int  # bytes taken from the input, line breaks included


def read_blocks(
    handle: BinaryIO,
    block_bytes: int | BlockSizes = DEFAULT_BLOCK_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
) -> Iterator[Block]:
    """Blocks of about ``block_bytes`` of whole lines, in order (blank lines included).

    Lines are numbered from 1; a block's lines are ``first_line``, ``first_line + 1``, ...
    as split on ``\\n``. A last line without a line break is a line too. A line is over
    the cap when it holds more than ``max_line_bytes`` bytes before its line break.
    """
    sizes = block_bytes if isinstance(block_bytes, BlockSizes) else BlockSizes(block_bytes)

    def read() -> bytes:
        # Pieces no longer than the cap: only a line begun in an earlier piece can pass it.
        piece = handle.read(max(1, min(sizes.next(), max_line_bytes)))
        sizes.took(len(piece))
        return piece

    number = 1
    partial: list[bytes] = []  # the start of a line whose end has not been read yet
    partial_size = 0
    piece = read()
    if piece.startswith(_BOM):
        piece = piece[len(_BOM) :]
    while piece:
        end = piece.rfind(b"\n")
        if end < 0:
            partial.append(piece)
            partial_size += len(piece)
            if partial_size > max_line_bytes:
                partial.clear()  # what was read of the line goes now, before the rest
                skipped, after = _skip_rest_of_line(read)
                yield Block(number, None, partial_size + skipped)
                number += 1
                partial_size = 0
                piece = after or read()
            else:
                piece = read()
            continue
        first_end = piece.find(b"\n") + 1
        if partial_size + first_end > max_line_bytes + 1:
            partial.clear()
            yield Block(number, None, partial_size + first_end)
            number += 1
            data = piece[first_end : end + 1]
        elif partial:
            data = b"".join([*partial, piece[: end + 1]])
        else:
            data = piece[: end + 1]
        if data:
            yield Block(number, data, len(data))
            number += data.count(b"\n")
        rest = piece[end + 1 :]
        partial = [rest] if rest else []
        partial_size = len(rest)
        piece = read()
    if partial:
        data = b"".join(partial)
        yield Block(number, None if len(data) > max_line_bytes else data, len(data))


def _skip_rest_of_line(read: Callable[[], bytes]) -> tuple[int, bytes]:
    """Read past the end of the current line: the bytes skipped, and what followed."""
    skipped = 0
    while True:
        piece = read()
        if not piece:
            return skipped, b""
        end = piece.find(b"\n")
        if end >= 0:
            return skipped + end + 1, piece[end + 1 :]
        skipped += len(piece)
