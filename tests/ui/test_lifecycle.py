"""The exit watch: a shutdown that does not finish in time ends in a forced exit, saves first.

Each case runs in a process of its own (the watch ends its process) with an app whose
clean exit never finishes, as when its main thread is stuck writing to a dead terminal.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

STUCK_APP = """
import asyncio, os, signal, sys
from pathlib import Path
from reader.ui import lifecycle

lifecycle.GRACE_SIGNAL = float(sys.argv[2])
saved = Path(sys.argv[1])
stuck_saving = "stuck-saving" in sys.argv[3:]

class StuckApp:
    return_code = None
    def exit(self):
        if "shut-down" in sys.argv[3:]:
            lifecycle.shutdown_reached()  # saves closed; only a stray thread holds the end
        # else the clean exit never gets anywhere
    def save_pending_now(self, timeout):
        if stuck_saving:
            import time
            time.sleep(60)  # as if a C call held the GIL: the watch cannot go on
        saved.write_text("saved")
        return True

async def main():
    lifecycle.start(StuckApp(), restore_terminal=lambda: None)
    print("ready", flush=True)
    if "lost" in sys.argv[3:]:
        lifecycle.terminal_lost()
    if "quit" in sys.argv[3:]:
        lifecycle.quitting()  # q: the shutdown then waits on the CPU, the disk, a thread
    await asyncio.sleep(60)

asyncio.run(main())
"""


def _start(tmp_path: Path, grace: float, *extra: str) -> tuple[subprocess.Popen[str], Path]:
    saved = tmp_path / "saved"
    process = subprocess.Popen(
        [sys.executable, "-c", STUCK_APP, str(saved), str(grace), *extra],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process, saved


def _wait(process: subprocess.Popen[str], seconds: float) -> int | None:
    try:
        return process.wait(seconds)
    except subprocess.TimeoutExpired:
        return None


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stuck_shutdown_is_ended_after_its_grace_with_the_saves_made(
    tmp_path: Path, signum: signal.Signals
) -> None:
    process, saved = _start(tmp_path, grace=0.5)
    asked = time.monotonic()
    process.send_signal(signum)
    status = _wait(process, 5)
    if status is None:
        process.kill()
    assert status == 128 + signum
    assert time.monotonic() - asked >= 0.5  # the clean exit had its chance first
    assert saved.read_text() == "saved"


def test_a_quit_whose_shutdown_is_stuck_still_ends_in_time_with_the_saves_made(
    tmp_path: Path,
) -> None:
    from reader.ui.lifecycle import GRACE_QUIT, SAVE_WAIT

    process, saved = _start(tmp_path, 60, "quit")
    status = _wait(process, GRACE_QUIT + SAVE_WAIT + 5)
    if status is None:
        process.kill()
    assert status == 0  # the app's own exit code: quitting is no failure
    assert saved.read_text() == "saved"


def test_once_shut_down_a_stray_thread_is_left_behind_with_the_apps_own_code(
    tmp_path: Path,
) -> None:
    from reader.ui.lifecycle import GRACE_LEFTOVERS

    process, saved = _start(tmp_path, 60, "shut-down")
    process.send_signal(signal.SIGTERM)
    status = _wait(process, GRACE_LEFTOVERS + 5)
    if status is None:
        process.kill()
    assert status == 0  # the app closed cleanly: the signal's code would say otherwise
    assert not saved.exists()  # its saves were closed already: nothing left to save


def test_asked_twice_it_ends_at_once(tmp_path: Path) -> None:
    process, saved = _start(tmp_path, grace=60)
    process.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)  # a second Ctrl-C, or kill again
    status = _wait(process, 5)
    if status is None:
        process.kill()
    assert status == 128 + signal.SIGTERM
    assert saved.read_text() == "saved"


def test_a_hang_up_twice_is_not_asking_twice(tmp_path: Path) -> None:
    # The kernel and the login shell both send SIGHUP when a terminal closes.
    process, _saved = _start(tmp_path, grace=60)
    process.send_signal(signal.SIGHUP)
    process.send_signal(signal.SIGHUP)
    status = _wait(process, 1.0)
    process.kill()
    process.wait()
    assert status is None  # still giving the clean exit its time


def test_with_the_terminal_gone_the_kernel_ends_what_python_cannot(tmp_path: Path) -> None:
    from reader.ui.lifecycle import LAST_RESORT

    process, saved = _start(tmp_path, 60, "stuck-saving", "lost")
    lost = time.monotonic()
    status = _wait(process, LAST_RESORT + 3)
    if status is None:
        process.kill()
    assert status == -signal.SIGALRM  # ended by the timer armed when the terminal went
    assert time.monotonic() - lost < LAST_RESORT + 1
    assert not saved.exists()


def test_after_q_the_kernel_ends_what_python_cannot(tmp_path: Path) -> None:
    from reader.ui.lifecycle import LAST_RESORT_QUIT

    process, saved = _start(tmp_path, 60, "stuck-saving", "quit")
    asked = time.monotonic()
    status = _wait(process, LAST_RESORT_QUIT + 3)
    if status is None:
        process.kill()
    assert status == -signal.SIGALRM  # ended by the timer armed when q was pressed
    assert time.monotonic() - asked < LAST_RESORT_QUIT + 1
    assert not saved.exists()
