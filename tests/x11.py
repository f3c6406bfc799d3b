"""A private X server (Xvfb) for tests that need a real clipboard.

Xvfb picks a free display number itself (``-displayfd``) and writes it once it accepts
connections, so parallel test runs never race for a number. Tests using the
``x_display`` fixture are skipped when Xvfb or xclip is missing.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

START_TIMEOUT = 10.0


def _read_display_number(process: subprocess.Popen[bytes], read_fd: int) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    received = b""
    while not received.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or process.poll() is not None:
            raise RuntimeError("Xvfb did not start")
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if ready:
            chunk = os.read(read_fd, 64)
            if not chunk:
                raise RuntimeError("Xvfb exited before reporting its display")
            received += chunk
    return received.decode().strip()


def _wait_for_socket(number: str) -> None:
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + START_TIMEOUT
    while not socket.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"Xvfb socket {socket} never appeared")
        time.sleep(0.02)


@pytest.fixture
def x_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DISPLAY of a fresh Xvfb server (Wayland unset), stopped after the test."""
    if not shutil.which("Xvfb") or not shutil.which("xclip"):
        pytest.skip("needs Xvfb and xclip (apt-get install xvfb xclip)")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        number = _read_display_number(process, read_fd)
        _wait_for_socket(number)
        display = f":{number}"
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        yield display
    finally:
        os.close(read_fd)
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def read_clipboard(display: str, expected: str, timeout: float = 5.0) -> str:
    """What the CLIPBOARD selection holds, read the way a user would with ``xclip -o``.

    xclip hands the selection to a forked child and returns before the child owns it,
    so the read is retried until ``expected`` shows up or ``timeout`` passes.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = subprocess.run(
            ["xclip", "-selection", "clipboard", "-o"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            timeout=5,
        )
        text = result.stdout.decode("utf-8")
        if text == expected or time.monotonic() > deadline:
            return text
        time.sleep(0.02)
