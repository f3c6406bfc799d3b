"""End to end: `o` hands the terminal to a browser that runs in it, then takes it back."""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.test_app_in_tmux import session_factory, user_env  # noqa: F401 - fixtures by name
from tests.ui.test_reload import FERRY, GULLS, feed
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name


def _browser(folder: Path, env: dict[str, str], script: str) -> None:
    """A shell script named by BROWSER, as a user's own browser command would be."""
    browser = folder / "browser"
    browser.write_text(f"#!/bin/sh\n{script}")
    browser.chmod(0o755)
    env["BROWSER"] = str(browser)


def test_o_suspends_the_app_for_a_browser_in_the_terminal(
    tmp_path: Path,
    user_env: dict[str, str],  # noqa: F811
    session_factory,  # noqa: F811
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    # A stand-in for lynx or w3m: it writes to the terminal and waits for a key.
    _browser(tmp_path, user_env, 'echo "TEXT BROWSER ON $1"\nread answer\n')
    url = web_server.serve("/tidewater.rss", feed(FERRY, GULLS), "application/rss+xml")
    app = session_factory(url)
    app.wait_for(GULLS[0])
    app.send("o")
    shown = app.wait_for("TEXT BROWSER ON https://tidewater.example/")
    assert GULLS[0] not in shown  # the browser has the whole terminal
    time.sleep(1.0)  # the page is read for a while: the app waits, it does not end
    assert not app.status_file.exists(), "the app ended while the browser had the terminal"
    app.send("Enter")  # the browser quits
    app.wait_for("Opened in your browser")
    app.wait_for(GULLS[0])  # the app is back on screen
    time.sleep(1.0)
    assert not app.status_file.exists(), "the app ended after the browser gave it back"
    app.send("q")
    assert app.exit_status() == 0


def test_o_with_a_browser_that_returns_at_once_keeps_the_app(
    tmp_path: Path,
    user_env: dict[str, str],  # noqa: F811
    session_factory,  # noqa: F811
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    # As a launcher does (xdg-open handing the page to a browser already running).
    ran = tmp_path / "launcher-ran"
    _browser(tmp_path, user_env, f'echo "$1" > "{ran}"\n')
    url = web_server.serve("/tidewater.rss", feed(FERRY, GULLS), "application/rss+xml")
    app = session_factory(url)
    app.wait_for(GULLS[0])
    app.send("o")
    app.wait_for("Opened in your browser")
    time.sleep(1.0)
    assert not app.status_file.exists(), f"the app ended after o:\n{app.screen()}"
    assert ran.read_text().startswith("https://tidewater.example/")
    app.send("q")
    assert app.exit_status() == 0


def test_o_on_an_address_that_is_an_option_opens_nothing(
    tmp_path: Path,
    user_env: dict[str, str],  # noqa: F811
    session_factory,  # noqa: F811
) -> None:
    ran = tmp_path / "browser-ran"
    _browser(tmp_path, user_env, f'echo "$@" > "{ran}"\n')
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: Ferry strike ends\nurl: --new-window=javascript:alert(1)\n---\n\n"
        "The ferry runs again from Monday, the operator said.\n",
        encoding="utf-8",
    )
    app = session_factory(str(story))
    app.wait_for("The ferry runs again")
    app.send("o")
    app.wait_for("Not opened")
    app.send("q")
    assert app.exit_status() == 0
    assert not ran.exists()
