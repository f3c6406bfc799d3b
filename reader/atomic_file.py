"""Files replaced in one step: a reader sees the old bytes or the new ones, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """``data`` into ``target`` through a temporary file beside it, renamed into place.

    OSError (a full disk, no rights) leaves ``target`` as it was and no temporary behind.
    """
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
