"""A long story file shows its opening while the whole file is read, then the whole story
in its place; the reader's keys pressed meanwhile act on the whole story (issue #18)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import reader.sources
from reader.sources.opening import OPENING_ABOVE
from tests.ui.test_tagging_data import SIZE, settle, until

HEADER = "A Very Long Story\n\nBy Bench Desk\n\n2024-05-01\n\n"


def long_story(size: int) -> str:
    parts, length, number = [HEADER], len(HEADER), 0
    while length < size:
        part = (
            f"Paragraph {number} opens here. The committee met on Tuesday and members "
            f'spoke at length. "We will publish everything," said Ann Lee, the chair.\n\n'
        )
        parts.append(part)
        length += len(part)
        number += 1
    return "".join(parts)


@pytest.fixture
def gated_library(monkeypatch: pytest.MonkeyPatch):
    """The whole file's reading waits until the test lets it go."""
    release = threading.Event()
    real_load_all = reader.sources.load_all

    def gated(*args, **kwargs):
        release.wait(timeout=30)
        return real_load_all(*args, **kwargs)

    monkeypatch.setattr(reader.sources, "load_all", gated)
    yield release
    release.set()


async def test_a_long_story_opens_at_once_and_keys_wait_for_the_whole_of_it(
    make_app, tmp_path: Path, gated_library: threading.Event
) -> None:
    story = tmp_path / "long.txt"
    text = long_story(OPENING_ABOVE + 200_000)
    story.write_text(text, encoding="utf-8")
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.opening.article is not None)
        await pilot.pause()
        view = app.main.article_view
        opening = view.article
        assert opening is app.opening.article and view.display and view.text_widget.has_focus
        assert opening.title == "A Very Long Story" and app.sub_title == "A Very Long Story"
        assert text.startswith(opening.text) and len(opening.text) < len(text) // 10
        assert "Paragraph 0 opens here" in opening.text
        assert "reading the whole story" in app.main.status_bar.message
        assert app.library.current is None  # the library is still reading the file
        await pilot.press("G")  # held: on the opening it would reach a paragraph near the top
        await pilot.pause()
        assert view.cursor.focus is None
        gated_library.set()
        await settle(pilot)
        whole = app.library.current
        assert whole is not None and whole.text == text and view.article is whole
        assert app.opening.article is None
        # G has acted on the whole story: the focus is on its last sentence.
        focus = view.cursor.focus
        last = whole.paragraphs[-1]
        assert focus is not None and last.start <= focus.span.start < last.end
        assert "reading the whole story" not in app.main.status_bar.message


async def test_a_short_story_has_no_opening(
    make_app, tmp_path: Path, gated_library: threading.Event
) -> None:
    story = tmp_path / "short.txt"
    story.write_text(long_story(20_000), encoding="utf-8")
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        assert app.opening.article is None
        assert not app.main.article_view.display
        gated_library.set()
        await settle(pilot)
        assert app.library.current is not None
        assert app.main.article_view.article is app.library.current


async def test_an_opening_whose_whole_story_cannot_be_read_gives_way_to_the_reason(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "long.txt"
    story.write_text(long_story(OPENING_ABOVE + 1000), encoding="utf-8")
    release = threading.Event()

    def unreadable(*_args, **_kwargs):
        release.wait(timeout=30)
        return [], [f"{story}: not a text file"]

    monkeypatch.setattr(reader.sources, "load_all", unreadable)
    app = make_app(story)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.opening.article is not None)
            await pilot.press("G")
            release.set()
            await settle(pilot)
            assert app.opening.article is None and app.library.current is None
            assert not app.main.article_view.display
            message = app.main.query_one("#reader-message")
            assert message.display and "No stories to read" in str(message.render())
            assert "not a text file" in str(message.render())
    finally:
        release.set()


async def test_moves_act_on_the_opening_at_once_and_the_whole_story_keeps_the_place(
    make_app, tmp_path: Path, gated_library: threading.Event
) -> None:
    # Reading a 49 MB story whole takes seconds: j held that long is a frozen reader.
    story = tmp_path / "long.txt"
    text = long_story(OPENING_ABOVE + 200_000)
    story.write_text(text, encoding="utf-8")
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.opening.article is not None)
        await pilot.pause()
        view, body = app.main.article_view, app.main.article_view.text_widget
        await pilot.press("pagedown", "pagedown", "j", "j", "j")
        await pilot.pause()
        focus = view.cursor.focus
        assert focus is not None and focus.kind == "sentence"
        top = body.top_offset()
        assert body.scroll_offset.y > 0 and top > view.article.paragraphs[3].start
        # No total while only the opening is there: it would count the opening's part.
        status = app.main.status_bar.message
        assert (
            status.startswith("Sentence ")
            and "paragraph" in status
            and "/" not in status.split("paragraph")[1]
        )
        gated_library.set()
        await settle(pilot)
        whole = app.library.current
        assert whole is not None and view.article is whole and app.opening.article is None
        assert view.cursor.focus is not None and view.cursor.focus.span == focus.span
        assert body.top_offset() == top
        assert f"/{len(whole.paragraphs)}" in app.main.status_bar.message


async def test_a_move_pressed_after_a_held_key_waits_behind_it(
    make_app, tmp_path: Path, gated_library: threading.Event
) -> None:
    story = tmp_path / "long.txt"
    text = long_story(OPENING_ABOVE + 200_000)
    story.write_text(text, encoding="utf-8")
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.opening.article is not None)
        await pilot.pause()
        view = app.main.article_view
        await pilot.press("G", "k")  # k comes after G: both wait, in that order
        await pilot.pause()
        assert view.cursor.focus is None
        gated_library.set()
        await settle(pilot)
        whole = app.library.current
        assert whole is not None and view.article is whole
        focus = view.cursor.focus
        last = whole.paragraphs[-1]
        last_sentence = view.units.sentences(len(whole.paragraphs) - 1)[-1]
        assert focus is not None and last.start <= focus.span.start < last_sentence.start
