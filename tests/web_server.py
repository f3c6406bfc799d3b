"""A real HTTP server on 127.0.0.1 serving pages and feeds a test wrote.

Tests change what an address serves while the app runs (a feed gains an item, a
page starts failing) by assigning to ``server.routes``; every request is answered
from the table as it is at that moment. Import the ``web_server`` fixture by name.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass(slots=True)
class Route:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    reason: str | None = None  # the status line's words, when not the standard ones


NOT_FOUND = Route(404, headers={"Content-Type": "text/html"})


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        owner = self.server.owner
        owner.requests.append(self.path)
        owner.user_agents.append(self.headers.get("User-Agent", ""))
        route = owner.routes.get(self.path, NOT_FOUND)
        if route.delay:
            time.sleep(route.delay)
        try:
            self.send_response(route.status, route.reason)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LocalWebServer


class LocalWebServer:
    """Serves ``routes`` (path -> Route) until closed; ``url(path)`` is the full address."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = routes if routes is not None else {}
        self.requests: list[str] = []
        self.user_agents: list[str] = []
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def serve(self, path: str, body: bytes, content_type: str, status: int = 200) -> str:
        """Answer ``path`` with ``body`` from now on; returns its address."""
        self.routes[path] = Route(status, body, {"Content-Type": content_type})
        return self.url(path)

    def fail(self, path: str, status: int) -> None:
        """Answer ``path`` with an error status from now on."""
        self.routes[path] = Route(status, b"", {"Content-Type": "text/html"})

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> LocalWebServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@pytest.fixture
def web_server() -> Iterator[LocalWebServer]:
    with LocalWebServer() as server:
        yield server


class TricklingServer:
    """A raw-socket server on 127.0.0.1 that sends ``answer`` one byte every ``pause`` seconds.

    A server too slow to ever finish its headers (or its body) while never going quiet
    for long: each byte comes well within any per-read timeout.
    """

    def __init__(self, answer: bytes, pause: float = 0.2) -> None:
        self.answer = answer
        self.pause = pause
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._closed = threading.Event()
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/story"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            threading.Thread(target=self._trickle, args=(connection,), daemon=True).start()

    def _trickle(self, connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                for byte in self.answer:
                    if self._closed.wait(self.pause):
                        return
                    connection.sendall(bytes([byte]))
            except OSError:
                return  # the client hung up, as it should at its deadline

    def close(self) -> None:
        self._closed.set()
        stop_listening(self._listener)

    def __enter__(self) -> TricklingServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class HangingUpServer:
    """A raw-socket server on 127.0.0.1 that reads each request and then hangs up unanswered
    ``drops`` times before it answers with ``answer`` (a whole HTTP response)."""

    def __init__(self, drops: int, answer: bytes) -> None:
        self.drops = drops
        self.answer = answer
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/story"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            with connection:
                self.connections += 1
                try:
                    connection.recv(65536)
                    if self.connections > self.drops:
                        connection.sendall(self.answer)
                except OSError:
                    continue

    def close(self) -> None:
        stop_listening(self._listener)

    def __enter__(self) -> HangingUpServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stop_listening(listener: socket.socket) -> None:
    """Close a raw server's socket so that it really stops. close() alone leaves a thread
    blocked in accept() holding the socket open: it went on answering on that port, and a
    later test's server given the same port number was answered by it."""
    with contextlib.suppress(OSError):
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() with an error
    listener.close()
