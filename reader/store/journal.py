"""Journal lines: one transaction per line, each with a CRC so a torn line is recognised.

A line is ``<crc32 as 8 hex digits> <json>\\n`` where the JSON is ``{"ops": [[table,
doc_id, doc or null], ...]}``; the first line of each journal is a header naming
the schema version. A line cut short by a crash (no newline, or a CRC mismatch on
the last line) was never acknowledged and is ignored.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store.files import Doc, encode_json, newer_schema_error
from reader.store.records import SCHEMA_VERSION

# One change as stored: (table, doc_id, encoded document or None to delete it).
EncodedOp = tuple[str, int, str | None]
# One change as read back: the document parsed.
Op = tuple[str, int, Doc | None]


def _framed(body: bytes) -> bytes:
    return b"%08x %s\n" % (zlib.crc32(body), body)


def encode_line(payload: dict[str, Any]) -> bytes:
    return _framed(encode_json(payload).encode("utf-8"))


def header_line() -> bytes:
    return encode_line({"schema": SCHEMA_VERSION})


def encode_ops(ops: list[EncodedOp]) -> bytes:
    """The line for one transaction, reusing each document's encoding."""
    items = [
        f"[{encode_json(table)},{doc_id},{'null' if doc is None else doc}]"
        for table, doc_id, doc in ops
    ]
    return _framed(('{"ops":[' + ",".join(items) + "]}").encode("utf-8"))


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
        if not isinstance(table, str) or not isinstance(doc_id, int) or isinstance(doc_id, bool):
            return None
        if doc is not None and not isinstance(doc, dict):
            return None
        ops.append((table, doc_id, doc))
    return ops


@dataclass(slots=True)
class JournalContents:
    transactions: list[list[Op]] = field(default_factory=list)
    size: int = 0
    damaged: int = 0  # unreadable lines before the end: the file was damaged


def read_journal(path: Path) -> JournalContents:
    """Every complete transaction in ``path``; raises StoreError for a newer schema."""
    data = path.read_bytes()
    contents = JournalContents(size=len(data))
    lines = data.split(b"\n")
    # Bytes after the last newline were never completed, so never acknowledged.
    lines.pop()
    for number, line in enumerate(lines):
        payload = _decode_line(line)
        if payload is None:
            # A power cut can leave zero-filled blocks at the end: a torn tail, not damage.
            if number != len(lines) - 1 or line.strip(b"\0"):
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
