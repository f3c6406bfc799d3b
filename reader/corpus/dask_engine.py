"""Corpus batches as tasks on a Dask distributed cluster, gathered in input order.

``local`` starts a LocalCluster of worker processes on this machine; any other address
names a running ``dask scheduler`` whose ``dask worker`` processes have newsreader
installed (tasks name the batch function by its import path, so workers import it).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future
from typing import Any

from reader.collection_pause import freeze_survivors
from reader.corpus.batch import BatchResult, Options, analyze_batch
from reader.corpus.dask_import import import_distributed
from reader.corpus.engines import LOCAL_WINDOWS, Batch, EngineError, done, lost_batch
from reader.corpus.forkserver import (
    DASK_PRELOAD,
    fork_server_from_here,
    start_forkserver,
    thread_count,
)
from reader.corpus.head_start import HEAD_START_FULL_BYTES, HeadStart

LOCAL_CLUSTER_CONFIG = {
    # Workers forked from a server that has imported Dask once start in a fraction of
    # the time (and CPU) of fresh interpreters that each import it.
    "distributed.worker.multiprocessing-method": "forkserver",
    # Each worker's event loop wakes up for these while the analysis runs; every wake-up
    # takes the interpreter lock from the analysis. Sampling stacks every 10 ms for a
    # dashboard nobody opens and checking for a blocked loop every 20 ms cost the most.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    # Batches are alike and few are in flight: there is nothing to steal.
    "distributed.scheduler.work-stealing": False,
}


# What a local cluster's worker imports as it starts and this process has not: the
# worker's own web pages; NumPy's random module, if this process has loaded NumPy (Dask
# then reseeds it in each worker). Imported by the server the workers are forked from,
# once, while it waits for the nannies: measured, numpy.random alone took 14 to 50 ms
# of each worker's start.
WORKER_IMPORTS = ("distributed.http.worker.prometheus",)
NUMPY_WORKER_IMPORTS = ("numpy.random",)
# What this process imports anyway as its scheduler and client start, and each worker as
# it starts: imported before the workers' server is forked, they cost the workers
# nothing. (The modules of the web pages the scheduler and every worker serve, Tornado's
# event loop.)
SHARED_IMPORTS = ("distributed.http.health", "distributed.http.statics", "tornado.platform.asyncio")
# Seconds a thread holds the interpreter lock before another waiting for it gets a turn,
# while a local cluster starts beside the analysis in this process.
STARTING_SWITCH_INTERVAL = 0.0002
# Seconds between looks at whether a head start has finished, while the cluster starts.
HEAD_START_POLL = 0.01


def open_dask(
    options: Options, address: str, jobs: int, stream: Iterable[Batch]
) -> tuple[DaskEngine, Iterator[Batch]]:
    """The engine on the cluster at ``address``, and the batches it has not taken yet.

    A local cluster's first batches are taken at once and analysed by a copy of this
    process while Dask is imported and the cluster starts (see reader.corpus.head_start).
    """
    stream = iter(stream)
    head: HeadStart | None = None
    if address == "local" and sys.platform == "linux" and thread_count() == 1:
        taken: list[Batch] = []
        size = 0
        for batch in stream:
            taken.append(batch)
            size += batch.size
            if size >= HEAD_START_FULL_BYTES:
                break
        if taken:
            head = HeadStart(taken, options)
    try:
        return DaskEngine(options, address, jobs, head), stream
    except BaseException:
        if head is not None:
            head.close()
        raise


class DaskEngine:
    """The same batches as tasks on a Dask distributed cluster, gathered in order."""

    def __init__(
        self, options: Options, address: str, jobs: int, head: HeadStart | None = None
    ) -> None:
        needs_dask = EngineError("--scheduler needs Dask: pip install 'newsreader[dask]'")
        if importlib.util.find_spec("distributed") is None:
            raise needs_dask
        if address == "local":
            # NumPy, already imported (by a name finder) or imported by a worker, starts
            # a BLAS thread of its own at once: this process does no linear algebra, and
            # with one thread it can fork the server its workers come from. (Dask sets
            # the same for its workers.)
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        try:
            client, local_cluster = import_distributed()
        except ImportError:
            raise needs_dask from None
        if address == "local":
            _load_shared()
            # What is loaded now (Dask, the warm analysis) lives as long as the process:
            # frozen, the server and the workers forked from it never copy its pages
            # by walking them in a collection.
            freeze_survivors()
            imports = [*WORKER_IMPORTS]
            if "numpy" in sys.modules:
                imports += NUMPY_WORKER_IMPORTS
            if not fork_server_from_here(imports):
                start_forkserver(DASK_PRELOAD)

        # Dask reports every closed connection at shutdown; only real errors should show.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self.options = options
        self.head = head
        self.window = 2 * max(1, jobs)
        self._cluster: Any = None
        self._client: Any = None
        self._failure: EngineError | None = None
        self._connecting: threading.Thread | None = None
        self._switch_interval = sys.getswitchinterval()
        if address == "local":
            # A local cluster starts aside (its workers fork and sign in with the
            # scheduler, a fraction of a second of waiting) while this process
            # analyses the first batches itself.
            self._connecting = threading.Thread(
                target=self._connect_aside, args=(address, jobs, client, local_cluster)
            )
            self._connecting.daemon = True
            # Starting a cluster is many short steps on its threads (messages between
            # the scheduler, the nannies and the client), each waiting for the
            # interpreter lock that the analysis here holds. At the default 5 ms a turn
            # the cluster and its client took 0.35-0.9 s to start, at 0.2 ms 0.25-0.35 s
            # (measured on 2 busy cores): shorter turns until it is up.
            sys.setswitchinterval(STARTING_SWITCH_INTERVAL)
            self._connecting.start()
        else:
            self._connect(address, jobs, client, local_cluster)

    def _connect(self, address: str, jobs: int, client: Any, local_cluster: Any) -> None:
        try:
            if address == "local":
                import dask

                dask.config.set(LOCAL_CLUSTER_CONFIG)
                _answer_nannies_sooner()
                _keep_our_forkserver()
                self._cluster = local_cluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Without a dashboard the scheduler still serves a few HTTP pages, on
                    # port 8787 if it is free and with a warning on stderr if not: on a
                    # port of its own on this machine only, it neither warns nor shows.
                    scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.CRITICAL,
                    # A worker holds a few batches at a time (the window): no limit to
                    # watch. With one, each worker and its nanny sample the process's
                    # memory and weigh every result for spilling to disk; measured, the
                    # runs took 0.1 s less without (20 MB, same rounds).
                    memory_limit=0,
                )
                # Records come straight from the workers, not through the scheduler.
                self._client = client(self._cluster, direct_to_workers=True)
            else:
                _probe(address)
                self._client = client(address, timeout="10s")
                self._client.wait_for_workers(1, timeout=30)
        except Exception as error:
            self._close_cluster()
            where = "a local Dask cluster" if address == "local" else address
            raise EngineError(f"cannot use {where}: {error}") from None
        threads = sum(self._client.nthreads().values())
        self.window = 2 * max(1, threads)

    def _connect_aside(self, *how: Any) -> None:
        try:
            self._connect(*how)
        except EngineError as error:  # raised in this process's own thread by _ready
            self._failure = error

    @property
    def most(self) -> int:
        """Batches at most between their reading and their writing (results held)."""
        return LOCAL_WINDOWS * self.window

    def _ready(self, wait: bool) -> bool:
        """Whether the cluster can take tasks (``wait``: once it can); its EngineError."""
        if self._connecting is not None:
            if wait:
                self._connecting.join()
            if self._connecting.is_alive():
                return False
            self._connecting = None
            sys.setswitchinterval(self._switch_interval)
        if self._failure is not None:
            raise self._failure
        return True

    def run(self, batches: Iterable[Batch]) -> Generator[tuple[Batch, BatchResult], None, None]:
        # Batches analysed here while the cluster starts wait for it to be up before any
        # is written: a cluster that fails to start leaves no records behind.
        pending: deque[tuple[Batch, Any]] = deque()
        if self.head is not None:
            pending.extend(zip(self.head.batches, self.head.futures, strict=True))
            # Analysing here too while the head start does would slow the cluster's start
            # (its threads wait for this one's interpreter lock) more than it gains:
            # measured, workers took their first task at 0.82 s instead of 0.63 s.
            while self._connecting is not None and self._connecting.is_alive():
                if not self.head.busy():
                    break
                self._connecting.join(HEAD_START_POLL)
        try:
            for batch in batches:
                if not self._ready(wait=len(pending) >= self.most):
                    pending.append((batch, done(analyze_batch(batch.payload, self.options))))
                    continue
                pending.append((batch, self._submit(batch)))
                yield from self._written(pending, until_empty=False)
            self._ready(wait=True)
            yield from self._written(pending, until_empty=True)
        finally:
            if self._client is not None:
                self._client.cancel([f for _, f in pending if not isinstance(f, Future)])

    def _written(
        self, pending: deque[tuple[Batch, Any]], until_empty: bool
    ) -> Iterator[tuple[Batch, BatchResult]]:
        """Each batch at the head whose result is in, until the cluster can take another.

        The cluster is full when ``window`` tasks are unfinished, not when ``window``
        tasks wait to be written: the tasks shrink towards the end, and a worker done
        with its small ones would otherwise sit idle until the other finished its larger
        one at the head (measured: 0.1-0.3 s idle per worker at the end of a 20 MB run).
        """
        while pending:
            future = pending[0][1]
            if self._in(future):
                yield self._next(pending)
                continue
            running = [f for _, f in pending if not isinstance(f, Future) and not f.done()]
            if not until_empty and len(running) < self.window and len(pending) < self.most:
                return
            if running:
                self._wait_any(running)
            else:  # the head start's, while it still analyses
                yield self._next(pending)

    def _in(self, future: Any) -> bool:
        """Whether a result can be had without waiting (the head start's: once it is done)."""
        if isinstance(future, Future):  # analysed here (done), or by the head start
            return future.done() or self.head is None or not self.head.busy()
        return bool(future.done())

    def _submit(self, batch: Batch) -> Any:
        # pure=False: a batch's key would otherwise be a hash of all its text.
        return self._client.submit(analyze_batch, batch.payload, self.options, pure=False)

    def _wait_any(self, futures: list[Any]) -> None:
        from distributed import wait

        wait(futures, return_when="FIRST_COMPLETED")

    def _next(self, pending: deque[tuple[Batch, Any]]) -> tuple[Batch, BatchResult]:
        batch, future = pending.popleft()
        try:
            return batch, future.result()
        except Exception as error:
            return batch, failed_task(batch, error)

    def close(self) -> None:
        if self.head is not None:
            self.head.close()
        if self._connecting is not None:  # the cluster is half started: wait, then stop it
            self._connecting.join()
            sys.setswitchinterval(self._switch_interval)
        self._close_cluster()

    def _close_cluster(self) -> None:
        # A local cluster first: its scheduler closes the client's connection on the
        # way, and the client then closes at once. Closed first, the client waited for
        # the scheduler to answer its goodbye: 10-14 ms more at the end of every run.
        if self._cluster is not None:
            self._cluster.close()
        if self._client is not None:
            self._client.close()


# Seconds between a nanny's looks for the message its new worker sends once it is up.
NANNY_LOOK_SECONDS = 0.005


def _answer_nannies_sooner() -> None:
    """A nanny looks every 50 ms (a class attribute, not a setting) for word from its new
    worker: measured, the cluster was up 20-55 ms after its last worker. In this process
    only, and only where that attribute is found."""
    from distributed.nanny import WorkerProcess

    if isinstance(getattr(WorkerProcess, "_init_msg_interval", None), float):
        WorkerProcess._init_msg_interval = NANNY_LOOK_SECONDS


def _load_shared() -> None:
    """What the scheduler, the client and each worker load as they start, loaded here once.

    The versions of Dask's packages, which every worker sends as it signs in (and the
    scheduler and the client too), are looked up in the installed packages' metadata:
    measured, 12 ms of CPU and the import of an e-mail parser, once per process. Looked
    up here, they are kept for the workers forked after.
    """
    from distributed.versions import get_versions

    get_versions()
    for name in SHARED_IMPORTS:
        importlib.import_module(name)


def _keep_our_forkserver() -> None:
    """The nannies' first worker imports nothing to name a preload for the server.

    The first time a nanny asks for a forkserver's context, Dask imports every package
    it knows of (NumPy, pandas, lz4) in this process to name them as the server's
    preload: measured, 0.1-0.15 s on the way to the first worker, for a server that is
    already running (forked from here, or started with its own preload), which a
    preload named now would not change. Only where Dask's flag for it is found.
    """
    from distributed import utils

    if isinstance(getattr(utils, "_forkserver_preload_set", None), bool):
        utils._forkserver_preload_set = True


def failed_task(batch: Batch, error: Exception) -> BatchResult:
    """Outcomes for a task that failed on the cluster, or an EngineError if all will fail."""
    if isinstance(error, ImportError):  # the same on every batch: say it once, and stop
        raise EngineError(
            f"the Dask workers cannot run the analysis ({error}): "
            "install newsreader where each `dask worker` runs"
        ) from None
    # A worker lost more often than Dask retries a task (killed, out of memory).
    return lost_batch(batch, f"the Dask task failed ({type(error).__name__})")


def _probe(address: str) -> None:
    """Fail at once when nothing listens at a TCP address, instead of retrying for seconds."""
    import socket

    from distributed.comm import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme != "tcp":
            return
        host, port = parse_host_port(location)
    except ValueError:
        raise OSError("not a scheduler address like tcp://HOST:8786") from None
    try:
        socket.create_connection((host, port), timeout=5).close()
    except ConnectionRefusedError:
        raise OSError("nothing is listening there (is `dask scheduler` running?)") from None
