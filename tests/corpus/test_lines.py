"""The bounded line reader: no line is held past its cap, and the lines after it still come."""

from __future__ import annotations

import io

from reader.corpus.lines import read_lines


def test_lines_come_numbered_and_blank_ones_are_passed_over() -> None:
    stream = io.BytesIO(b'{"a": 1}\n\n   \n{"b": 2}')
    lines = list(read_lines(stream, max_bytes=100))
    assert [(line.number, line.data) for line in lines] == [
        (1, b'{"a": 1}\n'),
        (4, b'{"b": 2}'),
    ]


def test_a_line_over_the_cap_is_reported_and_the_next_line_still_read() -> None:
    long_line = b"x" * 5_000_000 + b"\n"
    stream = io.BytesIO(b"first\n" + long_line + b"last\n")
    lines = list(read_lines(stream, max_bytes=1000))
    assert [(line.number, line.data) for line in lines] == [
        (1, b"first\n"),
        (2, None),
        (3, b"last\n"),
    ]
    assert lines[1].size == len(long_line)


def test_a_line_exactly_at_the_cap_is_kept() -> None:
    stream = io.BytesIO(b"y" * 10 + b"\n" + b"z" * 10)
    lines = list(read_lines(stream, max_bytes=10))
    assert [line.data for line in lines] == [b"y" * 10 + b"\n", b"z" * 10]


def test_a_byte_order_mark_on_the_first_line_is_dropped() -> None:
    stream = io.BytesIO(b'\xef\xbb\xbf{"id": 1}\n')
    assert [line.data for line in read_lines(stream)] == [b'{"id": 1}\n']


def test_reading_is_lazy_one_line_at_a_time() -> None:
    class Endless(io.RawIOBase):
        """An input that never ends: only a reader that stops early finishes."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            piece = b'{"id": 1, "text": "t"}\n' * (len(buffer) // 23)
            buffer[: len(piece)] = piece
            return len(piece)

    lines = read_lines(io.BufferedReader(Endless()), max_bytes=100)
    first_three = [next(lines).number for _ in range(3)]
    assert first_three == [1, 2, 3]
