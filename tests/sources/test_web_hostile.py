"""Hostile servers on 127.0.0.1: compression bombs, stacked codings, trickled answers."""

from __future__ import annotations

import functools
import gzip
import re
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.sources import SourceError, load_url
from reader.sources.content_coding import CodingRefused, Decoder, TooLarge, layers_of
from tests.web_server import LocalWebServer, Route, TricklingServer

STORY = b"Harbour Dues Rise\n\nBy Ana Ruiz\n\n\xe2\x80\x9cWe had no choice,\xe2\x80\x9d she said.\n"
MB = 1 << 20


def gzip_of_zeros(megabytes: int) -> bytes:
    """One gzip member that expands to ``megabytes`` MB of zeros, built in well under a second.

    Every megabyte compresses to the same bytes after a full flush, so the block is
    repeated rather than compressed again; the trailer is computed as gzip's own is.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()
    crc = 0
    zeros = bytes(MB)
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (megabytes * MB) & 0xFFFFFFFF)
    return header + block * megabytes + end + trailer


def deflate(data: bytes) -> bytes:
    return zlib.compress(data, 9)


def raw_deflate(data: bytes) -> bytes:
    """The bare deflate stream some servers send as "deflate", without zlib's wrapper."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@functools.cache
def bomb_inner() -> bytes:
    return gzip_of_zeros(1024)  # 1 GB of zeros in about 1 MB


def routes() -> dict[str, Route]:
    bomb = bomb_inner()
    return {
        "/gzip": Route(
            200, gzip.compress(STORY), {"Content-Type": "text/plain", "Content-Encoding": "gzip"}
        ),
        "/gzip-deflate": Route(
            200,
            deflate(gzip.compress(STORY)),
            {"Content-Type": "text/plain", "Content-Encoding": "gzip, deflate"},
        ),
        "/raw-deflate": Route(
            200,
            raw_deflate(STORY),
            {"Content-Type": "text/plain", "Content-Encoding": "deflate"},
        ),
        "/two-members": Route(
            200,
            gzip.compress(STORY[:20]) + gzip.compress(STORY[20:]),
            {"Content-Type": "text/plain", "Content-Encoding": "gzip"},
        ),
        "/bomb-gzip-gzip": Route(
            200,
            gzip.compress(bomb),
            {"Content-Type": "text/plain", "Content-Encoding": "gzip, gzip"},
        ),
        "/bomb-gzip-deflate": Route(
            200,
            deflate(bomb),
            {"Content-Type": "text/plain", "Content-Encoding": "gzip, deflate"},
        ),
        "/br": Route(
            200, b"\x0b\x02\x80hello\x03", {"Content-Type": "text/plain", "Content-Encoding": "br"}
        ),
        "/damaged": Route(
            200,
            b"\x1f\x8b\x08\x00garbage-here",
            {"Content-Type": "text/plain", "Content-Encoding": "gzip"},
        ),
    }


@pytest.fixture(scope="module")
def server() -> Iterator[LocalWebServer]:
    with LocalWebServer(routes()) as running:
        yield running


@pytest.mark.parametrize("path", ["/gzip", "/gzip-deflate", "/raw-deflate", "/two-members"])
def test_compressed_pages_are_read(server: LocalWebServer, tmp_path: Path, path: str) -> None:
    (article,) = load_url(server.url(path), tmp_path)
    assert article.title == "Harbour Dues Rise" and article.byline == "Ana Ruiz"
    assert "\u201cWe had no choice,\u201d she said." in article.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/bomb-gzip-gzip", "compressed with gzip more than once (refused)"),
        ("/bomb-gzip-deflate", "too large (over 10 MB)"),
        ("/br", "compressed as 'br', which newsreader does not read"),
        ("/damaged", "the compressed page is damaged"),
    ],
)
def test_hostile_codings_are_one_line(
    server: LocalWebServer, tmp_path: Path, path: str, message: str
) -> None:
    with pytest.raises(SourceError) as error:
        load_url(server.url(path), tmp_path)
    assert str(error.value) == f"{server.url(path)}: {message}"


def test_decoder_stops_at_the_cap_as_bytes_are_produced() -> None:
    """Three layers over 1 GB: decoding ends just past the cap, a piece at a time."""
    decoder = Decoder("gzip, deflate", limit=10 * MB)
    biggest = 0
    with pytest.raises(TooLarge):
        for piece in decoder.feed(deflate(bomb_inner())):
            biggest = max(biggest, len(piece))
    assert 10 * MB < decoder.size <= 10 * MB + biggest
    assert biggest <= 64 * 1024


