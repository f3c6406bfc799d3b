"""`o` opens only http(s) addresses with a site, rebuilt so a browser cannot read them as
an option; every other address a story carries is shown in a notice, never opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import reader.analysis
from reader.ui.browser import browsable_url
from tests.ui.test_open_url import only_browser  # noqa: F401 - the fixture is used by name
from tests.ui.test_reload import Notes
from tests.ui.test_tagging_data import SIZE, fixed_analysis, settle

HOSTILE = [
    "javascript:alert(document.cookie)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "vscode://file/home/user/.bashrc",
    "smb://evil.example/share",
    "-oProxyCommand=touch /tmp/pwned",
    "--remote-debugging-port=9222",
    "http://",
    "https:no-site",
    "https://site.example:port/",
    "https://site.example\\@evil.example/",
    "https://site.example/\x1b]52;c;UFdORUQ=\x07",
    "https://site.example/a b",
]


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


@pytest.mark.parametrize("address", HOSTILE)
def test_anything_but_a_web_address_with_a_site_is_refused(address: str) -> None:
    assert browsable_url(address) is None


@pytest.mark.parametrize(
    ("address", "opened"),
    [
        ("https://tidewater.example/ferry", "https://tidewater.example/ferry"),
        ("  HTTP://Tidewater.example/a?b=1#c ", "http://Tidewater.example/a?b=1#c"),
        ("https://tidewater.example", "https://tidewater.example/"),
        ('https://x.example/"quoted"<b>', "https://x.example/%22quoted%22%3Cb%3E"),
        ("https://x.example/café", "https://x.example/caf%C3%A9"),
    ],
)
def test_a_web_address_is_opened_as_itself_starting_with_its_scheme(
    address: str, opened: str
) -> None:
    assert browsable_url(address) == opened


async def test_o_on_stories_with_hostile_addresses_opens_nothing_and_says_so(
    make_app: Callable,
    tmp_path: Path,
    only_browser: Callable[[int], Path],  # noqa: F811
) -> None:
    opened = only_browser(0)
    folder = tmp_path / "news"
    folder.mkdir()
    # Front matter is read as it is written: each story keeps its address to the letter.
    addresses = [a for a in HOSTILE if "\x1b" not in a and " " not in a]
    for number, address in enumerate(addresses):
        (folder / f"story-{number}.md").write_text(
            f"---\ntitle: Story {number}\nurl: {address}\n---\n\nThe council met on Monday.\n",
            encoding="utf-8",
        )
    notes = Notes()
    app = make_app(folder)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        assert {article.url for article in app.library.articles} == set(addresses)
        for article in app.library.articles:
            app.open_article(article, focus=True)
            await settle(pilot)
            await pilot.press("o")
            await settle(pilot)
    assert not opened.exists()  # the browser never ran
    refused = [note for note in notes if note.message.startswith("Not opened: ")]
    assert len(refused) == len(addresses)
    for note in refused:
        assert note.severity == "warning" and "\n" not in note.message
    shown = " ".join(note.message for note in refused)
    assert all(address in shown for address in addresses)  # the user sees what it was


async def test_o_shows_an_address_with_escapes_as_text(
    make_app: Callable,
    library_dir: Path,
    only_browser: Callable[[int], Path],  # noqa: F811
) -> None:
    opened = only_browser(0)
    notes = Notes()
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        app.main.origin.browser.open("javascript:\x1b]52;c;UFdORUQ=\x07alert(1)")
        await settle(pilot)
    assert not opened.exists()
    [note] = [note for note in notes if note.message.startswith("Not opened")]
    assert "javascript:\\x1b]52;c;UFdORUQ=\\x07alert(1)" in note.message
    assert "\x1b" not in note.message
