"""`newsreader export` and `newsreader import` on a real database and real story files."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from reader.commands import export_cmd, import_cmd
from reader.model import Annotation
from reader.sources import load
from reader.store import AnnotationStore, make_selector

STORY = """Kremlin Signals Patience on Arms Talks

By Jane Doe

2024-03-01

Сергей Рябков said the talks were "a big question" for Moscow.
Officials in Geneva called the meeting "useful, if slow."
"""


def run(command: str, *argv: str, db: Path) -> int:
    parser = argparse.ArgumentParser(prog="newsreader")
    subparsers = parser.add_subparsers(dest="command", required=True)
    module = export_cmd if command == "export" else import_cmd
    module.add_parser(subparsers)
    args = parser.parse_args([command, *argv])
    args.db = db
    return module.run(args)


def annotate(story_path: Path, exact: str, id: str, **fields: object) -> Annotation:
    article = load(story_path)
    start = article.text.index(exact)
    values: dict[str, object] = {
        "id": id,
        "article_id": article.id,
        "source": article.path,
        "title": article.title,
        "created": "2026-11-28T10:00:00Z",
        "updated": "2026-11-28T10:00:00Z",
        "selector": make_selector(article.text, start, start + len(exact)),
    }
    values.update(fields)
    return Annotation(**values)  # type: ignore[arg-type]


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, Path, list[Annotation]]:
    story = tmp_path / "kremlin.txt"
    story.write_text(STORY, encoding="utf-8")
    annotations = [
        annotate(story, '"a big question"', "q1", tags=["Doubt"], speaker="Сергей Рябков"),
        annotate(story, '"useful, if slow."', "q2", tags=["geneva"], note="Who said it?"),
        annotate(story, "Officials in Geneva", "q3", orphan=True),
    ]
    db = tmp_path / "annotations.json"
    with AnnotationStore(db) as store:
        store.add_many(annotations)
    return db, story, annotations


def test_markdown_export_cites_the_story_from_its_file(
    library: tuple[Path, Path, list[Annotation]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _story, _annotations = library
    assert run("export", db=db) == 0
    out = capsys.readouterr().out
    assert "## Kremlin Signals Patience on Arms Talks" in out
    assert "Jane Doe · 1 March 2024" in out
    assert "> a big question\n\n— Сергей Рябков\n\n#Doubt" in out
    assert "*Orphaned:" in out


def test_tag_filter_ignores_case_and_hints_when_nothing_matches(
    library: tuple[Path, Path, list[Annotation]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _story, _annotations = library
    assert run("export", "--format", "json", "--tag", "doubt", db=db) == 0
    records = json.loads(capsys.readouterr().out)["annotations"]
    assert [record["id"] for record in records] == ["q1"]
    assert run("export", "--tag", "dobut", db=db) == 0
    assert "no annotations match; tags in use: Doubt, geneva" in capsys.readouterr().err


def test_article_filter_picks_one_story(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, story, _annotations = library
    other = tmp_path / "other.txt"
    other.write_text("Another story\n\nNothing quoted here.\n", encoding="utf-8")
    with AnnotationStore(db) as store:
        store.add(annotate(other, "Nothing quoted", "o1"))
    assert run("export", "--format", "json", "--article", str(story), db=db) == 0
    ids = [record["id"] for record in json.loads(capsys.readouterr().out)["annotations"]]
    assert sorted(ids) == ["q1", "q2", "q3"]
    with AnnotationStore(db) as store:
        web = annotate(other, "Nothing quoted", "w1", source="https://example.org/a?b=1")
        store.add(web)
    assert run("export", "-f", "json", "--article", "https://example.org/a?b=1", db=db) == 0
    ids = [record["id"] for record in json.loads(capsys.readouterr().out)["annotations"]]
    assert ids == ["w1"]
    assert run("export", "--article", str(tmp_path / "missing.txt"), db=db) == 2
    assert capsys.readouterr().err.strip() == (
        f"newsreader: no such story file: {tmp_path / 'missing.txt'}"
    )


def test_output_file_format_follows_its_suffix(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, _annotations = library
    target = tmp_path / "highlights.csv"
    assert run("export", "--output", str(target), db=db) == 0
    assert "Exported 3 annotations from 1 story, 1 orphaned, as csv" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["Highlight"] for row in rows] == [
        "a big question",
        "useful, if slow.",
        "Officials in Geneva",
    ]
    assert {row["Author"] for row in rows} == {"Jane Doe"}


def test_a_missing_story_file_falls_back_to_the_record(
    library: tuple[Path, Path, list[Annotation]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, story, _annotations = library
    story.unlink()
    assert run("export", "--format", "w3c", db=db) == 0
    items = json.loads(capsys.readouterr().out)
    assert {item["target"]["source"] for item in items} == {story.resolve().as_uri()}
    assert run("export", db=db) == 0
    assert "## Kremlin Signals Patience on Arms Talks" in capsys.readouterr().out


def test_unwritable_output_is_one_line(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, _annotations = library
    assert run("export", "-o", str(tmp_path / "no" / "such" / "dir.md"), db=db) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader: cannot write") and err.count("\n") == 1


def test_export_of_an_empty_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", "--format", "json", db=tmp_path / "none.json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["annotations"] == []
    assert "no annotations to export" in captured.err
    assert not (tmp_path / "none.json").exists()  # exporting creates nothing


def test_backup_restores_into_a_fresh_database_and_twice_adds_nothing(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, annotations = library
    backup = tmp_path / "backup.json"
    assert run("export", "-o", str(backup), db=db) == 0
    fresh = tmp_path / "fresh.json"
    assert run("import", str(backup), db=fresh) == 0
    assert "Imported 3 annotations" in capsys.readouterr().out
    assert run("import", str(backup), db=fresh) == 0
    assert "Imported 0 annotations" in capsys.readouterr().out
    with AnnotationStore(fresh, read_only=True) as store:
        restored = sorted(store.all(), key=lambda annotation: annotation.id)
    assert restored == annotations


def test_import_keeps_existing_annotations_unchanged(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, annotations = library
    backup = tmp_path / "backup.json"
    assert run("export", "-o", str(backup), db=db) == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["annotations"][0]["note"] = "changed in the file"
    backup.write_text(json.dumps(document), encoding="utf-8")
    assert run("import", str(backup), db=db) == 0
    assert "3 already there, left unchanged" in capsys.readouterr().out
    with AnnotationStore(db, read_only=True) as store:
        assert store.get("q1") == annotations[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
        (b"[{]", "not a JSON file"),
        (b'[{"id": "x"}]', "annotation 1 (id x): 'selector' must be an object"),
    ],
)
def test_bad_backup_is_refused_in_one_line_and_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    db = tmp_path / "db.json"
    assert run("import", str(bad), db=db) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    with AnnotationStore(db, read_only=True) as store:
        assert store.all() == []


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("import", str(tmp_path / "nope.json"), db=tmp_path / "db.json") == 2
    assert capsys.readouterr().err == f"newsreader: no such file: {tmp_path / 'nope.json'}\n"


def test_import_refuses_while_the_database_is_open_elsewhere(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _story, _annotations = library
    backup = tmp_path / "backup.json"
    assert run("export", "-o", str(backup), db=db) == 0
    target = tmp_path / "busy.json"
    with AnnotationStore(target) as holder:
        assert not holder.read_only
        assert run("import", str(backup), db=target) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader: cannot import:") and "read-only" in err


def test_through_the_command_line_with_the_database_from_the_environment(
    library: tuple[Path, Path, list[Annotation]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader import cli
    from reader.commands import COMMANDS

    db, _story, _annotations = library
    monkeypatch.setitem(COMMANDS, "export", "export_cmd")
    monkeypatch.setitem(COMMANDS, "import", "import_cmd")
    monkeypatch.setenv("NEWSREADER_DB", str(db))
    backup = tmp_path / "backup.json"
    assert cli.main(["export", "--format", "json", "--output", str(backup)]) == 0
    fresh = tmp_path / "fresh.json"
    assert cli.main(["import", "--db", str(fresh), str(backup)]) == 0
    assert "Imported 3 annotations" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        cli.main(["export", "--format", "pdf"])
    assert exited.value.code == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "module",
    [
        "reader.citation",
        "reader.clipboard",
        "reader.export",
        "reader.commands.export_cmd",
        "reader.commands.import_cmd",
    ],
)
def test_core_modules_do_not_import_textual(module: str) -> None:
    import subprocess
    import sys

    probe = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
