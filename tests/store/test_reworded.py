"""Re-anchoring after an edit: the tagged words are kept, the new ones flagged, until accepted."""

from __future__ import annotations

from pathlib import Path

from reader.model import Annotation
from reader.store import (
    AnnotationStore,
    accept_rewording,
    make_selector,
    reanchor_annotation,
)
from tests.store.helpers import make_annotation

STORY = (
    "The council met on Monday night. The mayor said, "
    '"We looked at every other option before closing the library," and left. '
    "Residents plan a protest on Saturday outside the town hall."
)
QUOTE = "We looked at every other option before closing the library,"
EDITED = STORY.replace("every other option", "every possible option")
NEW_WORDS = "We looked at every possible option before closing the library,"


def tagged(text: str = STORY) -> Annotation:
    annotation = make_annotation()
    start = text.index(QUOTE)
    annotation.selector = make_selector(text, start, start + len(QUOTE))
    return annotation


def test_unchanged_text_leaves_the_annotation_as_it_is() -> None:
    annotation = tagged()
    assert reanchor_annotation(annotation, STORY) is annotation


def test_words_no_longer_there_make_an_orphan_that_keeps_them() -> None:
    annotation = tagged()
    placed = reanchor_annotation(annotation, "Intro line. Something else entirely. Outro.")
    assert placed.orphan and placed.selector == annotation.selector


def test_changed_wording_keeps_the_tagged_quote_and_flags_the_new_words() -> None:
    annotation = tagged()
    placed = reanchor_annotation(annotation, EDITED)
    assert placed.selector.exact == QUOTE  # what the reader tagged, word for word
    assert placed.reworded == NEW_WORDS
    assert EDITED[placed.selector.start : placed.selector.end] == NEW_WORDS
    assert not placed.orphan and placed.updated == annotation.updated
    # Found at once the next time, and not flagged twice.
    assert reanchor_annotation(placed, EDITED) is placed
    # The story changed back: the flag goes.
    back = reanchor_annotation(placed, STORY)
    assert back.reworded is None and back.selector == annotation.selector


def test_accepting_the_new_words_makes_them_the_quote() -> None:
    placed = reanchor_annotation(tagged(), EDITED)
    accepted = accept_rewording(placed, EDITED, "2026-12-06T22:00:00Z")
    assert accepted.reworded is None and accepted.selector.exact == NEW_WORDS
    start = EDITED.index(NEW_WORDS)
    assert accepted.selector == make_selector(EDITED, start, start + len(NEW_WORDS))
    assert accepted.updated == "2026-12-06T22:00:00Z"
    assert reanchor_annotation(accepted, EDITED) is accepted
    # Without the story at hand, the words still become the quote.
    offline = accept_rewording(placed, None, "2026-12-06T22:00:00Z")
    assert offline.selector.exact == NEW_WORDS and offline.reworded is None


def test_the_flag_and_the_acceptance_are_saved(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    placed = reanchor_annotation(tagged(), EDITED)
    with AnnotationStore(db) as store:
        store.add(placed)
    with AnnotationStore(db) as store:
        saved = store.get(placed.id)
        assert saved == placed and saved.reworded == NEW_WORDS
        store.update(accept_rewording(saved, EDITED, "2026-12-06T22:00:00Z"))
    with AnnotationStore(db) as store:
        accepted = store.get(placed.id)
        assert accepted.reworded is None and accepted.selector.exact == NEW_WORDS


def test_a_backup_keeps_the_flag_and_both_wordings() -> None:
    from reader.export import export_annotations, import_records

    placed = reanchor_annotation(tagged(), EDITED)
    [restored] = import_records(export_annotations([placed], {}, "json"))
    assert restored == placed and restored.reworded == NEW_WORDS
