"""Join mentions of one entity: "Joe Biden", "Biden", "Biden's", "BIDEN".

People are joined by surname to the nearest fuller name that shares it (two
Bidens in one story go to whichever was named last before the mention);
everything else by its normalised spelling, with an acronym joined to the name
it abbreviates ("United Nations" ... "UN"). A group is named by its fullest form.
"""

from __future__ import annotations

from reader.model import Entity, EntityGroup


def group_mentions(entities: list[Entity]) -> list[EntityGroup]:
    """Group ``entities`` (setting each one's ``group``); groups are in order of first mention."""
    groups: list[EntityGroup] = []
    by_key: dict[tuple[str, str], EntityGroup] = {}
    by_surname: dict[str, list[EntityGroup]] = {}
    by_initials: dict[str, EntityGroup] = {}

    def new_group(entity: Entity, key: tuple[str, str]) -> EntityGroup:
        group = EntityGroup(id=len(groups), name=_spelling(entity.text), label=entity.label)
        groups.append(group)
        by_key[key] = group
        return group

    # Full personal names first, so a lone surname before them still finds its person.
    for entity in entities:
        words = _spelling(entity.text).split()
        if entity.label != "PER" or len(words) < 2:
            continue
        key = ("PER", _fold(" ".join(words)))
        group = by_key.get(key) or _same_person(by_surname.get(_fold(words[-1]), []), words)
        if group is None:
            group = new_group(entity, key)
            by_surname.setdefault(_fold(words[-1]), []).append(group)
        by_key[key] = group
    last_seen: dict[int, int] = {}
    for entity in entities:
        name = _spelling(entity.text)
        words = name.split()
        key = (entity.label, _fold(name))
        group = by_key.get(key)
        if group is None and entity.label == "PER" and len(words) == 1:
            group = _nearest(by_surname.get(_fold(name), []), last_seen)
            if group is None:
                candidates = [
                    g
                    for g in groups
                    if g.label == "PER" and _fold(g.name).split()[0] == _fold(name)
                ]
                group = candidates[0] if len(candidates) == 1 else None
        if group is None and entity.label in ("ORG", "LOC") and name.isupper():
            group = by_initials.get(name.replace(".", ""))
        if group is None:
            group = new_group(entity, key)
            if entity.label in ("ORG", "LOC", "MISC") and len(words) > 1:
                initials = "".join(w[0] for w in words if w[:1].isupper())
                by_initials.setdefault(initials, group)
        by_key.setdefault(key, group)
        group.mentions.append(entity)
        entity.group = group.id
        last_seen[group.id] = entity.start
        if len(name) > len(group.name) and not name.isupper():
            group.name = name
    # A group whose only full-name mention was a headline in capitals keeps a readable name.
    # Short capitals are acronyms ("NATO", "USA"); longer ones, and people, were shouted.
    for group in groups:
        shortest = {"PER": 1, "LOC": 4}.get(group.label, 7)
        if group.name.isupper() and len(group.name) >= shortest:
            group.name = group.name.title()
    return [g for g in groups if g.mentions]


def _same_person(candidates: list[EntityGroup], words: list[str]) -> EntityGroup | None:
    """'Vladimir V. Putin' is 'Vladimir Putin': same first and last name."""
    first = _fold(words[0])
    for group in candidates:
        if _fold(group.name).split()[0] == first:
            return group
    return None


def _nearest(candidates: list[EntityGroup], last_seen: dict[int, int]) -> EntityGroup | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda g: last_seen.get(g.id, -1))


def _spelling(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")
