"""The one way an Analysis leaves its process: flat columns, and those columns as bytes.

Columns (``to_columns`` / ``from_columns``) are what the analysis worker process sends
the app: a column of ints unpickles in microseconds where tens of thousands of small
objects would hold the app's GIL, and mypyc's classes do not unpickle at all. The same
columns, one set per analysed block, are what the analysis cache keeps on disk
(``to_bytes`` / ``from_bytes``, marshal: the fastest codec in the standard library, and
safe to load because it builds only plain values, never runs code).

A quote's or a name's text is left out when it is just its slice of the story, so the
story's text is needed to read columns back. Everything read from bytes is checked for
its shape and its offsets against the text: a damaged or foreign file raises ValueError
instead of building a wrong Analysis, since a wrong speaker is worse than none.
"""

from __future__ import annotations

import marshal
import struct
from array import array
from typing import Any

from reader.model import Analysis, Entity, EntityGroup, Quote

# Bumped when the layout below changes; part of every cache key. 3: each entry has the
# names of the people it quotes beside it (see ``quoted_speakers``). 4: an entry is the
# size of its head, its head (the format and each block's size), then each block
# marshalled on its own (see ``to_bytes``).
FORMAT = 4
_HEAD_SIZE = struct.Struct("<I")  # the size of an entry's head, before it (see to_bytes)
NONE = -1  # an absent offset or group in an int column
QUOTE_INTS = 4  # start, end, speaker_start, speaker_end
ENTITY_INTS = 3  # start, end, group

# The fields the columns carry, per class: a field added to the model and not here would
# be lost in every analysis sent or cached (tests/test_analysis_codec.py compares these).
FIELDS = {
    "Quote": (
        "start",
        "end",
        "text",
        "speaker",
        "speaker_start",
        "speaker_end",
        "cue",
        "kind",
        "role",
        "confidence",
    ),
    "Entity": ("start", "end", "text", "label", "group"),
    "EntityGroup": ("id", "name", "label", "mentions", "quote_count"),
    "Analysis": ("quotes", "entities", "groups"),
}

# (quote ints, quote strings, quote texts, confidences, entity ints, entity labels,
#  entity texts, groups, how many entities are listed): see ``to_columns``.
Columns = tuple[
    array, list[tuple[str | None, str | None, str, str | None]], list[str | None], array,
    array, list[str], list[str | None], list[tuple[int, str, str, array, int]], int,
]  # fmt: skip
# An analysed stretch of a story: where it starts, and its columns (offsets in the story).
Part = tuple[int, Columns]


def _opt(value: int | None) -> int:
    return NONE if value is None else value


def to_columns(text: str, analysis: Analysis, offset: int = 0) -> Columns:
    """``analysis`` of ``text`` as columns, every offset moved on by ``offset``."""
    strings: dict[str, str] = {}  # one object per distinct string: pickled once

    def same(value: str | None) -> str | None:
        return None if value is None else strings.setdefault(value, value)

    quote_ints, quote_strings, quote_texts, confidences = array("q"), [], [], array("d")
    for quote in analysis.quotes:
        quote_ints.extend(
            (
                quote.start + offset,
                quote.end + offset,
                _opt(quote.speaker_start) + (offset if quote.speaker_start is not None else 0),
                _opt(quote.speaker_end) + (offset if quote.speaker_end is not None else 0),
            )
        )
        quote_strings.append(
            (same(quote.speaker), same(quote.cue), same(quote.kind) or "", same(quote.role))
        )
        quote_texts.append(None if text[quote.start : quote.end] == quote.text else quote.text)
        confidences.append(quote.confidence)
    entity_ints, entity_labels, entity_texts = array("q"), [], []
    number_of: dict[int, int] = {}
    for number, entity in enumerate(analysis.entities):
        number_of[id(entity)] = number
        entity_ints.extend((entity.start + offset, entity.end + offset, _opt(entity.group)))
        entity_labels.append(same(entity.label) or "")
        entity_texts.append(None if text[entity.start : entity.end] == entity.text else entity.text)
    groups = []
    for group in analysis.groups:
        mentions = array("q")
        for mention in group.mentions:
            known = number_of.get(id(mention))
            if known is not None:
                number = known
            else:  # a mention that is not in the entity list: carry it too
                number = len(entity_labels)
                number_of[id(mention)] = number
                entity_ints.extend((mention.start + offset, mention.end + offset, NONE))
                entity_labels.append(mention.label)
                entity_texts.append(mention.text)
            mentions.append(number)
        groups.append((group.id, group.name, group.label, mentions, group.quote_count))
    return (
        quote_ints, quote_strings, quote_texts, confidences,
        entity_ints, entity_labels, entity_texts, groups, len(analysis.entities),
    )  # fmt: skip


