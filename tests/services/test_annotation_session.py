"""The annotation session without a screen: tag -> saved -> counts and colours -> undo ->
the story read again under a new text -> the passage found again there.

The store's thread is run inline (``start_thread`` calls the drain at once) and each
result is handed back to the session as the app's message handler does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.model import Article, Span
from reader.services.annotation_results import Notice, SessionUpdate, StoreResult
from reader.services.annotation_session import AnnotationSession
from reader.sources import load_all
from reader.store import AnnotationStore

STORY = """Valley towns ration water

By Peter Holm

Three towns in the upper valley will ration tap water from Friday.

"Every litre counts this summer," the mayor, Lena Brandt, said.
"""
QUOTE = "Every litre counts this summer"
# The same story at the same place, edited: a paragraph added above the quote.
EDITED = STORY.replace(
    "from Friday.\n", "from Friday.\n\nThe reservoir stands at a third of its usual level.\n"
)


class Harness:
    """A session whose store calls run at once; ``settle`` hands their results back."""

    def __init__(self, db: Path) -> None:
        self.results: list[StoreResult] = []
        self.session = AnnotationSession(
            db, deliver=self.results.append, start_thread=lambda drain: drain()
        )

    def settle(self) -> list[SessionUpdate]:
        updates = []
        while self.results:  # applying one may queue another (the open loads the story)
            updates.append(self.session.apply(self.results.pop(0)))
        return updates

    def notices(self) -> list[str]:
        return [notice.text for update in self.settle() for notice in update.notices]


def read_story(path: Path, text: str) -> Article:
    path.write_text(text, encoding="utf-8")
    (article,), errors = load_all([path])
    assert not errors
    return article


def quote_span(article: Article) -> Span:
    start = article.text.index(QUOTE)
    return Span(start, start + len(QUOTE))


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    harness = Harness(tmp_path / "annotations.json")
    yield harness
    harness.session.close()


def open_with(harness: Harness, article: Article) -> None:
    session = harness.session
    session.library_changed([article])
    session.open_store()
    harness.settle()
    session.load_story(article)
    harness.settle()


def test_a_tag_is_saved_counted_coloured_and_undone(harness: Harness, tmp_path: Path) -> None:
    article = read_story(tmp_path / "drought.txt", STORY)
    open_with(harness, article)
    session = harness.session
    assert session.count_labels() == {}

    session.tag(article, quote_span(article), ["water"], "mayor", {"water": "#4F9FE0"})
    assert harness.notices() == ["Tagged: #water"]
    [saved] = session.story_annotations
    assert (saved.selector.exact, saved.tags, saved.note) == (QUOTE, ["water"], "mayor")
    assert session.count_labels() == {article.id: "✎ 1"}
    assert session.tag_colours == {"water": "#4F9FE0"}
    assert [a.colour for a in session.drawn_annotations()] == ["#4F9FE0"]
    inside = Span(saved.selector.start + 2, saved.selector.start + 9)
    assert session.annotation_at(inside) == saved
    assert session.status_with_tags("Quote", saved) == "Quote · ✎ #water · mayor"

    assert session.undo() is None
    assert harness.notices() == ["Undone: #water removed"]
    assert session.story_annotations == []
    assert session.count_labels() == {}
    nothing = session.undo()
    assert isinstance(nothing, Notice) and nothing.text == "Nothing to undo." and nothing.bell

    session.close()
    with AnnotationStore(tmp_path / "annotations.json") as store:
        assert store.for_article(article.id) == []
        assert store.tag_colours() == {"water": "#4F9FE0"}  # a chosen colour stays chosen


def test_a_removal_is_undone_and_the_focus_goes_back_to_the_passage(
    harness: Harness, tmp_path: Path
) -> None:
    article = read_story(tmp_path / "drought.txt", STORY)
    open_with(harness, article)
    session = harness.session
    session.tag(article, quote_span(article), ["water"])
    harness.settle()
    [saved] = session.story_annotations
    assert session.remove(saved) is None
    assert harness.notices() == ["Removed #water — u to undo"]
    assert session.undo() is None
    [update] = harness.settle()
    assert update.go_to == saved and update.story
    assert session.story_annotations == [saved]


def test_tag_again_puts_the_last_tags_on_the_passage_once(harness: Harness, tmp_path: Path) -> None:
    article = read_story(tmp_path / "drought.txt", STORY)
    open_with(harness, article)
    session = harness.session
    first = Span(article.text.index("Three"), article.text.index("Friday") + 6)
    assert session.tag_again(article, first, None) == Notice(
        "No tags used yet: t tags the focus.", bell=True
    )
    session.tag(article, first, ["Water", "valley"])
    harness.settle()
    assert session.tag_again(article, quote_span(article), None) is None
    harness.settle()
    assert [a.tags for a in session.story_annotations] == [["Water", "valley"]] * 2
    again = session.tag_again(article, quote_span(article), None)
    assert again == Notice("Already tagged #Water #valley.")
    # Typed in another case later, a tag keeps the spelling it has in the library.
    session.tag(article, Span(0, 5), ["water"])
    harness.settle()
    assert session.story_annotations[0].tags == ["Water"]


def test_a_story_read_again_under_a_new_text_finds_its_passage_again(
    harness: Harness, tmp_path: Path
) -> None:
    path = tmp_path / "drought.txt"
    old = read_story(path, STORY)
    open_with(harness, old)
    session = harness.session
    session.tag(old, quote_span(old), ["water"])
    harness.settle()

    new = read_story(path, EDITED)
    assert new.id != old.id and new.location == old.location
    session.library_changed([new])
    # Counted on the new text before it is opened: the old text's tag moves to it.
    assert session.count_labels() == {new.id: "✎ 1"}
    session.load_story(new)
    [update] = harness.settle()
    assert session.story_annotations == [] and [a.article_id for a in update.reanchor] == [old.id]

    placed = session.place_older(new, update.reanchor, lambda: False)
    assert placed is not None
    assert session.reanchored(new, placed) == SessionUpdate()  # saved first, then shown
    [notice] = harness.notices()
    assert notice.startswith("The story changed since it was tagged: 1 passage(s) found again")
    [moved] = session.story_annotations
    assert moved.article_id == new.id and not moved.orphan
    assert (moved.selector.start, moved.selector.exact) == (new.text.index(QUOTE), QUOTE)
    assert session.count_labels() == {new.id: "✎ 1"}


def test_a_cancelled_search_places_nothing(tmp_path: Path) -> None:
    article = read_story(tmp_path / "drought.txt", STORY)
    assert AnnotationSession.place_older(article, [], lambda: True) == []


def test_without_a_database_nothing_is_saved_and_the_reader_is_told(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the database's folder should be", encoding="utf-8")
    harness = Harness(blocked / "annotations.json")
    article = read_story(tmp_path / "drought.txt", STORY)
    open_with(harness, article)
    session = harness.session
    problem = session.cannot_save()
    assert problem is not None and problem.severity == "error"
    assert problem.text.startswith("Tags cannot be shown or saved")
    assert session.count_labels() is None  # no counts rather than wrong ones
    assert session.ask_all_annotations() is not None  # the tags view opens empty at once
    session.close()


def test_a_and_A_walk_the_placed_passages_in_order(harness: Harness, tmp_path: Path) -> None:
    article = read_story(tmp_path / "drought.txt", STORY)
    open_with(harness, article)
    session = harness.session
    empty = session.next_annotation(None, None, forward=True)
    assert isinstance(empty, Notice) and empty.text.startswith("No annotations in this story")
    first = Span(article.text.index("Three"), article.text.index("Friday") + 6)
    session.tag(article, quote_span(article), ["b"])
    session.tag(article, first, ["a"])
    harness.settle()
    to_first = session.next_annotation(None, None, forward=True)
    assert not isinstance(to_first, Notice) and to_first.tags == ["a"]
    assert session.went_to(to_first) is None
    to_second = session.next_annotation(first, to_first, forward=True)
    assert not isinstance(to_second, Notice) and to_second.tags == ["b"]
    session.went_to(to_second)
    past = session.next_annotation(quote_span(article), to_second, forward=True)
    assert past == Notice("No annotation after this one.", bell=True)


def test_while_another_session_holds_the_database_this_one_reads_but_never_writes(
    harness: Harness, tmp_path: Path
) -> None:
    path = tmp_path / "drought.txt"
    old = read_story(path, STORY)
    open_with(harness, old)
    harness.session.tag(old, quote_span(old), ["water"])
    harness.settle()

    second = Harness(tmp_path / "annotations.json")  # the first still holds the lock
    new = read_story(path, EDITED)
    session = second.session
    session.library_changed([new])
    session.open_store()
    second.settle()
    assert session.store is not None and session.store.read_only
    problem = session.cannot_save()
    assert problem is not None and problem.title == "Cannot save tags here"
    session.load_story(new)
    [loaded] = second.settle()
    placed = session.place_older(new, loaded.reanchor, lambda: False)
    assert placed is not None
    shown = session.reanchored(new, placed)  # shown where they are now, not saved
    assert shown.story and shown.notices[0].title == "Annotations re-anchored"
    assert [a.article_id for a in session.story_annotations] == [new.id]
    assert second.results == []  # nothing was queued for the store
    session.close()
    harness.session.close()
    with AnnotationStore(tmp_path / "annotations.json") as store:
        assert [a.article_id for a in store.all()] == [old.id]  # still under the old text


def test_tags_a_hand_edited_database_holds_are_offered_cleaned(
    harness: Harness, tmp_path: Path
) -> None:
    from reader.services.annotation_results import AnnotationsChanged, StoreOpened
    from tests.payloads import PAYLOADS

    article = read_story(tmp_path / "drought.txt", STORY)
    open_with(harness, article)
    session = harness.session
    assert session.store is not None
    hostile = [f"water{payload}" for payload in PAYLOADS.values()]
    for result in (
        StoreOpened(session.store, hostile, {}, {}, {}),
        AnnotationsChanged(article.id, [], {}, hostile, {}, "", None),
    ):
        session.apply(result)
        # What the tag dialog suggests: no control left, and each cleaned name once.
        offered = session.known_tags
        assert offered and len(offered) == len(set(offered))
        for tag in offered:
            assert tag.isprintable() and "\x1b" not in tag, repr(tag)
            assert not any("\u202a" <= char <= "\u202e" for char in tag), repr(tag)
