"""Join mentions of one entity: "Joe Biden", "Biden", "Biden's", "BIDEN".

People are joined by surname to the nearest fuller name that shares it (two
Bidens in one story go to whichever was named last before the mention), or by a
first name that only one person in the story has; everything else by its
spelling, ignoring case and the dots of an acronym ("U.S." is "US"); an acronym
then joins the name it abbreviates ("United States" ... "US"). A group is named
by its fullest form. Every step is a dictionary lookup, so long stories stay fast.
"""

from __future__ import annotations

from typing import Final

from reader.analysis.text_units import is_upper, opens_upper
from reader.model import Entity, EntityGroup

# How long a name in capitals must be to count as shouted rather than an acronym.
_SHOUTED_FROM: Final = {"PER": 1, "LOC": 4}


def group_mentions(entities: list[Entity], document: str = "") -> list[EntityGroup]:
    """Group ``entities`` (setting each one's ``group``); groups are in order of first mention.

    ``document``, the text, is read just before lone surnames: "Mr. Obama" is never
    joined to "Michelle Obama", the story's only full name with that surname."""
    # Groups are numbers into parallel lists while mentions are joined, and become
    # EntityGroup objects at the end: the model's classes are plain Python, so every read
    # or write of their attributes is a generic lookup, where a list index is not.
    names: list[str] = []  # each group's fullest form so far
    labels: list[str] = []
    members: list[list[Entity]] = []
    latest: list[int] = []  # where in ``entities`` each group was last mentioned, or -1
    by_key: dict[str, dict[str, int]] = {}  # label, then folded spelling
    by_surname: dict[str, list[int]] = {}
    by_first_name: dict[str, list[int]] = {}
    texts = [entity.text for entity in entities]
    entity_labels = [entity.label for entity in entities]

    # Full personal names first, so a lone surname before them still finds its person.
    people = by_key["PER"] = {}
    # enumerate, not zip(strict=True): compiled, only a plain zip or enumerate loops
    # without an iterator object and a tuple per step.
    for at, text in enumerate(texts):
        label = entity_labels[at]
        if label != "PER" or not (" " in text or "\n" in text or "\t" in text):
            continue
        spelled = _spelling(text)
        words = spelled.split()
        key = _fold(" ".join(words))
        surname, first = _fold(words[-1]), _fold(words[0])
        group = people.get(key)
        if group is None:
            group = _same_person(by_surname.get(surname, []), first, names)
        if group is None:
            group = _new_group(names, labels, members, latest, spelled, "PER")
            by_surname.setdefault(surname, []).append(group)
            by_first_name.setdefault(first, []).append(group)
        people[key] = group

    addressed = _addressed_as(entities, texts, entity_labels, document) if document else {}

    # A story names the same entity again and again: tidy and fold each spelling once.
    keyed: dict[str, tuple[str, str, bool]] = {}
    for at, entity in enumerate(entities):
        text = texts[at]
        known = keyed.get(text)
        if known is None:
            name = _spelling(text)
            folded = _fold(name)
            shouted = is_upper(name)
            if shouted:  # "U.S." and "US", "N.A.T.O." and "NATO"
                folded = folded.replace(".", "")
            known = keyed[text] = (name, folded, shouted)
        name, folded, shouted = known
        label = entity_labels[at]
        table = by_key.get(label)
        if table is None:
            table = by_key[label] = {}
        group = table.get(folded)
        if group is None:
            if label == "PER" and " " not in name:
                candidates = by_surname.get(folded, [])
                gender = addressed.get(folded)
                if gender is not None and candidates:
                    candidates = [g for g in candidates if _may_be(names[g], gender)]
                group = _nearest(candidates, latest, entities)
                if group is None:
                    sharing = by_first_name.get(folded, [])
                    group = sharing[0] if len(sharing) == 1 else None
            if group is None:
                group = _new_group(names, labels, members, latest, name, label)
            table[folded] = group
        members[group].append(entity)
        latest[group] = at
        if len(name) > len(names[group]) and not shouted:
            names[group] = name

    # Acronyms are joined and names tidied on the parallel lists too, so an EntityGroup is
    # made once per group that is kept, with its final number and name.
    kept = _join_acronyms(names, labels, members)
    groups: list[EntityGroup] = []
    for number, group in enumerate(kept):
        mentions = members[group]
        for mention in mentions:
            mention.group = number
        name, label = names[group], labels[group]
        # A name only ever shouted in a capitals headline is shown readably; short
        # capitals are acronyms ("NATO", "USA"), longer ones and people were shouted.
        if is_upper(name) and len(name) >= _SHOUTED_FROM.get(label, 7):
            name = name.title()
        # Positional: a call into the model's Python __init__ is cheaper without names.
        groups.append(EntityGroup(number, name, label, mentions))
    return groups


