"""Exports saved from the app land in new dated files and never overwrite anything."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reader.export import ExportError, export_to_folder
from reader.export.files import fresh_path, save_new_file
from tests.test_export import ANNOTATIONS, ARTICLES


def test_fresh_path_is_dated_and_skips_taken_names(tmp_path: Path) -> None:
    day = date(2026, 11, 28)
    first = fresh_path(tmp_path, "notes", ".md", today=day)
    assert first == tmp_path / "notes-2026-11-28.md"
    first.write_text("taken")
    assert fresh_path(tmp_path, "notes", ".md", today=day) == tmp_path / "notes-2026-11-28-2.md"


def test_saving_twice_keeps_both_files(tmp_path: Path) -> None:
    one = save_new_file("first", tmp_path, "copy", ".txt")
    two = save_new_file("second", tmp_path, "copy", ".txt")
    assert one != two
    assert one.read_text(encoding="utf-8") == "first"
    assert two.read_text(encoding="utf-8") == "second"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([one.name, two.name])


def test_export_to_folder_writes_the_format_with_its_suffix(tmp_path: Path) -> None:
    path = export_to_folder(ANNOTATIONS, ARTICLES, "w3c", tmp_path)
    assert path.parent == tmp_path and path.suffix == ".jsonld"
    assert path.name.startswith("newsreader-annotations-")
    assert len(json.loads(path.read_text(encoding="utf-8"))) == len(ANNOTATIONS)


def test_export_to_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"^cannot write to .*missing: No such file"):
        export_to_folder(ANNOTATIONS, ARTICLES, "markdown", tmp_path / "missing")
