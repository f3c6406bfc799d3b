"""Web addresses against a real HTTP server on 127.0.0.1 serving pages and feeds we wrote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.sources import SourceError, is_url, load_all, load_url, origin_of, read_again
from tests.web_server import LocalWebServer, Route

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "library-closures-news-page.html").read_bytes()
FEED = (FIXTURES / "harbour-gazette-rss2.rss").read_bytes()
UTF8_STORY = "Café Talks ‘Stall’\n\nBy Zoë Ruiz\n\nMay 2, 2024\n\n“No,” she said.\n".encode()

ROUTES: dict[str, Route] = {
    "/page": Route(200, PAGE, {"Content-Type": "text/html; charset=utf-8"}),
    "/feed": Route(200, FEED, {"Content-Type": "application/rss+xml"}),
    "/old-page": Route(301, headers={"Location": "/page"}),
    "/loop": Route(302, headers={"Location": "/loop"}),
    "/picture": Route(200, b"\x89PNG\r\n\x1a\n" + bytes(200), {"Content-Type": "image/png"}),
    # The header names the wrong charset; the bytes are UTF-8.
    "/wrong-charset": Route(200, UTF8_STORY, {"Content-Type": "text/plain; charset=iso-8859-1"}),
    "/huge": Route(200, b"<p>" + b"word " * 60_000 + b"</p>", {"Content-Type": "text/html"}),
    "/slow": Route(200, PAGE, {"Content-Type": "text/html"}, delay=3),
}


@pytest.fixture(scope="module")
def web() -> Iterator[LocalWebServer]:
    with LocalWebServer(ROUTES) as running:
        yield running


@pytest.fixture(scope="module")
def server(web: LocalWebServer) -> str:
    return web.base


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x")
    assert not is_url("news/https.txt") and not is_url(Path("http:/x"))


def test_page_is_fetched_read_and_cached(web: LocalWebServer, server: str, tmp_path: Path) -> None:
    (article,) = load_url(f"{server}/page", tmp_path)
    assert article.title == "Libraries to Close Three Days a Week, Council Confirms"
    assert article.byline == "Keziah Barnes" and article.published == "2024-04-09"
    assert article.path is None
    assert article.url == "https://dunmerepost.example/news/libraries-three-days"  # canonical
    assert "Advertisement" not in article.text
    assert any(name.endswith(".body") for name in (p.name for p in (tmp_path / "web").iterdir()))
    assert web.user_agents[-1].startswith("newsreader/")


def test_cached_copy_opens_offline_with_the_same_text(
    web: LocalWebServer, server: str, tmp_path: Path
) -> None:
    (online,) = load_url(f"{server}/page", tmp_path)
    requests_so_far = len(web.requests)
    (offline,) = load_url(f"{server}/page", tmp_path, offline=True)
    assert len(web.requests) == requests_so_far  # the network was not touched
    assert (offline.id, offline.text) == (online.id, online.text)


def test_failed_fetch_falls_back_to_the_saved_copy(server: str, tmp_path: Path) -> None:
    url = f"{server}/page"
    (first,) = load_url(url, tmp_path)
    ROUTES["/page-gone"] = ROUTES.pop("/page")
    try:
        (again,) = load_url(url, tmp_path)
    finally:
        ROUTES["/page"] = ROUTES.pop("/page-gone")
    assert again.text == first.text


def test_feed_url_gives_one_story_per_item(server: str, tmp_path: Path) -> None:
    items = load_url(f"{server}/feed", tmp_path)
    assert [a.title for a in items] == [
        "Lifeboat crew rescue two from sandbank",
        "Harbour dues to rise in April",
    ]
    assert items[0].url == "https://harbourgazette.example/news/lifeboat-sandbank"


def test_redirect_is_followed(server: str, tmp_path: Path) -> None:
    (article,) = load_url(f"{server}/old-page", tmp_path)
    assert article.title.startswith("Libraries to Close")


def test_wrong_charset_in_header_still_decodes(server: str, tmp_path: Path) -> None:
    (article,) = load_url(f"{server}/wrong-charset", tmp_path)
    assert article.title == "Café Talks ‘Stall’" and article.byline == "Zoë Ruiz"
    assert article.url == f"{server}/wrong-charset"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/loop", "too many redirects (more than 5)"),
        ("/picture", "not a web page or feed (image/png)"),
    ],
)
def test_failures_are_one_line(server: str, tmp_path: Path, path: str, message: str) -> None:
    with pytest.raises(SourceError) as error:
        load_url(f"{server}{path}", tmp_path)
    assert str(error.value) == f"{server}{path}: {message}"


def test_slow_server_times_out(server: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        load_url(f"{server}/slow", tmp_path, timeout=0.5)
    # The real time taken, which a loaded machine may stretch past the deadline.
    assert re.fullmatch(rf"{server}/slow: timed out after (0\.[5-9]|1\.\d) s", str(error.value))


def test_huge_page_is_refused(server: str, tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        load_url(f"{server}/huge", tmp_path, max_bytes=100_000)
    assert str(error.value) == f"{server}/huge: too large (over 100000 bytes)"


def test_connection_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        load_url("http://127.0.0.1:9/story", tmp_path, timeout=2)
    assert str(error.value) == "http://127.0.0.1:9/story: could not connect (connection refused)"


def test_load_all_mixes_files_and_urls(server: str, tmp_path: Path) -> None:
    story = tmp_path / "local.txt"
    story.write_text("Local Story\n\nBy Me\n\nBody.\n")
    articles, errors = load_all([story, f"{server}/page", f"{server}/missing"], tmp_path / "c")
    assert [a.title for a in articles] == [
        "Local Story",
        "Libraries to Close Three Days a Week, Council Confirms",
    ]
    assert errors == [f"{server}/missing: the server answered 404 Not Found"]


def test_saved_copy_says_it_is_one(server: str, tmp_path: Path) -> None:
    from reader.sources.web import fetch, from_cache

    assert fetch(f"{server}/page").from_cache is False
    assert from_cache(tmp_path, f"{server}/page") is None
    load_url(f"{server}/page", tmp_path)
    saved = from_cache(tmp_path, f"{server}/page")
    assert saved is not None and saved.from_cache and saved.body == PAGE
    assert saved.content_type == "text/html" and saved.charset == "utf-8"


def test_stories_remember_the_address_they_were_fetched_from(server: str, tmp_path: Path) -> None:
    items = load_url(f"{server}/feed", tmp_path)
    (page,) = load_url(f"{server}/old-page", tmp_path)
    # A feed item's own link and a page's canonical address are not what was fetched.
    assert [origin_of(item) for item in items] == [f"{server}/feed"] * 2
    assert items[0].url != f"{server}/feed"
    assert origin_of(page) == f"{server}/old-page" and page.url != page.origin
    (offline,) = load_url(f"{server}/old-page", tmp_path, offline=True)
    assert offline.origin == f"{server}/old-page"


def test_read_again_refetches_and_says_when_it_cannot(
    web: LocalWebServer, server: str, tmp_path: Path
) -> None:
    url = f"{server}/page"
    (first,) = load_url(url, tmp_path)
    asked = len(web.requests)
    (again,) = read_again(url, tmp_path)
    assert len(web.requests) == asked + 1 and again.text == first.text
    ROUTES["/page-kept"] = ROUTES.pop("/page")
    try:
        with pytest.raises(SourceError) as error:
            read_again(url, tmp_path)  # a saved copy exists, but a reload must not hide failure
    finally:
        ROUTES["/page"] = ROUTES.pop("/page-kept")
    assert str(error.value) == f"{url}: the server answered 404 Not Found"


def test_read_again_rereads_a_file(tmp_path: Path) -> None:
    story = tmp_path / "local.txt"
    story.write_text("Local Story\n\nBy Me\n\nFirst draft.\n")
    ([article], _) = load_all([story])
    assert origin_of(article) == str(story.resolve()) and article.origin is None
    story.write_text("Local Story\n\nBy Me\n\nSecond draft.\n")
    (again,) = read_again(origin_of(article) or "")
    assert "Second draft." in again.text and again.id != article.id
