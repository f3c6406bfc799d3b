"""The marks a story's analysis and annotations draw on its text, built without a screen."""

from __future__ import annotations

from reader.model import Analysis, Annotation, Entity, Quote
from reader.store import make_selector
from reader.ui.story_marks import analysis_layers, annotation_marks

TEXT = '"We will wait," said Ann Lee of Harbour Council in Leith.'


def note(id: str, start: int, end: int, **fields) -> Annotation:
    values = {"article_id": "s1", "tags": ["water"], **fields}
    return Annotation(
        id=id,
        source="s1.txt",
        title="Title",
        created="2026-01-01T00:00:00Z",
        updated="2026-01-01T00:00:00Z",
        selector=make_selector(TEXT, start, end),
        **values,
    )


def test_annotations_of_the_story_in_their_own_or_their_tags_colour() -> None:
    notes = [
        note("tagged", 0, 14),
        note("own colour", 15, 19, colour="#ff0000"),
        note("untagged colour", 20, 27, tags=["unknown"]),
        note("orphan", 0, 5, orphan=True),
        note("other story", 0, 5, article_id="s2"),
    ]
    marks = annotation_marks(notes, {"water": "#0000ff"}, "s1").marks
    assert [(m.start, m.end, m.value) for m in marks] == [
        (0, 14, "#0000ff"),
        (15, 19, "#ff0000"),
        (20, 27, ""),  # drawn in the default tag colour
    ]


def test_quotes_and_names_become_layers_only_for_drawn_kinds() -> None:
    name = TEXT.index("Ann Lee")
    analysis = Analysis(
        quotes=[Quote(0, 14, "We will wait,", "Ann Lee", name, name + 7)],
        entities=[
            Entity(name, name + 7, "Ann Lee", "PER", 0),
            Entity(TEXT.index("Harbour"), TEXT.index(" in"), "Harbour Council", "ORG", 1),
            Entity(0, 2, "We", "PRONOUN", None),
        ],
    )
    quotes, names = analysis_layers(analysis)
    assert [(m.start, m.end) for m in quotes.marks] == [(0, 14)]
    assert [m.value for m in names.marks] == ["PER", "ORG"]