def from_columns(text: str, columns: Columns, group_base: int = 0) -> Analysis:
    """The ``Analysis`` that ``to_columns`` flattened; group numbers move on by ``group_base``."""
    quote_ints, quote_strings, quote_texts, confidences = columns[:4]
    entity_ints, entity_labels, entity_texts, group_rows, listed = columns[4:]
    quotes = []
    for number, (speaker, cue, kind, role) in enumerate(quote_strings):
        start, end, speaker_start, speaker_end = quote_ints[number * 4 : number * 4 + 4]
        quote_text = quote_texts[number]
        quotes.append(
            Quote(
                start,
                end,
                text[start:end] if quote_text is None else quote_text,
                speaker,
                None if speaker_start == NONE else speaker_start,
                None if speaker_end == NONE else speaker_end,
                cue,
                kind,
                role,
                confidences[number],
            )
        )
    entities = []
    for number, label in enumerate(entity_labels):
        start, end, group = entity_ints[number * 3 : number * 3 + 3]
        entity_text = entity_texts[number]
        entities.append(
            Entity(
                start,
                end,
                text[start:end] if entity_text is None else entity_text,
                label,
                None if group == NONE else group + group_base,
            )
        )
    groups = [
        EntityGroup(
            group_id + group_base, name, label, [entities[n] for n in mentions], quote_count
        )
        for group_id, name, label, mentions, quote_count in group_rows
    ]
    return Analysis(quotes=quotes, entities=entities[:listed], groups=groups)


# -- bytes -------------------------------------------------------------------------------


def to_bytes(parts: list[Part]) -> bytes:
    """``parts`` (each a block's start and its columns) as bytes for the cache.

    Each block is marshalled by a call of its own: the cache is written and read on the
    analysis's thread beside the UI, and one call into C holds the interpreter lock until
    it returns. The whole story in one call held it 67 ms for a story of 100,000 names
    (seen by a watchdog thread in the real app), a key pressed then waiting for all of it.
    """
    rows = []
    for start, columns in parts:
        q_ints, q_strings, q_texts, confidences, e_ints, e_labels, e_texts, groups, listed = columns
        rows.append(
            (
                start,
                q_ints.tobytes(),
                q_strings,
                q_texts,
                confidences.tobytes(),
                e_ints.tobytes(),
                e_labels,
                e_texts,
                [(g, name, label, m.tobytes(), count) for g, name, label, m, count in groups],
                listed,
            )
        )
    blocks = [marshal.dumps(row) for row in rows]
    head = marshal.dumps((FORMAT, [len(block) for block in blocks]))
    return b"".join([_HEAD_SIZE.pack(len(head)), head, *blocks])


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("expected an int")
    return value


