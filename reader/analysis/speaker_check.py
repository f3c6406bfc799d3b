"""The last word on a speaker: a name, a resolved pronoun or a complete nominal phrase.

Attribution proposes a mention for each quote; this module keeps it only when it is
one of:
- a person or organisation the name finder found at that very span (its display name
  is the fullest form of the name's group, its title kept as the role);
- a country or capital written with a speech verb ("Russia said", "Moscow hopes");
- a name shaped like a person's that the name finder missed: a known first name and
  a surname, or an honorific or title and a surname ("Mr. King");
- a complete nominal phrase: a determiner, a number or a possessive, then words that
  end in a noun ("a spokesperson for Lune Ferries", "the company", "two officials"),
  or a plural noun for people ("Protesters", "Police").
Anything else (a sentence-initial adverb, a cut clause, a headline word, a date, page
furniture) leaves the quote's speaker unknown. Confidence drops with the weaker kinds.
"""

from __future__ import annotations

import re
from typing import Final

from reader.analysis import lexicon
from reader.analysis.quote_kinds import said_before
from reader.analysis.sorted_table import CodeTable, LabelTable
from reader.analysis.speaker_names import NameSpans
from reader.analysis.speaker_pairs import paired_people
from reader.analysis.speaker_quantified import is_quantified
from reader.analysis.speaker_shapes import (
    _CLAUSE_WORDS,
    _MONTHS,
    _NOT_HEADS,
    _nominal,
    _person_shaped,
)
from reader.analysis.text_units import first_above
from reader.model import Entity, Quote

DETERMINERS: Final = lexicon.DETERMINERS
PERSON_NOUNS: Final = lexicon.PERSON_NOUNS
PLURAL_SPEAKERS: Final = lexicon.PLURAL_SPEAKERS
SPEECH_CUES: Final = lexicon.SPEECH_CUES
TIME_WORDS: Final = lexicon.TIME_WORDS
TITLE_WORDS: Final = lexicon.TITLE_WORDS

# Words of page furniture: a mention holding one is a caption, credit or link line.
FURNITURE_WORDS: Final = frozenset(
    [
        "watch",
        "story",
        "article",
        "video",
        "videos",
        "photo",
        "photos",
        "photograph",
        "image",
        "images",
        "getty",
        "advertisement",
        "related",
        "listen",
        "subscribe",
        "caption",
        "credit",
        "newsletter",
        "podcast",
        "gallery",
        "slideshow",
        "continues",
    ]
)
# A dash signing a quotation ("..." ― Ada Pike) is as strong as a speech verb.
_STRONG_CUES: Final = SPEECH_CUES | {"according to", "—"}
# Cues that also name a thing: "a short film called", "a blog dubbed".
_NAMING_CUES: Final = frozenset(
    ["called", "calls", "call", "dubbed", "titled", "named", "labelled"]
)


def settle_speakers(text: str, quotes: list[Quote], names: NameSpans | None) -> None:
    """Keep each speech quote's speaker only where it qualifies; else make it unknown."""
    from reader.analysis.gazetteer import first_names, places

    firsts = first_names()
    place_kinds = places()
    common = _LowerWords(text)
    for quote in quotes:
        if quote.kind != "quote" or not quote.speaker:
            continue
        start, end = quote.speaker_start, quote.speaker_end
        if start is None or end is None:
            continue
        mention = text[start:end]
        entity = names.at(start, end) if names is not None else None
        before = text[max(0, start - 40) : start]
        after = text[end : end + _CUE_REACH]
        pair = paired_people(mention, start, names, firsts) if " and " in mention else None
        if pair is not None and (quote.cue or "") in SPEECH_CUES:
            quote.speaker, factor = pair, 0.8  # "Ada Pike and Tom Hale wrote": both speak
        else:
            around = (before, after)
            factor = _judge(quote, mention, around, entity, names, firsts, place_kinds, common)
        if factor <= 0.0:
            short = len(quote.text.split()) <= _SCARE_WORDS
            if not quote.cue and short and not said_before(text, quote.start):
                # "Officials searched for words such as "ambassador"": no speech verb,
                # and the sentence's subject is no speaker: a writer's word, not speech;
                # but "Someone called it a "quiet revolution"" quotes an unknown speaker
                quote.kind = "scare"
            quote.speaker = None
            quote.role = None
            quote.speaker_start = quote.speaker_end = None
            quote.confidence = round(quote.confidence * 0.5, 2)
            continue
        shown = quote.speaker
        if shown is not None and " " in shown and shown != mention and _spaced(shown, mention):
            # "Sanders ’ campaign", words joined by spaces where a mark stood: as written
            quote.speaker = " ".join(mention.split())
        if quote.role and quote.role.endswith((" named", " called")):
            quote.role = quote.role.rsplit(None, 1)[0]  # "an engineer named Gareth Oduya"
        if factor < 1.0:
            quote.confidence = round(quote.confidence * factor, 2)


