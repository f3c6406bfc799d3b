"""How typed tags split, complete and get colours; speakers and re-placing of passages."""

from __future__ import annotations

import subprocess
import sys

from reader.model import Analysis, Annotation, Article, Quote, Span
from reader.services.tagging import hashtags, placed_on, speaker_of
from reader.services.tags import (
    PALETTE,
    canonical_tags,
    colour_name,
    completions,
    default_colour,
    display_colour,
    last_token,
    next_colour,
    parse_tags,
)
from reader.store import make_selector


def test_commas_and_hashes_separate_tags_spaces_stay_inside_and_repeats_go() -> None:
    assert parse_tags("#economy, labour  market,,#Economy") == ["economy", "labour market"]
    assert parse_tags("local government, Local  Government") == ["local government"]
    assert parse_tags("#economy #housing") == ["economy", "housing"]
    assert parse_tags(" , # ") == []


def test_tags_take_the_spelling_the_library_already_uses() -> None:
    assert canonical_tags(["Economy", "new"], ["economy", "housing"]) == ["economy", "new"]


def test_completion_works_on_the_word_being_typed() -> None:
    assert last_token("economy, lab") == ("economy, ", "lab")
    assert last_token("economy, local gov") == ("economy, ", "local gov")
    assert last_token("economy #ho") == ("economy ", "#ho")
    assert last_token("economy, ") == ("economy, ", "")
    assert completions("local g", ["local government", "economy"]) == ["local government"]
    known = ["labour", "Lagos", "economy"]
    assert completions("#la", known) == ["labour", "Lagos"]
    assert completions("la", known, typed=["LABOUR"]) == ["Lagos"]


def test_default_colours_are_stable_across_processes() -> None:
    here = [default_colour(tag) for tag in ("economy", "housing", "Economy")]
    assert here[0] == here[2]  # one tag in any case is one colour
    code = "from reader.services.tags import default_colour; print(default_colour('economy'))"
    other = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert other == here[0]


def test_next_colour_cycles_through_the_whole_palette() -> None:
    start = PALETTE[0][1]
    seen = [start]
    while (colour := next_colour(seen[-1])) != start:
        seen.append(colour)
    assert len(seen) == len(PALETTE)
    assert next_colour("red") == start
    assert colour_name(PALETTE[1][1]) == PALETTE[1][0]
    assert colour_name("#123456") == "#123456"


def test_a_passage_is_drawn_in_its_first_tags_current_colour() -> None:
    assert display_colour(["a", "b"], "#000000", {"a": "#111111"}) == "#111111"
    assert display_colour(["a"], None, {}) == default_colour("a")
    assert display_colour([], "#222222", {}) == "#222222"
    assert hashtags(["a", "b"]) == "#a #b" and hashtags([]) == "a note"


TEXT = 'Intro line. "We will win," said Ann Lee. "Never," she added. Outro.'


def quotes() -> Analysis:
    first = TEXT.index('"We')
    second = TEXT.index('"Never')
    return Analysis(
        quotes=[
            Quote(first, first + len('"We will win,"'), "We will win,", speaker="Ann Lee"),
            Quote(second, second + len('"Never,"'), "Never,", speaker="Ann Lee"),
            Quote(0, 5, "Intro", kind="scare", speaker="Nobody"),
        ]
    )


def test_speaker_inside_a_quote_or_of_the_one_quote_a_passage_holds() -> None:
    analysis = quotes()
    inside = TEXT.index("will")
    assert speaker_of(Span(inside, inside + 4), analysis) == "Ann Lee"
    sentence = Span(TEXT.index('"We'), TEXT.index("Lee.") + 4)
    assert speaker_of(sentence, analysis) == "Ann Lee"
    assert speaker_of(Span(0, 5), analysis) is None  # a scare quote has no speaker
    assert speaker_of(Span(0, len(TEXT)), analysis) is None  # two quotes: whose?
    assert speaker_of(Span(0, 5), None) is None


def annotation_on(text: str, passage: str, article_id: str = "old") -> Annotation:
    start = text.index(passage)
    return Annotation(
        id="n1",
        article_id=article_id,
        source="/news/story.txt",
        title="Old title",
        created="2026-01-01T00:00:00Z",
        updated="2026-01-01T00:00:00Z",
        selector=make_selector(text, start, start + len(passage)),
        tags=["x"],
    )


def test_placing_follows_moved_words_to_the_new_story_id() -> None:
    annotation = annotation_on(TEXT, '"We will win," said Ann Lee.')
    changed = "A new first sentence here. " + TEXT
    article = Article(id="new", text=changed, title="Story, updated")
    placed = placed_on(annotation, article)
    assert placed.article_id == "new" and placed.title == "Story, updated"
    assert changed[placed.selector.start : placed.selector.end] == '"We will win," said Ann Lee.'
    assert not placed.orphan
