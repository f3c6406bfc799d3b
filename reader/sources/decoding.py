"""Read a file's bytes safely and decode them to text.

Order of trust: a byte-order mark, then an encoding the page declares, then strict
UTF-8, then UTF-8 with a few damaged bytes. Only then is the encoding a guess:
charset-normalizer weighs the encodings news is written in (a Russian story in
Windows-1251 or KOI8-R, a Japanese one in Shift_JIS, a Chinese one in GB18030),
preferring Windows-1252 whenever it reads the bytes the same; Latin-1 is the last
resort. A guess is reported (``Decoded.note``, shown in the status bar), and so are
a few stray NUL bytes, which are damage to remove rather than a sign of a binary
file. Anything that still looks like control codes is refused as binary.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path
from typing import NamedTuple

from reader.safe_text import ascii_only_of, clean_line
from reader.sources.encoding_guess import likeliest_codec
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
# A NUL in one byte of a hundred or fewer is damage (a bad copy, a spliced file);
# more, and not in UTF-16's pattern, is a binary file.
_MAX_STRAY_NUL_RATIO = 0.01
_NEWLINES = re.compile(r"\r\n?")
# How much of a long file the encoding is guessed from: many paragraphs of evidence.
_SAMPLE_BYTES = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_CHARACTER_END = re.compile(rb"[\x00-\x2f]")

_LABELS = {
    "cp1252": "Windows-1252",
    "iso8859_1": "Latin-1",
    "koi8_r": "KOI8-R",
    "koi8_u": "KOI8-U",
    "cp866": "DOS Cyrillic (CP866)",
    "mac_cyrillic": "Mac Cyrillic",
    "cp874": "Windows-874 (Thai)",
    "shift_jis": "Shift_JIS",
    "cp932": "Shift_JIS",  # Microsoft's superset, what Japanese Windows writes
    "euc_jp": "EUC-JP",
    "iso2022_jp": "ISO-2022-JP",
    "gb18030": "GB18030",
    "big5": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "euc_kr": "EUC-KR",
    "cp949": "Windows-949 (Korean)",
}


def encoding_label(codec: str) -> str:
    """The name a person knows an encoding by: "Windows-1251", "ISO-8859-5", "KOI8-R"."""
    name = codecs.lookup(codec).name.replace("-", "_")
    if name in _LABELS:
        return _LABELS[name]
    if name.startswith("cp125"):
        return f"Windows-{name[2:]}"
    if name.startswith("iso8859_"):
        return f"ISO-8859-{name[8:]}"
    return name.upper()


class Decoded(NamedTuple):
    """Text, and what the reader should know about how it was read."""

    text: str
    guessed: str | None = None  # the encoding assumed, when nothing in the file said so
    nuls_removed: int = 0

    @property
    def note(self) -> str | None:
        """One line for the status bar, or None when the text was read with certainty."""
        parts = []
        if self.guessed:
            # A codec's name, but one a detector chose: shown like any outside string.
            parts.append(f"{clean_line(self.guessed)} (guessed)")
        if self.nuls_removed:
            parts.append(
                f"{self.nuls_removed} NUL byte{'s' if self.nuls_removed > 1 else ''} removed"
            )
        return ", ".join(parts) or None


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


def _boundary(data: bytes, at: int) -> int:
    """The last offset at or before ``at`` that no character straddles (``at`` if none is near).

    A byte below "0" (a newline, a space, most punctuation) is never part of a
    multi-byte character in Shift_JIS, EUC, GB18030 or Big5, so a cut after one
    splits nothing, and the detector sees only whole characters.
    """
    if at >= len(data):
        return len(data)
    end = None
    for found in _CHARACTER_END.finditer(data, max(0, at - 4096), at):
        end = found.end()
    if end is None:  # a long run of CJK text: the last line end, however far back
        end = data.rfind(b"\n", 0, at) + 1 or at
    return end


def _piece_from(data: bytes, at: int) -> bytes:
    """A sample's length of ``data`` from about offset ``at``, cut between characters."""
    return data[_boundary(data, at) : _boundary(data, at + _SAMPLE_BYTES)]


