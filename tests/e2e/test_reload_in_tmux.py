"""End to end: `r` in the real `newsreader` (tmux) fetches a feed again from a local server."""

from __future__ import annotations

from tests.e2e.test_app_in_tmux import session_factory, user_env  # noqa: F401 - fixtures by name
from tests.ui.test_reload import DREDGE, FERRY, GULLS, feed
from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name


def test_r_brings_a_feeds_new_item_and_keeps_the_highlighted_story(
    session_factory,  # noqa: F811
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    url = web_server.serve("/tidewater.rss", feed(FERRY, GULLS), "application/rss+xml")
    app = session_factory(url)
    app.wait_for(GULLS[0])
    app.send("j")  # the older story: the new one will land above it
    web_server.serve("/tidewater.rss", feed(DREDGE, FERRY, GULLS), "application/rss+xml")
    app.send("r")
    app.wait_for("Reloaded: 1 new story")
    # Below 90 columns the library has the whole width and the notices cover its
    # border's count; the status line's "2/3" says three stories as well.
    app.wait_for("Dredger arrives")  # the title wraps in the narrow library
    app.wait_for("· 2/3")  # the open story is now the second of three
    app.send("Enter")  # opens the highlighted story: still the one chosen before
    app.wait_for(GULLS[2])
    app.send("q")
    assert app.exit_status() == 0
