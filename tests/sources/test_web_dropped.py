"""A connection that ends before any answer is asked once more; a second drop is the answer."""

from __future__ import annotations

import pytest

from reader.sources.errors import SourceError
from reader.sources.web import fetch
from tests.web_server import HangingUpServer

BODY = b"<html><head><title>Ferry</title></head><body><p>The ferry sailed.</p></body></html>"
ANSWER = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    + f"Content-Length: {len(BODY)}\r\nConnection: close\r\n\r\n".encode()
    + BODY
)


def test_a_connection_dropped_once_before_the_answer_is_asked_again() -> None:
    with HangingUpServer(drops=1, answer=ANSWER) as server:
        page = fetch(server.url, timeout=10)
    assert page.body == BODY
    assert server.connections == 2


def test_a_connection_dropped_twice_is_one_line_naming_the_address() -> None:
    with HangingUpServer(drops=5, answer=ANSWER) as server, pytest.raises(SourceError) as caught:
        fetch(server.url, timeout=10)
    assert server.connections == 2  # asked twice, never a third time
    message = str(caught.value)
    assert server.url in message
    assert "disconnected" in message.lower()
    assert "\n" not in message
