"""The opening of a long story file: its header and first paragraphs, from its first bytes.

Reading, decoding and splitting a 10 MB story takes ~0.15 s, and the first screen shows
a few kilobytes of it. The app shows the opening while the whole file is read, then the
whole story in its place (issue #18). The opening is the story's first paragraphs as
the same loader reads them from the same bytes, cut at a paragraph break (a story whose
line lengths change far into it could be re-flowed once read whole). A file whose start
could read otherwise (an encoding guessed from the whole file, stray NUL bytes) has
none: it is shown once read whole, as before.
"""

from __future__ import annotations

import stat
from pathlib import Path

from reader.model import Article
from reader.sources.decoding import MAX_BYTES, decode_noted
from reader.sources.errors import SourceError
from reader.sources.kinds import FEED_EXTENSIONS, HTML_EXTENSIONS, MARKDOWN_EXTENSIONS

OPENING_ABOVE = 1024 * 1024
"""Files at least this big show their opening first; a smaller one is read whole at once."""
OPENING_BYTES = 64 * 1024
"""Read for the opening: several screens of text."""
_UTF8_BOM = b"\xef\xbb\xbf"


def read_opening(path: Path) -> Article | None:
    """The opening of the story file at ``path``, or None when it has none to show first:
    a small file, a feed or a page (read whole), or one whose start could read otherwise."""
    suffix = path.suffix.lower()
    if suffix in FEED_EXTENSIONS or suffix in HTML_EXTENSIONS:
        return None
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or not OPENING_ABOVE <= info.st_size <= MAX_BYTES:
            return None
        with path.open("rb") as handle:
            head = handle.read(OPENING_BYTES)
    except OSError:
        return None  # the whole file's reading will say why
    # Up to the last paragraph break: no paragraph cut short, no character cut in two.
    cut = max(head.rfind(b"\n\n"), head.rfind(b"\r\n\r\n"))
    head = head[:cut]
    try:
        if cut <= 0 or not (head.isascii() or _utf8(head.removeprefix(_UTF8_BOM))):
            return None  # a legacy encoding is guessed from the whole file, not its start
        decoded = decode_noted(head, path)
    except SourceError:
        return None
    if decoded.guessed is not None or decoded.nuls_removed:
        return None
    if suffix in MARKDOWN_EXTENSIONS:
        from reader.sources import markdown

        return markdown.parse(decoded.text, path)
    from reader.sources import plaintext

    return plaintext.parse(decoded.text, path)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
