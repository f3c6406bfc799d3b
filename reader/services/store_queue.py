"""Store calls run one after another on one thread at a time, in the order asked.

A key press only queues a call; the thread opens the database before the first one,
runs each call and hands its result to ``deliver``. Saves therefore never block the
screen, and a tag followed at once by `x` is saved before it is removed. No Textual:
the app gives the queue its way to start a thread and to pass results back.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

if TYPE_CHECKING:
    from reader.store import AnnotationStore

Result = TypeVar("Result")


class StoreFailed(NamedTuple):
    """A store call failed (nothing was changed) or the database could not be opened."""

    text: str
    title: str = "Annotations"
    fatal: bool = False  # the database is not open: nothing can be shown or saved


class StoreQueue(Generic[Result]):
    """One thread at a time runs the queued calls; ``close`` finishes them on exit.

    ``start_thread(drain)`` must run ``drain`` on a thread of its own; ``deliver`` gets
    each call's result (or a :class:`StoreFailed`) on that thread.
    """

    def __init__(
        self,
        opener: Callable[[], tuple[AnnotationStore | None, Result]],
        deliver: Callable[[Result | StoreFailed], object],
        start_thread: Callable[[Callable[[], None]], object],
    ) -> None:
        self._opener = opener
        self._deliver = deliver
        self._start_thread = start_thread
        self._store: AnnotationStore | None = None  # touched only under _run_lock
        self._opened = False
        self._jobs: deque[Callable[[AnnotationStore], Result | None]] = deque()
        self._jobs_lock = threading.Lock()
        self._run_lock = threading.Lock()  # held while a call runs, so close() waits for it
        self._draining = False
        self._closing = False
        self._folding = False  # close() has made every save and folds the journal in

    def submit(self, job: Callable[[AnnotationStore], Result | None]) -> None:
        """Queue ``job(store)``; what it returns is delivered."""
        with self._jobs_lock:
            if self._closing:
                return
            self._jobs.append(job)
            if self._draining:
                return
            self._draining = True
        self._start_thread(self._drain)

    def _drain(self) -> None:
        while True:
            with self._run_lock:
                with self._jobs_lock:
                    if not self._jobs or self._closing:
                        self._draining = False
                        return
                    job = self._jobs.popleft()
                store, results, message = self._run(job)
            # The wait for the disk holds no lock: under disk pressure an fsync takes
            # seconds, and close() (the app's exit) must not wait for it, since its
            # compaction syncs every line anyway (#15).
            if store is not None:
                results += self._synced(store)
            if message is not None:
                results.append(message)
            for result in results:
                self._deliver(result)

    def _run(
        self, job: Callable[[AnnotationStore], Result | None]
    ) -> tuple[AnnotationStore | None, list[Result | StoreFailed], Result | StoreFailed | None]:
        """Under ``_run_lock``: the store to wait for, the open's message, the call's."""
        from reader.store import StoreError

        messages: list[Result | StoreFailed] = []
        if not self._opened:
            self._opened = True
            self._store, opened = self._opener()
            messages.append(opened)
        if self._store is None:
            return None, messages, None
        message: Result | StoreFailed | None
        try:
            message = job(self._store)
        except StoreError as error:
            message = StoreFailed(f"Not saved: {error}", title="Annotation not saved")
        except Exception as error:  # a bug here must not end the reader's session
            message = StoreFailed(
                f"Not saved: {type(error).__name__}: {error}", title="Annotation not saved"
            )
        return self._store, messages, message

    @staticmethod
    def _synced(store: AnnotationStore) -> list[StoreFailed]:
        """Wait until the call's save is on the disk (at once if it saved nothing)."""
        from reader.store import StoreError

        try:
            # A save's notice promises the disk: wait for the store's fsync. Once the
            # store is closed the wait ends, the close having folded the line in.
            store.sync()
        except StoreError as error:
            # Saved (the app shows it, a crash of newsreader keeps it) but the disk
            # refused it: a power cut could lose it, which the reader must hear.
            return [StoreFailed(str(error), title="Not on the disk yet")]
        return []

    def close(self) -> None:
        """Run the calls still queued, then close the store (it compacts and unlocks)."""
        from reader.store import StoreError

        with self._run_lock:
            with self._jobs_lock:
                self._closing = True
                jobs = list(self._jobs)
                self._jobs.clear()
            if not self._opened and jobs:
                # Saves asked for before the worker got to open the database still count.
                self._opened = True
                self._store, _ = self._opener()
            store, self._store = self._store, None
            if store is None:
                return
            for job in jobs:
                # Nowhere is left to report a failure; a failed save changes nothing.
                with suppress(StoreError):
                    job(store)
            # If closing fails, the journal is kept and replayed on the next start.
            self._folding = True
            with suppress(StoreError):
                store.close()

    def save_queued(self, timeout: float) -> bool:
        """Before a forced exit: run the calls still queued, without closing the store.

        Each save is fsync'd to the journal as it runs, so nothing is lost; the journal
        is folded in at the next start. Waits up to ``timeout`` for a call in progress
        (False if it was still running) and then keeps every other call out until the
        process ends.
        """
        from reader.store import StoreError

        deadline = time.monotonic() + timeout
        while not self._run_lock.acquire(timeout=0.02):
            if self._folding:
                return True  # every save is made; folding the journal in is safe to cut
            if time.monotonic() >= deadline:
                return False
        with self._jobs_lock:
            self._closing = True
            jobs = list(self._jobs)
            self._jobs.clear()
        if not self._opened and jobs:
            self._opened = True
            self._store, _ = self._opener()
        if self._store is not None:
            for job in jobs:
                with suppress(StoreError):
                    job(self._store)
        return True
