"""The compiled (mypyc) analysis: same answers as the source, and never stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import reader.analysis
from reader import compiled

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_articles"

needs_compiled = pytest.mark.skipif(
    not reader.analysis.COMPILED and not os.environ.get("CI"),
    reason=(
        "the analysis runs as .py here (no C compiler at install, sources edited since,"
        " or NEWSREADER_PURE_PYTHON set)"
    ),
)


@needs_compiled
def test_the_installed_analysis_is_compiled_and_current() -> None:
    # In CI a broken build must fail here, not fall back to slow Python unnoticed.
    assert reader.analysis.COMPILED
    assert type(reader.analysis.analyze).__name__ == "builtin_function_or_method"


def _analyze_samples(pure_python: bool) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_PYTHON_ENV}
    if pure_python:
        env[compiled.PURE_PYTHON_ENV] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "analyze", str(SAMPLES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


@needs_compiled
def test_compiled_and_pure_python_find_the_same_quotes_speakers_and_names() -> None:
    fast = _analyze_samples(pure_python=False)
    slow = _analyze_samples(pure_python=True)
    assert len(fast) == len(list(SAMPLES.glob("*.*"))) >= 8
    assert sum(len(r["quotes"]) for r in fast) > 100
    assert fast == slow


def _fake_build(tmp_path: Path) -> Path:
    package = tmp_path / "analysis"
    package.mkdir()
    (package / "pipeline.py").write_text("def analyze(text):\n    return 'from source'\n")
    (package / "quotes.py").write_text("MARKS = '\"'\n")
    (tmp_path / "model.py").write_text("class Quote:\n    pass\n")
    (package / f"pipeline{EXTENSION_SUFFIXES[0]}").write_bytes(b"not really a library")
    compiled.write_stamp(package)
    return package


def test_a_build_from_the_current_sources_is_used(tmp_path: Path) -> None:
    package = _fake_build(tmp_path)
    assert compiled.is_current(package)


def test_an_edited_source_makes_every_module_load_from_its_py_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _fake_build(tmp_path)
    (package / "quotes.py").write_text("MARKS = '\"«'\n")
    finders = list(sys.meta_path)
    monkeypatch.setattr(sys, "meta_path", finders)

    assert not compiled.choose_modules(package)

    finder = finders[0]
    spec = finder.find_spec("reader.analysis.pipeline")
    assert spec is not None and spec.origin == str(package / "pipeline.py")
    assert finder.find_spec("reader.sources.pipeline") is None
    assert finder.find_spec("reader.analysis.missing") is None
    model = finder.find_spec("reader.model")
    assert model is not None and model.origin == str(tmp_path / "model.py")


def test_an_edited_model_makes_the_build_stale_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The analysis and the model are compiled together: a stale model would construct
    # Quotes with the fields it had when it was built.
    package = _fake_build(tmp_path)
    (tmp_path / "model.py").write_text("class Quote:\n    speaker = None\n")
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert not compiled.is_current(package)
    assert not compiled.choose_modules(package)


@pytest.mark.parametrize("why", ["no record of the sources", "NEWSREADER_PURE_PYTHON set"])
def test_a_build_not_vouched_for_or_switched_off_runs_python(
    why: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _fake_build(tmp_path)
    if why == "no record of the sources":
        (package / compiled.STAMP_NAME).unlink()
    else:
        monkeypatch.setenv(compiled.PURE_PYTHON_ENV, "1")
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert not compiled.choose_modules(package)


def test_without_a_build_nothing_is_redirected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _fake_build(tmp_path)
    (package / f"pipeline{EXTENSION_SUFFIXES[0]}").unlink()
    finders = list(sys.meta_path)
    monkeypatch.setattr(sys, "meta_path", finders)
    assert not compiled.choose_modules(package)
    assert sys.meta_path == finders
