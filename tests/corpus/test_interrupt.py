"""Ctrl-C at a terminal in the middle of a run: every process stops, without a traceback."""

from __future__ import annotations

import importlib.util
import os
import pty
import re
import select
import sys
import time
from pathlib import Path

import pytest

from tests.corpus.corpus_files import REPO, write_corpus

ENGINES = [
    pytest.param(["--jobs", "2"], id="pool"),
    pytest.param(
        ["--scheduler", "local", "--jobs", "2"],
        id="dask",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("distributed") is None, reason="needs newsreader[dask]"
        ),
    ),
]
# More than this process analyses by itself while the workers start (LOCAL_WINDOWS full
# windows of 512 KB batches, ~8 MB): on a slow machine a smaller run ends before the
# cluster is up, and there is nothing left to interrupt.
DOCUMENTS = 2400


def _start_on_a_terminal(args: list[str], stdout: Path) -> tuple[int, int]:
    """The command with a terminal of its own as stderr (and as the source of Ctrl-C)."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: records to a file, the progress bar to the terminal
        out = os.open(stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.chdir(REPO)
        os.execv(sys.executable, [sys.executable, "-m", "reader.cli", *args])
    return pid, terminal


def _read(terminal: int, timeout: float) -> bytes:
    ready, _, _ = select.select([terminal], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(terminal, 65536)
    except OSError:  # the command has ended and closed the terminal
        return b""


@pytest.mark.parametrize("engine", ENGINES)
def test_ctrl_c_stops_every_process_quietly(tmp_path: Path, engine: list[str]) -> None:
    corpus = write_corpus(tmp_path / "docs.jsonl", DOCUMENTS)
    pid, terminal = _start_on_a_terminal(["analyze", str(corpus), *engine], tmp_path / "out")
    shown = b""
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:  # until the bar counts the first records written
            shown += _read(terminal, 0.05)
            counts = [int(n.replace(b",", b"")) for n in re.findall(rb"([\d,]+) documents", shown)]
            assert not counts or counts[-1] < DOCUMENTS, "the run ended before Ctrl-C"
            if counts and counts[-1] > 0:
                break
        else:
            raise AssertionError(f"no progress shown: {shown[-500:]!r}")
        os.write(terminal, b"\x03")  # Ctrl-C, as typed: SIGINT to every process of the run
        began = time.monotonic()
        _, status = os.waitpid(pid, 0)
        stopped_after = time.monotonic() - began
        while chunk := _read(terminal, 0.5):
            shown += chunk
    finally:
        os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 130
    assert stopped_after < 15
    after_ctrl_c = shown.decode(errors="replace")
    assert "Traceback" not in after_ctrl_c
    assert "Error" not in after_ctrl_c
