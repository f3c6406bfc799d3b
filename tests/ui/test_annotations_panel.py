"""Pilot tests of the annotations panel (m) and of re-anchoring when a story changed."""

from __future__ import annotations

import pytest

import reader.analysis
from reader.ui.widgets.annotations_panel import AnnotationsPanel, excerpt
from tests.ui.test_tagging_data import (
    DROUGHT_QUOTE,
    FIRST_SENTENCE,
    SIZE,
    drawn_marks,
    fixed_analysis,
    notes,
    seed,
    settle,
    type_text,
)


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


def panel_text(panel: AnnotationsPanel) -> list[str]:
    return [str(option.prompt) for option in panel.options]


async def test_the_panel_lists_passages_and_enter_jumps_to_one(make_app, library_dir, locations):
    story = library_dir / "drought.txt"
    seed(locations.db, story, FIRST_SENTENCE, ["water"], note="compare with 2019")
    quote = seed(locations.db, story, DROUGHT_QUOTE, ["quotes", "mayor"])
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.main.annotations_panel  # mounted on its first `m`
        assert not panel.display
        await pilot.press("m")
        assert panel.display and panel.has_focus
        assert not app.main.library.display  # the panel stands in the library's place
        first, second = panel_text(panel)
        assert "#water" in first and FIRST_SENTENCE in first and "compare with 2019" in first
        assert "#quotes #mayor" in second and "Every litre counts" in second
        assert panel.border_subtitle == "2 passages"
        await pilot.press("j", "enter")
        assert app.main.article_view.has_focus_within
        assert app.main.article_view.focus_span.start == quote.selector.start
        assert app.main.annotation_at_focus().id == quote.id
        assert panel.display  # still open beside the text: tab goes back to it
        await pilot.press("tab", "e")  # edit from the panel
        await type_text(pilot, "drought")
        await pilot.press("enter")
        await settle(pilot)
        assert app.annotations.story_annotations[1].tags == ["quotes", "mayor", "drought"]
        assert panel.has_focus
        await pilot.press("escape")
        assert not panel.display and app.main.library.display
        assert app.main.article_view.has_focus_within


async def test_the_panel_shows_the_speaker_of_a_tagged_quote(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "t", "w", "enter")
        await settle(pilot)
        await pilot.press("m")
        [entry] = panel_text(app.main.query_one(AnnotationsPanel))
        assert "— Lena Brandt" in entry


async def test_an_empty_story_says_how_to_tag(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert panel_text(app.main.query_one(AnnotationsPanel)) == [
            "Nothing tagged yet: press t on a passage."
        ]


async def test_edited_story_reanchors_and_keeps_orphans(make_app, library_dir, locations):
    story = library_dir / "drought.txt"
    kept = seed(locations.db, story, DROUGHT_QUOTE, ["quotes"])
    seed(locations.db, story, FIRST_SENTENCE, ["water"])
    # The story is edited: a new paragraph first, and the tagged first sentence rewritten.
    text = story.read_text("utf-8")
    text = text.replace(FIRST_SENTENCE, "A new opening paragraph.\n\nTwo towns will ration water.")
    story.write_text(text, encoding="utf-8")
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = app.library.current.text
        moved = next(a for a in app.annotations.story_annotations if a.id == kept.id)
        assert not moved.orphan
        assert moved.article_id == app.library.current.id  # moved to the story's new id
        assert current[moved.selector.start : moved.selector.end] == DROUGHT_QUOTE
        assert moved.selector.start != kept.selector.start
        [orphan] = [a for a in app.annotations.story_annotations if a.orphan]
        assert orphan.selector.exact == FIRST_SENTENCE and orphan.tags == ["water"]
        start = moved.selector.start
        assert drawn_marks(app) == [(start, start + len(DROUGHT_QUOTE), drawn_marks(app)[0][2])]
        assert any("1 passage(s) found again, 1 not found" in note for note in notes(app))
        await pilot.press("m")
        panel = app.main.query_one(AnnotationsPanel)
        entries = panel_text(panel)
        assert entries[1].startswith("Not found in the current text")
        assert FIRST_SENTENCE in entries[2]
        assert panel.border_subtitle == "1 passage · 1 not found"
        await pilot.press("down")  # the heading is skipped
        assert panel.highlighted_annotation.id == orphan.id
        await pilot.press("enter")  # an orphan has nowhere to go: it says so
        assert any("is not in the current text" in note for note in notes(app))
        await pilot.press("x")  # ...but it can be removed from the panel
        await settle(pilot)
        assert [a.id for a in app.annotations.story_annotations] == [kept.id]
        assert panel.border_subtitle == "1 passage"
        await pilot.press("u")
        await settle(pilot)
        assert sorted(a.orphan for a in app.annotations.story_annotations) == [False, True]
        assert sum("is not in the current text" in note for note in notes(app)) == 1
    # Saved where it was found: the next start needs no search and reports nothing.
    again = make_app(story)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("found again" in note for note in notes(again))
        assert sorted(a.orphan for a in again.annotations.story_annotations) == [False, True]


REWORDED = FIRST_SENTENCE.replace("tap water", "drinking water")


def reword_first_sentence(story) -> None:
    text = story.read_text("utf-8")
    story.write_text(text.replace(FIRST_SENTENCE, REWORDED), encoding="utf-8")


async def test_reworded_passage_shows_both_wordings_and_w_accepts_the_new(
    make_app, library_dir, locations
):
    story = library_dir / "drought.txt"
    tagged = seed(locations.db, story, FIRST_SENTENCE, ["water"])
    reword_first_sentence(story)
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [found] = app.annotations.story_annotations
        assert found.selector.exact == FIRST_SENTENCE and found.reworded == REWORDED
        assert not found.orphan and found.updated == tagged.updated
        assert any("1 of them reworded (both wordings in the panel, m)" in n for n in notes(app))
        await pilot.press("m")
        panel = app.main.query_one(AnnotationsPanel)
        [entry] = panel_text(panel)
        assert f"“{FIRST_SENTENCE}”" in entry and f"now reads “{REWORDED}”" in entry
        assert panel.border_subtitle == "1 passage · 1 reworded"
        await pilot.press("w")
        await settle(pilot)
        [accepted] = app.annotations.story_annotations
        assert accepted.selector.exact == REWORDED and accepted.reworded is None
        assert accepted.updated != tagged.updated
        assert any("the story's new wording" in note for note in notes(app))
        [entry] = panel_text(panel)
        assert "now reads" not in entry and REWORDED in entry
        assert panel.border_subtitle == "1 passage"
        await pilot.press("w")  # nothing more to accept: it says so
        assert any("reads as it did when it was tagged" in note for note in notes(app))
    again = make_app(story)  # saved: the next start shows the accepted words, no flag
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [saved] = again.annotations.story_annotations
        assert saved.selector.exact == REWORDED and saved.reworded is None


def test_excerpt_cuts_long_passages_at_a_word() -> None:
    text = "word " * 40
    cut = excerpt(text, 30)
    assert cut.endswith("…") and len(cut) <= 30
    assert not cut[:-1].endswith(" ")
    assert excerpt("short\n passage") == "short passage"
