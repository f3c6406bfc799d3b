"""Copying reaches a real X clipboard, fails honestly without one, and never hangs."""

from __future__ import annotations

import base64
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from reader.clipboard import (
    COPIED,
    SENT_OSC52,
    CopyResult,
    copy_text,
    describe_delivery,
    inside_tmux,
    osc52_sequence,
    osc52_support,
)
from tests.x11 import read_clipboard, x_display  # noqa: F401 - the fixture is used by name

QUOTE = "“Мы не стали бы поднимать планку ожиданий” — Сергей Рябков 🇷🇺\nsecond line"


def test_copy_lands_on_the_x_clipboard(x_display: str) -> None:  # noqa: F811
    result = copy_text(QUOTE, timeout=5)
    assert result.system, result.error
    assert result.message == COPIED
    assert result.mechanism == "xclip"
    assert read_clipboard(x_display, QUOTE) == QUOTE
    assert describe_delivery(result, osc52_sent=True) == "Copied to clipboard"


def test_second_copy_replaces_the_first(x_display: str) -> None:  # noqa: F811
    assert copy_text("first", timeout=5).system
    assert copy_text("second", timeout=5).system
    assert read_clipboard(x_display, "second") == "second"


def test_without_any_display_the_terminal_clipboard_is_the_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = copy_text("words", timeout=1)
    assert not result.system
    assert "DISPLAY" in (result.error or "")
    assert describe_delivery(result, osc52_sent=True) == "Sent to the terminal clipboard (OSC 52)"
    failure = describe_delivery(result, osc52_sent=False)
    assert failure.startswith("Could not copy:")
    assert "DISPLAY" in failure and "OSC 52" in failure


def test_a_dead_display_is_reported_not_claimed_as_copied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = next(n for n in range(731, 800) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    monkeypatch.setenv("DISPLAY", f":{number}")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    if not shutil.which("xclip"):
        pytest.skip("needs xclip")
    result = copy_text("words", timeout=5)
    assert not result.system
    assert result.error is not None and result.error.startswith("xclip failed")
    assert describe_delivery(result, osc52_sent=True) == SENT_OSC52


def test_a_hanging_copy_function_returns_within_the_timeout() -> None:
    release = threading.Event()

    def stuck_copy(text: str) -> None:
        release.wait(30)

    started = time.monotonic()
    result = copy_text("words", timeout=0.3, copy_fn=stuck_copy)
    waited = time.monotonic() - started
    release.set()
    assert not result.system
    assert "did not answer within 0.3 s" in (result.error or "")
    assert waited < 5  # the caller was released instead of waiting for the tool


def test_a_hanging_clipboard_tool_is_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "pid"
    fake = tmp_path / "xclip"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)

    result = copy_text("words", timeout=0.5)

    assert not result.system
    assert result.mechanism == "xclip"
    assert "did not answer" in (result.error or "")
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, 9)
        pytest.fail("the hung clipboard tool was left running")


def test_an_exception_in_the_copy_function_is_caught() -> None:
    def broken_copy(text: str) -> None:
        raise RuntimeError("Pyperclip could not find a copy/paste mechanism\nmore detail")

    result = copy_text("words", copy_fn=broken_copy)
    assert result == CopyResult(
        system=False,
        message="System clipboard failed: Pyperclip could not find a copy/paste mechanism",
        error="Pyperclip could not find a copy/paste mechanism",
        mechanism="broken_copy",
    )


def test_osc52_carries_the_text_in_base64() -> None:
    sequence = osc52_sequence(QUOTE, in_tmux=False)
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\x07")
    payload = sequence[len("\x1b]52;c;") : -1]
    assert base64.b64decode(payload).decode("utf-8") == QUOTE


def test_osc52_inside_tmux_is_wrapped_for_passthrough() -> None:
    wrapped = osc52_sequence("hi", in_tmux=True)
    plain = osc52_sequence("hi", in_tmux=False)
    assert wrapped.startswith("\x1bPtmux;") and wrapped.endswith("\x1b\\")
    inner = wrapped[len("\x1bPtmux;") : -len("\x1b\\")]
    assert inner == plain.replace("\x1b", "\x1b\x1b")


def test_tmux_is_detected_from_its_environment_variable() -> None:
    assert inside_tmux({"TMUX": "/tmp/tmux-1000/default,123,0"})
    assert not inside_tmux({"TERM": "xterm"})


def _fake_tool(folder: Path, name: str, body: str) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{body}\n")
    tool.chmod(0o755)


def test_wayland_uses_wl_copy_and_reports_its_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = tmp_path / "received"
    _fake_tool(tmp_path, "wl-copy", f"{shutil.which('cat')} > {received}")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.delenv("DISPLAY", raising=False)
    result = copy_text(QUOTE, timeout=5)
    assert result.system and result.mechanism == "wl-copy"
    assert received.read_text(encoding="utf-8") == QUOTE

    _fake_tool(tmp_path, "wl-copy", "echo 'Failed to connect to a Wayland server' >&2; exit 1")
    failed = copy_text(QUOTE, timeout=5)
    assert not failed.system
    assert failed.error == "wl-copy failed: Failed to connect to a Wayland server"


def test_xsel_serves_when_xclip_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    received = tmp_path / "received"
    _fake_tool(tmp_path, "xsel", f'[ "$1" = --clipboard ] && {shutil.which("cat")} > {received}')
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = copy_text("via xsel", timeout=5)
    assert result.system and result.mechanism == "xsel"
    assert received.read_text(encoding="utf-8") == "via xsel"


def test_a_display_without_any_tool_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    result = copy_text("words", timeout=5)
    assert not result.system
    assert result.error is not None and "install xclip" in result.error


@pytest.mark.parametrize(
    ("environ", "support"),
    [
        ({"VTE_VERSION": "7600", "TERM": "xterm-256color"}, False),  # GNOME Terminal
        ({"TERM_PROGRAM": "Apple_Terminal"}, False),
        ({"TERM_PROGRAM": "Apple_Terminal", "SSH_CONNECTION": "1 2 3 4"}, None),
        ({"VTE_VERSION": "7600", "TMUX": "/tmp/tmux-0/default,1,0"}, None),
        ({"TERM_PROGRAM": "WezTerm"}, None),
    ],
)
def test_terminals_known_to_ignore_osc52(environ: dict[str, str], support: bool | None) -> None:
    assert osc52_support(environ) is support


def test_a_stale_wayland_display_falls_back_to_x11(
    x_display: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_tool(tmp_path, "wl-copy", "echo 'Failed to connect to a Wayland server' >&2; exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-9")
    result = copy_text(QUOTE, timeout=5)
    assert result.system and result.mechanism == "xclip"
    assert read_clipboard(x_display, QUOTE) == QUOTE


def test_when_every_tool_fails_each_reason_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tool(tmp_path, "wl-copy", "echo 'no compositor' >&2; exit 1")
    _fake_tool(tmp_path, "xclip", 'echo "Error: Can\'t open display: :5" >&2; exit 1')
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-9")
    monkeypatch.setenv("DISPLAY", ":5")
    result = copy_text("words", timeout=5)
    assert not result.system
    assert result.error == (
        "wl-copy failed: no compositor; xclip failed: Error: Can't open display: :5"
    )
