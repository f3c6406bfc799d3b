"""A first launch's name tables are built by a child process, not by the app's threads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.analysis.lexicon_cache import FILE_NAME, looks_current

ROOT = Path(__file__).resolve().parents[1]

_FIRST_ANALYSIS = """
import sys
from reader.lexicon_build import build_tables_elsewhere
from reader.analysis.gazetteer import lexicon
build_tables_elsewhere()
print("built here" if lexicon.cache_info().currsize else "not built here")
from reader.analysis import analyze
speakers = [q.speaker for q in analyze('"We will go," said Anna Berg.').quotes]
print(speakers)
"""


def _first_analysis(cache: Path) -> list[str]:
    env = {**os.environ, "NEWSREADER_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_ANALYSIS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.splitlines()


def test_the_child_writes_the_tables_and_the_analysis_reads_them(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _first_analysis(cache) == ["not built here", "['Anna Berg']"]
    assert looks_current(cache / FILE_NAME)


def test_a_stale_file_is_built_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(b"newsreader-lexicons 1\nolder sources\n")
    assert _first_analysis(cache) == ["not built here", "['Anna Berg']"]
    assert looks_current(cache / FILE_NAME)


def test_an_unwritable_cache_still_analyses(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    assert _first_analysis(blocked)[1:] == ["['Anna Berg']"]  # built in the process