def test_decoder_reads_a_page_fed_a_byte_at_a_time() -> None:
    decoder = Decoder("gzip, deflate", limit=MB)
    encoded = deflate(gzip.compress(STORY * 200))
    pieces = [piece for byte in encoded for piece in decoder.feed(bytes([byte]))]
    pieces.extend(decoder.finish())
    assert b"".join(pieces) == STORY * 200


@pytest.mark.parametrize(
    ("header", "layers"),
    [("", []), ("identity", []), ("gzip", ["gzip"]), ("X-Gzip, deflate", ["deflate", "gzip"])],
)
def test_layers_are_undone_last_applied_first(header: str, layers: list[str]) -> None:
    assert layers_of(header) == layers


@pytest.mark.parametrize("header", ["deflate, deflate", "gzip, x-gzip", "zstd", "compress"])
def test_unwanted_codings_are_refused(header: str) -> None:
    with pytest.raises(CodingRefused):
        layers_of(header)


HEADERS_FOREVER = b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 10_000
BODY_FOREVER = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n" + (
    b"word " * 1000
)


@pytest.mark.parametrize("answer", [HEADERS_FOREVER, BODY_FOREVER], ids=["headers", "body"])
def test_trickling_server_ends_at_the_deadline_with_the_real_time(
    tmp_path: Path, answer: bytes
) -> None:
    with TricklingServer(answer, pause=0.05) as trickler:
        started = time.monotonic()
        with pytest.raises(SourceError) as error:
            load_url(trickler.url, tmp_path, timeout=1.0)
        took = time.monotonic() - started
        assert_no_fetch_left_running()  # while the server still trickles
    found = re.fullmatch(
        rf"{re.escape(trickler.url)}: timed out after (\d+\.\d) s", str(error.value)
    )
    assert found, str(error.value)
    assert 1.0 <= float(found[1]) <= took + 0.05


def assert_no_fetch_left_running() -> None:
    """The exchange given up on was cut off, not left reading from the server for ever."""
    for _ in range(100):
        if not any(thread.name == "newsreader-fetch" for thread in threading.enumerate()):
            return
        time.sleep(0.05)
    raise AssertionError("the abandoned fetch is still running")


def test_a_fetch_told_to_stop_gives_up_at_once(tmp_path: Path) -> None:
    """The app cancels its worker on `q`: the fetch must not hold the exit to its deadline."""
    asked = time.monotonic() + 0.3
    with TricklingServer(HEADERS_FOREVER, pause=0.05) as trickler:
        with pytest.raises(SourceError) as error:
            load_url(trickler.url, tmp_path, timeout=30, stop=lambda: time.monotonic() > asked)
        assert_no_fetch_left_running()  # while the server still trickles
    assert str(error.value) == f"{trickler.url}: not fetched: newsreader is closing"


def _newsreader_analyze(url: str, tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "NEWSREADER_CACHE": str(tmp_path / "cache"),
        "NEWSREADER_DATA": str(tmp_path / "data"),
        "NEWSREADER_CONFIG": str(tmp_path / "config"),
        **extra_env,
    }
    command = [sys.executable, "-m", "reader.cli", "analyze", url]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_analyze_of_a_trickling_server_ends_within_its_deadline(tmp_path: Path) -> None:
    with TricklingServer(HEADERS_FOREVER, pause=0.05) as trickler:
        result = _newsreader_analyze(trickler.url, tmp_path, NEWSREADER_FETCH_TIMEOUT="1.5")
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert re.fullmatch(rf"newsreader: {re.escape(trickler.url)}: timed out after 1\.\d s", line)


MEMORY_LIMIT = 700 * MB  # far below the gigabyte a bomb expands to, well above our needs


def _limited_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/bomb-gzip-gzip", "compressed with gzip more than once (refused)"),
        ("/bomb-gzip-deflate", "too large (over 10 MB)"),
    ],
)
def test_a_compression_bomb_under_a_memory_limit_is_one_line(
    server: LocalWebServer, tmp_path: Path, path: str, message: str
) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NEWSREADER_CACHE": str(tmp_path)}
    command = [sys.executable, "-m", "reader.cli", "analyze", server.url(path)]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        preexec_fn=_limited_memory,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"newsreader: {server.url(path)}: {message}"]
