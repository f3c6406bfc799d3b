"""Pause Python's cyclic garbage collector while bulk work builds objects without cycles.

An analysis, a database opening or a library load builds tens of thousands to millions
of objects (tokens, spans, records, stories) and no reference cycles, so the
collections their allocations trigger find nothing to free; worse, each full collection
walks every live object of the process while holding the interpreter lock: a fifth of
an analysis's time, a third of a 100,000-annotation open, and UI pauses of 0.1 to 0.7 s
while a 100k-item feed loads. Reference counting still frees everything at once. Such
work may run in several threads at once: the collector comes back when the last pause
ends, and only if it was on before the first began.
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


def enable_collection() -> None:
    """Turn the collector on, or, while bulk work holds it paused, once that work ends.

    The app keeps the collector off until its first frame is drawn; a library still
    loading then (a folder of big files, a story of a million paragraphs) is inside a
    pause, and turning the collector on under it gave that load full passes of seconds
    each over the millions of objects it was building.
    """
    with _lock:
        if _running[0]:
            _resume[0] = True
        else:
            gc.enable()


def freeze_survivors() -> None:
    """Keep what lives now out of the cycle collector's full passes.

    A story of a million short paragraphs leaves millions of small objects (spans,
    wrapped rows, quotes) that live as long as the story is open; each full pass of the
    collector walked all of them, a freeze of seconds every few thousand allocations.
    They hold no cycles, so reference counting still frees them when the story goes.

    Called at the end of a ``collection_paused`` block, before the collector is back on:
    the objects made while it was off all count as new, and the first allocation after
    it came back ran a young-generation pass over every one of them (30 to 60 ms a block
    of a 49 MB story's analysis, holding the interpreter against the keys). Frozen first,
    they are no longer new.
    """
    gc.freeze()
