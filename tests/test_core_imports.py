"""The core stays usable without the UI toolkit: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CORE_MODULES = [
    "reader.model",
    "reader.locations",
    "reader.cli",
    "reader.sources",
    "reader.analysis",
    "reader.analysis_process",
    "reader.analysis_worker",
    "reader.store",
    "reader.commands.analyze_cmd",
    "reader.corpus",
    "reader.corpus.engines",
    "reader.corpus.dask_engine",
    "reader.corpus.output",
    "reader.commands.export_cmd",
    "reader.commands.import_cmd",
    "reader.citation",
    "reader.clipboard",
    "reader.export",
    "reader.safe_text",
    "reader.services.annotation_session",
    "reader.services.library_session",
    "reader.services.copy_text",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_without_textual(module: str) -> None:
    probe = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def _core_contract() -> dict:
    import tomllib

    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = settings["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if "textual" in c["forbidden_modules"])


def test_every_part_of_the_core_is_under_the_static_layer_contract() -> None:
    """A new package in reader/ is core until listed otherwise: lint-imports must see it."""
    parts = {
        f"reader.{path.stem}"
        for path in (REPO / "reader").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").is_file())
    }
    unchecked = parts - {"reader.ui"} - set(_core_contract()["source_modules"])
    assert not unchecked, f"add {sorted(unchecked)} to the Textual contract in pyproject.toml"
