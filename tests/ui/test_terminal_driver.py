"""TerminalOutput: a write to a terminal that has gone away loses the terminal, not the app."""

from __future__ import annotations

import contextlib
import os
import pty

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
