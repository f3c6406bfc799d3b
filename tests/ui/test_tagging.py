"""Pilot tests of tagging in the app: tag, note, completion, colour, T, edit, remove, undo."""

from __future__ import annotations

import json
import re

import pytest
from textual.command import CommandList, CommandPalette

import reader.analysis
from reader.services.tags import default_colour, next_colour
from reader.store import AnnotationStore
from reader.ui.screens.tag_dialog import TagDialog
from tests.ui.test_tagging_data import (
    DROUGHT_QUOTE,
    FIRST_SENTENCE,
    SIZE,
    drawn_marks,
    fill,
    fixed_analysis,
    notes,
    seed,
    settle,
    type_text,
    until,
)

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture(autouse=True)
def known_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fixed_analysis)


async def test_tag_with_several_tags_and_a_note(make_app, library_dir, locations):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        assert isinstance(app.screen, TagDialog)
        await fill(pilot, "#economy, water rationing")
        await pilot.press("ctrl+e")
        await fill(pilot, "check the figure")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
        [annotation] = app.annotations.story_annotations
        assert annotation.tags == ["economy", "water rationing"]  # one multi-word tag
        assert annotation.note == "check the figure"
        assert annotation.selector.exact == FIRST_SENTENCE
        assert ISO_UTC.match(annotation.created) and annotation.created == annotation.updated
        assert annotation.source == str((library_dir / "drought.txt").resolve())
        assert annotation.title == "Drought Forces Rationing in Valley Towns"
        assert annotation.speaker is None
        assert "Tagged: #economy, #water rationing" in notes(app)
        start = app.library.current.text.index(FIRST_SENTENCE)
        colour = default_colour("economy")
        assert drawn_marks(app) == [(start, start + len(FIRST_SENTENCE), colour)]
        assert "✎ #economy, #water rationing · check the figure" in app.main.status_bar.message
    # After a clean exit the database is plain TinyDB JSON with the whole record.
    saved = json.loads(locations.db.read_text("utf-8"))
    [record] = saved["annotations"].values()
    assert record["tags"] == ["economy", "water rationing"]
    assert record["selector"]["exact"] == FIRST_SENTENCE
    assert record["colour"] == default_colour("economy")


async def test_a_quote_keeps_its_speaker(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "t")
        await type_text(pilot, "water")
        await pilot.press("enter")
        await settle(pilot)
        [annotation] = app.annotations.story_annotations
        assert annotation.selector.exact == DROUGHT_QUOTE
        assert annotation.speaker == "Lena Brandt"


async def test_escape_cancels_and_saves_nothing(make_app, library_dir, locations):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        await type_text(pilot, "economy")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main
        assert app.annotations.story_annotations == []
    with AnnotationStore(locations.db) as store:
        assert len(store) == 0


async def test_tags_survive_a_restart_and_the_library_counts_them(make_app, library_dir, locations):
    seed(locations.db, library_dir / "drought.txt", FIRST_SENTENCE, ["water"])
    seed(locations.db, library_dir / "drought.txt", DROUGHT_QUOTE, ["quotes"])
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = app.main.library.rows
        prompts = {
            article.title: str(rows.row(n).meta_line)
            for n, article in enumerate(app.main.library.shown)
        }
        assert "✎ 2" in prompts["Drought Forces Rationing in Valley Towns"]
        assert "✎" not in prompts["Harbour Pilots Strike Over Night Shifts"]
        # Opening the story draws its tags.
        drought = next(a for a in app.main.library.shown if a.title.startswith("Drought"))
        app.main.library.highlight_article(drought)
        await pilot.press("enter")
        await settle(pilot)
        tags = sorted(t for a in app.annotations.story_annotations for t in a.tags)
        assert tags == ["quotes", "water"]
        assert len(drawn_marks(app)) == 2
        assert app.annotations.known_tags == ["quotes", "water"]


async def test_completion_suggests_known_tags_as_ghost_text_and_list(
    make_app, library_dir, locations
):
    seed(locations.db, library_dir / "museum.md", "The national museum", ["economy"])
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await type_text(pilot, "Eco")
        await pilot.pause()
        assert dialog.tag_input._suggestion == "Economy"
        assert dialog.choices.display
        await pilot.press("tab")
        assert dialog.tag_input.value == "economy, "  # as the library spells it
        await type_text(pilot, "e")
        await pilot.pause()
        assert not dialog.choices.display  # economy is typed already: not offered again
        await pilot.press("backspace", "enter")
        await settle(pilot)
        [annotation] = app.annotations.story_annotations
        assert annotation.tags == ["economy"]  # spelled as the library already spells it


