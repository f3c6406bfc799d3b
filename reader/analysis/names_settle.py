"""The second pass: decide undecided names from what the whole document says.

"Simmons" after "Phil Simmons" is a person; a word nothing vouches for is read
by the words around it ("in Geneva", "Dole said", "Leeds 2 Chelsea 1").
Internal to ``reader.analysis.names``.
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis.gazetteer import PLACE_COUNTRY, PLACE_STRONG
from reader.analysis.names_context import (
    FIXTURE_AFTER,
    FIXTURE_BEFORE,
    LONE_WORD_DEFAULT,
    ORG_AFTER,
    ORG_BEFORE,
    SCORE_AFTER,
    SCORE_BEFORE,
    SPEECH_VERBS,
    TEAM_AFTER,
    TEAM_BEFORE,
    UNKNOWN_PLACE_CUES,
    Doc,
    Found,
    cue_word,
    next_word,
    previous_word,
    surname_shaped,
    word_set,
)
from reader.analysis.names_lines import (
    in_headline,
    is_dateline,
    sentence_initial,
)
from reader.analysis.names_roles import described_as_a_person
from reader.analysis.names_rules import (
    looks_like_word,
)
from reader.analysis.names_teams import team_town
from reader.analysis.sorted_table import LabelTable
from reader.analysis.text_units import is_upper
from reader.model import Entity


def settle(doc: Doc) -> list[Entity]:
    """Decide undecided names from what the document says about them elsewhere."""
    text = doc.text
    found = doc.found
    by_name: dict[str, str] = {}
    surnames: set[str] = set()
    seen_mid: set[str] = set()
    # Each mention's text, cut once and read by both passes.
    names: list[str] = []
    for f in found:
        name = text[f.start : f.end]
        names.append(name)
        if f.headline:
            continue
        label = f.label
        if "\n" in name:
            name = one_line(name)
        if label is None:
            if not f.initial:
                seen_mid.add(name)
        elif f.confident:
            if name not in by_name:
                by_name[name] = label
            if label == "PER" and " " in name:
                surnames.add(name.rsplit(" ", 1)[1])
    entities: list[Entity] = []
    evidenced: dict[str, str] = {}  # names a cue around some mention labelled
    defaulted: list[tuple[int, str]] = []  # entities labelled for want of any cue
    openings: list[tuple[int, str]] = []  # sentence-opening words no cue labelled (yet)
    sides: set[str] = set()  # towns (folded) that some mention shows as a playing side
    business: set[str] = set()  # names some mention's cue shows as a body ("Comelf's output")
    spoken: list[tuple[int, str]] = []  # lone words a cue read as a person ("Comelf said")
    # enumerate, not zip(strict=True): compiled, only a plain zip or enumerate loops
    # without an iterator object and a tuple per step.
    for i, f in enumerate(found):
        name = names[i]
        label = f.label
        is_scored: bool | None = None  # asked at most once per mention, when needed
        if label is None:
            key = one_line(name) if "\n" in name else name
            if f.headline:
                if key.isupper():
                    key = key.title()
                label = by_name.get(key) or ("PER" if key in surnames else None)
                if label is None and table_row(text, f):
                    label = "ORG"  # a table row in capitals: "BOSTON 69 65 .515"
                elif label is None and fixture_line(doc, f):
                    label = "ORG"  # a fixture list: "SAN DIEGO AT MONTREAL"
            else:
                label = by_name.get(key) or ("PER" if key in surnames else None)
                if label is None:
                    initial = f.initial
                    if initial:
                        is_scored = scored(text, f)
                    if initial and not is_scored and is_dateline(text, f.end, True):
                        label = "LOC"  # "KEELING 1999-02-01", even in capitals
                    elif (
                        not initial
                        or key in seen_mid
                        or is_scored
                        # "Ayesha Raman spoke. ... Ayesha said": a word of it recurs.
                        or (" " in key and not seen_mid.isdisjoint(key.split()))
                    ) and not in_headline(doc, f.start):
                        label, evidence = guess(doc, f, key, is_scored)
                        if label is not None:
                            if evidence:
                                evidenced.setdefault(key, label)
                                if label == "ORG":
                                    business.add(key)
                                elif label == "PER" and " " not in key:
                                    spoken.append((len(entities), key))
                            else:
                                defaulted.append((len(entities), key))
                    else:
                        # Opening a sentence, a capital proves nothing: only a cue does
                        # ("Cofinec CEO Stephen Frater", "Comelf's output rose"). The
                        # cheap look at the words around comes before the line's.
                        label = opening_cue(doc, f, key, is_scored)
                        if label is None and _described(doc, f, key):
                            label = "PER"  # "Jeb Pell, the former harbour commissioner, said"
                        elif label is None:
                            openings.append((i, key))
                        elif in_headline(doc, f.start):
                            label = None
                        else:
                            evidenced.setdefault(key, label)
                            business.add(key)
            if label is None:
                continue
        elif label == "LOC" and name in surnames and doc.lex.places.get(name, 0) < PLACE_COUNTRY:
            # "John Bolton ... Bolton said": a town's name that ends a person's name in this
            # story is that person (a country or a state stays the place: "Jim Georgia").
            label = "PER"
        if label == "LOC":
            if f.headline:
                is_scored = table_row(text, f) or fixture_line(doc, f)
            elif is_scored is None:
                is_scored = scored(text, f)
            if (
                (is_scored or in_fixture(text, f))
                and not _national(doc, name)
                # "edged Austria in Salzburg 3-2": after "in" or "at", where they played
                and cue_word(text, f.start) not in UNKNOWN_PLACE_CUES
            ) or (not f.headline and _plays(doc, f, name)):
                label = "ORG"  # "Leeds 2 Chelsea 1", "Leeds v Chelsea": places that play are teams
                if doc.lex.places.get(name, 0) and not _national(doc, name):
                    sides.add(name.casefold())
        elif label == "ORG":
            if name[-1] in "sx" and " " in name:
                town = team_town(doc.lex, doc.tables, one_line(name).split(), True)
                if town:
                    sides.add(town.casefold())  # "the Cleveland Indians": Cleveland plays
            if text[f.end : f.end + 1] == " " and next_word(text, f.end) in INDEX_AFTER:
                label = "MISC"  # "the Dow Jones industrial average": the index, no body
        entities.append(Entity(f.start, f.end, name, label))
    if sides:
        # One sense per story: a town that plays somewhere in it is the side wherever it
        # is named ("Surrey captain ... Derbyshire and Surrey closed in on victory").
        # Not where the place is where something happens: a dateline ("NEW YORK
        # 1996-08-30") or after "in" or "at" ("In Seattle, ...").
        people = _surnames(entities)
        _sides_by_place(doc, entities, sides, people)
        _sides_by_list(doc, entities, sides)
        for entity in entities:
            if (
                (entity.label == "LOC" or (entity.label == "PER" and entity.text not in people))
                and entity.text.casefold() in sides
                and previous_word(text, entity.start) not in UNKNOWN_PLACE_CUES
                and not is_dateline(text, entity.end, sentence_initial(text, entity.start))
            ):
                entity.label = "ORG"
    # A name guessed only by default takes what its other mentions showed ("Trump said"),
    # and a lone word that ends a person's name in this story is that person ("Romney").
    if defaulted:
        people = _surnames(entities)
        for at, key in defaulted:
            better = evidenced.get(key) or ("PER" if key in people else None)
            if better == "PER" and key in business and key not in people:
                better = "ORG"  # "Comelf said ... Comelf's output": the body's own cue wins
            if better:
                entities[at].label = better
    if spoken and business:
        # "Ericsson said ... Ericsson's shareholders": a body speaks too, and no person has
        # shareholders; a word that ends a person's name here, or is a first name, stays.
        people = _surnames(entities)
        first_names = doc.lex.first_names
        titles = doc.lex.titles
        for at, key in spoken:
            entity = entities[at]
            if (
                key in business
                and key not in people
                and key not in first_names
                and cue_word(text, entity.start) not in titles
            ):
                entity.label = "ORG"
    if openings and (evidenced or sides):
        # "Drevlon plunged. ... Drevlon CEO Mara Holt said": a cue at one opening settles
        # the others, before it too; and "Cleveland's lead ..." where Cleveland plays.
        added = False
        for at, key in openings:
            if (
                evidenced.get(key) == "ORG"
                or (key.casefold() in sides and not _where(text, found[at]))
            ) and not in_headline(doc, found[at].start):
                f = found[at]
                entities.append(Entity(f.start, f.end, names[at], "ORG"))
                added = True
        if added:
            entities.sort(key=_start_of)
    return entities


# Words after an exchange's or a publisher's name that make it a market index.
# Not "index" alone: "the Statistics Canada index" is the agency's.
INDEX_AFTER: Final = word_set("average averages composite industrial industrials")


def _sides_by_place(doc: Doc, entities: list[Entity], sides: set[str], people: set[str]) -> None:
    """In a story where a town plays ("Surrey 429-7"), a lone word read as a
    person only because it is a first name too, yet a known town or county ("while Kent
    made up for lost time"), is one more side: a player is named in full first. Not a
    word that opens or ends a person's name here ("Kent Walton ... Kent said"), nor one
    after a title ("coach Kent")."""
    places = doc.lex.places
    first_names = doc.lex.first_names
    titles = doc.lex.titles
    text = doc.text
    given = {e.text.split()[0] for e in entities if e.label == "PER" and " " in e.text}
    for entity in entities:
        name = entity.text
        if (
            entity.label == "PER"
            and " " not in name
            and name in first_names
            and places.get(name, 0)
            and not _national(doc, name)
            and name not in people
            and name not in given
            and cue_word(text, entity.start) not in titles
        ):
            sides.add(name.casefold())


# What joins the names of a list: "Essex, Derbyshire and Surrey", "Sussex or Surrey".
LIST_JOIN: Final = re.compile(r",? (?:and|or) |, ")


def _sides_by_list(doc: Doc, entities: list[Entity], sides: set[str]) -> None:
    """A town listed with a side is a side too: "title rivals Essex, Derbyshire and
    Surrey closed in", "Leeds and Bristol both won". Only towns the lists know, and no
    country (a national side is filed as the place)."""
    text = doc.text
    places = doc.lex.places
    grew = True
    while grew:
        grew = False
        for i in range(1, len(entities)):
            left = entities[i - 1]
            right = entities[i]
            if LIST_JOIN.fullmatch(text, left.end, right.start) is None:
                continue
            a = left.text.casefold()
            b = right.text.casefold()
            if (a in sides) == (b in sides):
                continue
            town = right if a in sides else left
            if (
                town.label in ("LOC", "PER")
                and " " not in town.text
                and places.get(town.text, 0)
                and not _national(doc, town.text)
            ):
                sides.add(town.text.casefold())
                grew = True


def _surnames(entities: list[Entity]) -> set[str]:
    """The last words of the story's people of several words ("Simmons" of "Phil Simmons")."""
    return {e.text.split()[-1] for e in entities if e.label == "PER" and " " in e.text}


def _where(text: str, f: Found) -> bool:
    """Is the name where something happens: a dateline, or after "in" or "at"?"""
    return previous_word(text, f.start) in UNKNOWN_PLACE_CUES or is_dateline(
        text, f.end, sentence_initial(text, f.start)
    )


def opening_cue(doc: Doc, f: Found, name: str, is_scored: bool | None) -> str | None:
    """A word opening a sentence that no other mention settles: an organisation when a
    sure cue says so, else nothing. Sure: initials ("KDP fighters"), a business's own
    words ("Cofinec CEO Stephen Frater", "Comelf's output rose") or a score. Not a form's
    field or a label ("AMT: 1,200,000", "PSA—"), a word in capitals for emphasis
    ("CHANGE"), nor a word that may be a verb ("Media shares blame")."""
    text = doc.text
    after = text[f.end : f.end + 1]
    if after in (":", "—", "–"):
        return None
    if is_scored is None:
        is_scored = scored(text, f)
    if is_scored:
        return "ORG"
    if _acronym(name):
        return "ORG" if len(name) <= 4 else None
    if text.startswith(("'s ", "’s "), f.end):
        word = next_word(text, f.end + 2)
        return "ORG" if word in ORG_AFTER and word not in _PAPERS else None
    # Most words are followed by a space and a word no cue starts with: skip next_word.
    if text[f.end + 1 : f.end + 2] not in OPENING_ORG_FIRSTS:
        return None
    return "ORG" if next_word(text, f.end) in OPENING_ORG_AFTER else None


# Words after a sentence-opening name that only a business has, and are no verb (a
# person has a spokesman and a campaign chairman: "Trump spokesman Hope Hicks").
OPENING_ORG_AFTER: Final = word_set(
    "ceo executives subsidiary subsidiaries shareholders stockholders headquarters owner owners"
)
OPENING_ORG_FIRSTS: Final = "".join({word[0] + word[0].upper() for word in OPENING_ORG_AFTER})


def _described(doc: Doc, f: Found, name: str) -> bool:
    """Whether a name of two or three words opening a sentence is followed by an aside
    that describes a person (not in a headline, where capitals prove nothing)."""
    spaces = name.count(" ")
    if spaces < 1 or spaces > 2 or not described_as_a_person(doc.lex, doc.text, f.end):
        return False
    return not in_headline(doc, f.start)


def _start_of(entity: Entity) -> int:
    return entity.start


def guess(doc: Doc, f: Found, name: str, is_scored: bool | None = None) -> tuple[str | None, bool]:
    """A name nothing vouches for, read by the words around it: (label, had a cue).

    ``is_scored`` is ``scored(doc.text, f)`` when the caller has asked it already.
    """
    text = doc.text
    prev = cue_word(text, f.start)
    if prev in doc.lex.titles:  # "spokesman Peskov"
        return "PER", True
    nxt = next_word(text, f.end)
    if is_scored is None:
        is_scored = scored(text, f)
    if is_scored or prev in FIXTURE_BEFORE or nxt in FIXTURE_AFTER:
        return "ORG", True
    if _acronym(name):
        return "ORG", True  # "RDR said", "KDP fighters": people are not written in capitals
    if prev in ORG_BEFORE or _org_word_after(text, f.end):
        return "ORG", True  # "chain Ruch", "Comelf's output", "Zycie Warszawy daily said"
    if prev in SPEECH_VERBS or nxt in SPEECH_VERBS:
        return "PER", True  # "Dole said": a person, even when a town shares the name
    lex = doc.lex
    # "in Hillary Clinton's campaign": a possessive after the name says person, not place.
    cue = prev in UNKNOWN_PLACE_CUES and not text.startswith(("'s", "’s"), f.end)
    cue = cue or nxt in PLACE_KIND_AFTER or _place_kind_of(text, f.start, prev)
    if cue or lex.places.get(name, 0) >= PLACE_STRONG or is_dateline(text, f.end, f.initial):
        return "LOC", True
    if "-" in name and all(part in lex.demonyms for part in name.lower().split("-")):
        return "MISC", True  # "African-Americans", "Sino-Russian"
    if prev == "of" and _role_before_of(text, f.start) in ORG_ROLES_BEFORE_OF:
        return "ORG", True  # "the general manager of Petofi": a business has managers
    if " " in name:
        if is_upper(name) or (prev == "the" and _plural_body(name, lex.first_names)):
            return "ORG", False  # "the White Sox", "the Minor Counties": a team or a body
        if not BODY_WORDS.isdisjoint(name.lower().split()):
            return "ORG", False  # "International Red Cross", "Kansai Electric Power"
        return "PER", False
    if len(name.rstrip(".")) == 1:
        return None, False  # a lone letter: "option B.", a list item
    if is_upper(name):
        return ("ORG" if len(name) <= 6 else None), False
    if name in lex.first_names or surname_shaped(name):
        return "PER", True  # "Melania"; "O'Brien", "Lebedev", "Kowalski": shaped like a person
    if looks_like_word(name):
        return None, False  # "Reconstruction", "Working": a capitalised ordinary word
    return LONE_WORD_DEFAULT, False


# Words no person's name holds, anywhere in a name: a body's reach or its field.
BODY_WORDS: Final = word_set(
    "international national federal electric electrical rights radio campaign observatory "
    "treasury energy telecom broadcasting"
)


# Place nouns that name what a place is: "the town of Bistrita", "Jiangsu province",
# "the nearby Pamir mountains", "Kosevo stadium". Never "camp" or "town" after a name:
# "the Trump camp", "a Sanders town hall" are a campaign and an event.
PLACE_KIND_BEFORE_OF: Final = word_set(
    "town city village island province region state county district suburb port outskirts capital"
)
PLACE_KIND_AFTER: Final = word_set(
    "province county district region island islands mountains river valley stadium airport prison"
)


def _place_kind_of(text: str, start: int, prev: str) -> bool:
    """ "the mining town of Moengo": a place noun, then "of", just before the name."""
    return prev == "of" and _role_before_of(text, start) in PLACE_KIND_BEFORE_OF


def _role_before_of(text: str, start: int) -> str:
    """The word before the "of" that stands just before ``start``, lowercased."""
    of = text.rfind("of", max(0, start - 24), start)
    return previous_word(text, of) if of > 0 else ""


# Roles held in a business or body, never in a person: "chief executive officer of
# Petofi", "shareholders of Ruch", "a unit of Cofinec".
ORG_ROLES_BEFORE_OF: Final = word_set(
    "officer manager managers executive executives director directors chairman "
    "chairwoman shareholders shareholder stockholders subsidiary unit units division "
    "owner owners founder employees staff spokesman spokeswoman spokesperson"
)


def _plural_body(name: str, first_names: LabelTable) -> bool:
    """A name of several words whose last is a plural and whose first is no first name:
    a team or a body ("White Sox", "Blue Jays"), not "James Roberts"."""
    words = name.split()
    last = words[-1]
    if not (last.endswith("s") or last.endswith("x")) or last.endswith(("ss", "'s", "’s")):
        return False
    return words[0] not in first_names


def _org_word_after(text: str, end: int) -> bool:
    """Whether a business word follows the name ("Eagles owner", "Zycie Warszawy daily
    said"), or its possessive ("Comelf's output"); a person's paper is still a person's
    ("Hen Vipheak's newspaper")."""
    if text.startswith(("'s ", "’s "), end):
        word = next_word(text, end + 2)
        return word in ORG_AFTER and word not in _PAPERS
    return next_word(text, end) in ORG_AFTER


_PAPERS: Final = frozenset(["daily", "weekly", "newspaper"])


def _acronym(name: str) -> bool:
    """Two to six capitals and nothing else, in running text: an organisation's initials."""
    return 2 <= len(name) <= 6 and name.isalpha() and is_upper(name)


def _national(doc: Doc, name: str) -> bool:
    """A country, or a place the lists know beyond the gazetteer's towns ("England",
    "Northern Ireland"): as a side it is the national team, which news files as the place."""
    lex = doc.lex
    if name.isupper():
        name = name.title()
    return name in lex.nations or (lex.known.get(name) == "LOC" and name not in lex.places)


def _plays(doc: Doc, f: Found, name: str) -> bool:
    """A town or county named as a side: "Surrey captain", "joined Newcastle", "Leeds
    beat". Countries are left alone: "England beat Pakistan" is a national side, which
    news and its readers file under the country."""
    if not doc.lex.places.get(name, 0) or _national(doc, name):
        return False
    text = doc.text
    return next_word(text, f.end) in TEAM_AFTER or previous_word(text, f.start) in TEAM_BEFORE


def one_line(name: str) -> str:
    if "\n" in name or "  " in name or "\t" in name:
        return " ".join(name.split())
    return name


def in_fixture(text: str, f: Found) -> bool:
    """'Leeds v Chelsea': places on either side of a fixture are teams."""
    # Every fixture mark has a "v" in it; most names have none nearby, so look first.
    if "v" not in text[f.end : f.end + 4] and "v" not in text[max(0, f.start - 5) : f.start]:
        return False
    return next_word(text, f.end) in FIXTURE_AFTER or previous_word(text, f.start) in FIXTURE_BEFORE


# A line that is only two sides and "at" or "v" between them: a fixture list.
FIXTURE_LINE: Final = re.compile(
    r"[ \t]*([A-Z][\w.' -]{0,30}?)[ \t]+(at|AT|vs?\.?|VS?\.?)[ \t]+([A-Z][\w.' -]{0,30}?)[ \t]*$"
)


FIXTURE_MARKS_AFTER: Final = (" at ", " AT ", " v", " V")
FIXTURE_MARKS_BEFORE: Final = (" v", " V", " vs", " VS", " v.", " V.", " vs.", " VS.")


def fixture_line(doc: Doc, f: Found) -> bool:
    """Is the name a side in a line such as "SAN DIEGO AT MONTREAL" or "Leeds v Bolton",
    with a town (not a country: a national side is filed as the place) on each side?
    After "at" the name is the town the game is played in, as "at" says anywhere."""
    text = doc.text
    # Cheap looks first: "at" or "v" right after the name, or "v" right before it.
    before = text[max(0, f.start - 5) : f.start].rstrip()
    if not text.startswith(FIXTURE_MARKS_AFTER, f.end) and not before.endswith(
        FIXTURE_MARKS_BEFORE
    ):
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    if line_end < 0:
        line_end = len(text)
    if line_end - line_start > 64:
        return False
    match = FIXTURE_LINE.match(text, line_start, line_end)
    if match is None:
        return False
    # "BOSTON AT OAKLAND": the visitors are a side, the hosts' town is where they play.
    if match.start(1) != f.start and (match.start(3) != f.start or match[2] in ("at", "AT")):
        return False
    places = doc.lex.places
    for side in (match[1], match[3]):
        name = side.title() if side.isupper() else side
        if not places.get(name, 0) or _national(doc, name):
            return False
    return True


def table_row(text: str, f: Found) -> bool:
    """Does the name open a line of table figures ("NEW YORK 74 59 .556 -")? A line in
    capitals reads as a headline, but a row of a standings table opens with the side."""
    if not text[f.end + 1 : f.end + 2].isdigit():
        return False  # the usual case, turned down without a search
    line_start = text.rfind("\n", 0, f.start) + 1
    if line_start != f.start and text[line_start : f.start].strip():
        return False
    return SCORE_AFTER.match(text, f.end) is not None


def scored(text: str, f: Found) -> bool:
    """Is the name next to a score or a row of table figures ("Barnsley 3 3 0 0 8 2 9")?"""
    end, start = f.end, f.start
    # Cheap looks first: a digit one space away on either side.
    if text[end + 1 : end + 2].isdigit() and SCORE_AFTER.match(text, end):
        return True
    return (
        start > 1
        and text[start - 2 : start - 1].isdigit()
        and SCORE_BEFORE.search(text, max(0, start - 6), start) is not None
    )
