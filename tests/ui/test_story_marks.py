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


def test_layers_joined_block_by_block_find_what_the_whole_storys_layers_find() -> None:
    from reader.ui.story_marks import LayerParts

    # Three blocks of one story, landing out of order; a long quote in the first runs
    # past the start of the second (overlap queries must still find it there).
    block_starts = [0, 100, 200]
    parts = {
        0: Analysis(
            quotes=[Quote(10, 150, "q"), Quote(20, 30, "r")],
            entities=[Entity(40, 48, "Ann Lee", "PER")],
        ),
        100: Analysis(entities=[Entity(120, 130, "Leith", "LOC")]),
        200: Analysis(quotes=[Quote(210, 240, "s")], entities=[Entity(205, 215, "Harbour", "ORG")]),
    }
    whole = Analysis(
        quotes=[q for start in block_starts for q in parts[start].quotes],
        entities=[e for start in block_starts for e in parts[start].entities],
    )
    expected = analysis_layers(whole)
    joined = LayerParts()
    for start in (100, 0, 200):
        layers = joined.add(start, parts[start])
    for got, want in zip(layers, expected, strict=True):
        assert got.marks == want.marks
        for start, end in [(0, 300), (140, 145), (125, 126), (205, 206), (151, 199)]:
            assert got.overlapping(start, end) == want.overlapping(start, end)


def test_a_quote_reaching_over_a_later_blocks_quote_is_still_found_there() -> None:
    from reader.ui.story_marks import LayerParts

    # The first block's quote ends after the second block's quote: a running maximum
    # of ends copied part by part would say nothing at 130 reaches past 120.
    parts = {
        0: Analysis(quotes=[Quote(10, 150, "q")]),
        100: Analysis(quotes=[Quote(110, 120, "r")]),
    }
    joined = LayerParts()
    for start in (0, 100):
        quotes, _names = joined.add(start, parts[start])

    def found(start: int, end: int) -> list[tuple[int, int]]:
        return [(mark.start, mark.end) for mark in quotes.overlapping(start, end)]

    assert found(130, 131) == [(10, 150)]
    assert found(0, 200) == [(10, 150), (110, 120)]
