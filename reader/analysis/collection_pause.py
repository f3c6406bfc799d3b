"""Pause Python's cyclic garbage collector while an analysis runs.

An analysis builds tens of thousands of short-lived objects (tokens, phrases, spans)
and no reference cycles, so the collections their allocations trigger find nothing
to free; worse, each full collection walks every live object of the process (the
reader's widgets, earlier analyses), which made them a fifth of the analysis time.
Reference counting still frees everything at once. Analyses may run in several
threads: the collector comes back when the last one ends, and only if it was on
before the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = [0]  # analyses now inside the pause
_resume = [False]  # whether the collector was on when the pause began


@contextmanager
def collection_paused() -> Iterator[None]:
    with _lock:
        if _running[0] == 0:
            _resume[0] = gc.isenabled()
            gc.disable()
        _running[0] += 1
    try:
        yield
    finally:
        with _lock:
            _running[0] -= 1
            if _running[0] == 0 and _resume[0]:
                gc.enable()
