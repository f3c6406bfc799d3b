"""The command line as a user meets it: flags, paths in use, and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__


def newsreader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "reader.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_version() -> None:
    result = newsreader("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsreader {__version__}"


def test_the_installed_package_has_the_same_version() -> None:
    from importlib.metadata import version

    assert version("newsreader") == __version__


def test_help_documents_paths_db_where_and_commands() -> None:
    out = newsreader("--help").stdout
    for word in ("PATH", "--db", "--where", "--version", "analyze"):
        assert word in out


def test_where_prints_db_from_flag_then_environment(tmp_path: Path) -> None:
    flag_db = tmp_path / "flag.json"
    env_db = tmp_path / "env.json"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NEWSREADER_DB": str(env_db)}
    by_env = newsreader("--where", env=env)
    assert f"database: {env_db}" in by_env.stdout
    by_flag = newsreader("--where", "--db", str(flag_db), env=env)
    assert f"database: {flag_db}" in by_flag.stdout
    assert f"reading:  {flag_db.with_name(flag_db.stem + '.reading.json')}" in by_flag.stdout
    assert "samples:" in by_flag.stdout


def test_missing_path_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = newsreader(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr


def _database_with_one_tag(tmp_path: Path, name: str, tag: str) -> Path:
    from reader.store import AnnotationStore
    from tests.test_export_commands import STORY, annotate

    story = tmp_path / "kremlin.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / name
    with AnnotationStore(db) as store:
        store.add(annotate(story, '"a big question"', f"id-{tag}", tags=[tag]))
    return db


def test_global_options_work_before_the_command_too(tmp_path: Path) -> None:
    first = _database_with_one_tag(tmp_path, "first.json", "before")
    second = _database_with_one_tag(tmp_path, "second.json", "after")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    before = newsreader("--db", str(first), "export", "--format", "json", env=env)
    assert before.returncode == 0, before.stderr
    assert '"before"' in before.stdout
    # Given twice, the one nearer the end wins, as with any repeated option.
    both = newsreader("--db", str(first), "export", "--db", str(second), "-f", "json", env=env)
    assert '"after"' in both.stdout and '"before"' not in both.stdout
    where = newsreader(f"--db={first}", "--where", "export", env=env)
    assert f"database: {first}" in where.stdout
    story = tmp_path / "kremlin.txt"
    analysed = newsreader("--ner", "builtin", "analyze", str(story), env=env)
    assert analysed.returncode == 0, analysed.stderr
    assert "a big question" in analysed.stdout


def test_a_global_option_a_command_does_not_take_is_one_clear_error(tmp_path: Path) -> None:
    result = newsreader("--ner", "spacy", "export", env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 2
    assert "unrecognized arguments: --ner spacy" in result.stderr
    assert "Traceback" not in result.stderr


def test_app_options_may_come_between_paths(tmp_path: Path) -> None:
    db = tmp_path / "between.json"
    result = newsreader("a.txt", "--db", str(db), "b.txt", "--where")
    assert result.returncode == 0, result.stderr
    assert f"database: {db}" in result.stdout


def test_paths_alone_open_as_the_parser_would_open_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`newsreader A B` skips the option parser (start-up, #18): same stories, same
    database and name finder as when an option makes the parser read the same words."""
    from reader import cli

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("A story\n\nIts text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    launched: list[tuple[object, ...]] = []
    monkeypatch.setattr(cli, "_run", lambda *given: launched.append(given) or 0)
    assert cli.main(["a.txt", "https://example.com/story", "b.txt"]) == 0
    assert cli.main(["a.txt", "--ner", "builtin", "https://example.com/story", "b.txt"]) == 0
    alone, parsed = launched
    assert alone == parsed
    assert alone[0] == [Path("a.txt"), "https://example.com/story", Path("b.txt")]
    assert alone[2] == "builtin"
