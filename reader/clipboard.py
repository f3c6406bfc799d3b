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


def find_mechanism(
    environ: Mapping[str, str] | None = None,
) -> tuple[str | None, Callable[[str, float], None] | None, str | None]:
    """(name, copy(text, timeout), reason when there is none) for this session.

    Looked up on every copy: DISPLAY and WAYLAND_DISPLAY change when a session is
    re-attached, and pyperclip would keep its first guess forever.
    """
    env = os.environ if environ is None else environ
    if sys.platform.startswith("linux") and not _is_wsl():
        candidates: list[list[str]] = []
        if env.get("WAYLAND_DISPLAY"):
            candidates.append(["wl-copy"])
        if env.get("DISPLAY"):
            candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
        if not candidates:
            return None, None, "no graphical session (DISPLAY and WAYLAND_DISPLAY are unset)"
        for command in candidates:
            if shutil.which(command[0]):
                return command[0], partial(_run_tool, command), None
    try:
        copy = _pyperclip_copy()
    except Exception:  # pyperclip probes optional tools and toolkits; any failure means none
        copy = None
    if not copy:  # pyperclip's "no clipboard" stand-in is falsy
        return None, None, NO_TOOL
    return "pyperclip", (lambda text, _timeout: copy(text)), None


def copy_text(
    text: str, *, timeout: float = 2.0, copy_fn: CopyFunction | None = None
) -> CopyResult:
    """Put ``text`` on the system clipboard, waiting at most ``timeout`` seconds.

    Never raises for clipboard trouble: the result says what happened. ``copy_fn``
    replaces the system mechanism (tests, or a user-configured command).
    """
    if copy_fn is not None:
        name: str | None = getattr(copy_fn, "__name__", "custom")
        run: Callable[[str, float], object] = lambda value, _timeout: copy_fn(value)  # noqa: E731
    else:
        name, found, reason = find_mechanism()
        if found is None:
            return CopyResult(False, f"System clipboard unavailable: {reason}", reason)
        run = found

    outcome: list[BaseException | None] = []
    done = threading.Event()

    def work() -> None:
        try:
            run(text, timeout)
            outcome.append(None)
        except BaseException as error:  # reported to the caller, never raised in a thread
            outcome.append(error)
        finally:
            done.set()

    threading.Thread(target=work, name="clipboard-copy", daemon=True).start()
    if not done.wait(timeout):
        reason = f"{name} did not answer within {timeout:g} s"
        return CopyResult(False, f"System clipboard timed out: {reason}", reason, name)
    error = outcome[0]
    if error is not None:
        reason = _one_line(error)
        return CopyResult(False, f"System clipboard failed: {reason}", reason, name)
    return CopyResult(True, COPIED, None, name)


def _one_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
