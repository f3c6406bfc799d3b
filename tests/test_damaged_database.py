"""A damaged database: `import` and `export` say where it is or where it went, in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.store import AnnotationStore, annotation_to_record
from tests.store.helpers import make_annotation
from tests.test_export_commands import run

DAMAGED = '{"annotations": {"1": {"id": '


def test_import_moves_a_damaged_database_aside_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "annotations.json"
    db.write_text(DAMAGED, encoding="utf-8")
    backup = tmp_path / "backup.json"
    record = annotation_to_record(make_annotation(annotation_id="a1"))
    backup.write_text(json.dumps([record]), encoding="utf-8")
    assert run("import", str(backup), db=db) == 0
    captured = capsys.readouterr()
    [kept] = [path for path in tmp_path.iterdir() if ".corrupt-" in path.name]
    assert kept.read_text(encoding="utf-8") == DAMAGED  # nothing lost
    [line] = captured.err.splitlines()
    assert line.startswith("newsreader: The annotation database was damaged")
    assert f"kept as {kept}" in line
    assert "Imported 1 annotation" in captured.out
    with AnnotationStore(db, read_only=True) as store:
        assert [a.id for a in store.all()] == ["a1"]


def test_export_names_a_damaged_database_it_leaves_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "annotations.json"
    db.write_text(DAMAGED, encoding="utf-8")
    assert run("export", "--format", "json", db=db) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["annotations"] == []
    damaged, empty = captured.err.splitlines()
    assert damaged.startswith(f"newsreader: The annotation database {db} is damaged")
    assert "left where it is" in damaged
    assert empty == "newsreader: no annotations to export"
    assert db.read_text(encoding="utf-8") == DAMAGED  # export only reads
