"""Build hook: compile the analysis modules (and the model) with mypyc when the build can.

mypyc turns the type-annotated analysis code into a C extension, about 1.5x faster
with identical results. With NEWSREADER_PURE_PYTHON=1, or where there is no C compiler
or no Python headers, the package installs and runs as plain Python and says so. Where
a compiler is found, a failed compile fails the install: a silent fallback would ship
the slow build without anyone noticing.
"""

from __future__ import annotations

import os
import sys
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def _compiled_module_rules():
    # reader/compiled.py is standard library only: load it without the package.
    spec = spec_from_file_location("_compiled_rules", HERE / "reader" / "compiled.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compiled_extensions() -> list[Extension]:
    rules = _compiled_module_rules()
    if os.environ.get(rules.PURE_PYTHON_ENV):
        return []
    if not rules.c_compiler_found():
        print(
            "newsreader: no C compiler or Python headers, installing pure Python (slower)",
            file=sys.stderr,
        )
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.exit(f"newsreader: mypyc is missing; install mypy, or set {rules.PURE_PYTHON_ENV}=1")
    sources = [str(p.relative_to(HERE)) for p in rules.compiled_sources()]
    # Not optional: a compile that breaks stops the install with the compiler's errors.
    return mypycify(["--ignore-missing-imports", *sources], group_name="reader_analysis")


class BuildThenStamp(build_ext):
    """Build the extensions, then record which sources they were built from.

    The record is removed first and written only once every extension is in place: a
    build that fails, or is still running, must never vouch for older compiled files.
    """

    def run(self) -> None:
        rules = _compiled_module_rules()
        targets = {HERE / "reader" / "analysis", Path(self.build_lib) / "reader" / "analysis"}
        for directory in targets:
            (directory / rules.STAMP_NAME).unlink(missing_ok=True)
        super().run()
        built = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        if not built or not all(path.is_file() for path in built):
            return
        for directory in targets:
            if directory.is_dir():
                rules.write_stamp(directory)


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildThenStamp})
