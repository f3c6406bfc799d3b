"""Searching the whole library by columns: the same stories, and the same reasons, as
asking each story on its own; in steps of bounded size; and answers reused as a query grows."""

from __future__ import annotations

import random

import pytest

import reader.services.library_match as library_match
from reader.model import Article
from reader.services.library_match import (
    Reasons,
    RecentMatches,
    columns_of,
    match,
    match_steps,
    refines,
)
from reader.services.library_search import filter_words, find, index_story

WORDS = ["harbour", "ferry", "fares", "vote", "drought", "lena", "brandt", "ana", "ruiz", "é"]


def run_counting(steps):
    """Run a search's steps to the end: how many times it stopped, and what it found."""
    taken = 0
    while True:
        try:
            next(steps)
            taken += 1
        except StopIteration as done:
            return taken, done.value


def library(count: int, seed: int = 7) -> tuple[list[Article], list[tuple[str, ...]]]:
    chance = random.Random(seed)
    articles, speakers = [], []
    for n in range(count):
        title = " ".join(chance.sample(WORDS, 2)).title()
        text = " ".join(chance.choice(WORDS) for _ in range(chance.randint(0, 12)))
        articles.append(Article(id=f"s{n}", title=f"{title} {n}", text=text, source="Wire"))
        speakers.append(tuple(chance.sample(["Lena Brandt", "Ana Ruiz", "Tom Reyes"], n % 3)))
    return articles, speakers


@pytest.mark.parametrize(
    "query", ["harbour", "ferry vote", "brandt", "ana ruiz", "fares 1", "é", "nothing", "o e a"]
)
def test_columns_find_the_stories_and_reasons_that_one_story_at_a_time_finds(query: str) -> None:
    articles, speakers = library(3_000)
    index = [index_story(a, s) for a, s in zip(articles, speakers, strict=True)]
    texts = [article.text for article in articles]
    words = filter_words(query)
    expected_rows, expected_why = find(index, words, texts)
    found = match(columns_of(index), words)
    assert list(found.rows) == expected_rows
    assert found.elsewhere == set(expected_why)
    reasons = Reasons(found.elsewhere, index.__getitem__, texts.__getitem__, words)
    assert dict(reasons.items()) == expected_why


def test_small_steps_and_a_story_longer_than_a_step_find_the_same(monkeypatch) -> None:
    articles, speakers = library(500)
    # A long story whose only match straddles the edge of a step's window.
    edge = 4_096
    long_text = "x" * (edge - 3) + "lighthouse" + "y" * (3 * edge)
    articles.append(Article(id="long", title="Keeper", text=long_text))
    speakers.append(())
    index = [index_story(a, s) for a, s in zip(articles, speakers, strict=True)]
    columns = columns_of(index)
    expected = {query: match(columns, filter_words(query)) for query in ("lighthouse", "vote")}
    monkeypatch.setattr(library_match, "ROW_CHUNK", 37)
    monkeypatch.setattr(library_match, "TEXT_CHUNK", edge)
    for query, wanted in expected.items():
        steps = match_steps(columns, filter_words(query))
        taken, found = run_counting(steps)
        assert taken > 10  # it did stop between steps
        assert list(found.rows) == list(wanted.rows)
        assert found.elsewhere == wanted.elsewhere
    assert list(match(columns, ["lighthouse"]).rows) == [len(articles) - 1]


def test_a_longer_query_is_searched_within_the_shorter_ones_results() -> None:
    assert refines(["harbo", "fer"], ["harb"])
    assert refines(["harbour"], ["arb", "our"])
    assert not refines(["harb"], ["harbo"])
    assert not refines(["harbour"], ["harbour", "vote"])
    articles, speakers = library(2_000)
    index = [index_story(a, s) for a, s in zip(articles, speakers, strict=True)]
    recent = RecentMatches(columns_of(index))
    wide = recent.steps(["har"])
    try:
        while True:
            next(wide)
    except StopIteration as done:
        first = done.value
    assert recent.base(["harbour", "ferry"]) == first.rows
    assert recent.base(["vote"]) is None
    assert recent.get(["har"]) is first
    narrow = recent.steps(["harbour", "ferry"])
    try:
        while True:
            next(narrow)
    except StopIteration as done:
        assert list(done.value.rows) == list(match(recent.columns, ["harbour", "ferry"]).rows)


def test_a_long_story_kept_unfolded_is_searched_a_window_at_a_time(monkeypatch) -> None:
    import reader.services.library_search as library_search

    edge = 4_096
    monkeypatch.setattr(library_search, "KEPT_FOLDED_CHARS", 3 * edge)
    monkeypatch.setattr(library_search, "FOLD_WINDOW", edge)
    monkeypatch.setattr(library_match, "TEXT_CHUNK", edge)
    articles, speakers = library(300)
    # Its only match crosses the edge of a window, in capitals the search folds.
    long_text = "x" * (2 * edge - 3) + "LIGHTHOUSE" + "y" * (3 * edge)
    articles.insert(100, Article(id="long", title="Keeper", text=long_text))
    speakers.insert(100, ())
    index = [index_story(a, s) for a, s in zip(articles, speakers, strict=True)]
    assert isinstance(index[100].body, library_search.UnfoldedText)
    texts = [article.text for article in articles]
    for query in ("lighthouse", "harbour", "lighthouse vote", "ana ruiz"):
        words = filter_words(query)
        expected_rows, expected_why = find(index, words, texts)
        steps = match_steps(columns_of(index), words)
        taken, found = run_counting(steps)
        assert taken > 3  # it did stop between windows
        assert list(found.rows) == expected_rows
        assert found.elsewhere == set(expected_why)
    assert list(match(columns_of(index), ["lighthouse"]).rows) == [100]
    assert "xLIGHTHOUSEyyy" in find(index, ["lighthouse"], texts)[1][100].detail
