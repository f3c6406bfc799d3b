"""Starting the system web browser on an address, without wrecking the screen.

``webbrowser`` picks the browser. A graphical one (or ``xdg-open``) is started in a
thread worker, since ``open`` may wait for the command. A browser run in the
foreground (lynx, w3m, or whatever ``BROWSER`` names) wants this very terminal: the
app suspends itself and hands the terminal over until the browser quits, as a shell
does for an editor. Where the app cannot suspend (no real terminal), there is no
screen to share and the browser just runs in the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SuspendNotSupported
from textual.message import Message

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


class BrowserMixin(App[None]):
    def open_in_browser(self, url: str) -> None:
        self._choose_browser(url)

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
