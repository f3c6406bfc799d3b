"""Whether the analysis runs compiled (mypyc) or as plain Python, and keeping that honest.

``pip install`` compiles the analysis modules, and ``reader/model.py`` whose classes
they make and read, with mypyc when it can (see setup.py) and records a digest of the
sources it compiled. A compiled module silently shadows its ``.py`` file, so after an
edit the old code would go on running: when the sources no longer match the digest,
or ``NEWSREADER_PURE_PYTHON`` is set, every one of them is loaded from its ``.py``
instead. All or none: compiled modules call one another directly, so a mix would
still run stale code. The choice is made when the ``reader`` package is imported,
before anything can import ``reader.model``.

Standard library only: setup.py loads this file by path, before anything is built.
"""

from __future__ import annotations

import os
import sys
import zlib
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent / "analysis"
PACKAGE = "reader.analysis"
# The analysis makes a Quote or an Entity for every one it finds and reads them back:
# compiled, the model's classes get native constructors and attribute access.
MODEL = "reader.model"
STAMP_NAME = "compiled-from.txt"
# Re-exports and the optional spaCy bridge have no hot loops.
NOT_COMPILED = frozenset({"__init__.py", "backends.py"})
PURE_PYTHON_ENV = "NEWSREADER_PURE_PYTHON"


def model_source(directory: Path = PACKAGE_DIR) -> Path:
    """``reader/model.py``, beside the analysis package ``directory``."""
    return directory.parent / "model.py"


def compiled_sources(directory: Path = PACKAGE_DIR) -> list[Path]:
    """The modules mypyc compiles, in a stable order."""
    found = sorted(p for p in directory.glob("*.py") if p.name not in NOT_COMPILED)
    model = model_source(directory)
    return [*found, model] if model.is_file() else found


def source_digest(directory: Path = PACKAGE_DIR) -> str:
    # A checksum, not a cryptographic hash: it only has to notice an edit, and it runs
    # at every launch, where importing hashlib alone cost more than reading the files.
    checksum, size = 0, 0
    for path in compiled_sources(directory):
        data = path.read_bytes()
        checksum = zlib.crc32(data, zlib.crc32(path.name.encode(), checksum))
        size += len(data)
    return f"{checksum:08x}-{size}"


def write_stamp(directory: Path = PACKAGE_DIR) -> None:
    (directory / STAMP_NAME).write_text(source_digest(directory) + "\n", encoding="ascii")


def c_compiler_found() -> bool:
    """Whether C extensions can be built here: a C compiler (``CC``, else the one Python
    was built with) and Python's headers."""
    import shlex
    import shutil
    import sysconfig

    command = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    return bool(command) and shutil.which(command[0]) is not None and headers.is_file()


def build_is_complete(directory: Path = PACKAGE_DIR) -> bool:
    """False when this machine can compile the analysis but it is not compiled and current."""
    if os.environ.get(PURE_PYTHON_ENV) or not c_compiler_found():
        return True
    return has_compiled_modules(directory) and is_current(directory)


def check_build() -> None:
    """Exit with one line when :func:`build_is_complete` is not: `make` runs it after an
    install, so a compile that went wrong cannot leave the slow build in place unnoticed."""
    if not build_is_complete():
        sys.exit(
            "newsreader: a C compiler is here, yet reader/analysis is not compiled from its "
            f"current sources; reinstall and read the build's errors (or set {PURE_PYTHON_ENV}=1)"
        )


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
    """Finds ``reader.analysis.*`` and ``reader.model`` as their ``.py`` files, ahead of
    builds."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if fullname == MODEL:
            source = model_source(self.directory)
        elif package == PACKAGE:
            source = self.directory / f"{name}.py"
        else:
            return None
        return spec_from_file_location(fullname, source) if source.is_file() else None


def choose_modules(directory: Path = PACKAGE_DIR) -> bool:
    """Load the analysis and the model compiled when they are built and current; return
    whether they are."""
    if not has_compiled_modules(directory):
        return False
    if is_current(directory) and not os.environ.get(PURE_PYTHON_ENV):
        return True
    sys.meta_path.insert(0, _SourceFinder(directory))
    return False
