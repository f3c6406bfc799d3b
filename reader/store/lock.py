"""One writer per database: a lock on a sidecar ``.lock`` file, held by one process.

filelock takes the operating system's own lock (flock on POSIX, LockFileEx-style byte
locks on Windows), so the store imports and locks on every platform, and a lock dies
with the process that held it: a crashed newsreader never leaves the database locked.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelock import BaseFileLock


class WriterLock:
    """Held by the one process allowed to write; released on close or when it dies."""

    def __init__(self, lock: BaseFileLock) -> None:
        self._lock: BaseFileLock | None = lock

    @classmethod
    def try_acquire(cls, db: Path) -> WriterLock | None:
        """The lock, or None if another holder has it. OSError if it cannot be taken."""
        from filelock import FileLock, Timeout  # the store opens after the first screen

        lock = FileLock(
            lock_path(db),
            timeout=0,
            mode=0o644,
            # The store may be closed from another thread than the one that opened it.
            thread_local=False,
            # Keep the file after release (Windows would delete it), and never fall back
            # to a marker file that a crash would leave behind as a stale lock.
            preserve_lock_file=True,
            fallback_to_soft=False,
            on_acquired=_write_pid,
        )
        try:
            lock.acquire()
        except Timeout:
            return None
        return cls(lock)

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release(force=True)
            self._lock = None


def _write_pid(fd: int) -> None:
    """Who holds it, for a human and for the read-only notice; the lock itself is the OS's."""
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())


def lock_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.lock")


def holder_pid(db: Path) -> int | None:
    """The process id written by the current holder, if readable."""
    try:
        text = lock_path(db).read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
