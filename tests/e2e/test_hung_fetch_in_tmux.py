"""End to end: `q` while a web address is still being fetched from a server that never ends."""

from __future__ import annotations

from tests.e2e.test_app_in_tmux import session_factory, user_env  # noqa: F401 - fixtures by name
from tests.web_server import TricklingServer

HEADERS_FOREVER = b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 100_000


def test_q_during_a_hung_fetch_quits_at_once(session_factory, user_env) -> None:  # noqa: F811
    # The fetch alone would take its full 15 s; `q` must not wait for it.
    with TricklingServer(HEADERS_FOREVER, pause=0.1) as trickler:
        app = session_factory(trickler.url)
        # The app is up and the fetch under way (it alone takes 15 s). Below 90 columns
        # the reader's pane shows alone, so the library's "loading…" may not be seen.
        app.wait_for("Switch pane")
        app.send("q")
        status = app.exit_status(timeout=5)
        screen = app.screen()
    assert status == 0
    assert "Traceback" not in screen and "Error" not in screen
