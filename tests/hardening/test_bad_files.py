"""`newsreader analyze` and `export` on a folder of broken files: one line per bad file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.export import import_records
from reader.store import AnnotationStore
from tests.hardening.bad_files import ENCODED_TEXTS, make_bad_folder
from tests.store.helpers import make_annotation


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NEWSREADER_DB": os.devnull},
    )


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_bad_folder(tmp_path_factory.mktemp("bad"))


def test_analyze_reports_each_bad_file_once_and_prints_the_good(bad_folder: Path) -> None:
    result = _run("analyze", str(bad_folder))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 2, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    printed = {Path(record["path"]).name for record in records}
    assert {"good.txt", "one-line.txt", *ENCODED_TEXTS} <= printed
    by_name = {Path(record["path"]).name: record for record in records}
    for name, (_, text) in ENCODED_TEXTS.items():
        assert text.strip().split()[-1].rstrip(".") in by_name[name]["text"], name
        assert by_name[name]["quotes"], f"{name} decoded but not analysed"
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    # A FIFO or a symlink loop inside a folder is not a story: skipped without hanging.
    for bad in ("binary.txt", "undecodable.txt", "empty.txt", "feed.rss", "nested.html"):
        assert sum(bad in line for line in errors) == 1, (bad, errors)
    assert len(errors) == len(set(errors))


def test_export_article_of_a_story_gone_bad_still_finds_its_annotations(
    bad_folder: Path, tmp_path: Path
) -> None:
    """A story file that turned unreadable is matched by its path: no annotation is lost."""
    db = tmp_path / "annotations.json"
    broken = ("binary.txt", "undecodable.txt", "empty.txt", "feed.rss")
    with AnnotationStore(db) as store:
        for name in broken:
            annotation = make_annotation(name)
            annotation.source = str(bad_folder / name)
            store.add(annotation)
    for name in broken:
        result = _run(
            "export", "--db", str(db), "--format", "json", "--article", str(bad_folder / name)
        )
        assert "Traceback" not in result.stdout + result.stderr, name
        assert result.returncode == 0, (name, result.stderr)
        exported = import_records(result.stdout)
        assert [annotation.article_id for annotation in exported] == [name]
    for name in ("pipe.txt", "a-link"):  # not story files: refused in one line
        result = _run("export", "--db", str(db), "--article", str(bad_folder / name))
        assert "Traceback" not in result.stdout + result.stderr, name
        assert result.returncode == 2, (name, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (name, result.stderr)
