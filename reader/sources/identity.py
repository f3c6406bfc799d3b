"""Names for a story that do not depend on how it was parsed."""

from __future__ import annotations

import re
from pathlib import Path

from reader.digest import blake2b
from reader.safe_text import clean_line

# Characters encoded by one call: a story is read on a thread beside the UI, and one
# call into C holds the interpreter lock until it returns (a 49 MB story's text encoded
# at once held it ~65 ms, against the keys pressed while its opening was shown).
ENCODED_AT_ONCE = 1 << 20


def article_id(text: str, location: str | None) -> str:
    """A short, stable id: the same text at the same place always gets the same one."""
    digest = blake2b(digest_size=8)
    # Each character encodes on its own (surrogates too, with surrogatepass): the pieces'
    # bytes are the whole text's.
    for at in range(0, len(text), ENCODED_AT_ONCE):
        digest.update(text[at : at + ENCODED_AT_ONCE].encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update((location or "").encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def resolved(path: Path) -> str:
    """The absolute path, symlinks followed, so two spellings of one file agree."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def title_from_path(path: Path | None) -> str:
    """A stand-in title for a story without one: ``us-talks_2021.txt`` -> "Us talks 2021"."""
    if path is None:
        return "Untitled story"
    # A file name may hold escape sequences as well as any other character.
    words = re.sub(r"[-_.]+", " ", clean_line(path.stem)).split()
    if not words:
        return "Untitled story"
    phrase = " ".join(words)
    return phrase[0].upper() + phrase[1:]
