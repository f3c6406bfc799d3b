"""The server that forks worker processes when they cannot be forked from this process.

A local Dask cluster's workers come from it (this process runs Dask's threads when they
start), and so do a process pool's when this process has other threads (a restarted
pool, a name finder's thread pool); otherwise a pool forks its workers from this
process (see ``reader.corpus.engines``). A worker forked from a server that has imported
(and warmed) the analysis once starts in a few milliseconds, shares the word lists'
memory with its siblings, and never inherits this process's threads and open files.
The server takes a while to import what it preloads, so a Dask run starts it first
thing: it imports on one core while this process imports on the other. Only the
standard library here, so starting it costs no import.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator

# What a pool's worker needs. "__main__": the server runs the `newsreader` script (as
# __mp_main__, so not its main()) once, where each worker would on its way in.
POOL_PRELOAD = ["__main__", "reader.corpus.batch", "reader.corpus.warm"]
# A LocalCluster's worker processes run Dask first of all.
DASK_PRELOAD = ["distributed", *POOL_PRELOAD]


def start_forkserver(preload: list[str]) -> None:
    """Start the server that forks worker processes, having imported ``preload`` once.

    Returns at once: the server imports in the background, and the first worker forked
    from it waits for that. Ctrl-C reaches every process in the terminal's group: the
    main process stops the workers, and a worker must not print a KeyboardInterrupt
    traceback of its own on the way. Started with SIGINT ignored, the server and every
    process it forks keep ignoring it (a forked worker gets the server's own handlers).
    """
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(preload)
    with _our_import_path():
        if threading.current_thread() is not threading.main_thread():
            forkserver.ensure_running()
            return
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _our_import_path() -> Iterator[None]:
    """The server (and the workers it forks) import from where this process imports.

    Python 3.11's server leaves out the import path it is handed and starts with the
    current directory first: run from a folder that holds another `reader` package (a
    checkout of another version), the workers would analyse with that one. Started with
    this process's path as PYTHONPATH and without the current directory, they do not.
    """
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ["PYTHONPATH"] = os.pathsep.join(entry for entry in sys.path if entry)
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
