"""On-disk pieces of the database: the JSON snapshot, journal lines, durable writes.

The database ``annotations.json`` is a plain TinyDB file (``{table: {doc_id: doc}}``)
written only by an atomic replace. Every change since that snapshot sits in an
append-only journal beside it (``annotations.json.journal-N``), one line per
transaction, each line carrying its own CRC so a line cut short by a crash is
recognised and ignored: it was never acknowledged.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store.errors import StoreError
from reader.store.records import SCHEMA_VERSION

Doc = dict[str, Any]
Tables = dict[str, dict[int, Doc]]
# One change: (table, doc_id, new document or None to delete it).
Op = tuple[str, int, Doc | None]

META_TABLE = "meta"
_META_ID = "1"


class CorruptSnapshot(Exception):
    """The snapshot file is not a TinyDB JSON database; the message says what is wrong."""


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


# -- journal lines ---------------------------------------------------------------


def encode_line(payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(body), body)


def encode_ops(ops: list[Op]) -> bytes:
    return encode_line({"ops": [[table, doc_id, doc] for table, doc_id, doc in ops]})


def header_line() -> bytes:
    return encode_line({"schema": SCHEMA_VERSION})


def _decode_line(line: bytes) -> dict[str, Any] | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        payload = json.loads(body)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def _decode_ops(payload: dict[str, Any]) -> list[Op] | None:
    raw = payload.get("ops")
    if not isinstance(raw, list):
        return None
    ops: list[Op] = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 3):
            return None
        table, doc_id, doc = item
        if not isinstance(table, str) or not isinstance(doc_id, int):
            return None
        if doc is not None and not isinstance(doc, dict):
            return None
        ops.append((table, doc_id, doc))
    return ops


@dataclass(slots=True)
class JournalContents:
    transactions: list[list[Op]] = field(default_factory=list)
    size: int = 0
    torn_tail: bool = False  # the last line was cut short: a crash mid-append
    damaged: int = 0  # unreadable lines before the end: the file was damaged


def read_journal(path: Path) -> JournalContents:
    """Every complete transaction in ``path``; raises StoreError for a newer schema."""
    data = path.read_bytes()
    contents = JournalContents(size=len(data))
    lines = data.split(b"\n")
    # Text after the last newline was never completed, so never acknowledged.
    if lines[-1]:
        contents.torn_tail = True
    lines.pop()
    for number, line in enumerate(lines):
        payload = _decode_line(line)
        if payload is None:
            if line.strip(b"\0") == b"" and number == len(lines) - 1:
                contents.torn_tail = True  # a crash can leave zero-filled blocks
            else:
                contents.damaged += 1
            continue
        schema = payload.get("schema")
        if isinstance(schema, int) and schema > SCHEMA_VERSION:
            raise newer_schema_error(path, schema)
        ops = _decode_ops(payload)
        if ops is not None:
            contents.transactions.append(ops)
        elif schema is None:
            contents.damaged += 1
    return contents


def newer_schema_error(path: Path, schema: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer newsreader (database version {schema}, this one "
        f"understands up to {SCHEMA_VERSION}); upgrade newsreader or use another --db file"
    )


# -- the snapshot -----------------------------------------------------------------


@dataclass(slots=True)
class Snapshot:
    tables: Tables
    folded: int  # journals numbered up to this one are already inside the snapshot
    size: int
    inode: int | None


def read_snapshot(path: Path) -> Snapshot:
    """The tables in ``path`` (empty if it does not exist).

    Raises CorruptSnapshot when the file is not a TinyDB database and StoreError
    when it was written by a newer schema.
    """
    try:
        with open(path, "rb") as handle:
            inode = os.fstat(handle.fileno()).st_ino
            data = handle.read()
    except FileNotFoundError:
        return Snapshot({}, 0, 0, None)
    if not data.strip():
        return Snapshot({}, 0, len(data), inode)  # TinyDB itself treats an empty file so
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise CorruptSnapshot(f"it is not valid JSON ({error})") from None
    if not isinstance(raw, dict):
        raise CorruptSnapshot("it does not hold a JSON object of tables")
    schema, folded = _read_meta(raw.pop(META_TABLE, {}))
    if schema > SCHEMA_VERSION:
        raise newer_schema_error(path, schema)
    tables: Tables = {}
    for name, documents in raw.items():
        if not isinstance(documents, dict):
            raise CorruptSnapshot(f"table {name!r} is not a JSON object")
        table: dict[int, Doc] = {}
        for key, doc in documents.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise CorruptSnapshot(f"table {name!r} has an entry that is not a document")
            table[int(key)] = doc
        tables[name] = table
    return Snapshot(tables, folded, len(data), inode)


def _read_meta(meta: Any) -> tuple[int, int]:
    if not isinstance(meta, dict):
        raise CorruptSnapshot("its meta table is not a JSON object")
    entry = meta.get(_META_ID, {})
    if not isinstance(entry, dict):
        raise CorruptSnapshot("its meta entry is not a document")
    schema = entry.get("schema", SCHEMA_VERSION)
    folded = entry.get("journal", 0)
    if not isinstance(schema, int) or not isinstance(folded, int):
        raise CorruptSnapshot("its meta entry does not hold version numbers")
    return schema, folded


def encode_snapshot(tables: Tables, folded: int) -> bytes:
    """Plain TinyDB JSON, with our schema version and journal number in the meta table."""
    data: dict[str, dict[str, Doc]] = {
        name: {str(doc_id): doc for doc_id, doc in documents.items()}
        for name, documents in tables.items()
    }
    data[META_TABLE] = {_META_ID: {"schema": SCHEMA_VERSION, "journal": folded}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def replace_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one."""
    temp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def leftover_temp_files(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{path.name}.tmp-*"))
