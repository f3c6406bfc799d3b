"""The block reader: whole lines only, numbered, and no line held past its cap."""

from __future__ import annotations

import io

from reader.corpus import lines
from reader.corpus.batch import block_lines
from reader.corpus.lines import Block, read_blocks


def _lines(blocks: list[Block]) -> list[tuple[int, bytes | None]]:
    """Each line of the blocks with its number (an over-long line as None)."""
    numbered: list[tuple[int, bytes | None]] = []
    for block in blocks:
        if block.data is None:
            numbered.append((block.first_line, None))
            continue
        numbered.extend((block.first_line + i, line) for i, line in block_lines(block.data))
    return numbered


def test_lines_come_numbered_and_blank_ones_are_passed_over() -> None:
    stream = io.BytesIO(b'{"a": 1}\n\n   \n{"b": 2}')
    assert _lines(list(read_blocks(stream, 4, max_line_bytes=100))) == [
        (1, b'{"a": 1}'),
        (4, b'{"b": 2}'),
    ]


def test_blocks_hold_whole_lines_whatever_the_piece_size() -> None:
    data = b"".join(b'{"n": %d}\n' % n for n in range(500))
    for block_bytes in (1, 7, 64, 1000, 100_000):
        blocks = list(read_blocks(io.BytesIO(data), block_bytes, max_line_bytes=100))
        assert all(b.data is not None and b.data.endswith(b"\n") for b in blocks)
        assert b"".join(b.data or b"" for b in blocks) == data
        assert sum(b.size for b in blocks) == len(data)
        assert _lines(blocks) == [(n + 1, b'{"n": %d}' % n) for n in range(500)]


def test_dask_batches_shrink_towards_the_end_and_hold_every_line_once() -> None:
    # The last tasks of a Dask run are small, so the workers finish together; the
    # blocks still hold whole lines, all of them, in order.
    data = b"".join(b'{"n": %d, "text": "%s"}\n' % (n, b"w" * (n % 300)) for n in range(40_000))
    sizes = lines.block_bytes(len(data), jobs=2, on_dask=True)
    blocks = list(read_blocks(io.BytesIO(data), sizes))
    assert b"".join(b.data or b"" for b in blocks) == data
    assert _lines(blocks)[-1][0] == 40_000
    assert max(b.size for b in blocks) > 4 * blocks[-2].size  # the last one: what was left
    assert all(b.data is not None and b.data.endswith(b"\n") for b in blocks)


def test_a_line_over_the_cap_is_reported_and_the_next_line_still_read() -> None:
    long_line = b"x" * 5_000_000 + b"\n"
    for block_bytes in (100, 1000, 1 << 20):
        stream = io.BytesIO(b"first\n" + long_line + b"last\n")
        blocks = list(read_blocks(stream, block_bytes, max_line_bytes=1000))
        assert _lines(blocks) == [(1, b"first"), (2, None), (3, b"last")]
        [skipped] = [b for b in blocks if b.data is None]
        assert skipped.size == len(long_line)


def test_an_over_long_last_line_without_a_break_is_reported() -> None:
    stream = io.BytesIO(b"first\n" + b"x" * 5000)
    assert _lines(list(read_blocks(stream, 64, max_line_bytes=1000))) == [
        (1, b"first"),
        (2, None),
    ]


def test_a_line_exactly_at_the_cap_is_kept() -> None:
    stream = io.BytesIO(b"y" * 10 + b"\n" + b"z" * 10)
    assert _lines(list(read_blocks(stream, 4, max_line_bytes=10))) == [
        (1, b"y" * 10),
        (2, b"z" * 10),
    ]
    stream = io.BytesIO(b"y" * 11 + b"\n" + b"z" * 10)
    assert _lines(list(read_blocks(stream, 4, max_line_bytes=10))) == [(1, None), (2, b"z" * 10)]


def test_a_byte_order_mark_on_the_first_line_is_dropped() -> None:
    stream = io.BytesIO(b'\xef\xbb\xbf{"id": 1}\n')
    assert _lines(list(read_blocks(stream))) == [(1, b'{"id": 1}')]


def test_reading_is_lazy_one_block_at_a_time() -> None:
    class Endless(io.RawIOBase):
        """An input that never ends: only a reader that stops early finishes."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            piece = b'{"id": 1, "text": "t"}\n' * (len(buffer) // 23)
            buffer[: len(piece)] = piece
            return len(piece)

    blocks = read_blocks(io.BufferedReader(Endless()), 1000, max_line_bytes=100)
    first_three = [next(blocks).first_line for _ in range(3)]
    assert first_three[0] == 1
    assert first_three[1] > 1
    assert first_three[2] > first_three[1]
