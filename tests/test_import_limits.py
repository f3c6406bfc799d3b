"""`newsreader import` of hostile files: each bad record is one line, the rest still goes in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.commands import import_cmd
from reader.store import AnnotationStore, annotation_to_record
from tests.store.helpers import make_annotation
from tests.test_export_commands import run

DEEP = "[" * 100_000 + "]" * 100_000


def backup_text(*records: str) -> str:
    head = '{"format": "newsreader-annotations", "version": 1, "annotations": ['
    return head + ", ".join(records) + "]}"


def record(annotation_id: str) -> str:
    return json.dumps(annotation_to_record(make_annotation(annotation_id=annotation_id)))


def stored_ids(db: Path) -> list[str]:
    with AnnotationStore(db, read_only=True) as store:
        return sorted(annotation.id for annotation in store.all())


def huge_number_record() -> str:
    return record("big").replace('"start": 56', '"start": ' + "9" * 5_000)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (DEEP, "annotation 2: nested too deeply to be an annotation"),
        (huge_number_record(), "annotation 2: a number with 5,000 digits (at most 30)"),
        ('{"id": "x", "selector": ' + DEEP + "}", "annotation 2: nested too deeply"),
        (record("bad").replace('"end": 103', '"end": 3'), "'end' (3) is before 'start' (56)"),
    ],
    ids=["deep-record", "5000-digits", "deep-field", "end-before-start"],
)
def test_a_bad_record_is_one_line_and_the_others_are_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str, message: str
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(backup_text(record("a"), bad, record("c")), encoding="utf-8")
    db = tmp_path / "db.json"
    assert run("import", str(backup), db=db) == 2
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"newsreader: {backup}: annotation 2") and message in line
    assert "Imported 2 annotations" in captured.out and "1 record unreadable" in captured.out
    assert stored_ids(db) == ["a", "c"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (DEEP, "annotation 1: nested too deeply"),
        ("9" * 5_000, "not a newsreader backup: expected a JSON object or list"),
        ('{"format": "newsreader-annotations", "version": ' + "1" * 5000 + "}", "version: a n"),
        ('{"format": ' + DEEP + ', "annotations": []}', "format: nested too deeply"),
    ],
    ids=["deep-list", "5000-digit-document", "5000-digit-version", "deep-format"],
)
def test_a_monstrous_document_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(content, encoding="utf-8")
    assert run("import", str(backup), db=tmp_path / "db.json") == 2
    [line] = capsys.readouterr().err.splitlines()
    assert message in line


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as sparse:
        sparse.truncate(import_cmd.MAX_BACKUP_BYTES + 1)
    assert run("import", str(huge), db=tmp_path / "db.json") == 2
    assert capsys.readouterr().err == (
        f"newsreader: {huge} is too large for a backup (over 200 MB)\n"
    )


def test_dev_zero_is_read_only_up_to_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_cmd, "MAX_BACKUP_BYTES", 3 * 1024 * 1024)
    assert run("import", "/dev/zero", db=tmp_path / "db.json") == 2
    err = capsys.readouterr().err
    assert err == "newsreader: /dev/zero is too large for a backup (over 3 MB)\n"


def test_a_fifo_nobody_writes_to_is_given_up_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "backup.fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(import_cmd, "IDLE_SECONDS", 0.3)
    assert run("import", str(fifo), db=tmp_path / "db.json") == 2
    err = capsys.readouterr().err
    assert err == f"newsreader: {fifo}: nothing arrived for 0.3 s, so gave up waiting\n"


def test_a_fifo_with_a_writer_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsreader import <(ssh host cat backup.json)` reads a pipe: it still works."""
    fifo = tmp_path / "backup.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write(backup_text(record("a"), record("b")))

    writer = threading.Thread(target=write)
    writer.start()
    assert run("import", str(fifo), db=tmp_path / "db.json") == 0
    writer.join()
    assert "Imported 2 annotations" in capsys.readouterr().out
    assert stored_ids(tmp_path / "db.json") == ["a", "b"]


def _newsreader_import(
    source: str, tmp_path: Path, stdin: bytes = b""
) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "reader.cli",
        "import",
        "--db",
        str(tmp_path / "db.json"),
        source,
    ]
    return subprocess.run(command, input=stdin, capture_output=True, timeout=60)


def test_the_command_refuses_dev_zero_in_one_line(tmp_path: Path) -> None:
    result = _newsreader_import("/dev/zero", tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.decode() == "newsreader: /dev/zero is too large for a backup (over 200 MB)\n"
    )


def test_the_command_reads_a_deep_backup_from_standard_input(tmp_path: Path) -> None:
    result = _newsreader_import("-", tmp_path, backup_text(record("a"), DEEP).encode())
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "newsreader: -: annotation 2: nested too deeply to be an annotation"
    ]
    assert stored_ids(tmp_path / "db.json") == ["a"]
