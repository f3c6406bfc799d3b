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


def _edited(db: Path, edit) -> None:
    lines = db.read_text(encoding="utf-8").split("\n")
    db.write_text("\n".join(edit(lines)), encoding="utf-8")


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda lines: [*lines[:3], "", *lines[3:]], id="blank line"),
        pytest.param(lambda lines: [*lines[:3], "  " + lines[3], *lines[4:]], id="indented"),
        pytest.param(lambda lines: [lines[0] + lines[1], *lines[2:]], id="joined header"),
        pytest.param(
            lambda lines: [*lines[:3], lines[3] + lines[4], *lines[5:]], id="two on a line"
        ),
        pytest.param(
            lambda lines: [*lines[:2], lines[2].replace('"', '"+', 1), *lines[3:]],
            id="signed id",
        ),
    ],
)
def test_a_hand_edited_layout_opens_as_the_json_it_is(tmp_path: Path, edit) -> None:
    """Lines that are not one document each are read as plain JSON, with nothing lost;
    a file that is no longer JSON is moved aside as damaged, never half read."""
    db = tmp_path / "annotations.json"
    saved = [make_annotation(f"story-{n % 3}") for n in range(6)]
    with AnnotationStore(db) as store:
        store.add_many(saved)
    _edited(db, edit)
    try:
        valid = json.loads(db.read_text(encoding="utf-8"))
    except ValueError:
        valid = None
    with AnnotationStore(db, read_only=True) as store:
        if valid is not None and all(key.isdecimal() for key in valid["annotations"]):
            assert sorted(a.id for a in store.all()) == sorted(a.id for a in saved)
        else:
            assert len(store.all()) < len(saved)
            assert store.notice is not None and "damaged" in store.notice


def test_a_record_copied_under_a_second_key_is_shown_once_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    saved = [make_annotation(f"story-{n % 3}", tags=["claim"]) for n in range(5)]
    with AnnotationStore(db) as store:
        store.add_many(saved)
    lines = db.read_text(encoding="utf-8").split("\n")
    copy = lines[2].replace('"1":', '"99":', 1)  # a hand-made copy of the first record
    db.write_text("\n".join([*lines[:6], copy, *lines[6:]]), encoding="utf-8")
    with AnnotationStore(db, read_only=True) as store:
        assert sorted(a.id for a in store.all()) == sorted(a.id for a in saved)
        assert store.tags() == ["claim"] and store.counts_by_article() == {
            "story-0": 2,
            "story-1": 2,
            "story-2": 1,
        }
        assert store.notice is not None and "1 annotation record(s)" in store.notice
