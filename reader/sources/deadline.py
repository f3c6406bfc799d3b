"""Run a network exchange under one deadline that no trickling server can stretch.

httpx's timeouts bound each read, so a server sending one header byte a second keeps
a fetch going for ever. Here the exchange runs in a daemon thread while the caller
waits for it with a clock: at the deadline the caller leaves with ``Expired`` and
shuts the exchange's sockets, which ends the thread at once. The caller also leaves
when it is told to stop (a cancelled app worker) or the main thread has finished, so a
fetch never holds up the exit of an app whose user pressed `q`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_POLL = 0.1  # how often the waiting caller looks at the clock and at the main thread


class Expired(Exception):
    """The deadline passed; ``elapsed`` is the real time taken, in seconds."""

    def __init__(self, elapsed: float) -> None:
        super().__init__(f"{elapsed:.1f} s")
        self.elapsed = elapsed


class Closing(Exception):
    """The program is ending: nobody waits for this answer any more."""


class Deadline:
    """A fixed point in time, started now."""

    def __init__(self, seconds: float) -> None:
        self.started = time.monotonic()
        self.seconds = seconds

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def remaining(self) -> float:
        return max(0.0, self.seconds - self.elapsed())

    def check(self) -> None:
        """Raise Expired if the time is up."""
        if self.remaining() <= 0:
            raise Expired(self.elapsed())


class Sockets:
    """The sockets an exchange opened, fed by httpx's ``trace`` request extension."""

    def __init__(self) -> None:
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._shut = False  # once the caller has left, later connections end at once

    def trace(self, event: str, info: dict[str, object]) -> None:
        if event.endswith(("connect_tcp.complete", "start_tls.complete")):
            stream = info.get("return_value")
            get_extra = getattr(stream, "get_extra_info", None)
            sock = get_extra("socket") if get_extra is not None else None
            if isinstance(sock, socket.socket):
                with self._lock:
                    self._open.append(sock)
                    if self._shut:
                        _shut_down(sock)

    def shut(self) -> None:
        """Wake every read blocked on these sockets; the reader sees the connection end."""
        with self._lock:
            self._shut = True
            for sock in self._open:
                _shut_down(sock)


def _shut_down(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # closed already
        sock.shutdown(socket.SHUT_RDWR)


class _Outcome(Generic[T]):
    __slots__ = ("error", "value")

    def __init__(self) -> None:
        self.value: T | None = None
        self.error: BaseException | None = None


def run_within(
    exchange: Callable[[], T],
    deadline: Deadline,
    sockets: Sockets,
    *,
    stop: Callable[[], bool] | None = None,
) -> T:
    """``exchange()``'s result or exception, or Expired / Closing once waiting is pointless.

    Closing comes when ``stop()`` turns true or the main thread has finished.
    """
    outcome: _Outcome[T] = _Outcome()

    def run() -> None:
        try:
            outcome.value = exchange()
        except BaseException as error:  # handed to the waiting caller
            outcome.error = error

    worker = threading.Thread(target=run, name="newsreader-fetch", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(max(0.001, min(_POLL, deadline.remaining())))
        if not worker.is_alive():
            break
        if (stop is not None and stop()) or not threading.main_thread().is_alive():
            sockets.shut()
            raise Closing
        if deadline.remaining() <= 0:
            sockets.shut()
            raise Expired(deadline.elapsed())
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]  # set when no error was raised
