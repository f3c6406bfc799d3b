"""Changes handed over at once and written to the journal by a thread of their own.

The reading state changes with every j and k, on the UI thread. Even a commit that does
not wait for the fsync writes its line there, and a write() to a file on a busy disk
waits for the kernel (for a page under writeback, for the file system's journal):
19 ms at worst on a loaded machine, 20-40 ms measured last session, all of it a key's
(issue #18). Here a change only joins a dict; this module's thread writes what has
gathered as one journal line, the latest version of each document winning, so a burst
of keys that moved the same place ten times writes it once.

The thread starts writing as soon as it is woken, so a change is in the kernel
(safe from a kill) within moments; ``flush`` waits for that, and ``close`` flushes
before the tables fold the journal in. A disk that refuses a line is reported once
through ``on_error``; nothing is written after that (the caller keeps its changes in
memory for the session, as a read-only state does).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from reader.store.durable import Change, DurableTables
from reader.store.errors import StoreError
from reader.store.files import Doc

# (table, doc_id): a document's latest version waiting to be written (None: deleted).
_Pending = dict[tuple[str, int], Doc | None]


class WriteBehind:
    """Commits of ``tables`` made by one daemon thread, coalesced by document."""

    def __init__(self, tables: DurableTables, on_error: Callable[[str], None]) -> None:
        self._tables = tables
        self._on_error = on_error
        self._pending: _Pending = {}
        self._writing = False  # the thread has taken changes and not written them yet
        self._failed = False
        self._closed = False
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def put(self, changes: list[Change]) -> None:
        """Hand ``changes`` over; returns at once, whatever the disk is doing."""
        with self._changed:
            if self._failed or self._closed:
                return
            for table, doc_id, doc in changes:
                self._pending[(table, doc_id)] = doc
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="reading-state-writer", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._pending and not self._closed:
                    self._changed.wait()
                if not self._pending:
                    return  # closed, everything written
                batch, self._pending = self._pending, {}
                self._writing = True
            self._write(batch)
            with self._changed:
                self._writing = False
                self._changed.notify_all()

    def _write(self, batch: _Pending) -> None:
        changes = [(table, doc_id, doc) for (table, doc_id), doc in batch.items()]
        try:
            self._tables.commit(changes, wait=False)
        except StoreError as error:
            with self._changed:
                first = not self._failed
                self._failed = True
                self._pending.clear()
            if first:
                self._on_error(str(error))

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every change handed over is written (in the kernel: a kill loses
        none of it); False if ``timeout`` seconds passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while self._pending or self._writing:
                if self._failed and not self._writing:
                    return True  # nothing more will be written
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._changed.wait(left)
        return True

    def close(self) -> None:
        """Write what is left, then end the thread."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()
