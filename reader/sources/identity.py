"""Names for a story that do not depend on how it was parsed."""

from __future__ import annotations

import re
from pathlib import Path

from reader.digest import blake2b
from reader.safe_text import clean_line


def article_id(text: str, location: str | None) -> str:
    """A short, stable id: the same text at the same place always gets the same one."""
    digest = blake2b(digest_size=8)
    digest.update(text.encode("utf-8", "surrogatepass"))
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
