"""Dask's client and cluster, imported without the parts a corpus run never uses.

Importing ``distributed`` is most of what a local Dask run costs before its workers can
start (~0.6 s of CPU on a busy 2-core machine), and a quarter to a third of it serves
nothing here:

- NumPy (0.13-0.17 s): ``distributed`` imports it when it is installed only to allocate
  the buffers of messages it receives without zeroing them first, and falls back to a
  ``bytearray`` without it (zeroing a few MB of records: microseconds). Dask's worker
  processes reseed NumPy's random state at start only if it is loaded.
- Jinja2 (~0.03 s): the HTML views Dask shows in notebooks.
- The YAML of Dask's default settings, read with PyYAML's pure-Python parser (~0.05 s):
  its C parser, when installed, gives the same settings in a tenth of the time.

Both packages are held back only while ``distributed`` is imported and only if nothing
has imported them yet: a name finder that needs NumPy later imports it as usual.

The import builds some 450 modules' functions and classes, which live as long as the
process: the garbage collector's passes over them while they are built find nothing to
free (measured: 5% of the import's time). It is paused for the import, and what the
import built is frozen before it is back on (see ``freeze_survivors``).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from typing import Any

from reader.collection_pause import collection_paused, freeze_survivors

# Imported by Dask when installed, and never used by a corpus run.
UNUSED = ("numpy", "jinja2")


def import_distributed() -> tuple[Any, Any]:
    """``distributed.Client`` and ``distributed.LocalCluster``; ImportError without Dask."""
    with collection_paused():
        with _held_back(UNUSED), _quick_yaml():
            from distributed import Client, LocalCluster
        freeze_survivors()
    return Client, LocalCluster


@contextlib.contextmanager
def _held_back(names: tuple[str, ...]) -> Iterator[None]:
    """``import`` of these packages fails (as if not installed) inside the block."""
    held = [name for name in names if name not in sys.modules]
    for name in held:
        sys.modules[name] = None  # type: ignore[assignment]  # what Python reads as "no such module"
    try:
        yield
    finally:
        for name in held:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


@contextlib.contextmanager
def _quick_yaml() -> Iterator[None]:
    """``yaml.safe_load`` parses with the C parser inside the block, where it is built."""
    try:
        yaml: Any = importlib.import_module("yaml")  # PyYAML ships no type information
        loader = yaml.CSafeLoader
    except (ImportError, AttributeError):  # PyYAML without libyaml: the usual parser
        yield
        return
    usual = yaml.safe_load

    def safe_load(stream: Any) -> Any:
        return yaml.load(stream, Loader=loader)  # the safe loader, in C

    yaml.safe_load = safe_load
    try:
        yield
    finally:
        yaml.safe_load = usual
