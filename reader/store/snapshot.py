"""The JSON snapshot: plain TinyDB JSON, laid out one document per line.

TinyDB reads it as it reads its own files. The layout lets us read it one
document at a time (other threads keep running between documents, so the UI
never stalls on a large file) and keep each document's bytes, so compaction
writes unchanged documents without encoding them again:

    {"annotations":{
    "1":{...},
    "2":{...}
    },
    "meta":{
    "1":{"schema":1,"journal":7}
    }
    }

A file in any other layout (written by TinyDB itself, or by hand) is read whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store.files import Doc, encode_json, newer_schema_error
from reader.store.records import SCHEMA_VERSION

META_TABLE = "meta"
_META_ID = 1
_CHUNK_CHARS = 1 << 20
_PARSE_BATCH = 500

# Each document as its JSON text, ready to be written out again.
Encoded = dict[str, dict[int, str]]
# The C scanner behind json.loads, called directly: a snapshot holds 100,000s of documents.
# (an attribute JSONDecoder sets in __init__, which the type stubs do not declare)
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


class CorruptSnapshot(Exception):
    """The snapshot file is not a TinyDB JSON database; the message says what is wrong.

    ``inode`` is the damaged file's, so a reader can tell it was not replaced meanwhile.
    """

    inode: int | None = None


class _NotOurLayout(Exception):
    pass


# Turns a document into what the caller keeps of it while opening (an index entry,
# say), so the parsed documents need not all be held in memory at once.
Digest = Callable[[str, Doc], Any]


# Optional faster form of a Digest: the digests of a whole batch of documents, given as
# one JSON array's text, or None to have each document parsed and digested on its own.
BatchDigest = Callable[[str, str, int], list[Any] | None]


def keep_whole(table: str, doc: Doc) -> Doc:
    return doc


@dataclass(slots=True)
class Snapshot:
    encoded: Encoded = field(default_factory=dict)
    digests: dict[str, dict[int, Any]] = field(default_factory=dict)
    folded: int = 0  # journals numbered up to this one are already inside the snapshot
    size: int = 0
    inode: int | None = None


def read_snapshot(
    path: Path, digest: Digest = keep_whole, batch_digest: BatchDigest | None = None
) -> Snapshot:
    """The tables in ``path`` (empty if it does not exist), each document digested.

    Raises CorruptSnapshot when the file is not a TinyDB database and StoreError
    when it was written by a newer schema.
    """
    try:
        with open(path, "rb") as handle:
            inode = os.fstat(handle.fileno()).st_ino
            data = handle.read()
    except FileNotFoundError:
        return Snapshot()
    snapshot = Snapshot(size=len(data), inode=inode)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        damaged = CorruptSnapshot(f"it is not UTF-8 text ({error})")
        damaged.inode = inode
        raise damaged from None
    del data  # a large file is held once, not twice
    try:
        return _parse(path, text, snapshot, digest, batch_digest)
    except CorruptSnapshot as error:
        error.inode = inode
        raise


def _parse(
    path: Path, text: str, snapshot: Snapshot, digest: Digest, batch_digest: BatchDigest | None
) -> Snapshot:
    if not text or text.isspace():
        return snapshot  # TinyDB itself treats an empty file as an empty database
    meta_digest: dict[int, Any] = {}

    def digest_or_keep_meta(table: str, doc: Doc) -> Any:
        return doc if table == META_TABLE else digest(table, doc)

    try:
        _read_lines(text, snapshot, digest_or_keep_meta, batch_digest)
    except _NotOurLayout:
        snapshot.encoded, snapshot.digests = {}, {}
        _read_whole(text, snapshot, digest_or_keep_meta)
    meta_digest = snapshot.digests.pop(META_TABLE, {})
    snapshot.encoded.pop(META_TABLE, None)
    schema, snapshot.folded = _read_meta(meta_digest.get(_META_ID, {}))
    if schema > SCHEMA_VERSION:
        raise newer_schema_error(path, schema)
    return snapshot


def _read_lines(
    text: str, snapshot: Snapshot, digest: Digest, batch_digest: BatchDigest | None = None
) -> None:
    if not text.startswith("{\n") or not text.endswith("\n}\n"):
        raise _NotOurLayout
    position, stop = 2, len(text) - 2
    while position < stop:
        line_end = text.find("\n", position)
        header = text[position:line_end]
        if not header.endswith('":{'):
            raise _NotOurLayout
        table = _value(header[:-2])
        if not isinstance(table, str):
            raise _NotOurLayout
        keys, raws, position = _documents(text, line_end + 1, stop)
        line_end = text.find("\n", position)
        if text[position:line_end] not in ("}", "},"):
            raise _NotOurLayout
        fast = None if table == META_TABLE else batch_digest
        _parse_table(snapshot, table, keys, raws, digest, fast)
        position = line_end + 1


def _documents(text: str, position: int, stop: int) -> tuple[list[int], list[str], int]:
    """The ids and JSON texts of a table's lines ``"ID":{...},`` from ``position`` to the
    line that starts with "}" (a document's line cannot: it opens with its quoted id),
    and where that line starts. This loop runs once per document on every open, so it
    slices each document out of ``text`` once and nothing else."""
    keys: list[int] = []
    raws: list[str] = []
    find, add_key, add_raw = text.find, keys.append, raws.append
    while position < stop and text[position] != "}":
        line_end = find("\n", position, stop)
        key_end = find('":', position, line_end)
        if line_end < 0 or key_end < 0 or text[position] != '"':
            raise _NotOurLayout
        key = text[position + 1 : key_end]
        if not key.isdecimal():
            raise _NotOurLayout
        add_key(int(key))
        add_raw(text[key_end + 2 : line_end - 1 if text[line_end - 1] == "," else line_end])
        position = line_end + 1
    if position >= stop:
        raise _NotOurLayout
    return keys, raws, position


def _parse_table(
    snapshot: Snapshot,
    table: str,
    keys: list[int],
    raws: list[str],
    digest: Digest,
    batch_digest: BatchDigest | None = None,
) -> None:
    # Parsed a batch at a time: nearly as fast as one json.loads of the whole file,
    # yet other threads (the UI) get to run between batches, and only one batch of
    # parsed documents is alive at a time.
    digests: list[Any] = []
    for first in range(0, len(raws), _PARSE_BATCH):
        batch = raws[first : first + _PARSE_BATCH]
        array = "[" + ",".join(batch) + "]"
        if batch_digest is not None:
            fast = batch_digest(table, array, len(batch))
            if fast is not None:
                digests.extend(fast)
                continue
        docs = _value(array)
        if len(docs) != len(batch) or not all(isinstance(doc, dict) for doc in docs):
            raise _NotOurLayout  # a line held more or less than one document
        digests.extend(digest(table, doc) for doc in docs)
    snapshot.encoded[table] = dict(zip(keys, raws, strict=True))
    snapshot.digests[table] = dict(zip(keys, digests, strict=True))


def _value(raw: str) -> Any:
    """The one JSON value that is all of ``raw``."""
    try:
        value, end = _scan(raw, 0)
    except (StopIteration, ValueError):
        raise _NotOurLayout from None
    if end != len(raw):
        raise _NotOurLayout
    return value


def _read_whole(text: str, snapshot: Snapshot, digest: Digest) -> None:
    try:
        raw = json.loads(text)
    except ValueError as error:
        raise CorruptSnapshot(f"it is not valid JSON ({error})") from None
    if not isinstance(raw, dict):
        raise CorruptSnapshot("it does not hold a JSON object of tables")
    for name, documents in raw.items():
        if not isinstance(documents, dict):
            raise CorruptSnapshot(f"table {name!r} is not a JSON object")
        encoded: dict[int, str] = {}
        digests: dict[int, Any] = {}
        for key, doc in documents.items():
            if not key.isdigit() or not isinstance(doc, dict):
                raise CorruptSnapshot(f"table {name!r} has an entry that is not a document")
            encoded[int(key)] = encode_json(doc)
            digests[int(key)] = digest(name, doc)
        snapshot.encoded[name] = encoded
        snapshot.digests[name] = digests


def _read_meta(entry: Any) -> tuple[int, int]:
    if not isinstance(entry, dict):
        raise CorruptSnapshot("its meta entry is not a document")
    schema = entry.get("schema", SCHEMA_VERSION)
    folded = entry.get("journal", 0)
    if not isinstance(schema, int) or not isinstance(folded, int):
        raise CorruptSnapshot("its meta entry does not hold version numbers")
    return schema, folded


def snapshot_chunks(tables: Encoded, folded: int) -> Iterator[bytes]:
    """The snapshot file's bytes in pieces of about a megabyte."""
    meta = {_META_ID: encode_json({"schema": SCHEMA_VERSION, "journal": folded})}
    pending: list[str] = ["{\n"]
    size = 2
    named = [(name, docs) for name, docs in tables.items() if name != META_TABLE]
    for number, (name, documents) in enumerate([*named, (META_TABLE, meta)]):
        pending.append(encode_json(name) + ":{\n")
        last = len(documents) - 1
        for index, (doc_id, raw) in enumerate(documents.items()):
            line = f'"{doc_id}":{raw}{"," if index < last else ""}\n'
            pending.append(line)
            size += len(line)
            if size >= _CHUNK_CHARS:
                yield "".join(pending).encode("utf-8")
                pending, size = [], 0
        pending.append("},\n" if number < len(named) else "}\n")
    pending.append("}\n")
    yield "".join(pending).encode("utf-8")
