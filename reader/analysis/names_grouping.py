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

from reader.model import Entity, EntityGroup

# How long a name in capitals must be to count as shouted rather than an acronym.
_SHOUTED_FROM: Final = {"PER": 1, "LOC": 4}


def group_mentions(entities: list[Entity]) -> list[EntityGroup]:
    """Group ``entities`` (setting each one's ``group``); groups are in order of first mention."""
    groups: list[EntityGroup] = []
    by_key: dict[tuple[str, str], EntityGroup] = {}
    by_surname: dict[str, list[EntityGroup]] = {}
    by_first_name: dict[str, list[EntityGroup]] = {}

    # Full personal names first, so a lone surname before them still finds its person.
    for entity in entities:
        text = entity.text
        if entity.label != "PER" or not (" " in text or "\n" in text or "\t" in text):
            continue
        spelled = _spelling(text)
        words = spelled.split()
        key = ("PER", _fold(" ".join(words)))
        surname, first = _fold(words[-1]), _fold(words[0])
        group = by_key.get(key) or _same_person(by_surname.get(surname, []), first)
        if group is None:
            group = EntityGroup(id=len(groups), name=spelled, label="PER")
            groups.append(group)
            by_surname.setdefault(surname, []).append(group)
            by_first_name.setdefault(first, []).append(group)
        by_key[key] = group

    last_seen: dict[int, int] = {}
    # A story names the same entity again and again: tidy and fold each spelling once.
    keyed: dict[str, tuple[str, str, bool]] = {}
    for entity in entities:
        text = entity.text
        known = keyed.get(text)
        if known is None:
            name = _spelling(text)
            folded = _fold(name)
            shouted = name.isupper()
            if shouted:  # "U.S." and "US", "N.A.T.O." and "NATO"
                folded = folded.replace(".", "")
            known = keyed[text] = (name, folded, shouted)
        name, folded, shouted = known
        label = entity.label
        key = (label, folded)
        group = by_key.get(key)
        if group is None:
            if label == "PER" and " " not in name:
                group = _nearest(by_surname.get(folded, []), last_seen)
                if group is None:
                    sharing = by_first_name.get(folded, [])
                    group = sharing[0] if len(sharing) == 1 else None
            if group is None:
                group = EntityGroup(id=len(groups), name=name, label=label)
                groups.append(group)
            by_key[key] = group
        group.mentions.append(entity)
        last_seen[group.id] = entity.start
        if len(name) > len(group.name) and not shouted:
            group.name = name

    groups = _join_acronyms([g for g in groups if g.mentions])
    for number, group in enumerate(groups):
        group.id = number
        for mention in group.mentions:
            mention.group = number
        # A name only ever shouted in a capitals headline is shown readably; short
        # capitals are acronyms ("NATO", "USA"), longer ones and people were shouted.
        shortest = _SHOUTED_FROM.get(group.label, 7)
        if group.name.isupper() and len(group.name) >= shortest:
            group.name = group.name.title()
    return groups


def _join_acronyms(groups: list[EntityGroup]) -> list[EntityGroup]:
    """Fold 'UN' into 'United Nations' when both are in the story, under one label."""
    expanded: dict[tuple[str, str], EntityGroup] = {}
    for group in groups:
        if group.label == "PER":
            continue
        words = group.name.split()
        if len(words) > 1:
            initials = "".join([w[0] for w in words if w[:1].isupper()])
            if len(initials) > 1:
                expanded.setdefault((group.label, initials), group)
    if not expanded:
        return groups
    kept: list[EntityGroup] = []
    for group in groups:
        acronym = group.name.replace(".", "")
        target = expanded.get((group.label, acronym)) if acronym.isupper() else None
        if target is None or target is group:
            kept.append(group)
            continue
        target.mentions.extend(group.mentions)
        target.mentions.sort(key=lambda e: e.start)
    kept.sort(key=lambda g: g.mentions[0].start)
    return kept


def _same_person(candidates: list[EntityGroup], first: str) -> EntityGroup | None:
    """'Vladimir V. Putin' is 'Vladimir Putin': same first and last name."""
    for group in candidates:
        if _fold(group.name.split()[0]) == first:
            return group
    return None


def _nearest(candidates: list[EntityGroup], last_seen: dict[int, int]) -> EntityGroup | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda g: last_seen.get(g.id, -1))


def _spelling(text: str) -> str:
    if "\n" in text or "  " in text or "\t" in text:
        return " ".join(text.split())
    return text


def _fold(text: str) -> str:
    folded = text.casefold()
    return folded.replace("’", "'") if "’" in folded else folded
