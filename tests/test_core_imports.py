"""The core stays usable without the UI toolkit: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "reader.model",
    "reader.locations",
    "reader.cli",
    "reader.sources",
    "reader.analysis",
    "reader.analysis_process",
    "reader.store",
    "reader.commands.analyze_cmd",
    "reader.commands.export_cmd",
    "reader.commands.import_cmd",
    "reader.citation",
    "reader.clipboard",
    "reader.export",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_without_textual(module: str) -> None:
    probe = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
