"""Read a file's bytes safely and decode them to text.

Order of trust: a byte-order mark, then strict UTF-8, then UTF-8 with a few
damaged bytes, then Windows-1252 (what most non-UTF-8 news text is), then
Latin-1. Anything that still looks like control codes is refused as binary.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from reader.sources.errors import SourceError

MAX_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused rather than loaded (a story is rarely over 1 MB)."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return,
# DEL, the C1 block, and the replacement character left by damaged bytes.
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_JUNK_RATIO = 0.02
_NEWLINES = re.compile(r"\r\n?")


def human_size(size: int) -> str:
    """ "12 MB" or "900 bytes": sizes as error messages give them."""
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a SourceError naming what is wrong with it."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # Reading a FIFO or a device would block or never end.
            raise SourceError(path, "not a regular file")
        if info.st_size > max_bytes:
            raise SourceError(
                path,
                f"too large ({human_size(info.st_size)}; the limit is {human_size(max_bytes)})",
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except PermissionError:
        raise SourceError(path, "permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise SourceError(path, "is a folder, not a file") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SourceError(path, f"cannot read the file ({reason.lower()})") from None
    if len(data) > max_bytes:
        raise SourceError(path, f"too large (over {human_size(max_bytes)})")
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a mark has a NUL beside nearly every ASCII letter."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_without_bom(data: bytes) -> str | None:
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mended = data.decode("utf-8", errors="replace")
    damaged = mended.count("\ufffd")
    genuine = sum(1 for char in mended if char > "\x7f") - damaged
    if genuine >= 2 * damaged:
        # Mostly valid UTF-8 with a few broken bytes (a truncated or spliced file):
        # reading it as Windows-1252 would garble every correct accent and quote.
        return mended
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1")


def _declared(data: bytes, encoding: str | None) -> str | None:
    """Text in the encoding a page declares, if that is a real ASCII-based codec."""
    if encoding is None or b"\x00" in data:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        # A page that can declare its charset in ASCII is not in UTF-16.
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        # Browsers read both labels as Windows-1252, and so do the pages written for them.
        name = "cp1252"
    if name in ("cp1252", "utf-8"):
        return None  # the fallback chain tries both, and copes with a false declaration
    return data.decode(name, errors="replace")


def decode(data: bytes, path: Path | str, declared: str | None = None) -> str:
    """Decoded text with newlines normalised to ``\\n`` and any byte-order mark dropped.

    ``declared`` is an encoding named inside the file (an HTML ``<meta charset>``);
    a byte-order mark still wins over it, as in browsers.
    """
    if not data:
        raise SourceError(path, "empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(path, f"not a text file (broken {encoding.upper()})") from None
            break
    else:
        text = _declared(data, declared) or _decode_without_bom(data)
    if text is None:
        raise SourceError(path, "not a text file")
    if _JUNK.search(text) and len(_JUNK.findall(text)) > _MAX_JUNK_RATIO * len(text) + 1:
        raise SourceError(path, "not a text file")
    text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise SourceError(path, "empty file (only blank space)")
    if not any(char.isalnum() for char in text):
        raise SourceError(path, "no words in the file")
    return text


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read and decode one file; every failure is a SourceError with one clear line."""
    return decode(read_bytes(path, max_bytes), path)
