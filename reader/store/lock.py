"""One writer per database: an advisory flock on a sidecar ``.lock`` file (POSIX)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class WriterLock:
    """Held by the one process allowed to write; released on close or when it dies."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def try_acquire(cls, db: Path) -> WriterLock | None:
        """The lock, or None if another process holds it. OSError if it cannot be created."""
        fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except OSError:
            os.close(fd)
            raise
        # Who holds it, for a human looking at the file; the lock itself is the flock.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def lock_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.lock")


def holder_pid(db: Path) -> int | None:
    """The process id written by the current holder, if readable."""
    try:
        text = lock_path(db).read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
