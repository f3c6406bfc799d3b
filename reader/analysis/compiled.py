"""Whether the analysis runs compiled (mypyc) or as plain Python, and keeping that honest.

``pip install`` compiles the analysis modules with mypyc when it can (see setup.py)
and records a digest of the sources it compiled. A compiled module silently shadows
its ``.py`` file, so after an edit the old code would go on running: when the sources
no longer match the digest, or ``NEWSREADER_PURE_PYTHON`` is set, every analysis
module is loaded from its ``.py`` instead. All or none: compiled modules call one
another directly, so a mix would still run stale code.

Standard library only: setup.py loads this file by path, before anything is built.
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE = "reader.analysis"
STAMP_NAME = "compiled-from.txt"
# Re-exports, the optional spaCy bridge and this module have no hot loops.
NOT_COMPILED = frozenset({"__init__.py", "backends.py", "compiled.py"})
PURE_PYTHON_ENV = "NEWSREADER_PURE_PYTHON"


def compiled_sources(directory: Path = PACKAGE_DIR) -> list[Path]:
    """The modules mypyc compiles, in a stable order."""
    return sorted(p for p in directory.glob("*.py") if p.name not in NOT_COMPILED)


def source_digest(directory: Path = PACKAGE_DIR) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in compiled_sources(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_stamp(directory: Path = PACKAGE_DIR) -> None:
    (directory / STAMP_NAME).write_text(source_digest(directory) + "\n", encoding="ascii")


def has_compiled_modules(directory: Path = PACKAGE_DIR) -> bool:
    return any((directory / f"pipeline{suffix}").is_file() for suffix in EXTENSION_SUFFIXES)


def is_current(directory: Path = PACKAGE_DIR) -> bool:
    """Whether the compiled modules were built from the sources as they are now."""
    try:
        recorded = (directory / STAMP_NAME).read_text(encoding="ascii").strip()
        return recorded == source_digest(directory)
    except (OSError, UnicodeDecodeError):
        return False


class _SourceFinder:
    """Finds ``reader.analysis.*`` modules as their ``.py`` files, ahead of builds."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = self.directory / f"{name}.py"
        if package != PACKAGE or not source.is_file():
            return None
        return spec_from_file_location(fullname, source)


def choose_modules(directory: Path = PACKAGE_DIR) -> bool:
    """Load the analysis compiled when it is built and current; return whether it is."""
    if not has_compiled_modules(directory):
        return False
    if is_current(directory) and not os.environ.get(PURE_PYTHON_ENV):
        return True
    sys.meta_path.insert(0, _SourceFinder(directory))
    return False
