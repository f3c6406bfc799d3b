"""newsreader: a terminal reader for news that finds who said what."""

from reader.compiled import choose_modules

# The one version string: pyproject.toml reads it at build time (tool.setuptools.dynamic).
__version__ = "0.1.0"

# Decided before any module imports reader.model, which it may redirect to its .py.
COMPILED = choose_modules()
