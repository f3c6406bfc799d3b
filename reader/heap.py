"""Big blocks of memory go back to the system as soon as they are freed (glibc only).

glibc's allocator gives a block of 128 KiB or more its own mapping, unmapped when the
block is freed, but it raises that limit to the size of every such block freed, up to
32 MiB. Once a big story's bytes were decoded and let go, every array and string under
their size came from the heap instead: an array that grows (a story's paragraphs, its
line index) leaves each old copy behind there, free but kept by the process. A story of
a million one-line paragraphs kept 27 MiB of such holes, more than its line index.
Fixing the limit at its default keeps big blocks mapped, so freed means returned.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h
BIG_BLOCK = 128 * 1024  # glibc's own starting limit
BIG_FILE = 1 << 20  # a file this size or more makes blocks worth returning


def return_big_blocks() -> bool:
    """Keep blocks of ``BIG_BLOCK`` or more in mappings of their own for good; whether
    the allocator took the setting (False where it is not glibc's)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: ~2 ms of import that a launch with small files does without

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, BIG_BLOCK))


def any_big_file(paths: Iterable[Path | str]) -> bool:
    """Whether one of ``paths`` is a file of ``BIG_FILE`` bytes or more."""
    for path in paths:
        if isinstance(path, Path):
            try:
                if os.stat(path).st_size >= BIG_FILE:
                    return True
            except OSError:
                continue
    return False
