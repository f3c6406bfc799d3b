"""Pilot tests of copying out of the reader: y, Y, the format, delivery and its failures."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import reader.analysis
import reader.clipboard
import reader.export.files
from reader.ui.screens.copy_fallback import CopyFallbackScreen
from tests.ui.test_tagging_data import (
    DROUGHT_QUOTE,
    FIRST_SENTENCE,
    SIZE,
    fixed_analysis,
    notes,
    seed,
    settle,
)

TITLE = "Drought Forces Rationing in Valley Towns"
SPOKEN = DROUGHT_QUOTE.strip('"').rstrip(",")


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


@pytest.fixture(autouse=True)
def terminal_without_osc52_knowledge(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test runner's own terminal must not decide whether OSC 52 counts as sent.
    for name in ("TMUX", "SSH_CONNECTION", "SSH_TTY", "VTE_VERSION", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)


def recording_clipboard(app) -> list[str]:
    copied: list[str] = []
    app.copier.copy_function = copied.append
    return copied


async def test_y_on_a_quote_copies_it_with_speaker_and_citation(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "y")
        await settle(pilot)
    [text] = copied
    assert f"“{SPOKEN}" in text
    assert "— Lena Brandt" in text
    assert TITLE in text and "Peter Holm" in text
    assert "Copied to clipboard" in notes(app)


async def test_y_on_a_sentence_copies_the_passage_with_a_citation(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "y")
        await settle(pilot)
    [text] = copied
    assert FIRST_SENTENCE.rstrip(".") in text
    assert TITLE in text


async def test_c_switches_to_markdown(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "n", "y")
        await settle(pilot)
    assert copied[0].startswith(f"> {SPOKEN}")
    assert "y and Y now copy as Markdown" in notes(app)


async def test_Y_copies_every_annotation_of_the_story(make_app, library_dir, locations):
    story = library_dir / "drought.txt"
    seed(locations.db, story, FIRST_SENTENCE, ["water"])
    seed(locations.db, story, DROUGHT_QUOTE, ["quotes"])
    app = make_app(story)
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
    [text] = copied
    assert text.index(FIRST_SENTENCE.rstrip(".")) < text.index(SPOKEN)


async def test_Y_without_annotations_says_how_to_make_one(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
    assert copied == []
    assert any("no annotations to copy" in note for note in notes(app))


async def test_a_hanging_clipboard_does_not_block_the_keys(make_app, library_dir, monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(reader.clipboard, "copy_text", _slow_copy(release))
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "y")
        view = app.main.article_view
        on_quote = view.focus_span
        await pilot.press("k")  # answered while the clipboard still hangs
        await pilot.pause()
        assert view.focus_span != on_quote
        assert not release.is_set()
        release.set()
        await settle(pilot)
    assert "Sent to the terminal clipboard (OSC 52)" in notes(app)


def _slow_copy(release: threading.Event):
    def copy_text(text: str, **_options: object) -> reader.clipboard.CopyResult:
        release.wait(10)
        return reader.clipboard.CopyResult(False, "timed out", "xclip did not answer")

    return copy_text


async def test_no_clipboard_at_all_shows_the_text_and_saves_it(
    make_app, library_dir, monkeypatch, tmp_path: Path
):
    def refuse(_text: str) -> None:
        raise RuntimeError("no clipboard tool")

    monkeypatch.setattr(reader.clipboard, "osc52_support", lambda: False)
    monkeypatch.setattr(reader.export.files, "default_folder", lambda: tmp_path)
    app = make_app(library_dir / "drought.txt")
    app.copier.copy_function = refuse
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "y")
        await settle(pilot)
        assert isinstance(app.screen, CopyFallbackScreen)
        assert "Could not copy" in app.screen.reason
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.main
    [saved] = tmp_path.glob("newsreader-copy*.txt")
    assert "— Lena Brandt" in saved.read_text(encoding="utf-8")


async def test_the_palette_offers_each_copy_format_and_export(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
    for label in ("plain text", "Markdown", "citation only"):
        assert f"Copy as {label}" in titles
    for label in ("Markdown", "JSON backup", "CSV (Readwise)", "W3C Web Annotations"):
        assert f"Export this story's annotations as {label}" in titles


async def test_with_no_display_the_copy_goes_to_the_terminal(make_app, library_dir, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")  # no xclip, xsel or wl-copy either
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "y")
        await settle(pilot)
    assert "Sent to the terminal clipboard (OSC 52)" in notes(app)


async def test_palette_export_writes_a_file_and_names_it(
    make_app, library_dir, locations, monkeypatch, tmp_path: Path
):
    story = library_dir / "drought.txt"
    seed(locations.db, story, DROUGHT_QUOTE, ["water"], note="check the figure")
    monkeypatch.setattr(reader.export.files, "default_folder", lambda: tmp_path)
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.copier.export_story("markdown")
        await settle(pilot)
    [written] = tmp_path.glob("newsreader-annotations*.md")
    assert SPOKEN in written.read_text(encoding="utf-8")
    assert any(str(written) in note for note in notes(app))


async def test_y_on_part_of_a_quote_keeps_the_speaker_and_marks_the_cut(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    copied = recording_clipboard(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "v", "W", "y")  # the quote less its last word
        await settle(pilot)
    [text] = copied
    assert text.startswith("“Every litre counts this…” — Lena Brandt (")
    assert TITLE in text
