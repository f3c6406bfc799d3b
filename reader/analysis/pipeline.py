"""``analyze(text)``: quotes with their speakers, and names grouped by entity."""

from __future__ import annotations

from reader.analysis.headline_speech import give_headline_quotes
from reader.analysis.quotes import mark_quotes
from reader.analysis.speaker_check import settle_speakers
from reader.analysis.speaker_index import SpeakerIndex
from reader.analysis.speaker_names import NameSpans
from reader.analysis.speakers import attribute
from reader.analysis.text_units import paragraphs
from reader.collection_pause import collection_paused
from reader.model import Analysis, Entity, EntityGroup, Quote


def analyze(text: object, *, ner: str = "builtin") -> Analysis:
    """Find who said what in ``text``. Pure: no I/O, no shared state; linear time."""
    # Typed ``object``: compiled, a ``str`` parameter would refuse bytes with mypyc's
    # terse message before the clear one below.
    if not isinstance(text, str):
        raise TypeError(f"analyze() needs a str, not {type(text).__name__}")
    with collection_paused():
        paras = paragraphs(text)
        entities, groups = _names(text, ner)
        # Speakers are joined to the names found, by span.
        names = NameSpans(text, entities, groups)
        quotes = attribute(text, mark_quotes(text, paras), paras, names)
        settle_speakers(text, quotes, names)
        give_headline_quotes(text, quotes, paras, names)
        count_quotes(names, quotes)
        return Analysis(quotes=quotes, entities=entities, groups=groups)


def _names(text: str, ner: str) -> tuple[list[Entity], list[EntityGroup]]:
    try:
        from reader.analysis import entities as names
    except ImportError:  # the names stage is optional; quotes work without it
        return [], []
    # An unusable backend raises the names stage's own error, which says how to fix it.
    found = names.find_entities(text, backend=ner)
    return found, names.group_entities(text, found)


def count_quotes(names: NameSpans, quotes: list[Quote]) -> None:
    """Credit each quote to the entity that says it, joined by where names stand.

    The name at the speaker's mention decides, else the name the mention was joined to
    while attributing it: the mention of its fullest form ("Mitt Romney" for a quote
    "Romney said"), or the person an earlier title names ("the minister"). A mention
    not joined yet (the quotes of a story analysed in blocks) is grown into its fullest
    form here, by the same rule. Failing that, a definite phrase ("the council") counts
    for the one organisation whose name ends in its noun, and a name for the one person
    whose name ends in its last word. Anything else ("each state" beside "Sunshine
    State") is credited to no one.
    """
    if not names.groups:
        return
    heads: dict[tuple[str, str], list[EntityGroup]] | None = None
    index: SpeakerIndex | None = None
    for quote in quotes:
        speaker = quote.speaker
        if not speaker or quote.kind != "quote":
            continue
        start, end = quote.speaker_start, quote.speaker_end
        group = names.group_at(start, end)
        if group is None and start is not None and end is not None and start not in names.joined:
            if index is None:
                index = SpeakerIndex(names.text, names)
            index.fullest(names.text[start:end], start)  # joins it, if it grows
            group = names.group_at(start, end)
        if group is None:
            if heads is None:
                heads = _groups_by_last_word(names.groups)
            group = _group_by_head(speaker, heads)
        if group is not None:
            group.quote_count += 1


def _groups_by_last_word(groups: list[EntityGroup]) -> dict[tuple[str, str], list[EntityGroup]]:
    """The groups by label and the folded last word of their name.

    Folded with casefold(), not lower(): compiled, lower() ignores the Greek final sigma
    ("ΣΗΜΙΤΗΣ" -> "σημιτησ") while a name written "Σημιτης" keeps its "ς"; casefold()
    folds both to "σ" (and "ß" to "ss"), compiled or not."""
    found: dict[tuple[str, str], list[EntityGroup]] = {}
    for each in groups:
        words = each.name.casefold().split()
        if words:
            found.setdefault((each.label, words[-1]), []).append(each)
    return found


def _group_by_head(
    speaker: str, heads: dict[tuple[str, str], list[EntityGroup]]
) -> EntityGroup | None:
    """The one person a name's last word names ("King", "Eswar Prasad" beside "Prasad"),
    or the one organisation "the <noun>" names."""
    words = speaker.split()
    if words and all(word[:1].isupper() for word in words):
        key = ("PER", words[-1].casefold())
    elif len(words) == 2 and words[0].lower() == "the" and words[1].islower():
        key = ("ORG", words[1].casefold())
    else:
        return None
    same = heads.get(key)
    return same[0] if same is not None and len(same) == 1 else None
