"""OSC 52 from inside tmux: what `set -s set-clipboard on` changes, with a real tmux."""

from __future__ import annotations

import os
import pty
import select
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.clipboard import osc52_sequence

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

TEXT = "“Мы готовы” — Рябков"


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[list[str]]:
    """A private tmux server (own socket, no user config), killed after the test."""
    base = ["tmux", "-S", str(tmp_path / "socket"), "-f", "/dev/null"]
    subprocess.run([*base, "new-session", "-d", "-x", "80", "-y", "20"], check=True, timeout=10)
    try:
        yield base
    finally:
        subprocess.run([*base, "kill-server"], capture_output=True, timeout=10)


def _write_from_a_pane(base: list[str], sequence: str) -> None:
    """Run a program in a new pane that writes ``sequence``, and wait until it has."""
    channel = f"written-{uuid.uuid4().hex}"
    writer = f"import sys; sys.stdout.write({sequence!r}); sys.stdout.flush()"
    command = f"{shlex.quote(sys.executable)} -c {shlex.quote(writer)}; tmux wait-for -S {channel}"
    subprocess.run([*base, "new-window", "-d", command], check=True, timeout=10)
    subprocess.run([*base, "wait-for", channel], check=True, timeout=10)


def _buffers(base: list[str]) -> list[str]:
    listed = subprocess.run(
        [*base, "list-buffers", "-F", "#{buffer_name}"], capture_output=True, text=True
    )
    names = listed.stdout.split()
    return [
        subprocess.run(
            [*base, "show-buffer", "-b", name], capture_output=True, text=True, check=True
        ).stdout
        for name in names
    ]


def test_with_set_clipboard_on_tmux_takes_our_osc52(tmux: list[str]) -> None:
    subprocess.run([*tmux, "set", "-s", "set-clipboard", "on"], check=True, timeout=10)
    _write_from_a_pane(tmux, osc52_sequence(TEXT, in_tmux=False))
    assert _buffers(tmux) == [TEXT]


def test_with_set_clipboard_off_tmux_drops_it(tmux: list[str]) -> None:
    subprocess.run([*tmux, "set", "-s", "set-clipboard", "off"], check=True, timeout=10)
    _write_from_a_pane(tmux, osc52_sequence(TEXT, in_tmux=False))
    assert _buffers(tmux) == []


def _attached_client_output(base: list[str], sequence: str) -> bytes:
    """What a terminal attached to tmux receives while a pane writes ``sequence``."""
    master, slave = pty.openpty()
    client = subprocess.Popen(
        [*base, "attach"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color"},
        start_new_session=True,
    )
    os.close(slave)
    received = b""
    marker = f"done-{uuid.uuid4().hex[:8]}"
    try:
        # The new window is shown at once, so its output goes to the attached client; the
        # marker is drawn after the sequence, so once it arrives the sequence had its chance.
        writer = (
            f"import sys; sys.stdout.write({sequence!r}); sys.stdout.flush(); print({marker!r})"
        )
        command = f"{shlex.quote(sys.executable)} -c {shlex.quote(writer)}; sleep 10"
        _wait_until_attached(base)
        subprocess.run([*base, "new-window", command], check=True, timeout=10)
        deadline = time.monotonic() + 10
        while marker.encode() not in received and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    received += os.read(master, 65536)
                except OSError:
                    break
        assert marker.encode() in received, "the pane's output never reached the client"
    finally:
        subprocess.run([*base, "kill-server"], capture_output=True, timeout=10)
        client.wait(timeout=10)
        os.close(master)
    return received


def _wait_until_attached(base: list[str]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        clients = subprocess.run([*base, "list-clients"], capture_output=True, text=True)
        if clients.stdout.strip():
            return
        time.sleep(0.05)
    raise RuntimeError("the tmux client never attached")


def test_wrapped_osc52_passes_through_to_the_outer_terminal(tmux: list[str]) -> None:
    subprocess.run([*tmux, "set", "-g", "allow-passthrough", "on"], check=True, timeout=10)
    received = _attached_client_output(tmux, osc52_sequence(TEXT, in_tmux=True))
    assert osc52_sequence(TEXT, in_tmux=False).encode() in received


def test_without_allow_passthrough_the_wrapped_sequence_stops_at_tmux(tmux: list[str]) -> None:
    subprocess.run([*tmux, "set", "-g", "allow-passthrough", "off"], check=True, timeout=10)
    received = _attached_client_output(tmux, osc52_sequence(TEXT, in_tmux=True))
    assert b"\x1b]52;" not in received
