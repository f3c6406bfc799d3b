"""One codec for analyses leaving their process (worker to app, app to cache file).

What a reader would notice: a cached or sent analysis that differs from the analyser's
(a speaker lost, a name moved), or a damaged cache file read as a wrong analysis.
"""

from __future__ import annotations

import dataclasses
import marshal
import pickle
import struct
from types import SimpleNamespace
from typing import Any

import pytest

import reader.model
from reader.analysis import analyze
from reader.analysis_process import Merger
from reader.cache import codec
from reader.cache.codec import FIELDS, FORMAT, from_bytes, from_columns, to_bytes, to_columns
from reader.locations import bundled_samples

STORY = (
    '"We will not back down," said Maria Lopez, the mayor of Springfield. '
    "The council met on Tuesday.\n\n"
    'Lopez added: "The budget is balanced." John Smith of Acme Corp disagreed.'
)


def test_the_codec_carries_every_field_of_the_model() -> None:
    for name, carried in FIELDS.items():
        model_fields = tuple(f.name for f in dataclasses.fields(getattr(reader.model, name)))
        assert model_fields == carried, f"{name} changed: teach reader/cache/codec.py"


@pytest.mark.parametrize("path", sorted(bundled_samples().glob("*.txt")), ids=lambda p: p.stem)
def test_columns_and_bytes_carry_the_whole_analysis(path) -> None:
    text = path.read_text(encoding="utf-8")
    found = analyze(text)
    assert found.quotes, "a sample without quotes tests nothing"
    sent = from_columns(text, pickle.loads(pickle.dumps(to_columns(text, found))))
    assert sent == found
    [(start, columns)] = from_bytes(to_bytes([(0, to_columns(text, found))]), text)
    assert start == 0 and from_columns(text, columns) == found


def test_every_field_survives_even_when_it_is_not_the_texts_slice() -> None:
    analysis = analyze(STORY)
    quote = analysis.quotes[0]
    quote.role, quote.confidence, quote.kind = "Mayor", 0.25, "scare"
    quote.text = "We will not back down"  # a quote mended (OCR marks), not its slice
    [(_, columns)] = from_bytes(to_bytes([(0, to_columns(STORY, analysis))]), STORY)
    assert from_columns(STORY, columns) == analysis


def test_a_long_storys_blocks_come_back_as_the_story() -> None:
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = sample + "\n\n" + sample
    half = len(sample) + 2
    parts = [
        (start, to_columns(text[start:end], analyze(text[start:end]), start))
        for start, end in ((0, half), (half, len(text)))
    ]
    merged = Merger.of(text, parts)
    assert Merger.of(text, from_bytes(to_bytes(parts), text)) == merged
    assert len(merged.quotes) == 2 * len(analyze(sample).quotes)


def _entry(text: str) -> list:
    """The rows (one per block) of the cache entry of ``text``'s analysis."""
    data = to_bytes([(0, to_columns(text, analyze(text)))])
    (head_size,) = struct.unpack_from("<I", data)
    form, sizes = marshal.loads(data[4 : 4 + head_size])
    assert form == FORMAT
    rows, at = [], 4 + head_size
    for size in sizes:
        rows.append(marshal.loads(data[at : at + size]))
        at += size
    return rows


def _written(rows: list, form: int = FORMAT) -> bytes:
    blocks = [marshal.dumps(row) for row in rows]
    head = marshal.dumps((form, [len(block) for block in blocks]))
    return b"".join([struct.pack("<I", len(head)), head, *blocks])


def _rewritten(rows: list, at: int, value: object) -> bytes:
    row = list(rows[0])
    row[at] = value
    return _written([tuple(row)])


def test_an_entry_rewritten_as_it_was_reads_back() -> None:
    # The damaged entries below are refused for their damage, not for their layout.
    assert from_bytes(_written(_entry(STORY)), STORY) == from_bytes(
        to_bytes([(0, to_columns(STORY, analyze(STORY)))]), STORY
    )


def test_offsets_past_the_end_of_the_story_are_refused() -> None:
    # The entry of a longer text read back for a shorter one (a wrong key, a bug):
    # highlights past the end of the story would draw on nothing or crash the view.
    with pytest.raises(ValueError):
        from_bytes(to_bytes([(0, to_columns(STORY, analyze(STORY)))]), STORY[:40])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (1, b"\x00" * 7),  # quote offsets cut short
        (2, [(None, None, 5, None)]),  # a kind that is not text
        (4, b""),  # confidences missing
        (6, ["PER", 3]),  # a label that is not text
        (9, 10_000),  # more names listed than there are
    ],
)
def test_a_damaged_entry_is_refused_not_read_as_another_analysis(field: int, value) -> None:
    with pytest.raises(ValueError):
        from_bytes(_rewritten(_entry(STORY), field, value), STORY)


def test_other_formats_and_garbage_are_refused() -> None:
    rows = _entry(STORY)
    with pytest.raises(ValueError):
        from_bytes(marshal.dumps((1, rows)), STORY)
    with pytest.raises(ValueError):
        from_bytes(_written(rows, FORMAT - 1), STORY)
    with pytest.raises(ValueError):
        from_bytes(b"\x00garbage", STORY)
    with pytest.raises(ValueError):
        from_bytes(marshal.dumps((2, [])), STORY)
    with pytest.raises(ValueError):
        from_bytes(_written([]), STORY)
    with pytest.raises(ValueError):
        from_bytes(_written(rows)[:-3], STORY)  # cut short
    with pytest.raises(ValueError):
        from_bytes(_written(rows) + marshal.dumps(rows[0]), STORY)  # a block too many


def test_a_long_storys_entry_is_written_and_read_a_block_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cache is written and read on a thread beside the UI, and one call into marshal
    holds the interpreter lock until it returns: the whole of a story of 100,000 names
    in one call held it 67 ms, against any key pressed then."""
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = "\n\n".join([sample] * 4)
    starts = [n * (len(sample) + 2) for n in range(4)]
    parts = [
        (start, to_columns(text[start : start + len(sample)], analyze(sample), start))
        for start in starts
    ]
    blocks_per_call: list[int] = []
    loads: list[object] = []

    def dumps(value: Any) -> bytes:
        blocks_per_call.append(sum(_holds_block(value, start) for start in starts))
        return marshal.dumps(value)

    def load(data: bytes) -> object:
        loads.append(len(data))
        return marshal.loads(data)

    monkeypatch.setattr(codec, "marshal", SimpleNamespace(dumps=dumps, loads=load))
    data = to_bytes(parts)
    assert len(blocks_per_call) == 5 and max(blocks_per_call) == 1  # the head, each block
    assert Merger.of(text, from_bytes(data, text)) == Merger.of(text, parts)
    assert len(loads) == 5  # the head, each block


def _holds_block(value: object, start: int) -> bool:
    """Whether ``value`` is the row of the block at ``start``, or holds it."""
    if isinstance(value, tuple) and len(value) == 10 and value[0] == start:
        return True
    if isinstance(value, (list, tuple)):
        return any(_holds_block(item, start) for item in value if isinstance(item, (list, tuple)))
    return False
