"""Writing exports to disk: atomic replacement and fresh, dated file names."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from datetime import date
from pathlib import Path


def write_atomically(target: Path, text: str) -> None:
    """Replace ``target`` in one step, so a failed write never leaves half a file."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_export(target: Path, text: str) -> Path:
    """Write ``text`` where the user pointed ``--output``, as a shell's ``>`` would, and
    return the file that now holds it.

    A regular file (or a new name) is replaced atomically. A symlink is written through:
    its target is replaced, the link stays. A FIFO, a terminal or another device
    (``/dev/stdout`` too) is written into directly: it cannot be replaced, and a file put
    in its place would hide the text from whoever reads it. Raises OSError with a reason.
    """
    try:
        mode: int | None = target.stat().st_mode  # through any symlinks
    except FileNotFoundError:
        mode = None  # a new file, or a link to one not there yet
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OSError("a symlink that loops back on itself") from None
        raise
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError("a folder, not a file")
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return target
    try:
        real = target.resolve(strict=False)
    except RuntimeError:  # Python < 3.13 on a symlink loop
        raise OSError("a symlink that loops back on itself") from None
    write_atomically(real, text)
    return real


def default_folder() -> Path:
    """Where the app saves exports: the user's Documents folder, else their home."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def fresh_path(folder: Path, stem: str, suffix: str, *, today: date | None = None) -> Path:
    """``folder/stem-2026-11-28.md``, or ``...-2.md`` and so on if that name is taken."""
    day = (today or date.today()).isoformat()
    candidate = folder / f"{stem}-{day}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{day}-{number}{suffix}"
        number += 1
    return candidate


def save_new_file(text: str, folder: Path, stem: str, suffix: str) -> Path:
    """Write ``text`` to a new dated file in ``folder`` (never overwriting) and return it.

    Raises OSError when the folder is missing or not writable; the caller says so.
    """
    while True:
        target = fresh_path(folder, stem, suffix)
        try:
            # Claim the name first so two saves in the same second cannot share it.
            with open(target, "x", encoding="utf-8"):
                pass
        except FileExistsError:
            continue
        try:
            write_atomically(target, text)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target
