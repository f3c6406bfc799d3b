"""Text to the system clipboard without ever freezing the caller, and OSC 52 helpers.

The copy runs in a daemon thread and the caller waits at most ``timeout`` seconds:
clipboard tools can hang (wl-copy without a compositor answer, xclip on a dead
display). On X11 and Wayland the tool is run here rather than through pyperclip,
because pyperclip ignores the tool's exit status (so a dead display would be reported
as a success) and lets its error message land on the terminal, over the UI. Every
other platform (macOS, Windows, WSL, Qt, Klipper) goes through pyperclip.

The UI also sends the text to the terminal with OSC 52 (Textual's
``App.copy_to_clipboard``), unless :func:`osc52_support` says the terminal ignores it;
:func:`describe_delivery` turns both outcomes into the one sentence the user sees.
Inside tmux, OSC 52 reaches the outer terminal either when tmux has
``set -s set-clipboard on`` (tmux takes the plain sequence) or, with
``set -g allow-passthrough on``, when the sequence is wrapped by :func:`osc52_sequence`;
sending both is harmless.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

COPIED = "Copied to clipboard"
SENT_OSC52 = "Sent to the terminal clipboard (OSC 52)"

NO_TOOL = "no clipboard tool found (install xclip or xsel for X11, wl-clipboard for Wayland)"

CopyFunction = Callable[[str], object]


class ClipboardError(RuntimeError):
    """The system clipboard refused the text; the message says why in one line."""


@dataclass(slots=True, frozen=True)
class CopyResult:
    """What happened to one copy. ``system`` is True only when the tool confirmed it."""

    system: bool
    message: str
    error: str | None = None
    mechanism: str | None = None  # "xclip", "wl-copy", "pyperclip", ... when one was found


def inside_tmux(environ: Mapping[str, str] | None = None) -> bool:
    return bool((os.environ if environ is None else environ).get("TMUX"))


def osc52_support(environ: Mapping[str, str] | None = None) -> bool | None:
    """Whether the terminal honours OSC 52: False when it is known not to, else None.

    GNOME Terminal and the other VTE terminals, and macOS Terminal, ignore the sequence.
    Inside tmux or over SSH the variables describe another terminal, so nothing is known.
    """
    env = os.environ if environ is None else environ
    if env.get("TMUX") or env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return None
    if env.get("TERM_PROGRAM") == "Apple_Terminal" or env.get("VTE_VERSION"):
        return False
    return None


def osc52_sequence(text: str, *, in_tmux: bool) -> str:
    """The escape sequence that asks the terminal to put ``text`` on its clipboard.

    In tmux the sequence is wrapped in a DCS passthrough (every ESC doubled) so tmux
    hands it to the outer terminal; that needs ``set -g allow-passthrough on`` in tmux 3.3+.
    """
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if in_tmux:
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence


def describe_delivery(result: CopyResult, osc52_sent: bool) -> str:
    """The notification for one copy: where the text went, or why it went nowhere."""
    if result.system:
        return COPIED
    if osc52_sent:
        return SENT_OSC52
    reason = result.error or "the system clipboard is not available"
    return f"Could not copy: {reason}, and the terminal clipboard (OSC 52) is not available"


def _run_tool(command: list[str], text: str, timeout: float) -> None:
    """Feed ``text`` to a clipboard tool and check that it succeeded.

    stdout goes nowhere and stderr to a file, not a pipe: xclip and wl-copy fork a child
    that keeps serving the selection and would hold a pipe open forever.
    """
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            close_fds=True,
            start_new_session=True,  # ctrl+c in the terminal must not kill the selection owner
        )
        try:
            process.communicate(text.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise ClipboardError(f"{command[0]} did not answer within {timeout:g} s") from None
        if process.returncode != 0:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace").strip().splitlines()
            why = detail[-1] if detail else f"exit status {process.returncode}"
            raise ClipboardError(f"{command[0]} failed: {why}")


def _is_wsl() -> bool:
    try:
        with open("/proc/version", encoding="utf-8", errors="replace") as handle:
            return "microsoft" in handle.read().lower()
    except OSError:
        return False


def _pyperclip_copy() -> CopyFunction:
    import pyperclip

    copy, _paste = pyperclip.determine_clipboard()
    return copy


Copier = tuple[str, Callable[[str, float], object]]  # (name, copy(text, timeout))


def find_copiers(environ: Mapping[str, str] | None = None) -> tuple[list[Copier], str | None]:
    """The ways to reach this session's clipboard, best first, or why there is none.

    Looked up on every copy: DISPLAY and WAYLAND_DISPLAY change when a tmux session is
    re-attached elsewhere, and pyperclip would keep its first guess forever. Every
    usable tool is listed so that a stale WAYLAND_DISPLAY can fall back to X11.
    """
    env = os.environ if environ is None else environ
    if sys.platform.startswith("linux") and not _is_wsl():
        commands: list[list[str]] = []
        if env.get("WAYLAND_DISPLAY"):
            commands.append(["wl-copy"])
        if env.get("DISPLAY"):
            commands += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
        if not commands:
            return [], "no graphical session (DISPLAY and WAYLAND_DISPLAY are unset)"
        found: list[Copier] = [
            (command[0], partial(_run_tool, command))
            for command in commands
            if shutil.which(command[0])
        ]
        if found:
            return found, None
    try:
        copy = _pyperclip_copy()
    except Exception:  # pyperclip probes optional tools and toolkits; any failure means none
        copy = None
    if not copy:  # pyperclip's "no clipboard" stand-in is falsy
        return [], NO_TOOL
    return [("pyperclip", lambda text, _timeout: copy(text))], None


def _copy_with_first_that_works(copiers: list[Copier], text: str, deadline: float) -> str:
    """The name of the copier that took the text; ClipboardError naming every failure."""
    failures: list[str] = []
    for name, copy in copiers:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            copy(text, remaining)
            return name
        except Exception as error:  # the tool's trouble becomes the user's one-line reason
            failures.append(_one_line(error))
    raise ClipboardError("; ".join(failures) or "no time left to try a clipboard tool")


def copy_text(
    text: str, *, timeout: float = 2.0, copy_fn: CopyFunction | None = None
) -> CopyResult:
    """Put ``text`` on the system clipboard, waiting at most ``timeout`` seconds.

    Never raises for clipboard trouble: the result says what happened. ``copy_fn``
    replaces the system mechanism (tests, or a user-configured command).
    """
    if copy_fn is not None:
        copiers: list[Copier] = [
            (getattr(copy_fn, "__name__", "custom"), lambda value, _timeout: copy_fn(value))
        ]
    else:
        copiers, reason = find_copiers()
        if not copiers:
            return CopyResult(False, f"System clipboard unavailable: {reason}", reason)

    deadline = time.monotonic() + timeout
    outcome: list[str | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            outcome.append(_copy_with_first_that_works(copiers, text, deadline))
        except BaseException as error:  # reported to the caller, never raised in a thread
            outcome.append(error)
        finally:
            done.set()

    threading.Thread(target=work, name="clipboard-copy", daemon=True).start()
    names = " or ".join(name for name, _copy in copiers)
    if not done.wait(timeout):
        reason = f"{names} did not answer within {timeout:g} s"
        return CopyResult(False, f"System clipboard timed out: {reason}", reason, copiers[0][0])
    result = outcome[0]
    if isinstance(result, BaseException):
        reason = _one_line(result)
        return CopyResult(False, f"System clipboard failed: {reason}", reason, copiers[0][0])
    return CopyResult(True, COPIED, None, result)


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
