"""Analyses kept on disk, so a story seen before shows its highlights at once.

An entry is named by a hash of the analyser's version, the name finder and the text:
any edit to the analysis code, the model or its word lists makes a new version, and the
old entries are never read again (they age out under the size bound). Each file holds a
checksum of its contents: a damaged entry is dropped and the story analysed again. A
write goes to a temporary file renamed into place, so a reader never sees half an entry;
a full disk or a read-only cache dir only means no cache. Settings:
``NEWSREADER_ANALYSIS_CACHE_MB`` bounds the folder's size (default 64; 0 turns it off).
"""

from __future__ import annotations

import contextlib
import functools
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reader.atomic_file import write_atomically
from reader.cache.codec import (
    FORMAT,
    Part,
    from_bytes,
    from_columns,
    quoted_speakers,
    speakers_from_bytes,
    speakers_to_bytes,
    to_bytes,
    to_columns,
)
from reader.digest import blake2b
from reader.model import Analysis

T = TypeVar("T")

SIZE_ENV = "NEWSREADER_ANALYSIS_CACHE_MB"
DEFAULT_MB = 64
FOLDER = "analysis"
SUFFIX = ".analysis"
# Beside each entry, the names of the people it quotes: the library's search reads them
# for many stories, and decoding a whole analysis (up to a megabyte) for its names held
# up the UI.
SPEAKERS_SUFFIX = ".speakers"
_CHECK_BYTES = 16
# After going over the bound, evict down to this share of it, so that not every
# write afterwards has to scan the folder again.
_EVICT_TO = 0.8
# Only the built-in name finder is ours to version; another backend's model can change
# under us without any file here changing.
CACHED_BACKENDS = frozenset({"builtin"})


@functools.cache
def analyser_version() -> str:
    """A digest of everything the analysis result depends on: its modules and the model
    (the digest the compiled build is checked against), its word lists, and this cache's
    own format. A checksum suffices: it only has to change when one of them does."""
    from reader.compiled import PACKAGE_DIR, source_digest

    checksum = zlib.crc32(f"format {FORMAT}".encode())
    data_files = sorted(p for p in (PACKAGE_DIR / "data").rglob("*") if p.is_file())
    for path in [PACKAGE_DIR / "__init__.py", *data_files]:
        checksum = zlib.crc32(path.read_bytes(), zlib.crc32(path.name.encode(), checksum))
    return f"{source_digest(PACKAGE_DIR)}-{checksum:08x}"


def size_limit() -> int:
    """The folder's bound in bytes, from the setting."""
    try:
        megabytes = float(os.environ.get(SIZE_ENV, DEFAULT_MB))
    except ValueError:
        megabytes = DEFAULT_MB
    return max(0, int(megabytes * 1024 * 1024))


_HASH_CHUNK = 1 << 20  # characters of a story encoded at a time for its key


