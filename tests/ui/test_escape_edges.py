"""Every way text leaves the app for the terminal: notices, the status bar, the library,
the reader's header, the title, and copies (system clipboard and OSC 52), fed payloads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.payloads import ALL, PAYLOADS, hostile_folder
from tests.ui.test_copying import recording_clipboard
from tests.ui.test_reload import Notes
from tests.ui.test_tagging_data import settle

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_clean(text: str) -> None:
    assert UNSAFE.search(text) is None, repr(text)
    assert "PWNED-clipboard" not in text and "PWNED-title" not in text, repr(text)


@pytest.fixture(autouse=True)
def terminal_without_osc52_knowledge(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TMUX", "SSH_CONNECTION", "SSH_TTY", "VTE_VERSION", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)


async def test_a_hostile_folder_reaches_the_screen_and_the_clipboard_clean(
    make_app, tmp_path: Path
) -> None:
    stories = hostile_folder(tmp_path / "news")
    app = make_app(tmp_path / "news")
    copied = recording_clipboard(app)
    sent: list[str] = []
    app.copy_to_clipboard = sent.append  # what Textual would send as OSC 52
    notes = Notes()  # every notice, including those that timed out before the end
    async with app.run_test(size=(100, 36), message_hook=notes) as pilot:
        await settle(pilot)
        assert len(app.library.articles) == stories
        library = app.main.library
        for article in app.library.articles:
            app.open_article(article, focus=True)
            await settle(pilot)
            await pilot.press("j", "y")
            await settle(pilot)
            view = app.main.article_view
            for line in view.text_widget.header:
                assert_clean(line.text)
            assert_clean(app.sub_title)
            assert_clean(app.main.status_bar.message)
            assert_clean(app.main.status_bar.context)
        rows = library.rows
        for index in range(len(rows)):
            for line in rows.lines(index, 80):
                assert_clean(line.plain)
    skipped = [note for note in notes.texts() if "broken.txt" in note]
    # The bad file is named with its escapes visible, so the user can find it.
    assert skipped and "\\x1b]2;PWNED-title\\x1b\\broken.txt: empty file" in skipped[0]
    for note in notes:
        assert UNSAFE.search(note.message + note.title) is None, repr(note)
    assert len(copied) == stories and copied == sent
    for text in copied:
        assert_clean(text)


async def test_notices_and_copies_are_cleaned_at_the_door(make_app, library_dir) -> None:
    # Text that never went through a loader (a message, a server's words) is cleaned too.
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        app.notify(f"Fetched {ALL}", title=f"Site {PAYLOADS['osc0']}")
        app.main.article_view.notify(f"From a widget {PAYLOADS['osc52']}")
        app.main.status_bar.set_context(f"name{PAYLOADS['osc2']}.txt · 1/1")
        app.main.status_bar.set_note(f"KOI8{PAYLOADS['osc2']}-R (guessed)")
        app.copier.deliver(f"Quote {ALL}\nsecond line", "passage")
        await settle(pilot)
        for notification in app._notifications:
            assert_clean(notification.message)
            assert_clean(notification.title)
        assert app.main.status_bar.context == "name.txt · 1/1"
        assert app.main.status_bar.note == "KOI8-R (guessed)"
    assert copied == ["Quote clickDENWP\nsecond line"]
