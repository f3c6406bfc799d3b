"""The store against a plain dict: any sequence of saves, restarts and crashes agrees."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from reader.model import Annotation
from reader.safe_text import clean_annotation
from reader.store import AnnotationStore
from tests.store.helpers import die, make_annotation

TAGS = st.lists(st.sampled_from(["claim", "check", "quote", "Budget", "budget", "é"]), max_size=3)
STORIES = st.sampled_from(["story-1", "story-2", "story-3"])


class StoreMatchesModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="store-model-"))
        self.db = self.folder / "annotations.json"
        self.store = AnnotationStore(self.db)
        self.model: dict[str, Annotation] = {}
        self.colours: dict[str, str] = {}
        self.serial = 0

    @rule(story=STORIES, tags=TAGS, note=st.text(max_size=20))
    def add(self, story: str, tags: list[str], note: str) -> None:
        self.serial += 1
        annotation = make_annotation(story, tags=tags, note=note, annotation_id=f"a{self.serial}")
        self.store.add(annotation)
        # The store hands back text cleaned of control characters (reader.safe_text).
        self.model[annotation.id] = clean_annotation(annotation)

    @precondition(lambda self: self.model)
    @rule(data=st.data(), tags=TAGS, note=st.text(max_size=20))
    def update(self, data: st.DataObject, tags: list[str], note: str) -> None:
        annotation_id = data.draw(st.sampled_from(sorted(self.model)))
        changed = make_annotation(
            self.model[annotation_id].article_id, tags=tags, note=note, annotation_id=annotation_id
        )
        self.store.update(changed)
        self.model[annotation_id] = clean_annotation(changed)

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        annotation_id = data.draw(st.sampled_from(sorted(self.model)))
        assert self.store.remove(annotation_id) == self.model.pop(annotation_id)

    @rule(tag=st.sampled_from(["claim", "quote", "new"]), colour=st.sampled_from(["red", "blue"]))
    def colour(self, tag: str, colour: str) -> None:
        self.store.set_tag_colour(tag, colour)
        self.colours[tag] = colour

    @rule()
    def restart(self) -> None:
        self.store.close()
        self.store = AnnotationStore(self.db)

    @rule()
    def crash(self) -> None:
        die(self.store)
        self.store = AnnotationStore(self.db)

    @rule()
    def compact(self) -> None:
        self.store.compact()

    @invariant()
    def agrees(self) -> None:
        assert {a.id: a for a in self.store.all()} == self.model
        assert self.store.tag_colours() == self.colours
        counts = Counter(tag for a in self.model.values() for tag in a.tags)
        assert Counter({tag: counts[tag] for tag in self.store.tags()}) == counts
        used = [counts[tag] for tag in self.store.tags()]
        assert used == sorted(used, reverse=True), "tags are not most-used first"
        stories = Counter(a.article_id for a in self.model.values())
        assert self.store.counts_by_article() == dict(stories)
        assert self.store.notice is None

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder)


StoreMatchesModel.TestCase.settings = settings(
    max_examples=25, stateful_step_count=30, deadline=None, derandomize=True
)
test_store_matches_a_dict = StoreMatchesModel.TestCase


@pytest.mark.stress
@pytest.mark.timeout(1800)
@pytest.mark.skipif(not os.environ.get("NEWSREADER_STRESS"), reason="make stress runs this")
def test_store_matches_a_dict_stress() -> None:
    run_state_machine_as_test(
        StoreMatchesModel,
        settings=settings(max_examples=500, stateful_step_count=60, deadline=None),
    )
