"""Opening through msgspec's typed decoding finds exactly what the json path finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reader.store.store as store_module
from reader.store import AnnotationStore
from tests.store.helpers import make_annotation


def _saved_with_two_broken_records(db: Path) -> None:
    with AnnotationStore(db) as store:
        store.add_many(
            [make_annotation(f"story-{n % 7}", tags=["claim", f"t{n % 3}"]) for n in range(1_200)]
        )
    lines = db.read_text(encoding="utf-8").split("\n")
    # In the middle of a batch of 500: the rest of that batch must still be read.
    for at, damage in ((3 + 250, ("tags", "not a list")), (3 + 700, ("selector", "text"))):
        key, raw = lines[at].split(":", 1)
        comma = raw.endswith(",")
        record = json.loads(raw.rstrip(","))
        record[damage[0]] = damage[1]
        lines[at] = f"{key}:{json.dumps(record)}{',' if comma else ''}"
    db.write_text("\n".join(lines), encoding="utf-8")


def _view(store: AnnotationStore) -> tuple[object, ...]:
    return (
        sorted(a.id for a in store.all()),
        store.tags(),
        store.counts_by_article(),
        sorted(a.id for a in store.all() if "t1" in a.tags),
        store.notice,
    )


@pytest.mark.parametrize("fast", [True, False])
def test_broken_records_in_a_batch_are_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch, fast: bool
) -> None:
    db = tmp_path / "annotations.json"
    _saved_with_two_broken_records(db)
    if not fast:
        monkeypatch.setattr(store_module, "annotation_rows", lambda array, count: None)
    with AnnotationStore(db, read_only=True) as store:
        assert len(store.all()) == 1_198
        assert store.notice is not None and "2 annotation record(s)" in store.notice


def test_fast_and_json_paths_open_the_same_database(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "annotations.json"
    _saved_with_two_broken_records(db)
    with AnnotationStore(db, read_only=True) as store:
        fast = _view(store)
    monkeypatch.setattr(store_module, "annotation_rows", lambda array, count: None)
    with AnnotationStore(db, read_only=True) as store:
        assert _view(store) == fast