_HONORIFIC_GENDER: Final = {
    "Mr.": "male",
    "Mr": "male",
    "Mrs.": "female",
    "Mrs": "female",
    "Ms.": "female",
    "Ms": "female",
    "Miss": "female",
}


def _addressed_as(
    entities: list[Entity], texts: list[str], labels: list[str], text: str
) -> dict[str, str]:
    """The gender the story's honorifics give each lone surname ("Mr. Obama": male);
    a surname addressed both ways ("Mr. and Mrs. Clinton" apart) is left out."""
    found: dict[str, str] = {}
    for at, entity in enumerate(entities):
        if labels[at] != "PER" or " " in texts[at]:
            continue
        before = text[max(0, entity.start - 6) : entity.start].split()
        gender = _HONORIFIC_GENDER.get(before[-1]) if before else None
        if gender is None:
            continue
        folded = _fold(texts[at])
        found[folded] = gender if found.get(folded, gender) == gender else "either"
    return {name: gender for name, gender in found.items() if gender != "either"}


def _may_be(name: str, gender: str) -> bool:
    """Whether the person ``name`` may be addressed with an honorific of ``gender``:
    not when the first name is the other gender's ("Mr." is never "Michelle Obama")."""
    from reader.analysis.gazetteer import first_names

    usual = first_names().get(name.split()[0])
    return usual not in ("male", "female") or usual == gender


def _new_group(
    names: list[str],
    labels: list[str],
    members: list[list[Entity]],
    latest: list[int],
    name: str,
    label: str,
) -> int:
    names.append(name)
    labels.append(label)
    members.append([])
    latest.append(-1)
    return len(names) - 1


def _join_acronyms(names: list[str], labels: list[str], members: list[list[Entity]]) -> list[int]:
    """Fold 'UN' into 'United Nations' when both are in the story, under one label.

    Returns the numbers of the groups kept, in order of first mention; the mentions of a
    folded group are moved into ``members`` of the group it joins.
    """
    live = [group for group, mentions in enumerate(members) if mentions]
    expanded: dict[tuple[str, str], int] = {}
    for group in live:
        label = labels[group]
        if label == "PER":
            continue
        words = names[group].split()
        if len(words) > 1:
            initials = "".join([w[0] for w in words if opens_upper(w)])
            if len(initials) > 1:
                expanded.setdefault((label, initials), group)
    if not expanded:
        return live
    kept: list[int] = []
    for group in live:
        name = names[group]
        # Dots are not cased: a name is in capitals with or without them, so most
        # names are passed over before any copy is made.
        target = -1
        if is_upper(name):
            target = expanded.get((labels[group], name.replace(".", "")), -1)
        if target < 0 or target == group:
            kept.append(group)
            continue
        joined = members[target]
        joined.extend(members[group])
        joined.sort(key=_start)
    kept.sort(key=lambda group: members[group][0].start)
    return kept


def _start(entity: Entity) -> int:
    return entity.start


def _same_person(candidates: list[int], first: str, names: list[str]) -> int | None:
    """'Vladimir V. Putin' is 'Vladimir Putin': same first and last name."""
    for group in candidates:
        if _fold(names[group].split()[0]) == first:
            return group
    return None


def _nearest(candidates: list[int], latest: list[int], entities: list[Entity]) -> int | None:
    """Of the people a lone surname may mean, the one mentioned last (the first on a tie)."""
    if not candidates:
        return None
    best = candidates[0]
    if len(candidates) > 1:
        best_at = _mentioned_at(best, latest, entities)
        for group in candidates[1:]:
            at = _mentioned_at(group, latest, entities)
            if at > best_at:
                best, best_at = group, at
    return best


def _mentioned_at(group: int, latest: list[int], entities: list[Entity]) -> int:
    at = latest[group]
    return entities[at].start if at >= 0 else -1


def _spelling(text: str) -> str:
    if "\n" in text or "  " in text or "\t" in text:
        return " ".join(text.split())
    return text


def _fold(text: str) -> str:
    folded = text.casefold()
    return folded.replace("’", "'") if "’" in folded else folded
