"""Long pure-Python work on the UI's own thread, a few milliseconds at a time.

A Python thread doing the same work would compete with the UI for the interpreter lock:
each time the UI lets the lock go (every write to the terminal does) it waits up to the
switch interval (5 ms) to get it back, and one repaint paid that dozens of times, so a
feed of 100,000 stories being filtered on a thread still delayed each key by up to a
second. Work cut into slices between which the event loop runs keys and repaints costs
a key at most one slice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from time import perf_counter
from typing import Protocol

SLICE = 0.005  # seconds of work between two breaks
# A break is not one turn of the event loop but a short sleep: a key goes through several
# message queues (app, screen, focused widget, its parent) and a repaint, one turn each,
# and each turn would otherwise wait for a slice of every running job.
BREAK = 0.002


class Keys(Protocol):
    def answering(self) -> bool: ...


def while_keys_answered(app: object) -> Callable[[], float]:
    """A ``rest`` for :func:`run_in_slices`: off the loop while a key typed is on its way
    through the app or not yet drawn (``app.keys_in_order``, reader/ui/key_order.py).

    Resting a fixed time after a key was not enough on a busy machine (a repaint alone
    can take longer), and too much on a quiet one."""
    keys: Keys | None = getattr(app, "keys_in_order", None)
    if keys is None:
        return lambda: 0.0
    answering = keys.answering
    return lambda: BREAK if answering() else 0.0


async def run_in_slices(
    steps: Iterator[object],
    budget: float | Callable[[], float] = SLICE,
    rest: Callable[[], float] | None = None,
) -> None:
    """Run ``steps`` (a generator that yields between small pieces of work) to its end,
    letting the event loop run for a moment every ``budget`` seconds (or every
    ``budget()`` seconds, asked at each break: work someone waits for may hurry).

    ``rest()``, asked at each break, is how much longer to keep off the loop: a job
    that can wait makes way while the reader's keys go through their message queues
    and get drawn, instead of costing each of those turns a slice.
    """
    slice_for = budget if callable(budget) else lambda: budget
    # A job started by a key (a library search) rests before its first slice too: it
    # is started while the key is handled, before the key's answer is drawn.
    while rest is not None and (wait := rest()) > 0:
        await asyncio.sleep(wait)
    deadline = perf_counter() + slice_for()
    for _ in steps:
        if perf_counter() >= deadline:
            await asyncio.sleep(BREAK)
            while rest is not None and (wait := rest()) > 0:
                await asyncio.sleep(wait)
            deadline = perf_counter() + slice_for()
