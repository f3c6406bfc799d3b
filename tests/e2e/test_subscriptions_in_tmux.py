"""End to end: `newsreader` with no PATH opens the subscriptions and the last session.

Real commands in tmux against a feed on a local HTTP server: `feeds add`, a launch, a
story read, a quit, a launch again; a failing feed; two windows at once; SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from tests.e2e.test_app_in_tmux import session_factory, user_env  # noqa: F401 - fixtures by name
from tests.e2e.tmux import NEWSREADER
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name

ITEMS = [
    (
        "Lock gates fail at Eastmoor",
        "Thu, 07 Mar 2024 08:00:00 +0000",
        "The east lock jammed at dawn. Barges queued past the mill. Engineers blamed the cold.",
    ),
    (
        "Quarry hearing adjourned",
        "Wed, 06 Mar 2024 08:00:00 +0000",
        "The hearing stopped after an hour. Residents filled the hall. A date is set for May.",
    ),
    (
        "Tram line opens late",
        "Tue, 05 Mar 2024 08:00:00 +0000",
        "The first tram left at noon. Riders cheered at every stop. Fares start next week.",
    ),
]


def rss(items: list[tuple[str, str, str]], name: str = "Canal Courier") -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>https://courier.example/{title.split()[0]}</link>"
        f"<pubDate>{date}</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
        for title, date, text in items
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{name}</title>'
        f"{entries}</channel></rss>"
    ).encode()


def feeds(env: dict[str, str], *args: str) -> None:
    subprocess.run([NEWSREADER, "feeds", *args], env=env, check=True, capture_output=True)


def wait_for_stories(session, phrase: str, timeout: float = 60.0) -> None:
    """Wait for ``phrase``; a first fetch that failed (a loaded machine's server dropped
    the connection) is tried again with R, as a reader would."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = session.screen()
        if phrase in screen:
            return
        if "could not be read" in screen and "Fetching" not in screen:
            session.send("R")
            time.sleep(1.0)
        time.sleep(0.1)
    raise AssertionError(f"{phrase!r} never appeared on screen:\n{session.screen()}")


def newsreader_pid(session) -> int:
    """The newsreader process under the tmux pane's shell."""
    shell = int(session.tmux("display-message", "-p", "-t", session.name, "#{pane_pid}").strip())
    for _ in range(100):
        found = subprocess.run(
            ["pgrep", "-P", str(shell)], capture_output=True, text=True, check=False
        ).stdout.split()
        if found:
            return int(found[0])
        time.sleep(0.1)
    raise AssertionError("newsreader is not running")


def test_no_path_reopens_the_story_and_sentence_and_counts_fewer_unread(
    session_factory,  # noqa: F811
    user_env: dict[str, str],  # noqa: F811
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/courier.rss", rss(ITEMS), "application/rss+xml")
    feeds(user_env, "add", url)
    app = session_factory()
    wait_for_stories(app, "3 unread")
    app.send("j", "Enter")  # the second story, in the reader
    app.wait_for("The hearing stopped after an hour.")
    app.send("j", "j")  # its second sentence
    app.wait_for("Sentence 2/3")
    app.wait_for("2 unread")
    app.send("q")
    assert app.exit_status() == 0

    again = session_factory()
    again.wait_for("2 unread")
    screen = again.wait_for("Sentence 2/3")
    assert "Canal Courier: 2 unread" in screen, "the feed's own count, in the status line"
    again.send("j")  # the reader has the keys again
    again.wait_for("Sentence 3/3")
    again.send("q")
    assert again.exit_status() == 0


def test_a_failing_feed_keeps_its_stories_and_says_why(
    session_factory,  # noqa: F811
    user_env: dict[str, str],  # noqa: F811
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/courier.rss", rss(ITEMS), "application/rss+xml")
    never = web_server.url("/gone.rss")
    web_server.fail("/gone.rss", 404)
    feeds(user_env, "add", url, never)
    app = session_factory()
    wait_for_stories(app, "Tram line opens late")
    # The feed never read is listed with its error: "ADDRESS: could not be read", which
    # the library's width may wrap anywhere before its last words.
    app.wait_for("be read")
    app.send("q")
    assert app.exit_status() == 0

    web_server.fail("/courier.rss", 503)
    again = session_factory()
    screen = again.wait_for("Could not fetch")
    assert "Lock gates fail" in again.wait_for("Lock gates fail"), "its stories stay"
    assert "503" in screen or "503" in again.screen()
    again.send("q")
    assert again.exit_status() == 0


def test_two_windows_at_once_and_sigkill_keeps_what_was_saved(
    session_factory,  # noqa: F811
    user_env: dict[str, str],  # noqa: F811
    web_server: LocalWebServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    url = web_server.serve("/courier.rss", rss(ITEMS), "application/rss+xml")
    feeds(user_env, "add", url)
    first = session_factory()
    wait_for_stories(first, "3 unread")
    second = session_factory()
    second.wait_for("Another newsreader")  # read-only here, and it says so
    second.wait_for("3 unread")
    second.send("q")
    assert second.exit_status() == 0

    first.send("j", "j", "Enter")  # the third story
    first.wait_for("The first tram left at noon.")
    first.send("j", "j", "j")
    first.wait_for("Sentence 3/3")
    os.kill(newsreader_pid(first), signal.SIGKILL)
    assert first.exit_status() != 0

    again = session_factory()
    again.wait_for("The first tram left at noon.")
    again.wait_for("Sentence 3/3")  # the place saved before the kill
    again.send("q")
    assert again.exit_status() == 0
    state = tmp_path / "annotations.reading.json"
    stories = json.loads(state.read_text())["stories"]
    assert any(doc["key"].endswith("/Tram") and doc["read"] for doc in stories.values())
