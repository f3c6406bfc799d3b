"""Build hook: compile the analysis modules (and the model) with mypyc when the build can.

mypyc turns the type-annotated analysis code into a C extension, about 1.5x faster
with identical results. Without mypyc (NEWSREADER_PURE_PYTHON=1, or no C compiler)
the package installs and runs as plain Python.
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
    if os.environ.get("NEWSREADER_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("newsreader: mypyc is missing, installing pure Python", file=sys.stderr)
        return []
    rules = _compiled_module_rules()
    sources = [str(p.relative_to(HERE)) for p in rules.compiled_sources()]
    extensions = mypycify(["--ignore-missing-imports", *sources], group_name="reader_analysis")
    for extension in extensions:
        extension.optional = True  # no C compiler: the .py modules still run
    return extensions


class BuildThenStamp(build_ext):
    """Build the extensions, then record which sources they were built from.

    The record is removed first and written only once every extension is in place: a
    build that fails, or is still running, must never vouch for older compiled files.
    """

    failed = False

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception:
            self.failed = True  # an optional extension: setuptools goes on without it
            raise

    def run(self) -> None:
        rules = _compiled_module_rules()
        targets = {HERE / "reader" / "analysis", Path(self.build_lib) / "reader" / "analysis"}
        for directory in targets:
            (directory / rules.STAMP_NAME).unlink(missing_ok=True)
        super().run()
        built = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        if self.failed or not built or not all(path.is_file() for path in built):
            return
        for directory in targets:
            if directory.is_dir():
                rules.write_stamp(directory)


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildThenStamp})
