"""The command line as a user meets it: flags, paths in use, and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    assert "samples:" in by_flag.stdout


def test_missing_path_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = newsreader(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.stderr
