"""Starting the system web browser on an address, without wrecking the screen.

``webbrowser`` picks the browser. A graphical one (or ``xdg-open``) is started in a
thread worker, since ``open`` may wait for the command. A browser run in the
foreground (lynx, w3m, or whatever ``BROWSER`` names) wants this very terminal: the
app suspends itself and hands the terminal over until the browser quits, as a shell
does for an editor. Where the app cannot suspend (no real terminal), there is no
screen to share and the browser just runs in the worker.

Only http and https addresses with a host are opened, rebuilt by :func:`browsable_url`
so that they start with their scheme and hold no space or control character: a
story's address is written by strangers, and ``javascript:``, ``file:``, ``data:``, an
editor's or a file share's scheme, or a "URL" starting with ``-`` (which a browser
reads as an option) is shown in a notice instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from textual.app import SuspendNotSupported
from textual.widget import Widget

from reader.safe_text import visible

if TYPE_CHECKING:
    import webbrowser


WEB_SCHEMES = ("http", "https")
# Whitespace, controls and BiDi controls: an address holding one is not opened at all.
_NOT_IN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters left as they are in a path, query or fragment; the rest is percent-encoded.
_KEPT = "/:@!$&'()*+,;=-._~%?"
_NOT_IN_SITE = set('\\"<>^`{|}')


def browsable_url(address: str) -> str | None:
    """``address`` rebuilt as an http(s) URL that begins with its scheme, else None.

    Surrounding space is dropped; an address with a space or control character inside,
    another scheme, no host or a bad port is refused. Quotes, brackets and non-ASCII
    characters of the path, query and fragment are percent-encoded.
    """
    text = address.strip()
    if not text or _NOT_IN_ADDRESS.search(text):
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES or not parts.hostname or parts.hostname.startswith("-"):
        return None
    if any(char in _NOT_IN_SITE for char in parts.netloc):
        return None  # "site.example\\@other": browsers and urllib disagree on the host
    path, query, fragment = (quote(part, safe=_KEPT) for part in parts[2:])
    url = urlunsplit((scheme, parts.netloc, path or "/", query, fragment))
    return url if url.startswith(f"{scheme}://") else None


@dataclass(slots=True, frozen=True)
class BrowserAnswered:
    url: str
    opened: bool
    reason: str = ""


class Browser:
    """Opens addresses for ``node`` (the main screen): its workers, its notices."""

    def __init__(self, node: Widget) -> None:
        self._node = node

    def open(self, url: str) -> None:
        address = browsable_url(url)
        if address is None:
            self._node.notify(
                f"Not opened: {visible(url)} is not a web address (only http and https "
                "addresses with a site are opened in a browser).",
                title="Browser",
                severity="warning",
                timeout=15,
                markup=False,
            )
            return
        self._in_worker(lambda: self._choose_browser(address))

    def _in_worker(self, work: Callable[[], None]) -> None:
        self._node.run_worker(work, thread=True, group="browser", exit_on_error=False)

    def _choose_browser(self, url: str) -> None:
        """In a worker's thread: a foreground browser is handed the terminal by the UI thread."""
        import webbrowser

        call = self._node.app.call_from_thread
        try:
            browser = webbrowser.get()
        except webbrowser.Error as error:
            call(self._answered, BrowserAnswered(url, False, str(error)))
            return
        # A plain GenericBrowser waits in the foreground; BackgroundBrowser and the
        # graphical controllers detach from the terminal.
        if type(browser) is webbrowser.GenericBrowser:
            call(self._hand_over_terminal, url, browser)
            return
        call(self._answered, _opened(browser, url))

    def _hand_over_terminal(self, url: str, browser: webbrowser.BaseBrowser) -> None:
        try:
            with self._node.app.suspend():
                answer = _opened(browser, url)
        except SuspendNotSupported:
            call = self._node.app.call_from_thread
            self._in_worker(lambda: call(self._answered, _opened(browser, url)))
            return
        self._answered(answer)

    def _answered(self, answer: BrowserAnswered) -> None:
        if answer.opened:
            self._node.notify(f"Opened in your browser: {answer.url}", markup=False)
            return
        why = f" ({answer.reason})" if answer.reason else ""
        self._node.notify(
            f"No web browser could be started{why}; set BROWSER to choose one. "
            f"The address: {answer.url}",
            title="Browser",
            severity="warning",
            timeout=20,
            markup=False,
        )


def _opened(browser: webbrowser.BaseBrowser, url: str) -> BrowserAnswered:
    import webbrowser

    try:
        return BrowserAnswered(url, browser.open(url))
    except (webbrowser.Error, OSError) as error:
        return BrowserAnswered(url, False, str(error))
