"""TerminalOutput: a write to a terminal that has gone away loses the terminal, not the app."""

from __future__ import annotations

import contextlib
import os
import pty
import sys

import pytest
from textual.app import App

from reader.ui.terminal_driver import TerminalOutput


def test_writes_to_a_hung_up_terminal_are_dropped_and_reported_once() -> None:
    master, slave = pty.openpty()
    file = os.fdopen(slave, "w", encoding="utf-8")
    lost: list[str] = []
    output = TerminalOutput(file, lambda: lost.append("lost"))
    output.write("\x1b[?1049h")
    output.flush()
    assert not lost and os.read(master, 100) == b"\x1b[?1049h"
    os.close(master)  # the terminal emulator goes away: the tty is hung up
    for _ in range(100):  # more than the writer thread's queue holds
        assert output.write("frame") == len("frame")
        output.flush()
    assert output.lost and lost == ["lost"]
    with contextlib.suppress(OSError):  # what is left in its buffer cannot be written
        file.close()


async def test_threads_take_short_turns_at_the_interpreter_while_the_app_has_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Background threads (a story read, an analysis merged) hold the interpreter lock
    against the UI and the terminal's input thread: while the app runs, in 1 ms turns
    instead of 5; the setting is given back when it leaves the terminal."""
    from textual.drivers.linux_driver import LinuxDriver

    from reader.ui import lifecycle
    from reader.ui.terminal_driver import LOCK_TURN, TerminalDriver

    # Only the driver's own part: no terminal is taken, no exit watch started.
    monkeypatch.setattr(LinuxDriver, "start_application_mode", lambda driver: None)
    monkeypatch.setattr(LinuxDriver, "stop_application_mode", lambda driver: None)
    monkeypatch.setattr(lifecycle, "start", lambda app, restore_terminal: None)
    before = sys.getswitchinterval()
    driver = TerminalDriver(App())
    try:
        driver.start_application_mode()
        assert sys.getswitchinterval() <= LOCK_TURN < before
    finally:
        driver.stop_application_mode()
    assert sys.getswitchinterval() == before
