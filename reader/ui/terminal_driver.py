"""Textual's Linux driver, made to survive losing its terminal (tmux killed, SSH dropped).

Three things in the stock driver keep a process alive after its terminal is gone:

- its writer thread dies on the first write that fails (EIO on a hung-up tty, EPIPE),
  so the queue in front of it fills up and the next write from the main thread (in the
  middle of shutting down) waits for ever;
- the kernel sends SIGCONT with the SIGHUP of a hang-up, and the driver answers every
  SIGCONT by starting application mode again: a second writer, a second input thread
  spinning on the dead tty's end of file;
- a read error on the tty makes the input thread ask the app to panic.

Output here goes through :class:`TerminalOutput`, which drops what it cannot write and
reports the terminal lost; SIGCONT resumes only a suspension the driver made; the
process-wide exit watch (:mod:`reader.ui.lifecycle`) sees that the app exits in time.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import termios
import threading
from collections.abc import Callable
from io import TextIOWrapper
from typing import IO, Any, cast

from textual.drivers.linux_driver import LinuxDriver

from reader.ui import lifecycle

# What a write to a terminal that has gone away fails with (ValueError: file closed).
_TERMINAL_GONE = {errno.EIO, errno.EPIPE, errno.ENXIO, errno.ENODEV, errno.EBADF}

# How long a thread may hold the interpreter lock while another waits for it, while the
# app has the terminal (Python's default: 5 ms). Threads that read, merge or save in the
# background hold it against the UI thread and the terminal's input and output threads,
# and one key passes it between those several times: a 49 MB story's keys spent up to
# 40 ms more waiting for it at 5 ms turns (main-loop probe in tmux, p90 30 ms -> 40 ms).
LOCK_TURN = 0.001  # seconds

# Leave the alternate screen and show the cursor: what the driver writes on a clean exit.
_LEAVE_APPLICATION_MODE = b"\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1004l\x1b[?2004l\x1b[?1000l\x1b[?1003l"


class TerminalOutput:
    """The file the writer thread writes to: a failed write loses the terminal, not the app.

    Once a write or flush fails, everything after it is dropped at once: nothing is
    left to read it, and nothing may wait on it.
    """

    def __init__(self, file: IO[str], on_lost: Callable[[], None]) -> None:
        self._file = file
        self._on_lost = on_lost
        self.lost = False

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                self._file.write(text)
            except (OSError, ValueError) as error:
                self._failed(error)
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._file.flush()
            except (OSError, ValueError) as error:
                self._failed(error)

    def _failed(self, error: OSError | ValueError) -> None:
        # Any other failure (EAGAIN on a tty someone made non-blocking) costs this piece
        # of output only: the next frame redraws what it needs.
        if isinstance(error, ValueError) or error.errno in _TERMINAL_GONE:
            self._lose()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return True

    def _lose(self) -> None:
        self.lost = True
        self._on_lost()


class TerminalDriver(LinuxDriver):
    """The Linux driver, with the exit watch started and its three hang-ups fixed."""

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        self._lock_turn_before = sys.getswitchinterval()
        self._suspending = False
        self._output = TerminalOutput(cast(IO[str], self._file), lifecycle.terminal_lost)
        self._file = cast(
            TextIOWrapper, self._output
        )  # the writer thread is built on it in start_application_mode

    def start_application_mode(self) -> None:
        lifecycle.start(self._app, restore_terminal=self._restore_terminal_quickly)
        self._lock_turn_before = sys.getswitchinterval()
        sys.setswitchinterval(min(LOCK_TURN, self._lock_turn_before))
        super().start_application_mode()

    def stop_application_mode(self) -> None:
        super().stop_application_mode()
        sys.setswitchinterval(self._lock_turn_before)

    def suspend_application_mode(self) -> None:
        # Textual's suspension (a browser run in the terminal) closes the driver too; the
        # app is not ending then, and telling the exit watch so ended it 0.4 s later.
        self._suspending = True
        try:
            super().suspend_application_mode()
        finally:
            self._suspending = False

    def close(self) -> None:
        if not self._suspending:
            # The app has unmounted, so its saves are closed: whatever still runs after
            # this (a thread busy with a long analysis or a slow fetch) must not hold the
            # exit up.
            lifecycle.shutdown_reached()
        super().close()

    def _sigcont_application(self, *_: Any) -> None:
        # A hang-up comes with SIGCONT: resuming then would start a second writer and a
        # second input thread on a dead terminal. Only a suspension made here is resumed.
        if self._must_signal_resume and not self._terminal_gone():
            super()._sigcont_application()

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        except OSError:
            if not self._terminal_gone():
                raise
            lifecycle.terminal_lost()  # a read on a dead tty: leave quietly, not in a panic

    def _terminal_gone(self) -> bool:
        # A tty that stops being one has hung up (its ioctls fail with EIO).
        return self._output.lost or (self.input_tty and not os.isatty(self.fileno))

    def _restore_terminal_quickly(self) -> None:
        """Before a forced exit: give a live terminal its settings back, never wait on it."""
        if self._terminal_gone():
            return
        if self.attrs_before is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fileno, termios.TCSANOW, self.attrs_before)
        # A stalled terminal would block the write: it gets a moment, in its own thread.
        fd = sys.__stderr__.fileno() if sys.__stderr__ is not None else self.fileno
        writer = threading.Thread(target=_write_quietly, args=(fd,), daemon=True)
        writer.start()
        writer.join(0.1)


def _write_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.write(fd, _LEAVE_APPLICATION_MODE)
