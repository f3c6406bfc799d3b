"""Read a file a user named, whatever it turns out to be, within a size cap and a time limit.

A regular file is measured before it is read. Anything else (a FIFO, /dev/zero, a
terminal, a pipe on standard input) is read as it comes, giving up at the cap or
when nothing arrives for ``idle`` seconds, so no file can make a command hang or
fill memory. A FIFO is opened without waiting for a writer.
"""

from __future__ import annotations

import os
import select
import stat

from reader.sources.decoding import human_size


class Refused(Exception):
    """The file cannot be read; ``str()`` is the reason, one line, naming the file."""


def read_capped(path: str | None, max_bytes: int, idle: float) -> bytes:
    """The bytes of ``path`` (None: standard input), or Refused."""
    shown = "standard input" if path is None else path
    if path is None:
        fd, close = 0, False
    else:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise Refused(f"no such file: {path}") from None
        except IsADirectoryError:
            raise Refused(f"{path} is a folder, not a backup file") from None
        except OSError as error:
            raise Refused(f"cannot read {path}: {error.strerror or error}") from None
        close = True
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Refused(f"{shown} is a folder, not a backup file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise Refused(f"{shown} is too large for a backup (over {human_size(max_bytes)})")
        return _read(fd, shown, max_bytes, idle)
    except OSError as error:
        raise Refused(f"cannot read {shown}: {error.strerror or error}") from None
    finally:
        if close:
            os.close(fd)


def _read(fd: int, shown: str, max_bytes: int, idle: float) -> bytes:
    pieces: list[bytes] = []
    size = 0
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while True:
        if not poller.poll(idle * 1000):
            raise Refused(f"{shown}: nothing arrived for {idle:g} s, so gave up waiting")
        try:
            piece = os.read(fd, min(1 << 20, max_bytes + 1 - size))
        except BlockingIOError:
            continue  # woken with nothing to read after all
        if not piece:
            return b"".join(pieces)
        size += len(piece)
        if size > max_bytes:
            raise Refused(f"{shown} is too large for a backup (over {human_size(max_bytes)})")
        pieces.append(piece)
