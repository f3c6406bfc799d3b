"""Big objects the UI is done with, freed on a thread of their own (no Textual here).

Each block of a long story's analysis replaces the one before it in the reader: the
story's quotes and names so far, and their layers, each a list as long as the story's
names (127,000 at the end of a 49 MB story). The UI thread dropped the last reference
to the old ones, so it freed them: ~345 ms over a 49 MB story's analysis, a few ms at a
time, and a key pressed as a block landed waited for it. Handed over here, the old
objects are freed by this module's thread a moment later, when the UI's own references
to them (its widgets', the message's) are long gone.
"""

from __future__ import annotations

import queue
import threading
import time

# How long the objects are kept before they are freed: the UI lets go of its own
# references to them within the message that replaced them, far sooner than this.
LINGER = 0.5  # seconds


class LetGo:
    """Holds what it is given for ``LINGER`` seconds, then drops it on its own thread."""

    def __init__(self, linger: float = LINGER) -> None:
        self.linger = linger
        self._queue: queue.SimpleQueue[tuple[float, tuple[object, ...]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def hand_over(self, *objects: object) -> None:
        """Free ``objects`` on this module's thread (once nothing else holds them)."""
        with self._lock:
            if self._thread is None:
                # A daemon: what is still held when the app ends goes with the process.
                self._thread = threading.Thread(target=self._run, name="let-go", daemon=True)
                self._thread.start()
        self._queue.put((time.monotonic() + self.linger, objects))

    def _run(self) -> None:
        while True:
            due, objects = self._queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            del objects  # the last reference, most likely: freed here


_shared = LetGo()


def let_go(*objects: object) -> None:
    """Free ``objects`` off the UI thread (see ``LetGo``)."""
    _shared.hand_over(*objects)
