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
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from textual import on, work
from textual.app import App, SuspendNotSupported
from textual.message import Message

from reader.safe_text import visible

if TYPE_CHECKING:
    import webbrowser


class BrowserAnswered(Message):
    def __init__(self, url: str, opened: bool, reason: str = "") -> None:
        super().__init__()
        self.url = url
        self.opened = opened
        self.reason = reason


class BrowserWantsTerminal(Message):
    """A foreground browser was chosen: only the app's own thread may suspend it."""

    def __init__(self, url: str, browser: webbrowser.BaseBrowser) -> None:
        super().__init__()
        self.url = url
        self.browser = browser


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


class BrowserMixin(App[None]):
    def open_in_browser(self, url: str) -> None:
        address = browsable_url(url)
        if address is None:
            self.notify(
                f"Not opened: {visible(url)} is not a web address (only http and https "
                "addresses with a site are opened in a browser).",
                title="Browser",
                severity="warning",
                timeout=15,
                markup=False,
            )
            return
        self._choose_browser(address)

    @work(thread=True, group="browser", exit_on_error=False)
    def _choose_browser(self, url: str) -> None:
        import webbrowser

        try:
            browser = webbrowser.get()
        except webbrowser.Error as error:
            self.post_message(BrowserAnswered(url, False, str(error)))
            return
        # A plain GenericBrowser waits in the foreground; BackgroundBrowser and the
        # graphical controllers detach from the terminal.
        if type(browser) is webbrowser.GenericBrowser:
            self.post_message(BrowserWantsTerminal(url, browser))
            return
        self._run_browser(browser, url)

    @on(BrowserWantsTerminal)
    def _hand_over_terminal(self, message: BrowserWantsTerminal) -> None:
        try:
            with self.suspend():
                answer = _opened(message.browser, message.url)
        except SuspendNotSupported:
            self._run_in_worker(message.browser, message.url)
            return
        self.post_message(answer)

    @work(thread=True, group="browser", exit_on_error=False)
    def _run_in_worker(self, browser: webbrowser.BaseBrowser, url: str) -> None:
        self._run_browser(browser, url)

    def _run_browser(self, browser: webbrowser.BaseBrowser, url: str) -> None:
        self.post_message(_opened(browser, url))

    @on(BrowserAnswered)
    def _browser_answered(self, message: BrowserAnswered) -> None:
        if message.opened:
            self.notify(f"Opened in your browser: {message.url}", markup=False)
            return
        why = f" ({message.reason})" if message.reason else ""
        self.notify(
            f"No web browser could be started{why}; set BROWSER to choose one. "
            f"The address: {message.url}",
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
