"""The people panel's order, kept block by block as a long story's analysis lands: the
same order as ranking the whole story at once, whatever each block adds or changes."""

from __future__ import annotations

import random

from reader.model import Analysis, Entity, EntityGroup, Quote
from reader.services.library_search import drain
from reader.services.story_people import StoryPeople


def ranked_at_once(analysis: Analysis) -> list[tuple[str, int, int]]:
    """The order the panel promises, worked out from scratch: most quoted, then most
    mentioned, then by name; a group the analysis credited no quote to counts its name's
    quotes, and a speaker with no group of their name is listed after the groups."""
    quoted: dict[str, int] = {}
    for quote in analysis.quotes:
        if quote.kind == "quote" and quote.speaker:
            quoted[quote.speaker] = quoted.get(quote.speaker, 0) + 1
    people = [
        (group.name, group.quote_count or quoted.get(group.name, 0), len(group.mentions))
        for group in analysis.groups
        if group.label == "PER"
    ]
    named = {name for name, _quoted, _mentions in people}
    people += [(name, count, 0) for name, count in quoted.items() if name not in named]
    return sorted(people, key=lambda person: (-person[1], -person[2], person[0]))


def listed(people: StoryPeople) -> list[tuple[str, int, int]]:
    return [(person.name, person.quoted, person.mentions) for person in people.ranked]


def said(name: str | None, kind: str = "quote") -> Quote:
    return Quote(0, 1, "…", speaker=name, kind=kind)


def test_blocks_that_add_people_and_change_those_listed_keep_the_whole_storys_order() -> None:
    pick = random.Random(15)
    groups: list[EntityGroup] = []
    quotes: list[Quote] = []
    people = StoryPeople()
    for _block in range(40):
        for _ in range(pick.randint(0, 200)):
            label = pick.choice(["PER", "PER", "ORG"])
            name = f"Name {pick.randint(0, 300)}"
            groups.append(EntityGroup(len(groups), name, label, [], pick.randint(0, 3)))
        # A later block names people found before again, and counts their quotes anew.
        for group in pick.sample(groups, min(len(groups), 40)):
            group.quote_count = pick.randint(0, 4)
            if pick.random() < 0.5:
                group.mentions.append(Entity(0, 1, group.name, group.label, group.id))
        for _ in range(pick.randint(0, 150)):
            speaker = f"Name {pick.randint(0, 500)}" if pick.random() < 0.9 else None
            quotes.append(said(speaker, pick.choice(["quote", "quote", "scare"])))
        # Each block's analysis is a fuller one: new lists, the same objects and more.
        analysis = Analysis(quotes=list(quotes), groups=list(groups))
        drain(people.update(analysis))
        assert listed(people) == ranked_at_once(analysis)
    assert len(people.ranked) > 300


def test_a_speaker_listed_alone_joins_their_group_once_one_is_found() -> None:
    quotes = [said("Ada Vane"), said("Ada Vane"), said("Bo Lind")]
    people = StoryPeople()
    drain(people.update(Analysis(quotes=list(quotes))))
    assert listed(people) == [("Ada Vane", 2, 0), ("Bo Lind", 1, 0)]
    groups = [EntityGroup(0, "Bo Lind", "PER", [], 3)]
    drain(people.update(Analysis(quotes=list(quotes), groups=list(groups))))
    assert listed(people) == [("Bo Lind", 3, 0), ("Ada Vane", 2, 0)]


def test_an_analysis_of_another_story_starts_the_list_again() -> None:
    people = StoryPeople()
    drain(people.update(Analysis(groups=[EntityGroup(0, "Ada Vane", "PER", [], 2)])))
    drain(people.update(Analysis(groups=[EntityGroup(0, "Cy Moor", "PER", [], 1)])))
    assert listed(people) == [("Cy Moor", 1, 0)]


def test_a_list_on_screen_is_never_changed_in_place() -> None:
    groups = [EntityGroup(0, "Ada Vane", "PER", [], 1)]
    people = StoryPeople()
    drain(people.update(Analysis(groups=list(groups))))
    shown = people.ranked
    groups.append(EntityGroup(1, "Bo Lind", "PER", [], 5))
    drain(people.update(Analysis(groups=list(groups))))
    assert [person.name for person in shown] == ["Ada Vane"]
    assert [person.name for person in people.ranked] == ["Bo Lind", "Ada Vane"]
