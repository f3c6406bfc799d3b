"""Re-anchoring: a tagged passage is found again after edits, or orphaned, never misplaced."""

from __future__ import annotations

import os

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.store import StoreError, make_selector, reanchor

STORY = (
    "The minister said the budget would be balanced by 2027. "
    '"We will not raise taxes on working families," she told reporters on Tuesday. '
    "Critics said the numbers did not add up, and the opposition called it a fantasy."
)
QUOTE = "We will not raise taxes on working families,"


def _select(text: str, passage: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(passage, start + 1)
    return start, start + len(passage)


def test_selector_keeps_quote_context_and_position() -> None:
    start, end = _select(STORY, QUOTE)
    selector = make_selector(STORY, start, end)
    assert selector.exact == QUOTE
    assert selector.prefix == STORY[start - 32 : start] and selector.prefix.endswith('"')
    assert selector.suffix == STORY[end : end + 32] and selector.suffix.startswith('" she')
    assert (selector.start, selector.end) == (start, end)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (10, 10_000)])
def test_selector_outside_the_text_is_a_store_error(start: int, end: int) -> None:
    with pytest.raises(StoreError, match="characters"):
        make_selector(STORY, start, end)


def test_unchanged_text_anchors_at_the_same_place() -> None:
    start, end = _select(STORY, QUOTE)
    assert reanchor(make_selector(STORY, start, end), STORY) == (start, end)


def test_text_added_before_moves_the_anchor() -> None:
    start, end = _select(STORY, QUOTE)
    edited = "UPDATED 14:05 with reaction from unions.\n\n" + STORY
    assert reanchor(make_selector(STORY, start, end), edited) == _select(edited, QUOTE)


def test_repeated_words_are_told_apart_by_their_context() -> None:
    start, end = _select(STORY, "said", occurrence=1)  # "Critics said"
    edited = "Officials said little. " + STORY
    critics = edited.index("Critics said")
    assert reanchor(make_selector(STORY, start, end), edited) == (critics + 8, critics + 12)


def test_corrected_typo_inside_the_quote_is_found_fuzzily() -> None:
    typo = STORY.replace("working families", "workng familes")
    start, end = _select(typo, "We will not raise taxes on workng familes,")
    found = reanchor(make_selector(typo, start, end), STORY)
    assert found == _select(STORY, QUOTE)


def test_reflowed_text_still_anchors() -> None:
    start, end = _select(STORY, QUOTE)
    reflowed = STORY.replace(". ", ".\n").replace("reporters on", "reporters\non")
    assert reanchor(make_selector(STORY, start, end), reflowed) == _select(reflowed, QUOTE)


def test_deleted_passage_is_an_orphan() -> None:
    start, end = _select(STORY, QUOTE)
    edited = STORY.replace(QUOTE, "Taxes are not on the table,")
    assert reanchor(make_selector(STORY, start, end), edited) is None


def test_short_passage_whose_surroundings_changed_is_an_orphan() -> None:
    start, end = _select(STORY, "said", occurrence=1)
    rewritten = "Economists said it was unlikely. Officials said nothing more."
    assert reanchor(make_selector(STORY, start, end), rewritten) is None


# -- properties -----------------------------------------------------------------------

# The same examples on every run keep CI deterministic; `make stress` explores afresh.
if os.environ.get("NEWSREADER_STRESS"):
    PROPERTY = settings(max_examples=5000, deadline=None)
else:
    PROPERTY = settings(max_examples=300, deadline=None, derandomize=True)

_VOCABULARY_TEXT = (
    "the a of to in said minister budget taxes would not be will on families critics "
    "numbers did add up opposition called it fantasy reporters told she he they "
    "police court ruling appeal judge council vote mayor election campaign spokesman "
    "statement according report week year percent million government health school "
    "water strike"
)
VOCABULARY = _VOCABULARY_TEXT.split()

words = st.sampled_from(VOCABULARY)


@st.composite
def edited_words(draw: st.DrawFn, original: list[str]) -> list[str]:
    """``original`` after a few word insertions, deletions and replacements."""
    result = list(original)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert" or not result:
            result.insert(draw(st.integers(0, len(result))), draw(words))
        elif kind == "delete":
            del result[draw(st.integers(0, len(result) - 1))]
        else:
            result[draw(st.integers(0, len(result) - 1))] = draw(words)
    return result


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[str, tuple[int, int], list[str], list[str], list[str]]:
    before = draw(st.lists(words, max_size=30))
    passage = draw(st.lists(words, min_size=1, max_size=8))
    after = draw(st.lists(words, max_size=30))
    text = " ".join([*before, *passage, *after])
    start = len(" ".join(before)) + (1 if before else 0)
    span = (start, start + len(" ".join(passage)))
    return text, span, draw(edited_words(before)), passage, draw(edited_words(after))


def _join(before: list[str], middle: list[str], after: list[str]) -> tuple[str, tuple[int, int]]:
    text = " ".join([*before, *middle, *after])
    start = len(" ".join(before)) + (1 if before else 0)
    return text, (start, start + len(" ".join(middle)))


@PROPERTY
@given(scenarios())
def test_unchanged_passage_is_found_in_place_or_orphaned(scenario: tuple) -> None:
    text, span, before, passage, after = scenario
    edited, true_span = _join(before, passage, after)
    exact = " ".join(passage)
    assume(edited.count(exact) == 1)
    found = reanchor(make_selector(text, *span), edited)
    assert found in (None, true_span)
    if len(exact) >= 20:
        assert found == true_span, "a long passage still word for word in the text was lost"


@PROPERTY
@given(scenarios(), st.data())
def test_edited_passage_is_found_on_its_words_or_orphaned(
    scenario: tuple, data: st.DataObject
) -> None:
    text, span, before, passage, after = scenario
    index = data.draw(st.integers(0, len(passage) - 1))
    replacement = data.draw(words)
    changed = [*passage[:index], replacement, *passage[index + 1 :]]
    edited, true_span = _join(before, changed, after)
    assume(" ".join(passage) not in edited)
    found = reanchor(make_selector(text, *span), edited)
    if found is None:
        return
    # The passage may gain or lose the edited word's letters at an edge, nothing more.
    slack = max(len(replacement), len(passage[index])) + 1
    assert true_span[0] - slack <= found[0] <= true_span[0] + slack
    assert true_span[1] - slack <= found[1] <= true_span[1] + slack
    assert found[0] < true_span[1] and true_span[0] < found[1]


@PROPERTY
@given(scenarios(), st.lists(words, max_size=6))
def test_deleted_passage_is_orphaned(scenario: tuple, replacement: list[str]) -> None:
    text, span, before, passage, after = scenario
    assume(not set(replacement) & set(passage))
    edited, _ = _join(before, replacement, after)
    assume(" ".join(passage) not in edited)
    found = reanchor(make_selector(text, *span), edited)
    assert found is None, f"placed on {edited[found[0] : found[1]]!r}"