def _spaced(shown: str, mention: str) -> bool:
    """Whether ``shown`` is ``mention`` with spaces put in or taken out."""
    return shown.replace(" ", "") == "".join(mention.split())


def _judge(
    quote: Quote,
    mention: str,
    around: tuple[str, str],
    entity: Entity | None,
    names: NameSpans | None,
    firsts: LabelTable,
    place_kinds: CodeTable,
    common: _LowerWords,
) -> float:
    """How far the mention qualifies as a speaker: 0 not at all, 1 fully; ``around``
    holds the text just before and just after the mention."""
    before = around[0]
    words = mention.split()
    if not words:
        return 0.0
    lowered = [word.lower().strip(".,") for word in words]
    if is_quantified(lowered) and (quote.cue or "") in SPEECH_CUES:
        # "another said", "one of the officials said": a part of a group, with its verb
        return 0.8 if quote.cue not in _NAMING_CUES else 0.0
    if _furniture(words, lowered) and not _nominal(words, lowered):
        return 0.0
    if _ends_a_list(before, words):
        return 0.0  # "Environment, Food and Rural Affairs said": a cut name, or two people
    nominal = _nominal(words, lowered)
    if nominal and (lowered[0] in DETERMINERS or not words[0][:1].isupper()):
        # "A spokesperson for Lune Ferries": the name inside is not who speaks
        return _nominal_speaker(quote, words, lowered, names)
    if entity is not None and entity.label in ("PER", "ORG"):
        if names is not None:
            _display(quote, names.group_name(entity))
        return 1.0
    if nominal:
        return _nominal_speaker(quote, words, lowered, names)
    cut = _clause_cut(words, lowered)
    if cut:
        # "The piece used:", "The council voted 6-1", "The crowd chanted back": the
        # phrase, without the clause it opened
        quote.speaker = " ".join(words[:cut])
        return 0.8
    strong = (quote.cue or "") in _STRONG_CUES or _goes_on_to_say(quote.cue or "", around[1])
    if _tied_to_full_name(quote, words, lowered, firsts) or (
        len(words) == 1 and names is not None and names.is_surname(words[0])
    ):
        return 0.8  # "Clinton said", read as a place, is "Hillary Clinton" in this story
    if (
        entity is not None
        and entity.label == "LOC"
        and strong
        and _person_shaped(words, lowered, firsts)
    ):
        _display(quote, None)
        return 0.7  # "said Monte Shaw": a first name and a surname, read as a place
    if entity is not None and entity.label == "LOC":
        # Countries and capitals speak for their governments; a town does not.
        kind = place_kinds.get(entity.text)
        if kind == 0 and strong and _cue_next_to(quote.cue or "", around):
            # "As Politico reported": no place the gazetteer knows, only the name
            # finder's guess; with its own speech verb, a name like any missed one
            return 0.6 if _unknown_name(words, lowered, common) else 0.0
        if kind != 3:
            return 0.0
        # Only as the subject of its own speech verb ("Ukraine said", "said Ottawa"):
        # a place met in a clause near a quote ("a rally in Birmingham, Alabama, with
        # Trump yelling") or lent from another quote is where someone spoke, not who.
        if not _cue_next_to(quote.cue or "", around):
            return 0.0
        return 0.8 if strong else 0.6
    if entity is not None and entity.label == "MISC":
        # "Democrats said"; never "British" or "Christmas Day"
        return 0.8 if strong and len(words) == 1 and lowered[0].endswith("s") else 0.0
    if _person_shaped(words, lowered, firsts):
        _display(quote, None)
        return 0.8
    if strong and entity is None and _unknown_name(words, lowered, common):
        return 0.7  # "Hannity pressed": a name the name finder missed
    return 0.0


_CUE_REACH: Final = 100  # characters after a place in which its own speech verb stands
_SCARE_WORDS: Final = 3  # as many words as a quote without a speech cue may be scare


_GOES_ON: Final = re.compile(r"\s+(?:went|goes) on (?:to (?:say|add|tell|write|note)\b|:)")


def _goes_on_to_say(cue: str, after: str) -> bool:
    """Whether the cue is "went on to say" (or "add", ...) written just after the
    mention: as strong as "said", unlike "went on" alone ("went on CNN")."""
    return cue in ("went on", "goes on") and _GOES_ON.match(after) is not None


