"""The server that forks worker processes when they cannot be forked from this process.

A local Dask cluster's workers come from it (this process runs Dask's threads when they
start), and so do a process pool's when this process has other threads (a restarted
pool, a name finder's thread pool); otherwise a pool forks its workers from this
process (see ``reader.corpus.engines``). A worker forked from a server that has imported
(and warmed) the analysis once starts in a few milliseconds, shares the word lists'
memory with its siblings, and never inherits this process's threads and open files.
For a Dask run the server is a copy of this process forked once it has imported Dask
(``fork_server_from_here``): a fresh server would import it all over again. Only the
standard library here, so starting a server costs no import.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

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


# What Python's forkserver keeps in this process about its server (3.11 to 3.13). A
# version that keeps more (an authentication key) gets a fresh server instead.
_SERVER_STATE = {
    "_forkserver_address",
    "_forkserver_alive_fd",
    "_forkserver_pid",
    "_inherited_fds",
    "_lock",
    "_preload_modules",
}


def fork_server_from_here(preload: Sequence[str] = ()) -> bool:
    """Start the server that forks worker processes as a copy of this process as it is now.

    A fresh server is a new interpreter that imports everything again: with Dask, some
    0.45 s of CPU, and workers asked for while it imports wait for it (measured: they
    started 0.35 s after the nannies asked). Forked from this process once it has
    imported Dask and warmed the analysis, the server is ready at once and the workers
    it forks start with all of it. Returns False where that is not safe (not Linux,
    another thread in this process that could hold a lock at the fork, a Python whose
    forkserver works differently): the caller then starts a fresh server. The server
    imports ``preload`` (what each worker would import as it starts and this process
    has not) while it waits for the first request.
    """
    from multiprocessing import connection, forkserver, resource_tracker, util

    server: Any = getattr(forkserver, "_forkserver", None)
    if sys.platform != "linux" or set(getattr(server, "__dict__", ())) != _SERVER_STATE:
        return False
    with server._lock:
        if server._forkserver_pid is not None:
            return True
        resource_tracker.ensure_running()  # its own process; every worker is handed its pipe
        if thread_count() != 1:
            return False
        address = connection.arbitrary_address("AF_UNIX")  # type: ignore[attr-defined]
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind(address)
            if not util.is_abstract_socket_namespace(address):
                os.chmod(address, 0o600)
            listener.listen()
            alive_r, alive_w = os.pipe()  # the server stops when every writer has gone
            for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
                with contextlib.suppress(Exception):
                    stream.flush()
            pid = os.fork()
            if pid == 0:
                _serve(listener.fileno(), alive_r, alive_w, list(preload))  # never returns
            os.close(alive_r)
        server._forkserver_address = address
        server._forkserver_alive_fd = alive_w
        server._forkserver_pid = pid
    return True


def _serve(listener: int, alive_r: int, alive_w: int, preload: list[str]) -> None:
    """The forked server: forks a worker for each request until this process has gone."""
    from multiprocessing import forkserver

    try:
        os.close(alive_w)
        # Ctrl-C is for the main process (see start_forkserver): the server hands the
        # SIGINT handler it starts with to every worker it forks.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # No worker writes records: none holds the reader's end of stdout open.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
        # Ends with SystemExit when all have gone; a module of ``preload`` that is not
        # installed is passed over.
        forkserver.main(listener, alive_r, preload)
    finally:
        os._exit(0)  # never this process's clean-up (its files, its buffers) a second time


def thread_count() -> int:
    """Threads of this process as the kernel counts them (a native library's too)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


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