class AnalysisCache:
    def __init__(self, folder: Path, *, limit: int | None = None, version: str | None = None):
        self.folder = folder
        self.limit = size_limit() if limit is None else limit
        self.version = version or analyser_version()

    def _path(self, text: str, ner: str) -> Path:
        key = blake2b(digest_size=20)
        key.update(f"{self.version}\0{ner}\0".encode())
        # Encoded a megabyte at a time, not whole: a 49 MB story's bytes were a 49 MB copy
        # held at its opening and again when its analysis was kept, the process's peak.
        # The same bytes in the end (a str has no surrogate pairs to split), so the same key.
        for at in range(0, len(text), _HASH_CHUNK):
            key.update(text[at : at + _HASH_CHUNK].encode("utf-8", "surrogatepass"))
        return self.folder / (key.hexdigest() + SUFFIX)

    def get_speakers(self, text: str, ner: str = "builtin") -> tuple[str, ...] | None:
        """Who the analysis kept for ``text`` quotes (raw names, in order), or None when
        none is kept: a small file read, not the analysis decoded."""
        path = self._path(text, ner).with_suffix(SPEAKERS_SUFFIX)
        return _read_checked(path, speakers_from_bytes)

    def get(self, text: str, ner: str = "builtin") -> Analysis | None:
        """The analysis kept for ``text``, or None."""
        parts = self.get_parts(text, ner)
        if parts is None:
            return None
        if len(parts) == 1:
            return from_columns(text, parts[0][1])
        from reader.analysis_process import Merger

        return Merger.of(text, parts)

    def put(self, text: str, analysis: Analysis, ner: str = "builtin") -> bool:
        """Keep ``analysis``; False when it could not be written (full disk, no rights)."""
        return self.put_parts(text, [(0, to_columns(text, analysis))], ner)

    def get_parts(self, text: str, ner: str = "builtin") -> list[Part] | None:
        """The analysed parts kept for ``text`` (one per block of a long story), or None."""
        path = self._path(text, ner)
        parts = _read_checked(path, lambda payload: from_bytes(payload, text))
        if parts is None:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        return parts

    def put_parts(self, text: str, parts: list[Part], ner: str = "builtin") -> bool:
        """Keep the analysed ``parts`` of ``text``; False when they could not be written."""
        if self.limit <= 0:
            return False
        data = _checked(to_bytes(parts))
        if len(data) > self.limit:
            return False
        path = self._path(text, ner)
        names = _checked(speakers_to_bytes(quoted_speakers(parts)))
        # The names first: an entry is never there without them.
        if not self._write(path.with_suffix(SPEAKERS_SUFFIX), names):
            return False
        if not self._write(path, data):
            return False
        self._evict()
        return True

    def _write(self, path: Path, data: bytes) -> bool:
        """``data`` into ``path``, replaced in one step; False when it cannot be."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(path, data)
        except OSError:
            return False
        return True

    def _evict(self) -> None:
        """Remove the least recently used entries while the folder is over its bound."""
        entries: list[tuple[float, int, str]] = []
        total = 0
        try:
            with os.scandir(self.folder) as scan:
                for entry in scan:
                    if entry.name.endswith(SUFFIX):
                        with contextlib.suppress(OSError):
                            info = entry.stat()
                            entries.append((info.st_mtime, info.st_size, entry.path))
                            total += info.st_size
        except OSError:
            return
        if total <= self.limit:
            return
        entries.sort()
        target = self.limit * _EVICT_TO
        for _mtime, size, path in entries:
            if total <= target:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
            with contextlib.suppress(OSError):
                os.unlink(Path(path).with_suffix(SPEAKERS_SUFFIX))


def cache_for(cache_dir: Path | None, ner: str) -> AnalysisCache | None:
    """The analysis cache under ``cache_dir`` (the user cache dir), or None when analyses
    by ``ner`` are not ours to keep."""
    if cache_dir is None or ner not in CACHED_BACKENDS:
        return None
    return AnalysisCache(cache_dir / FOLDER)


def cached_analyze(text: str, *, ner: str = "builtin", cache_dir: Path | None) -> Analysis:
    """``reader.analysis.analyze(text, ner=ner)``, answered from the cache in ``cache_dir``
    (the user cache dir) when this text was analysed before by this very analyser."""
    from reader.analysis import analyze

    cache = cache_for(cache_dir, ner)
    if cache is None:
        return analyze(text, ner=ner)
    found = cache.get(text, ner)
    if found is not None:
        return found
    analysis = analyze(text, ner=ner)
    cache.put(text, analysis, ner)
    return analysis


def _checked(payload: bytes) -> bytes:
    """``payload`` behind its checksum, as a cache file holds it."""
    return blake2b(payload, digest_size=_CHECK_BYTES).digest() + payload


def _read_checked(path: Path, decode: Callable[[bytes], T]) -> T | None:
    """``decode`` of the payload kept in ``path``, or None when there is none. A file whose
    checksum or payload is damaged is dropped, and the caller analyses again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    check, payload = data[:_CHECK_BYTES], data[_CHECK_BYTES:]
    try:
        if blake2b(payload, digest_size=_CHECK_BYTES).digest() != check:
            raise ValueError("checksum does not match")
        return decode(payload)
    except ValueError:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
