"""Leaving in time: the app ends within moments of losing its terminal, or of being told to.

A clean exit (the screen restored, the database compacted and unlocked) is always tried
first. If it has not finished in time, because something blocks (a write to a stalled
terminal, a slow fetch, a long analysis in a thread), the process saves what is still
queued for the database (each save is fsync'd to its journal, so nothing saved is lost
and the next start replays it) and ends with ``os._exit``; the kernel drops the
database's lock with the process.

SIGTERM, SIGHUP and SIGINT ask for the clean exit; a second one ends at once. The
terminal's end (a hang-up seen on the tty, a failed write) asks too, with a shorter
grace: nobody is looking any more. `q` gives the clean exit a grace too: on a loaded
machine the shutdown (screens closed, saves made, the journal folded in) waited seconds
for the CPU, the disk or a thread, with a blank screen (#15).

One watch per process, since signals and the exit belong to the process. The terminal
driver starts it when the real app takes over a terminal; apps run headless (tests)
never start it. Every event reaches the watch's thread as one byte on a pipe, which a
signal handler may write safely whatever the main thread is doing; the terminal is
looked at a few times a second besides.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.app import App

GRACE_TERMINAL_LOST = 0.5  # seconds for the clean exit once the terminal is gone
GRACE_SIGNAL = 3.0  # ... once asked by a signal, with the terminal still there
GRACE_QUIT = 1.2  # ... once the user asked to quit (q)
GRACE_LEFTOVERS = 0.4  # ... once the app has shut down and only stray threads remain
SAVE_WAIT = 1.0  # longest wait for a save in progress before a forced exit
TERMINAL_CHECK_EVERY = 0.1  # seconds between looks at the terminal
LAST_RESORT = 1.5  # seconds after the terminal is lost: the kernel ends the process
# ... after q: past the watch's own forced exit (its grace, then a wait for a save)
LAST_RESORT_QUIT = GRACE_QUIT + SAVE_WAIT + 2.0
EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)

_TERMINAL_LOST = 254  # event bytes on the pipe, besides signal numbers
_SHUTDOWN_REACHED = 253
_QUITTING = 252


@runtime_checkable
class SavesPending(Protocol):
    """An app with saves queued for its database, to be written before a forced exit."""

    def save_pending_now(self, timeout: float) -> bool: ...


class ExitWatch:
    """A daemon thread that turns signals and a lost terminal into an exit, in time."""

    def __init__(self, app: App[object], restore_terminal: Callable[[], None]) -> None:
        self._app = app
        self._loop = asyncio.get_running_loop()
        self._restore_terminal = restore_terminal
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)  # a signal handler must never wait
        self._ttys = [fd for fd in (0, 2) if os.isatty(fd)]
        self._deadline: float | None = None
        self._exit_code: int | None = None  # set by the first reason to leave
        self._terminal_gone = False
        self._asked_by_signal = False  # by SIGTERM or SIGINT: a second one ends at once
        self._shut_down = False
        self._thread = threading.Thread(target=self._watch, name="exit-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()
        if threading.current_thread() is threading.main_thread():
            for signum in EXIT_SIGNALS:
                signal.signal(signum, self._on_signal)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the last resort: see below

    def notify(self, event: int) -> None:
        """Wake the watch with ``event`` (a signal number or one of the event bytes)."""
        with contextlib.suppress(OSError):  # a full pipe: the watch has plenty to read
            os.write(self._wake_write, bytes([event]))

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.notify(signum)

    # -- the watch's thread --------------------------------------------------------------

    def _watch(self) -> None:
        while True:
            # A hang-up wakes no poll that asked only for it (the tty wakes its waiters
            # for input or output), so the terminal is looked at a few times a second:
            # a tty that hung up fails every ioctl, and isatty says so.
            wait = TERMINAL_CHECK_EVERY if self._ttys and not self._terminal_gone else None
            if self._deadline is not None:
                left = max(0.0, self._deadline - time.monotonic())
                wait = left if wait is None else min(wait, left)
            readable, _, _ = select.select([self._wake_read], [], [], wait)
            if readable:
                for event in os.read(self._wake_read, 64):
                    self._handle(event)
            if not self._terminal_gone and not all(os.isatty(fd) for fd in self._ttys):
                self._handle(_TERMINAL_LOST)
            if self._deadline is not None and time.monotonic() >= self._deadline:
                self._force_exit()

    def _handle(self, event: int) -> None:
        if event == _SHUTDOWN_REACHED:
            self._shut_down = True
            self._leave_within(GRACE_LEFTOVERS)
        elif event == _QUITTING:
            self._leave_within(GRACE_QUIT)  # the exit code stays the app's own
        elif event == _TERMINAL_LOST:
            if not self._terminal_gone:
                self._terminal_gone = True
                _arm_last_resort(LAST_RESORT)
                self._ask_to_exit(128 + signal.SIGHUP, GRACE_TERMINAL_LOST)
        elif self._asked_by_signal and event != signal.SIGHUP:
            self._deadline = time.monotonic()  # asked again (a second Ctrl-C, kill): now
        else:
            # A hang-up may come twice (from the kernel, forwarded by the shell): it never
            # counts as asking again, and a lost terminal keeps its shorter grace.
            self._asked_by_signal = self._asked_by_signal or event != signal.SIGHUP
            alive = not self._terminal_gone and all(os.isatty(fd) for fd in self._ttys)
            self._ask_to_exit(128 + event, GRACE_SIGNAL if alive else GRACE_TERMINAL_LOST)

    def _ask_to_exit(self, code: int, grace: float) -> None:
        if self._exit_code is None:
            self._exit_code = code
        self._leave_within(grace)
        with contextlib.suppress(RuntimeError):  # the loop has already closed
            self._loop.call_soon_threadsafe(self._app.exit)

    def _leave_within(self, grace: float) -> None:
        deadline = time.monotonic() + grace
        if self._deadline is None or deadline < self._deadline:
            self._deadline = deadline

    def _force_exit(self) -> None:
        if not self._shut_down and isinstance(self._app, SavesPending):
            with contextlib.suppress(Exception):
                self._app.save_pending_now(SAVE_WAIT)
        # Once shut down, the screen may still be on its way back (a stalled terminal):
        # restoring it again costs a few bytes, never a wait.
        with contextlib.suppress(Exception):
            self._restore_terminal()
        code = self._exit_code
        if self._shut_down or code is None:
            code = self._app.return_code or 0  # the app ended (or is ending) as it meant to
        os._exit(code)


def _arm_last_resort(seconds: float) -> None:
    """Have the kernel end the process (SIGALRM's default action) if it is still here.

    The watch's thread needs the GIL to act, and a C call can hold it for long (a big
    JSON file parsed, compiled analysis code): the kernel's timer does not wait for it.
    Ended so, the saves still queued are lost as in a crash; every save already
    reported is in the journal.
    """
    with contextlib.suppress(ValueError, OSError):
        # The earliest armed time stands: a timer already running is never pushed back.
        left, _interval = signal.getitimer(signal.ITIMER_REAL)
        if not left or seconds < left:
            signal.setitimer(signal.ITIMER_REAL, seconds)


_watch: ExitWatch | None = None


def start(app: App[object], *, restore_terminal: Callable[[], None]) -> None:
    """Start this process's watch over ``app`` (once; later calls do nothing)."""
    global _watch
    if _watch is None:
        _watch = ExitWatch(app, restore_terminal)
        _watch.start()


def terminal_lost() -> None:
    """The terminal is gone (a write or a read failed): leave without it."""
    if _watch is not None:
        _watch.notify(_TERMINAL_LOST)


def quitting() -> None:
    """The user asked to quit: the clean exit gets its grace, then the process ends.

    The kernel's timer is armed here too, on the app's thread: the watch forces the exit
    after the grace, but if a C call holds the GIL it cannot run, and the process would
    stay on a blank screen however often the user pressed q.
    """
    if _watch is not None:
        _arm_last_resort(LAST_RESORT_QUIT)
        _watch.notify(_QUITTING)


def stop_helpers() -> None:
    """End the analysis process, if a long story started it: never left behind the app."""
    process_module = sys.modules.get("reader.analysis_process")
    if process_module is not None:
        process_module.shutdown_analysis_process()


def shutdown_reached() -> None:
    """The app has unmounted (its saves are closed): nothing may hold the exit up long."""
    if _watch is not None:
        _watch.notify(_SHUTDOWN_REACHED)