def _str(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("expected a str")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _strings_or_none(values: list[Any]) -> None:
    if not all(value is None or type(value) is str for value in values):
        raise ValueError("expected a str")


def _ints(value: Any, width: int, rows: int) -> array:
    if type(value) is not bytes or len(value) != 8 * width * rows:
        raise ValueError("a column of the wrong size")
    column = array("q")
    column.frombytes(value)
    return column


def _within(values: array, low: int, high: int) -> None:
    # min and max over array slices run in C: a 49 MB story has millions of offsets.
    if values and (min(values) < low or max(values) > high):
        raise ValueError("an offset outside the story")


def _part(row: Any, text_length: int) -> Part:
    start, q_ints, q_strings, q_texts, confs, e_ints, e_labels, e_texts, g_rows, listed = row
    if type(q_strings) is not list or type(q_texts) is not list or type(e_labels) is not list:
        raise ValueError("expected a list")
    if type(e_texts) is not list or type(g_rows) is not list:
        raise ValueError("expected a list")
    quotes = len(q_strings)
    quote_ints = _ints(q_ints, QUOTE_INTS, quotes)
    _within(quote_ints[0::QUOTE_INTS], 0, text_length)
    _within(quote_ints[1::QUOTE_INTS], 0, text_length)
    _within(quote_ints[2::QUOTE_INTS], NONE, text_length)
    _within(quote_ints[3::QUOTE_INTS], NONE, text_length)
    if len(q_texts) != quotes or type(confs) is not bytes or len(confs) != 8 * quotes:
        raise ValueError("quote columns of different lengths")
    confidences = array("d")
    confidences.frombytes(confs)
    for speaker, cue, kind, role in q_strings:
        _opt_str(speaker), _opt_str(cue), _str(kind), _opt_str(role)
    _strings_or_none(q_texts)
    entities = len(e_labels)
    entity_ints = _ints(e_ints, ENTITY_INTS, entities)
    _within(entity_ints[0::ENTITY_INTS], 0, text_length)
    _within(entity_ints[1::ENTITY_INTS], 0, text_length)
    if len(e_texts) != entities or not 0 <= _int(listed) <= entities:
        raise ValueError("entity columns of different lengths")
    if not all(type(label) is str for label in e_labels):
        raise ValueError("expected a str")
    _strings_or_none(e_texts)
    groups = []
    for group_id, name, label, mention_bytes, count in g_rows:
        if type(mention_bytes) is not bytes or len(mention_bytes) % 8:
            raise ValueError("a column of the wrong size")
        mentions = array("q")
        mentions.frombytes(mention_bytes)
        if mentions and (min(mentions) < 0 or max(mentions) >= entities):
            raise ValueError("a mention outside the entities")
        groups.append((_int(group_id), _str(name), _str(label), mentions, _int(count)))
    known = {group[0] for group in groups}
    known.add(NONE)
    if not known.issuperset(entity_ints[2::ENTITY_INTS]):
        raise ValueError("a name in a group that is not there")
    columns: Columns = (
        quote_ints, q_strings, q_texts, confidences,
        entity_ints, e_labels, e_texts, groups, listed,
    )  # fmt: skip
    return _int(start), columns


def from_bytes(data: bytes, text: str) -> list[Part]:
    """The parts in ``data``, checked against ``text``; ValueError for anything else."""
    try:
        view = memoryview(data)
        (head_size,) = _HEAD_SIZE.unpack_from(view)
        at = _HEAD_SIZE.size + head_size
        form, sizes = marshal.loads(view[_HEAD_SIZE.size : at])
        if form != FORMAT:
            raise ValueError("another format")
        if type(sizes) is not list or not sizes or not all(type(n) is int for n in sizes):
            raise ValueError("no parts")
        if at + sum(sizes) != len(data):
            raise ValueError("not the size its parts say")
        # A block at a time (see ``to_bytes``), each checked as it is read.
        parts = []
        for size in sizes:
            parts.append(_part(marshal.loads(view[at : at + size]), len(text)))
            at += size
        return parts
    except (EOFError, TypeError, IndexError, ValueError, struct.error) as error:
        raise ValueError(f"not a cached analysis ({error})") from None


def quoted_speakers(parts: list[Part]) -> tuple[str, ...]:
    """Who the analysed ``parts`` quote (quotes proper, not scare quotes), each once, in
    order of first quote: read from the columns, with no Analysis built."""
    seen: dict[str, None] = {}
    for _start, columns in sorted(parts, key=lambda part: part[0]):
        for speaker, _cue, kind, _role in columns[1]:
            if speaker and kind == "quote":
                seen.setdefault(speaker, None)
    return tuple(seen)


def speakers_to_bytes(speakers: tuple[str, ...]) -> bytes:
    return marshal.dumps((FORMAT, list(speakers)))


def speakers_from_bytes(data: bytes) -> tuple[str, ...]:
    """The names in ``data``; ValueError for anything else."""
    try:
        form, names = marshal.loads(data)
    except (EOFError, TypeError, ValueError) as error:
        raise ValueError(f"not a list of speakers ({error})") from None
    if form != FORMAT or type(names) is not list or not all(type(n) is str for n in names):
        raise ValueError("not a list of speakers")
    return tuple(names)
