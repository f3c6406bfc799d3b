"""The name-finder registry: builtin by default, spaCy on request, your own by name."""

from __future__ import annotations

import sys

import pytest

from reader.analysis import backends
from reader.analysis.backends import (
    BackendError,
    SpacyBackend,
    available_backends,
    get_backend,
    register_backend,
)
from reader.analysis.entities import find_entities
from reader.model import Entity


@pytest.fixture(autouse=True)
def private_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backends registered by a test disappear after it."""
    monkeypatch.setattr(backends, "_REGISTRY", dict(backends._REGISTRY))
    backends._backend.cache_clear()


TEXT = "Olga Petrenko's visit to Oslo was confirmed by Northwind Logistics Inc."


def test_builtin_is_the_default() -> None:
    assert get_backend().name == "builtin"
    assert find_entities(TEXT) == find_entities(TEXT, backend="builtin")
    assert ("Olga Petrenko", "PER") in [(e.text, e.label) for e in find_entities(TEXT)]


def test_an_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(BackendError, match=r"Unknown name finder 'magic'.*builtin.*spacy"):
        find_entities(TEXT, backend="magic")


def test_a_registered_backend_is_used_and_its_output_tidied() -> None:
    class Sloppy:
        name = "sloppy"

        def find(self, text: str) -> list[Entity]:
            return [
                Entity(25, 29, "wrong text", "LOC"),  # text is fixed from the offsets
                Entity(0, 13, "", "PER"),
                Entity(5, 20, "", "ORG"),  # overlaps the person: dropped
                Entity(30, 999, "", "ORG"),  # out of range: dropped
                Entity(47, 56, "", "DATE"),  # not one of our labels: dropped
            ]

    register_backend("sloppy", lambda option: Sloppy())
    assert "sloppy" in available_backends()
    found = find_entities(TEXT, backend="sloppy")
    assert [(e.start, e.end, e.text, e.label) for e in found] == [
        (0, 13, "Olga Petrenko", "PER"),
        (25, 29, "Oslo", "LOC"),
    ]


def test_a_backend_that_crashes_gives_no_names_instead_of_a_traceback() -> None:
    class Broken:
        name = "broken"

        def find(self, text: str) -> list[Entity]:
            raise RuntimeError("model exploded")

    register_backend("broken", lambda option: Broken())
    assert find_entities(TEXT, backend="broken") == []


def test_a_backend_name_must_be_plain() -> None:
    with pytest.raises(BackendError, match="plain word"):
        register_backend("a:b", lambda option: backends.BuiltinBackend())


def test_spacy_backend_maps_labels_and_drops_possessives() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {
                "label": "PERSON",
                "pattern": [{"LOWER": "olga"}, {"LOWER": "petrenko"}, {"ORTH": "'s"}],
            },
            {"label": "GPE", "pattern": "Oslo"},
            {"label": "ORG", "pattern": "Northwind Logistics Inc."},
            {"label": "DATE", "pattern": "confirmed"},
        ]
    )
    register_backend("ruler", lambda option: SpacyBackend(nlp, name="ruler"))
    found = find_entities(TEXT, backend="ruler")
    assert [(e.text, e.label) for e in found] == [
        ("Olga Petrenko", "PER"),
        ("Oslo", "LOC"),
        ("Northwind Logistics Inc.", "ORG"),
    ]


def test_spacy_without_its_model_says_how_to_install_it() -> None:
    pytest.importorskip("spacy")
    with pytest.raises(BackendError, match="python -m spacy download xx_no_such_model"):
        get_backend("spacy:xx_no_such_model")


def test_spacy_missing_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now fails
    backends._load_spacy_model.cache_clear()
    with pytest.raises(BackendError, match=r"needs spaCy: pip install"):
        get_backend("spacy:xx_other_model")