def _cue_next_to(cue: str, around: tuple[str, str]) -> bool:
    """Whether the speech verb ``cue`` stands just after the mention ("Russia on Tuesday
    said", "China, Pyongyang's only ally, said") or just before it ("said Ottawa"); never
    a participle ("saying", whose subject is a guess) and never a borrowed cue. With no
    cue, the mention must be followed by its own past-tense verb."""
    before, after = around
    if not cue:
        # No speech verb at all: only the subject of a verb of its own ("South Korea
        # accused the North of ..."), never a place set off by commas
        verb = after.split()[0] if after.split() else ""
        return after[:1] == " " and verb.isalpha() and verb.islower() and verb.endswith("ed")
    if cue.endswith("ing"):
        return False
    if cue in before.lower().split()[-3:] or before.lower().rstrip().endswith(cue):
        return True
    return any(word.strip(",.:;") == cue for word in after.lower().split())


def _furniture(words: list[str], lowered: list[str]) -> bool:
    """Whether the mention is page furniture ("WATCH", "Getty Images Kevin Vickers",
    "Story"): a furniture word anywhere but as the last word of a name in Title Case,
    which names a body ("Judicial Watch", "Human Rights Watch")."""
    last = len(lowered) - 1
    for n, word in enumerate(lowered):
        if word in FURNITURE_WORDS and (n < last or n == 0 or words[n].isupper()):
            return True
    return False


def _tied_to_full_name(
    quote: Quote, words: list[str], lowered: list[str], firsts: LabelTable
) -> bool:
    """A bare surname ("Pence:"), or a transcript's upper-case label ("ELAINE QUIJANO:"),
    that a full mention in the story ties to a person."""
    shown = (quote.speaker or "").split()
    n = len(words)
    if n > 1 and all(word.isupper() for word in words) and len(shown) >= n:
        return [word.lower() for word in shown[-n:]] == lowered and _person_shaped(
            shown, [word.lower() for word in shown], firsts
        )
    if n != 1 or len(shown) < 2 or shown[-1].lower() != lowered[0]:
        return False
    return _person_shaped(shown, [word.lower() for word in shown], firsts)


class _LowerWords:
    """Whether an article writes a word in lower case anywhere, found by ``str.find``
    (a memchr scan) for the few words asked about, not by splitting the whole text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = _written(self._text, word)
        return found


def _written(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word, exactly as spelt."""
    at = text.find(word)
    size = len(word)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + size] if at + size < len(text) else " "
        if not before.isalpha() and not after.isalpha():
            return True
        at = text.find(word, at + 1)
    return False


def _unknown_name(words: list[str], lowered: list[str], common: _LowerWords) -> bool:
    """Capitalised words the story never writes in lower case, none a function word:
    a name ("Gingrich", "Tad Devine"), not "Salt" or "Families" or "Rural Affairs"."""
    if len(words) > 3:
        return False
    for n, word in enumerate(words):
        low = lowered[n]
        if not word[:1].isupper() or not word[1:2].islower() or low in common:
            return False
        if low in lexicon.SENTENCE_OPENERS or low in lexicon.PHRASE_BREAKERS or low in _NOT_HEADS:
            return False
        if low in _MONTHS or low in TIME_WORDS:
            return False
    return True


def _nominal_speaker(
    quote: Quote, words: list[str], lowered: list[str], names: NameSpans | None
) -> float:
    """A nominal speaker, resolved to the person an earlier title or aside gives its role."""
    if (quote.cue or "") in _NAMING_CUES and not lexicon.names_a_speaker(lowered):
        return 0.0  # "a popular play called "Hamilton"": a title, and no one speaks it
    if names is not None and lowered[0] == "the" and len(words) <= 3:
        # Capitalised modifiers ("the Florida senator") must be written by the name too.
        # So must "former" and its like: "the former president" is not the president.
        marks = [word for word in words[1:-1] if word[:1].isupper() or word.lower() in _QUALIFIERS]
        named = _named_for_role(names, quote.speaker_start or 0, lowered[-1], marks)
        if named is not None:
            # "the minister", a paragraph after "Innovation Minister Navdeep Bains"
            quote.role = quote.role or " ".join(words[1:])
            quote.speaker = names.group_name(named) or named.text
            names.join(quote.speaker_start or 0, named)
            return 0.8
    return 0.9


def _verb_like(word: str) -> bool:
    return word.islower() and word.endswith(("ed", "es"))


def _clause_cut(words: list[str], lowered: list[str]) -> int:
    """Where a nominal phrase ends and a clause begins ("The council | voted 6-1"):
    the first verb-like or clause word after two words at least, when the words before
    it are a complete phrase whose nouns can speak; 0 when there is no such cut."""
    for n in range(2, len(words)):
        if _verb_like(words[n]) or (lowered[n] in _CLAUSE_WORDS and words[n].islower()):
            head, low = words[:n], lowered[:n]
            # a verb that ends the mention ("The piece used:") cuts any phrase; one
            # with words after it only a phrase that can speak
            last = n == len(words) - 1 and _verb_like(words[n])
            if _nominal(head, low) and (last or lexicon.names_a_speaker(low)):
                return n
            return 0
    return 0


