"""`newsreader analyze` and `export` on a folder of broken files: one line per bad file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.bad_files import ENCODED_TEXTS, make_bad_folder


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


def test_export_article_survives_bad_files(bad_folder: Path, tmp_path: Path) -> None:
    for name in ("binary.txt", "empty.txt", "feed.rss", "pipe.txt", "a-link"):
        result = _run("export", "--article", str(bad_folder / name))
        assert "Traceback" not in result.stdout + result.stderr, name
        assert result.returncode in (0, 2), (name, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (name, result.stderr)
