"""Who a pronoun speaker stands for: the nearest earlier person or group that agrees with it in
gender and number, within the reach a pronoun may look back."""

from __future__ import annotations

from reader.analysis.lexicon import DETERMINERS, TITLE_WORDS
from reader.analysis.speaker_index import SpeakerIndex
from reader.analysis.speaker_names import NameSpans, gender_of, pronoun_gender
from reader.analysis.speaker_phrases import SpeakerPhrase

# A speaker as resolved: fullest name, mention span, role.
Mention = tuple[str, int, int, str | None]


def _antecedent(
    text: str,
    phrase: SpeakerPhrase,
    at: int,
    people: list[Mention | None],
    last_group: Mention | None,
    index: SpeakerIndex,
    where: tuple[int, list[tuple[int, int]], list[tuple[int, int]]],
    names: NameSpans | None,
) -> Mention | None:
    """Who "he", "she" or "they" is: the nearest of the last speaker named, the last
    person reported as saying something, and the subject of a recent sentence, that
    agrees with the pronoun in gender and number."""
    word = phrase.text.lower()
    if word in ("they", "it", "we"):
        return last_group if _agrees_in_number(text, word, last_group, names) else None
    if word not in ("he", "she"):
        return None  # "I" and "you" are the writer and the reader
    gender = pronoun_gender(word)
    paragraph, paras, spans = where
    # Plain loops, not max() with a key: compiled, max() calls the key through Python.
    nearest: Mention | None = None  # the first of the latest, as max() picks
    for mention in people:
        if mention is None or mention[1] >= at or not _agrees(text, mention, gender, names):
            continue
        if nearest is None or mention[1] > nearest[1]:
            nearest = mention
    floor = nearest[1] if nearest is not None else 0
    run = index.last_person_before(at, paragraph, paras, spans, floor)
    if run is not None and run.start > floor:
        candidate: Mention = (run.text, run.start, run.end, run.title or None)
        if _agrees(text, candidate, gender, names) and _is_person(names, run.start, run.end):
            return candidate
    return nearest


def _is_person(names: NameSpans | None, start: int, end: int) -> bool:
    """Whether the name finder found a person at ``start..end`` (without it: any run)."""
    if names is None:
        return True
    entity = names.at(start, end)
    return entity is not None and entity.label == "PER"


def _agrees(text: str, mention: Mention, gender: str | None, names: NameSpans | None) -> bool:
    """Whether "he" or "she" can refer to ``mention``: no other gender is known for it,
    and it is no organisation or place."""
    _, start, end, role = mention
    if names is not None:
        entity = names.at(start, end)
        if entity is not None and entity.label != "PER":
            return False
        first = text[start : start + 1]
        if entity is None and first.isupper() and not _person_shaped(mention[0]):
            return False  # "Salt spray and heavier lorries ..., he said": no person
    if gender is None:
        return True
    found = gender_of(text, start, end, role)
    return found is None or found == gender


def _person_shaped(name: str) -> bool:
    """A name the name finder missed that still reads as a person's (in its fullest
    form): a title first ("Councillor Hale"), a first name and more ("Helmsman Owen
    Ashdown"), or a nominal phrase ("A nurse")."""
    from reader.analysis.gazetteer import first_names, lexicon

    words = name.split()
    if not words:
        return False
    first = words[0].lower()
    if first in DETERMINERS or first in TITLE_WORDS or first in lexicon().titles:
        return True
    firsts = first_names()
    return any(words[n] in firsts for n in range(min(len(words) - 1, 3)))


def _agrees_in_number(
    text: str, word: str, mention: Mention | None, names: NameSpans | None
) -> bool:
    """Whether "they", "it" or "we" can refer to ``mention``: a body or a group, never
    one named person."""
    if mention is None:
        return False
    _, start, end, _ = mention
    if names is not None:
        entity = names.at(start, end)
        if entity is not None:
            return entity.label != "PER"
    written = text[start:end].split()
    last = written[-1].lower() if written else ""
    if word == "it":
        return not last.endswith("s") or last.endswith("ss")
    return True
