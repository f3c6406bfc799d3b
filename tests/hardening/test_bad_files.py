"""`newsreader analyze` and `export` on a folder of broken files: one line per bad file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD_TEXT = (
    "Harbour Bridge closes for repairs\n\n"
    '"We cannot wait another winter," said Maria Lopez, the city engineer.\n'
)
ENCODED_TEXTS = {
    "latin1.txt": ("latin-1", '"Le pont ferm\u00e9 est s\u00fbr," said Ren\u00e9 Dubois.\n'),
    "cp1252.txt": ("cp1252", "\u201cIt\u2019s safe,\u201d said Jos\u00e9 Ruiz \u2014 mayor.\n"),
    "utf16.txt": ("utf-16", '"The dam will hold," said Anna Berg.\n'),
}


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
    folder = tmp_path_factory.mktemp("bad")
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for name, (encoding, text) in ENCODED_TEXTS.items():
        (folder / name).write_bytes(text.encode(encoding))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 40)
    (folder / "undecodable.txt").write_bytes(b"\xff\xfe\xfd" * 10 + b"\x81\x8d\x8f\x90\x9d" * 50)
    (folder / "empty.txt").write_bytes(b"")
    # One 5 MB line, as a minified export would be: a quote, then prose with no newline.
    one_line = '"Yes," said Ann Lee. ' + "The council met and the bridge stays shut. " * 120_000
    (folder / "one-line.txt").write_text(one_line, encoding="utf-8")
    (folder / "nested.html").write_text(
        "<html><body>" + "<div><p><b>" * 20_000 + "said Bob Ray" + "</i></span>" * 50,
        encoding="utf-8",
    )
    (folder / "feed.rss").write_text("this is not xml <<< &&& <rss", encoding="utf-8")
    loop_dir = folder / "loop"
    loop_dir.mkdir()
    (loop_dir / "self").symlink_to(loop_dir)
    (folder / "a-link").symlink_to(folder / "b-link")
    (folder / "b-link").symlink_to(folder / "a-link")
    os.mkfifo(folder / "pipe.txt")
    return folder


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
