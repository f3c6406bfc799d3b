"""Undo a response's Content-Encoding a piece at a time, never past a size cap.

A 2 KB answer compressed twice can stand for gigabytes. Each layer here hands on at
most ``_STEP`` bytes at a time and the decoded total is counted as it is produced,
so decoding stops at the cap with no more than a few pieces in memory, however
many layers the server stacked. A page is compressed once: a second layer of the
same kind is refused, as is any coding newsreader did not ask for.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

ACCEPT_ENCODING = "gzip, deflate"  # what we ask for; anything else is refused
_STEP = 64 * 1024
_ALIASES = {"x-gzip": "gzip"}


class CodingRefused(Exception):
    """A Content-Encoding we will not undo; ``str()`` is the reason, ready for a message."""


class TooLarge(Exception):
    """The decoded body passed the cap."""


class _Layer:
    """One gzip or deflate layer; gzip answers made of several members are read whole."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._started = False
        self._inflate = self._new()

    def _new(self, *, raw: bool = False) -> zlib._Decompress:
        if self.name == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # HTTP's "deflate" is zlib-wrapped, but some servers send the bare stream.
        return zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            out = self._inflate_some(data)
            data = self._inflate.unconsumed_tail
            if self._inflate.eof:
                data = self._inflate.unused_data.lstrip(b"\0") if self.name == "gzip" else b""
                if data:
                    self._inflate = self._new()  # the next member of the same answer
            if out:
                yield out
            # A full piece may leave output inside zlib with no input left: ask again.
            if not data and len(out) < _STEP:
                return

    def _inflate_some(self, data: bytes) -> bytes:
        try:
            out = self._inflate.decompress(data, _STEP)
        except zlib.error:
            if self._started or self.name != "deflate":
                raise
            self._inflate = self._new(raw=True)
            out = self._inflate.decompress(data, _STEP)
        self._started = self._started or bool(data)
        return out

    def finish(self) -> Iterator[bytes]:
        rest = self._inflate.flush()
        if rest:
            yield rest


def layers_of(header: str) -> list[str]:
    """The codings to undo, outermost first; CodingRefused for any we do not read."""
    applied = [_ALIASES.get(part, part) for part in (p.strip().lower() for p in header.split(","))]
    applied = [name for name in applied if name and name != "identity"]
    for name in applied:
        if name not in ("gzip", "deflate"):
            raise CodingRefused(f"compressed as {name!r}, which newsreader does not read")
        if applied.count(name) > 1:
            raise CodingRefused(f"compressed with {name} more than once (refused)")
    return list(reversed(applied))


class Decoder:
    """Feed raw body pieces; get decoded pieces; TooLarge once the total passes ``limit``."""

    def __init__(self, header: str, limit: int) -> None:
        self._layers = [_Layer(name) for name in layers_of(header)]
        self._limit = limit
        self.size = 0

    def feed(self, raw: bytes) -> Iterator[bytes]:
        yield from self._count(self._through(0, raw))

    def finish(self) -> Iterator[bytes]:
        for index, layer in enumerate(self._layers):
            for piece in layer.finish():
                yield from self._count(self._through(index + 1, piece))

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            yield data
            return
        for piece in self._layers[index].feed(data):
            yield from self._through(index + 1, piece)

    def _count(self, pieces: Iterator[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            self.size += len(piece)
            if self.size > self._limit:
                raise TooLarge
            yield piece
