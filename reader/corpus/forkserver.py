"""The server that forks corpus worker processes, started before this process needs it.

A worker forked from a server that has imported (and warmed) the analysis once starts in
a few milliseconds, shares the word lists' memory with its siblings, and never inherits
this process's threads and open files. The server takes a while to import what it
preloads, so a run starts it first thing: it imports on one core while this process
imports on the other. Only the standard library here, so starting it costs no import.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading

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
    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
