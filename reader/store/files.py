"""File-level helpers shared by the journal and the snapshot: names, durable writes.

The database ``annotations.json`` is a plain TinyDB file written only by an atomic
replace; the changes made since then sit in append-only journals beside it
(``annotations.json.journal-N``).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.store.errors import StoreError
from reader.store.records import SCHEMA_VERSION

Doc = dict[str, Any]


def encode_json(value: Any) -> str:
    """Compact JSON text that encodes as UTF-8; it never contains a raw newline."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (text decoded with errors="surrogateescape", say) has no
            # UTF-8 form; JSON's \u escapes keep it exactly instead.
            text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text


def journal_path(db: Path, seq: int) -> Path:
    return db.with_name(f"{db.name}.journal-{seq}")


def list_journals(db: Path) -> list[tuple[int, Path]]:
    """Journals beside ``db``, oldest first."""
    prefix = f"{db.name}.journal-"
    found = []
    try:
        entries = list(os.scandir(db.parent))
    except FileNotFoundError:
        return []
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name[len(prefix) :].isdigit():
            found.append((int(entry.name[len(prefix) :]), Path(entry.path)))
    return sorted(found)


def leftover_temp_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{path.name}.tmp-*"))


def newer_schema_error(path: Path, schema: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer newsreader (database version {schema}, this one "
        f"understands up to {SCHEMA_VERSION}); upgrade newsreader or use another --db file"
    )


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is out (tests replace this to simulate a full disk)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` survive a power cut."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_atomically(path: Path, chunks: Iterable[bytes]) -> int:
    """Write ``chunks`` to ``path`` so that a crash leaves the old file or the new one.

    Returns the number of bytes written.
    """
    temp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    size = 0
    try:
        try:
            for chunk in chunks:
                write_all(fd, chunk)
                size += len(chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)
    return size