# "Food and Rural Affairs", "Smith, Jones, and Brown": a list; "deport Haley, and Trump
# said" is a new clause, its subject no list item
_LIST_JOINT: Final = re.compile(r"(?:[A-Z][\w'’.-]* |[A-Z][\w'’.-]*, [A-Z][\w'’.-]*, )(?:and|&) $")


def _ends_a_list(before: str, words: list[str]) -> bool:
    """Whether the mention, after the text ``before`` it, is the last of "X, Y and Z":
    the phrase was cut at "and"."""
    return words[0][:1].isupper() and _LIST_JOINT.search(before) is not None


_ROLE_REACH: Final = 3000  # characters back in which "the minister" finds its name


def _named_for_role(
    names: NameSpans, at: int, head: str, marks: list[str] | None = None
) -> Entity | None:
    """The nearest person before ``at`` given the role ``head`` as a title or in an
    aside: "Innovation Minister Navdeep Bains", "Navdeep Bains, the minister,"; with
    the words of ``marks`` ("Florida") written in that title or aside too, as "the
    Florida senator" is not the Vermont senator named last."""
    from reader.analysis.gazetteer import lexicon as name_lexicon

    if head not in TITLE_WORDS and head not in name_lexicon().titles:
        return None
    text = names.text
    i = first_above(names.starts, at) - 1
    while i >= 0 and names.entities[i].start >= at - _ROLE_REACH:
        entity = names.entities[i]
        i -= 1
        if entity.label != "PER" or entity.end > at:
            continue
        written = text[max(0, entity.start - 30) : entity.start]
        before = written.lower().split()
        if before and before[-1] == head and _all_written(marks, written):
            return entity
        aside = text[entity.end : entity.end + 60]
        if aside.startswith(", "):
            written = aside[2:].split(",")[0]
            clause = written.lower().split()
            if (
                head in clause
                and clause[:1] in (["the"], ["a"], ["an"])
                and _all_written(marks, written)
            ):
                return entity
    return None


def _all_written(marks: list[str] | None, written: str) -> bool:
    if marks is None:
        return True
    said = written.split()
    lowered = [word.lower() for word in said]
    return all(mark in said or mark.lower() in lowered for mark in marks)


# Words before a title that make it another office: "former", "deputy", "vice".
_QUALIFIERS: Final = frozenset(["former", "deputy", "vice", "assistant", "acting", "interim"])


def _display(quote: Quote, group_name: str | None) -> None:
    """Show the fullest form of the name; a title written before it becomes the role."""
    speaker = quote.speaker or ""
    words = speaker.split()
    titles: list[str] = []
    from reader.analysis.gazetteer import lexicon as name_lexicon

    titled = name_lexicon().titles
    while len(words) > 1 and (words[0].lower() in TITLE_WORDS or words[0].lower() in titled):
        titles.append(words.pop(0))
    if titles and quote.role is None:
        quote.role = " ".join(titles)
    fuller = group_name.split() if group_name else []
    if fuller and fuller[0].lower() in SPEECH_CUES:
        fuller = fuller[1:]  # "Said Ellis:" found as a name: the verb is no first name
    untitled = fuller
    while len(untitled) > 2 and (
        untitled[0].lower() in TITLE_WORDS or untitled[0].lower() in titled
    ):
        untitled = untitled[1:]
    if untitled is not fuller:
        from reader.analysis.gazetteer import first_names

        if untitled[0] in first_names():
            fuller = untitled  # "Anchor DeMarco Morgan", "House Rep. Paul Ryan": a person
    n = len(words) - len(fuller)
    # With no group name to compare there is no role to cut off: "Cecile Richards" alone
    # would otherwise match the empty name and leave an empty speaker.
    if fuller and n > 0 and [w.lower() for w in words[n:]] == [w.lower() for w in fuller]:
        # "Helmsman Owen Ashdown": the name found is the last words, the rest a role;
        # a first name is no role ("Michelle" of "Mr. Obama", another person's name)
        from reader.analysis.gazetteer import first_names

        firsts = first_names()
        if quote.role is None and words[0] not in firsts:
            quote.role = " ".join(words[:n])
        # Marcia "Cia" Price, found as "Price" alone: the nickname (left out of the
        # speaker, so the mention is longer than it) split the name; the first name stays
        start, end = quote.speaker_start, quote.speaker_end
        split = start is not None and end is not None and end - start > len(speaker)
        if not (split and len(fuller) == 1 and all(w in firsts for w in words[:n])):
            words = words[n:]
    name = " ".join(words)
    if len(fuller) > len(words) and (
        fuller[-1].lower() == words[-1].lower()
        or (len(words) == 1 and fuller[0].lower() == words[0].lower())  # "Sunita"
    ):
        name = " ".join(fuller)
    quote.speaker = name
