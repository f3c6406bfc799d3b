"""`newsreader feeds` as a user runs it: the real command, a config dir of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.web_server import LocalWebServer, web_server  # noqa: F401 - the fixture is used by name

DATA = Path(__file__).parent / "sources" / "data"


def feeds(
    config: Path, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSREADER_CONFIG": str(config), **(env or {})}
    command = [sys.executable, "-m", "reader.cli", "feeds", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=60)


def test_add_list_remove(tmp_path: Path) -> None:
    config = tmp_path / "config"
    folder = tmp_path / "clips"
    folder.mkdir()
    added = feeds(
        config, "add", "https://news.example.org/rss", "clips", "--tag", "work", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == ["added https://news.example.org/rss", f"added {folder}"]
    # The file is the person's: their own comment and line survive our edits.
    urls = config / "subscriptions"
    urls.write_text(urls.read_text() + "# my note\nhttps://by.hand.example/feed  mine\n")

    again = feeds(config, "add", "https://news.example.org/rss")
    assert again.stdout.strip() == "1 source already subscribed"
    assert feeds(config, "list").stdout.splitlines() == [
        "https://news.example.org/rss",
        str(folder),
        "https://by.hand.example/feed",
    ]
    removed = feeds(config, "remove", "https://news.example.org/rss")
    assert removed.returncode == 0
    text = urls.read_text()
    assert "news.example.org" not in text
    assert "# my note" in text and f"{folder} work" in text

    missing = feeds(config, "remove", "https://never.example/rss")
    assert missing.returncode == 2
    assert missing.stderr == "newsreader: https://never.example/rss: not subscribed\n"


def test_add_of_a_missing_file_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    result = feeds(tmp_path, "add", str(tmp_path / "nowhere.xml"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file or folder" in result.stderr
    assert not (tmp_path / "subscriptions").exists()


def test_import_then_export_through_the_command(tmp_path: Path) -> None:
    imported = feeds(tmp_path, "import", str(DATA / "nested_reader_export.opml"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "imported 4 feeds, 1 skipped (not a web or file address)"
    assert '"Science & Tech" Weekly Longform' in (tmp_path / "subscriptions").read_text()

    exported = feeds(tmp_path, "export")
    assert exported.returncode == 0
    assert exported.stdout.count("xmlUrl=") == 4
    again = tmp_path / "again.opml"
    again.write_text(exported.stdout)
    second = feeds(tmp_path, "import", str(again))
    assert second.stdout.strip() == "imported 0 feeds, 4 already subscribed"


def test_bad_opml_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"<opml><body><outline text='x'")
    result = feeds(tmp_path, "import", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"newsreader: {bad}: not well-formed XML")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_list_says_why_a_source_is_stale_until_it_is_read_again(
    tmp_path: Path,
    web_server: LocalWebServer,  # noqa: F811
) -> None:
    from reader.services.subscription_loader import SubscriptionLoader
    from reader.sources.subscriptions import Subscription
    from tests.ui.test_reload import FERRY, feed

    config, cache = tmp_path / "config", tmp_path / "cache"
    url = web_server.serve("/tide.rss", feed(FERRY), "application/rss+xml")
    assert feeds(config, "add", url).returncode == 0
    loader = SubscriptionLoader([Subscription(url)], cache)
    web_server.fail("/tide.rss", 503)
    assert loader.fetch_one(loader.subscriptions[0]).error is not None

    env = {"NEWSREADER_CACHE": str(cache)}
    listed = feeds(config, "list", env=env)
    assert listed.returncode == 0
    assert listed.stdout.splitlines() == [url], "stdout stays one source a line for scripts"
    (why,) = listed.stderr.splitlines()
    assert why.startswith(f"newsreader: {url}: ") and "503" in why and "(last fetch, " in why

    web_server.serve("/tide.rss", feed(FERRY), "application/rss+xml")
    assert loader.fetch_one(loader.subscriptions[0]).fresh
    assert feeds(config, "list", env=env).stderr == "", "a good fetch clears the old error"
