"""Find the story files named on the command line: files as given, folders recursively."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reader.sources import feed, kinds
from reader.sources.errors import printable
from reader.sources.identity import resolved

# Folders list what the loader reads: one list, so a format it opens is never skipped here.
STORY_EXTENSIONS = kinds.STORY_EXTENSIONS
FEED_EXTENSIONS = kinds.FEED_EXTENSIONS
"""Feeds hold several stories (``load_many``); folders yield them only when asked."""

# .xml and .rdf hold many things besides feeds; inside a folder, only feeds are stories.
_SNIFFED = (".xml", ".rdf")


def _is_story(path: Path) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() not in _SNIFFED:
        return True
    try:
        with path.open("rb") as handle:
            return feed.looks_like_feed(handle.read(2048))
    except OSError:
        return True  # let loading report why it cannot be read


def _walk(folder: Path, extensions: tuple[str, ...], errors: list[str]) -> list[Path]:
    """Story files under ``folder``, following symlinks but never the same folder twice."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        name = printable(error.filename or folder)
        errors.append(f"{name}: cannot read the folder ({(error.strerror or 'error').lower()})")

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            # A symlink back up the tree (or a second link to one folder): walk it once.
            dirs[:] = []
            continue
        seen.add(key)
        # Hidden folders (.git, .cache) hold no stories a reader means to open.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(extensions):
                continue
            candidate = Path(root) / name
            if _is_story(candidate):
                found.append(candidate)
    return found


def discover(paths: Iterable[str | Path], feeds: bool = False) -> tuple[list[Path], list[str]]:
    """Story files for ``paths`` and one-line messages for paths that gave none.

    Each argument's files come in sorted order, arguments in the order given;
    a file reached twice (two arguments, or a symlink) is listed once. With
    ``feeds=True`` folders also yield feed files, which need ``load_many``.
    """
    extensions = STORY_EXTENSIONS + FEED_EXTENSIONS if feeds else STORY_EXTENSIONS
    files: list[Path] = []
    errors: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        shown = printable(raw)
        if path.is_dir():
            found = _walk(path, extensions, errors)
            if not found:
                looked_for = ", ".join(extensions)
                errors.append(f"{shown}: no stories in this folder (looked for {looked_for})")
        elif path.is_file():
            found = [path]
        elif path.exists() or path.is_symlink():
            reason = "a broken link" if path.is_symlink() else "not a regular file"
            errors.append(f"{shown}: {reason}")
            continue
        else:
            errors.append(f"{shown}: no such file or folder")
            continue
        for file in found:
            key = resolved(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, errors