async def test_a_multi_word_tag_completes_and_stays_one_tag(make_app, library_dir, locations):
    seed(locations.db, library_dir / "museum.md", "The national museum", ["local government"])
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await type_text(pilot, "water, local g")
        await pilot.pause()
        assert dialog.tag_input._suggestion == "water, local government"
        await pilot.press("tab")
        assert dialog.tag_input.value == "water, local government, "
        await type_text(pilot, "public  health")
        await pilot.press("enter")
        await settle(pilot)
        [annotation] = app.annotations.story_annotations
        assert annotation.tags == ["water", "local government", "public health"]
        assert "Tagged: #water, #local government, #public health" in notes(app)


async def test_the_list_inserts_the_chosen_tag(make_app, library_dir, locations):
    seed(locations.db, library_dir / "museum.md", "The national museum", ["water", "weather"])
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        dialog = app.screen
        await type_text(pilot, "w")
        await pilot.pause()
        assert [str(o.prompt) for o in dialog.choices.options] == ["● water", "● weather"]
        await pilot.press("down", "down", "enter")
        assert dialog.tag_input.value == "weather, "
        assert dialog.tag_input.has_focus
        await pilot.press("tab")  # nothing to complete: on to the note
        assert dialog.note_input.has_focus


async def test_colour_changes_per_tag_and_is_remembered(make_app, library_dir, locations):
    app = make_app(library_dir / "drought.txt")
    chosen = next_colour(default_colour("economy"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        await type_text(pilot, "economy")
        await pilot.press("ctrl+r")
        assert "economy" in str(app.screen.query_one("#tag-colours").render())
        await pilot.press("enter")
        await settle(pilot)
        [(_start, _end, colour)] = drawn_marks(app)
        assert colour == chosen
        assert app.annotations.tag_colours == {"economy": chosen}
    with AnnotationStore(locations.db) as store:
        assert store.tag_colours() == {"economy": chosen}


async def test_T_repeats_the_last_tags_without_a_dialog(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        await fill(pilot, "water, drought")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", "T")
        assert app.screen is app.main
        await settle(pilot)
        assert [a.tags for a in app.annotations.story_annotations] == [
            ["water", "drought"],
            ["water", "drought"],
        ]
        assert app.annotations.story_annotations[1].selector.exact == DROUGHT_QUOTE


async def test_edit_then_undo_brings_the_old_tags_back(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        await type_text(pilot, "water")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.tag_input.value == "water, "
        await fill(pilot, "supply")
        await pilot.press("ctrl+e")
        await fill(pilot, "ask the utility")
        await pilot.press("enter")
        await settle(pilot)
        [edited] = app.annotations.story_annotations
        assert edited.tags == ["water", "supply"]
        assert edited.note == "ask the utility"
        assert "Updated: #water #supply" in notes(app)
        await pilot.press("u")
        await settle(pilot)
        [restored] = app.annotations.story_annotations
        assert restored.id == edited.id
        assert restored.tags == ["water"] and restored.note == ""


async def test_remove_then_undo_restores_the_same_annotation(make_app, library_dir, locations):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "j", "t")
        await type_text(pilot, "pilots")
        await pilot.press("enter")
        await settle(pilot)
        [tagged] = app.annotations.story_annotations
        await pilot.press("x")
        await settle(pilot)
        assert app.annotations.story_annotations == []
        assert drawn_marks(app) == []
        assert "Removed #pilots — u to undo" in notes(app)
        first = app.main.library.rows.row(0).meta_line
        assert "✎" not in first
        await pilot.press("u")
        await settle(pilot)
        assert app.annotations.story_annotations == [tagged]
        assert "✎ 1" in app.main.library.rows.row(0).meta_line
        await pilot.press("u")  # the tagging itself is undone next
        await settle(pilot)
        assert app.annotations.story_annotations == []
        assert "Undone: #pilots removed" in notes(app)
        await pilot.press("u")
        assert "Nothing to undo." in notes(app)


async def test_x_without_an_annotation_says_so(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "x")
        await settle(pilot)
        assert "No annotation at the focus to remove." in notes(app)


async def test_a_and_A_jump_between_annotations(make_app, library_dir, locations):
    story = library_dir / "drought.txt"
    first = seed(locations.db, story, FIRST_SENTENCE, ["water"])
    second = seed(locations.db, story, DROUGHT_QUOTE, ["quotes"])
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.main.article_view
        await pilot.press("a")
        assert view.focus_span.start == first.selector.start
        assert app.main.annotation_at_focus().id == first.id
        await pilot.press("a")
        assert view.focus_span.start == second.selector.start
        assert app.main.annotation_at_focus().id == second.id
        await pilot.press("a")
        assert "No annotation after this one." in notes(app)
        await pilot.press("A")
        assert app.main.annotation_at_focus().id == first.id


async def test_a_second_instance_is_read_only_and_says_why(make_app, library_dir, locations):
    seed(locations.db, library_dir / "drought.txt", FIRST_SENTENCE, ["water"])
    holder = AnnotationStore(locations.db)  # another newsreader has the database
    try:
        app = make_app(library_dir / "drought.txt")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert any("read-only" in note for note in notes(app))
            assert [a.tags for a in app.annotations.story_annotations] == [["water"]]  # still shown
            await pilot.press("n", "t")
            assert app.screen is app.main  # no dialog for a tag that cannot be saved
            assert sum("read-only" in note for note in notes(app)) == 2
    finally:
        holder.close()


async def test_every_tagging_action_is_in_the_palette(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await fill(pilot, "annotation")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count >= 5)
        titles = [str(option.prompt).split("\n")[0] for option in commands.options]
        for wanted in ("Annotations", "Next annotation", "Remove annotation", "Edit annotation"):
            assert wanted in titles, wanted
        commands.highlighted = titles.index("Annotations")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.annotations_panel.display


async def test_a_damaged_database_is_kept_and_the_app_says_so(make_app, library_dir, locations):
    locations.db.write_text('{"annotations": {"1": {"id": ', encoding="utf-8")
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [said] = [note for note in notes(app) if "damaged" in note]
        [kept] = [path for path in locations.db.parent.iterdir() if ".corrupt-" in path.name]
        assert f"kept as {kept}" in said  # where the damaged file went
        await pilot.press("j", "t")
        await type_text(pilot, "water")
        await pilot.press("enter")
        await settle(pilot)
        assert [a.tags for a in app.annotations.story_annotations] == [["water"]]  # a new one works


async def test_a_selection_is_tagged_whole_and_then_cleared(make_app, library_dir):
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.main.article_view
        await pilot.press("j", "v", "j")
        selection = view.selection_span
        assert selection is not None
        await pilot.press("t")
        await fill(pilot, "drought")
        await pilot.press("enter")
        await settle(pilot)
        [annotation] = app.annotations.story_annotations
        assert (annotation.selector.start, annotation.selector.end) == (
            selection.start,
            selection.end,
        )
        assert annotation.selector.exact.startswith(FIRST_SENTENCE)
        assert annotation.selector.exact.endswith("said.")
        assert annotation.speaker == "Lena Brandt"  # the passage holds one quote: hers
        assert view.selection_span is None


async def test_t_on_a_tagged_passage_edits_it(make_app, library_dir, locations):
    seeded = seed(locations.db, library_dir / "drought.txt", FIRST_SENTENCE, ["water"])
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.tag_input.value == "water, "
        await fill(pilot, "towns")
        await pilot.press("enter")
        await settle(pilot)
        [annotation] = app.annotations.story_annotations
        assert annotation.id == seeded.id
        assert annotation.tags == ["water", "towns"]
        assert annotation.created == seeded.created and annotation.updated > seeded.updated


async def test_a_database_that_cannot_be_opened_says_why_and_tagging_too(
    make_app, library_dir, locations
):
    locations.db.mkdir(parents=True)  # a folder where the file should be
    app = make_app(library_dir / "drought.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [said] = [note for note in notes(app) if "Tags cannot be shown or saved" in note]
        assert str(locations.db) in said
        await pilot.press("j", "t")
        assert app.screen is app.main
        assert notes(app).count(said) == 2


async def test_a_second_run_on_the_same_database_sees_the_tags(make_app, library_dir):
    story = library_dir / "drought.txt"
    first = make_app(story)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "t")
        await fill(pilot, "quotes")
        await pilot.press("ctrl+e")
        await fill(pilot, "call the mayor's office")
        await pilot.press("enter")
        await settle(pilot)
        [saved] = first.annotations.story_annotations
    second = make_app(story)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store = second.annotations.store
        assert store is not None and not store.read_only  # the lock was let go
        assert second.annotations.story_annotations == [saved]
        assert second.annotations.known_tags == ["quotes"]
        await pilot.press("a")
        assert second.main.annotation_at_focus() == saved
        assert "✎ #quotes · call the mayor's office" in second.main.status_bar.message


async def test_t_without_a_focused_passage_says_how_to_get_one(make_app, library_dir):
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.article_view.focus_span is None
        await pilot.press("t")
        assert app.screen is app.main
        assert any(note.startswith("Focus a passage in the reader first") for note in notes(app))


async def test_a_pressed_before_the_story_s_annotations_are_read_waits_for_them(
    make_app, library_dir, locations, monkeypatch
):
    import threading

    story = library_dir / "drought.txt"
    first = seed(locations.db, story, FIRST_SENTENCE, ["water"])
    reading = threading.Event()
    real = AnnotationStore.for_article

    def slow_for_article(store: AnnotationStore, article_id: str):
        reading.wait(10)  # the store's thread is slow to read them (a busy disk)
        return real(store, article_id)

    monkeypatch.setattr(AnnotationStore, "for_article", slow_for_article)
    app = make_app(story)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.annotations.story_loading)
        await pilot.press("a")  # before the story's annotations are known
        assert "No annotations in this story yet: t tags the focus." not in notes(app)
        reading.set()
        await until(pilot, lambda: app.main.annotation_at_focus() is not None)
        assert app.main.annotation_at_focus().id == first.id
        assert not any("No annotations" in note for note in notes(app))