def guess_sample(data: bytes) -> bytes:
    """The opening of a long file: evidence enough, at a fraction of the time."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    opening = data[: _boundary(data, _SAMPLE_BYTES)]
    if _NON_ASCII.search(opening) is None and (odd := _NON_ASCII.search(data, len(opening))):
        # Plain ASCII says nothing about the encoding: look where the first letter is not.
        return _piece_from(data, odd.start())
    return opening


def _guess(data: bytes) -> tuple[str, str]:
    """Text and the label of the encoding charset-normalizer finds likeliest."""
    sample = guess_sample(data)
    codec = likeliest_codec(sample)
    try:
        return data.decode(codec), encoding_label(codec)
    except UnicodeDecodeError as error:
        odd = error.start
    if len(sample) < len(data):
        # The rest holds bytes the opening's encoding lacks: weigh the opening with the
        # piece where the first of them is, not the whole file (0.1 s more on 10 MB).
        failed, codec = codec, likeliest_codec(sample + _piece_from(data, odd))
        try:
            if codec != failed:
                return data.decode(codec), encoding_label(codec)
        except UnicodeDecodeError:
            pass
    # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
    return data.decode("latin-1"), encoding_label("latin_1")


def _mostly_utf8(mended: str) -> bool:
    """Whether UTF-8 read with replacements has at least two good characters per bad one."""
    damaged = mended.count("\ufffd")
    genuine = len(mended) - len(mended.encode("ascii", "ignore")) - damaged
    return genuine >= 2 * damaged


def _decode_without_bom(data: bytes, western_declared: bool) -> tuple[str, str | None]:
    """Text, and the label of its encoding if that was a guess."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # 7-bit Japanese mail and wire copy switches sets with ESC $. A story without ESC
        # is told by a one-byte search (memchr, ~0.5 ms on 10 MB; "ESC $" alone took 10).
        if b"\x1b" in data and b"\x1b$" in data:
            try:
                return data.decode("iso2022_jp"), None
            except UnicodeDecodeError:
                pass
        return text, None
    # Mostly valid UTF-8 with a few broken bytes (a truncated or spliced file):
    # reading it as anything else would garble every correct accent and quote.
    # The opening decides first, sparing a long file in another encoding a full pass.
    if _mostly_utf8(guess_sample(data).decode("utf-8", errors="replace")):
        mended = data.decode("utf-8", errors="replace")
        if _mostly_utf8(mended):
            return mended, None
    if western_declared:
        try:
            return data.decode("cp1252"), None
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _declared(data: bytes, encoding: str | None) -> str | None:
    """Text in the encoding a page declares, if that is a real ASCII-based codec."""
    name = _declared_codec(encoding)
    if name is None or name in ("cp1252", "utf-8") or b"\x00" in data:
        return None  # the chain tries both, and copes with a false declaration
    return data.decode(name, errors="replace")


def _declared_codec(encoding: str | None) -> str | None:
    if encoding is None:
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
    return name


def _without_stray_nuls(data: bytes, path: Path | str) -> tuple[bytes, int]:
    """``data`` without its NUL bytes, if they are few enough to be damage."""
    nuls = data.count(0)
    if nuls > _MAX_STRAY_NUL_RATIO * len(data):
        raise SourceError(path, "not a text file")
    return data.replace(b"\x00", b""), nuls


# The ASCII characters _JUNK does not match: an ASCII text with these deleted keeps
# exactly the ones it does.
_ASCII_NOT_JUNK = bytes(code for code in range(128) if _JUNK.match(chr(code)) is None)


def _may_hold_junk(text: str) -> bool:
    """``_JUNK.search(text)``, an ASCII text (most stories) asked in C at a few times the
    regex's speed: a copy to bytes and a table pass instead of a class test a character."""
    if text.isascii():
        return not ascii_only_of(text, _ASCII_NOT_JUNK)
    return _JUNK.search(text) is not None


def decode_noted(data: bytes, path: Path | str, declared: str | None = None) -> Decoded:
    """Decoded text with newlines normalised to ``\\n`` and any byte-order mark dropped.

    ``declared`` is an encoding named inside the file (an HTML ``<meta charset>``);
    a byte-order mark still wins over it, as in browsers.
    """
    if not data:
        raise SourceError(path, "empty file")
    text: str | None = None
    guessed: str | None = None
    nuls = 0
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(path, f"not a text file (broken {encoding.upper()})") from None
            break
    else:
        if b"\x00" in data:
            text = _utf16_without_bom(data)
            if text is None:
                data, nuls = _without_stray_nuls(data, path)
                if not data:
                    raise SourceError(path, "not a text file")
        if text is None:
            text = _declared(data, declared)
        if text is None:
            western = _declared_codec(declared) == "cp1252"
            text, guessed = _decode_without_bom(data, western)
    if _may_hold_junk(text) and len(_JUNK.findall(text)) > _MAX_JUNK_RATIO * len(text) + 1:
        raise SourceError(path, "not a text file")
    if "\r" in text:  # a one-character search, ~20x faster than the regex on a big story
        text = _NEWLINES.sub("\n", text)
    if not text or text.isspace():  # stops at the first letter; strip() copied it all
        raise SourceError(path, "empty file (only blank space)")
    if not any(char.isalnum() for char in text):
        raise SourceError(path, "no words in the file")
    return Decoded(text, guessed, nuls)


def decode(data: bytes, path: Path | str, declared: str | None = None) -> str:
    """Decoded text (see decode_noted), for callers that need no note."""
    return decode_noted(data, path, declared).text


def read_decoded(path: Path, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read and decode one file, noting a guessed encoding or damage."""
    return decode_noted(read_bytes(path, max_bytes), path)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read and decode one file; every failure is a SourceError with one clear line."""
    return read_decoded(path, max_bytes).text
