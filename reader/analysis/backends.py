"""Name-finder backends: the built-in rules, spaCy when a user has it, or your own.

A backend is anything with ``find(text) -> list[Entity]``. Backends are created
by name through a registry (``"builtin"``, ``"spacy"``, ``"spacy:MODEL"``), so the
CLI's ``--ner`` flag and the app's settings pick one without importing it.
Whatever a backend returns is checked and tidied (sorted, in range, no overlaps,
labels PER/ORG/LOC/MISC) before anyone else sees it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, Protocol

from reader.model import Entity

LABELS = ("PER", "ORG", "LOC", "MISC")
DEFAULT_SPACY_MODEL = "en_core_web_sm"
SPACY_MODEL_ENV = "NEWSREADER_SPACY_MODEL"

# spaCy's OntoNotes labels folded into ours; the rest (dates, numbers, money) are not names.
SPACY_LABELS = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "MISC": "MISC",
}


class BackendError(Exception):
    """A name-finder backend cannot be used; the message says why and what to do."""


class NameBackend(Protocol):
    name: str

    def find(self, text: str) -> list[Entity]: ...


class BuiltinBackend:
    """Rules, cue words and gazetteers; no model, no download."""

    name = "builtin"
    # Its output is valid by construction (and property-tested), so it skips tidy().
    trusted = True

    def find(self, text: str) -> list[Entity]:
        from reader.analysis.names import find_names

        return find_names(text)


class SpacyBackend:
    """Names from a spaCy pipeline: a loaded model, or any ``Language`` you pass in."""

    def __init__(self, nlp: Any, name: str = "spacy") -> None:
        self.nlp = nlp
        self.name = name

    def find(self, text: str) -> list[Entity]:
        found: list[Entity] = []
        for ent in self.nlp(text).ents:
            label = SPACY_LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = ent.start_char, ent.end_char
            # spaCy keeps a possessive inside some names ("Biden's"); ours never do.
            if text.endswith(("'s", "’s"), start, end) and end - start > 2:
                end -= 2
            found.append(Entity(start, end, text[start:end], label))
        return found


def load_spacy(model: str | None = None) -> SpacyBackend:
    """A spaCy backend for an installed model (``NEWSREADER_SPACY_MODEL`` or en_core_web_sm)."""
    model = model or os.environ.get(SPACY_MODEL_ENV) or DEFAULT_SPACY_MODEL
    return SpacyBackend(_load_spacy_model(model), name=f"spacy:{model}")


@lru_cache(maxsize=4)
def _load_spacy_model(model: str) -> Any:
    try:
        import spacy
    except ImportError:
        raise BackendError(
            "The spaCy name finder needs spaCy: pip install 'newsreader[spacy]'"
        ) from None
    try:
        return spacy.load(model, disable=["lemmatizer", "textcat"])
    except OSError:
        raise BackendError(
            f"spaCy is installed but its model {model!r} is not: python -m spacy download {model}"
        ) from None


_REGISTRY: dict[str, Callable[[str | None], NameBackend]] = {
    "builtin": lambda _option: BuiltinBackend(),
    "spacy": load_spacy,
}


def register_backend(name: str, factory: Callable[[str | None], NameBackend]) -> None:
    """Make ``factory`` available as ``backend=name`` (``name:option`` passes the option)."""
    if not name or ":" in name:
        raise BackendError(f"A backend name must be a plain word, not {name!r}")
    _REGISTRY[name] = factory
    _backend.cache_clear()


def available_backends() -> list[str]:
    return sorted(_REGISTRY)


def get_backend(spec: str = "builtin") -> NameBackend:
    """The backend named ``spec`` ("builtin", "spacy", "spacy:en_core_web_trf")."""
    return _backend(spec.strip().lower() if spec else "builtin")


@lru_cache(maxsize=8)
def _backend(spec: str) -> NameBackend:
    name, _, option = spec.partition(":")
    factory = _REGISTRY.get(name)
    if factory is None:
        choices = ", ".join(available_backends())
        raise BackendError(f"Unknown name finder {name!r}; choose one of: {choices}")
    return factory(option or None)


def tidy(text: str, entities: Iterable[Entity]) -> list[Entity]:
    """Keep what a backend found only if it is valid: in range, labelled, no overlaps."""
    size = len(text)
    valid = sorted(
        (
            e
            for e in entities
            if 0 <= e.start < e.end <= size and e.label in LABELS and text[e.start : e.end].strip()
        ),
        key=lambda e: (e.start, -(e.end - e.start)),
    )
    out: list[Entity] = []
    for e in valid:
        if out and e.start < out[-1].end:
            continue
        out.append(Entity(e.start, e.end, text[e.start : e.end], e.label))
    return out
