"""The compiled build: where a C compiler exists, a broken compile fails the install loudly.

Each test runs setup.py's real build step in a subprocess, on a copy of the sources. The
mypyc step is replaced by a stand-in that hands setuptools one tiny C extension, so a
build takes a second instead of a minute; what is under test is what setup.py does with
the compiler's answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.compiled import STAMP_NAME, c_compiler_found

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    subprocess.run([sys.executable, "-c", "import setuptools"], check=False).returncode != 0,
    reason="needs setuptools in the environment that runs the tests",
)

PROBE_C = """#include <Python.h>
static struct PyModuleDef probe = {PyModuleDef_HEAD_INIT, "probe", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_probe(void) { return PyModule_Create(&probe); }
"""

STAND_IN_MYPYC = """from setuptools import Extension


def mypycify(arguments, group_name=None):
    return [Extension("reader.analysis.probe", ["probe.c"])]
"""


def _project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(
        REPO / "reader",
        project / "reader",
        ignore=shutil.ignore_patterns("*.so", "__pycache__", STAMP_NAME, "sample_articles"),
    )
    (project / "probe.c").write_text(PROBE_C, encoding="utf-8")
    stand_in = tmp_path / "stand_in" / "mypyc"
    stand_in.mkdir(parents=True)
    (stand_in / "__init__.py").write_text("", encoding="utf-8")
    (stand_in / "build.py").write_text(STAND_IN_MYPYC, encoding="utf-8")
    return project


def _build(project: Path, cc: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "NEWSREADER_PURE_PYTHON"}
    env["CC"] = cc
    env["PYTHONPATH"] = str(project.parent / "stand_in")
    return subprocess.run(
        [sys.executable, "setup.py", "build_ext", "--inplace"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _compiled(project: Path) -> list[Path]:
    return list((project / "reader" / "analysis").glob("probe*.so"))


def test_a_compiler_that_fails_fails_the_build(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    broken = tmp_path / "broken-cc"
    broken.write_text("#!/bin/sh\necho 'cc: internal error' >&2\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    result = _build(project, str(broken))
    assert result.returncode != 0, result.stdout + result.stderr
    assert "internal error" in result.stderr
    assert not _compiled(project)
    assert not (project / "reader" / "analysis" / STAMP_NAME).exists()


def test_without_a_compiler_it_installs_pure_python_and_says_so(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    result = _build(project, str(tmp_path / "no-such-cc"))
    assert result.returncode == 0, result.stderr
    assert "installing pure Python" in result.stderr
    assert not _compiled(project)


@pytest.mark.skipif(not c_compiler_found(), reason="needs a C compiler and Python headers")
def test_a_working_compiler_builds_and_stamps_the_sources(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    result = _build(project, os.environ.get("CC", "cc"))
    assert result.returncode == 0, result.stderr
    assert _compiled(project)
    assert (project / "reader" / "analysis" / STAMP_NAME).is_file()
