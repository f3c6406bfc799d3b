"""The app's analysis process: same answers as analyze(), block by block, never orphaned."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.analysis_process import (
    BLOCK_CHARS,
    AnalysisProcess,
    Block,
    Merger,
    blocks,
    visible_first,
)
from reader.analysis_worker import WORKER_NICENESS
from reader.cache.codec import Columns, from_columns, to_columns
from reader.locations import bundled_samples
from reader.model import Analysis

SAMPLES = sorted(bundled_samples().glob("*.txt"))


def plain(analysis: Analysis) -> tuple[list, list, list]:
    return (
        [(q.start, q.end, q.text, q.speaker, q.speaker_start, q.speaker_end, q.cue, q.kind,
          q.role, q.confidence) for q in analysis.quotes],
        [(e.start, e.end, e.text, e.label, e.group) for e in analysis.entities],
        [(g.id, g.name, g.label, [(m.start, m.end) for m in g.mentions], g.quote_count)
         for g in analysis.groups],
    )  # fmt: skip


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_columns_carry_the_whole_analysis(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = analyze(text)
    carried = from_columns(text, pickle.loads(pickle.dumps(to_columns(text, found))))
    assert plain(carried) == plain(found)
    assert found.quotes, "a sample without quotes tests nothing"


def test_blocks_cut_at_paragraph_breaks_and_cover_the_text() -> None:
    text = "\n\n".join(f"Paragraph {n} " + "word " * 40 for n in range(50))
    found = blocks(text, 1_000)
    assert found[0].start == 0 and found[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(found))
    assert all(text[block.end - 2 : block.end] == "\n\n" for block in found[:-1])
    order = visible_first(found, found[3].start + 5)
    assert order[0] == found[3] and sorted(order, key=lambda b: b.start) == found


def test_blocks_of_many_short_paragraphs_are_smaller_and_ordinary_ones_keep_their_size() -> None:
    # The worker's working set grows with a block's paragraphs: a million one-line ones
    # took it 11 MiB over its tables per block. Such blocks are cut smaller; a story's
    # ordinary paragraphs after them still go in blocks of the full size.
    dense = "Tiny\n\n" + "A b.\n\n" * 20_000
    text = dense + "\n\n".join(f"Paragraph {n} " + "word " * 60 for n in range(400))
    found = blocks(text, size=40_000, paragraphs=1_000)
    assert found[0].start == 0 and found[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(found))
    in_dense = [block for block in found if block.end <= len(dense)]
    assert len(in_dense) >= 20_000 * 6 // 10_000  # 10,000 characters at most each
    assert all(text.count("\n\n", b.start, b.end) <= 1_000 for b in found)
    after = [block for block in found if block.start >= len(dense)][:-1]
    assert after and all(block.end - block.start > 20_000 for block in after)


def test_merged_blocks_read_like_the_story_and_join_one_persons_groups() -> None:
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = sample + "\n\n" + sample
    half = len(sample) + 2
    merger = Merger()
    for block in (Block(half, len(text)), Block(0, half)):  # the second half lands first
        part = text[block.start : block.end]
        merger.add(text, block.start, to_columns(part, analyze(part), block.start))
    merged = merger.analysis()
    alone = analyze(sample)
    assert len(merged.quotes) == 2 * len(alone.quotes)
    assert all(text[q.start : q.end] == q.text for q in merged.quotes)
    assert [q.start for q in merged.quotes] == sorted(q.start for q in merged.quotes)
    assert len(merged.groups) == len(alone.groups)  # each block's person, folded into one
    for group in merged.groups:
        assert all(mention.group == group.id for mention in group.mentions)
    ryabkov = next(g for g in merged.groups if g.name == "Sergei Ryabkov")
    alone_ryabkov = next(g for g in alone.groups if g.name == "Sergei Ryabkov")
    assert ryabkov.quote_count == 2 * alone_ryabkov.quote_count


def test_the_worker_gives_what_analyze_gives_block_by_block() -> None:
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = "\n\n".join([sample] * 3)
    process = AnalysisProcess()
    try:
        merger = Merger()
        seen = []
        for block, encoded, last in process.analyse(text):
            merger.add(text, block.start, encoded)
            seen.append(last)
        assert seen == [True]  # short enough for one block
        assert plain(merger.analysis()) == plain(analyze(text))
        # The worker gives way to the app: a key is never queued behind an analysis.
        [pid] = process.worker_pids()
        app_niceness = os.getpriority(os.PRIO_PROCESS, 0)
        expected = min(19, app_niceness + WORKER_NICENESS)
        assert os.getpriority(os.PRIO_PROCESS, pid) == expected
    finally:
        process.shutdown()


WORKER_THEN_WAIT = """
import sys, time
from reader.analysis_process import AnalysisProcess
process = AnalysisProcess()
list(process.analyse("A story. " * 10))
print(*process.worker_pids(), flush=True)
time.sleep(60)
"""


def _gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_the_worker_never_outlives_its_app(how: signal.Signals) -> None:
    # However the app ends (killed outright, or a signal with no clean exit path), its
    # worker notices within a moment and leaves too.
    app = subprocess.Popen(
        [sys.executable, "-c", WORKER_THEN_WAIT], stdout=subprocess.PIPE, text=True
    )
    try:
        assert app.stdout is not None
        [pid] = map(int, app.stdout.readline().split())
        assert not _gone(pid, 0.1)
        os.kill(app.pid, how)
        app.wait(timeout=10)
        assert _gone(pid, 5.0), f"worker {pid} outlived the app"
    finally:
        app.kill()


def test_a_block_reads_the_paragraphs_before_it_for_who_she_is() -> None:
    from reader.analysis_worker import _analyse_block

    first = 'The minister, Ann Lee, spoke on Monday.\n\n"We will publish everything," Lee said.\n\n'
    second = '"It will take a year," she said.\n'
    text = first + second
    whole = [q for q in analyze(text).quotes if q.start >= len(first)]
    block = from_columns(text, _analyse_block(text, 0, len(first), "builtin"))
    assert [(q.start, q.speaker) for q in block.quotes] == [(q.start, q.speaker) for q in whole]
    assert block.quotes[0].speaker == "Ann Lee"
    assert analyze(second).quotes[0].speaker is None  # what a block read alone would say
    merger = Merger()
    merger.add(text, len(first), _analyse_block(text, 0, len(first), "builtin"))
    merger.add(text, 0, to_columns(first, analyze(first)))
    [lee] = [group for group in merger.analysis().groups if group.name == "Ann Lee"]
    assert lee.quote_count == 2  # the second block's quote is counted for her too


def test_blocks_folded_as_they_land_give_what_folding_them_at_once_gives() -> None:
    # A story read from its top gets its blocks in order, each folded in as it lands;
    # one landing out of order (a jump) folds them all again. Both end as one fold.
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = "\n\n".join([sample] * 4)
    found = blocks(text, size=len(sample) + 10)
    assert len(found) >= 3
    parts = []
    for block in found:
        part = text[block.start : block.end]
        parts.append((block.start, to_columns(part, analyze(part), block.start)))
    at_once = plain(Merger.of(text, parts))
    for order in (parts, [parts[1], parts[2], parts[0], *parts[3:]]):
        merger = Merger()
        for start, columns in order:
            merger.add(text, start, columns)
            merger.analysis()
        assert plain(merger.analysis()) == at_once


def test_quotes_are_counted_against_one_growing_index_of_names_a_batch_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The compiled count keeps the interpreter lock until it returns: the names' index is
    # made once and grown with each block, not made again over the whole story for every
    # block, and the whole story's quotes are counted again at the end in batches. The
    # counts at every step are those of a fresh index counting all at once.
    import reader.analysis.pipeline as pipeline
    import reader.analysis.speaker_names as speaker_names
    import reader.analysis_process as analysis_process

    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = "\n\n".join([sample] * 4)
    found = blocks(text, size=len(sample) + 10)
    pieces = [(block.start, text[block.start : block.end]) for block in found]
    parts = [(start, to_columns(piece, analyze(piece), start)) for start, piece in pieces]
    made, batches = [], []
    real_index, real_count = speaker_names.NameSpans, pipeline.count_quotes

    def index(*args: object) -> object:
        made.append(args)
        return real_index(*args)

    def count(names: object, quotes: list) -> None:
        batches.append(len(quotes))
        real_count(names, quotes)

    def steps(merger: Merger) -> list[tuple[list, list, list]]:
        found = []
        for number, (start, columns) in enumerate(parts, 1):
            merger.add(text, start, columns)
            found.append(plain(merger.analysis(complete=number == len(parts))))
        return found

    fresh = Merger()
    fresh._grown_names = lambda: real_index(text, fresh._entities, fresh._groups)  # type: ignore[method-assign]
    expected = steps(fresh)
    monkeypatch.setattr(analysis_process, "COUNT_BATCH", 3)
    monkeypatch.setattr(speaker_names, "NameSpans", index)
    monkeypatch.setattr(pipeline, "count_quotes", count)
    assert steps(Merger()) == expected
    assert len(parts) >= 3 and len(made) == 1
    assert max(batches) == 3 and sum(batches) > len(expected[-1][0])


def test_a_folded_blocks_own_names_are_let_go_and_a_refold_reads_them_again() -> None:
    # The folded story holds copies of each block's names: the block's own objects are
    # dropped once folded (a 49 MB story held every name twice), and a block landing
    # before them folds all again from their columns, against the story's text.
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    text = "\n\n".join([sample] * 3)
    found = blocks(text, size=len(sample) + 10)
    parts = [
        (
            block.start,
            to_columns(
                text[block.start : block.end], analyze(text[block.start : block.end]), block.start
            ),
        )
        for block in found
    ]
    merger = Merger()
    for start, columns in parts[1:]:
        merger.add(text, start, columns)
        merger.analysis()
    assert not merger.parts
    merger.add(text, *parts[0])
    assert plain(merger.analysis()) == plain(Merger.of(text, parts))
    assert all(quote.text == text[quote.start : quote.end] for quote in merger.analysis().quotes)


ONLY_THE_WORKER = """
import os
from pathlib import Path
from reader.analysis_process import AnalysisProcess
process = AnalysisProcess()
list(process.analyse('"We are ready," said Ann Lee.\\n'))
me = os.getpid()
children = [
    child
    for task in os.listdir(f"/proc/{me}/task")
    for child in Path(f"/proc/{me}/task/{task}/children").read_text().split()
]
print(len(children), *process.worker_pids())
process.shutdown()
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_the_analysis_starts_one_process_and_no_resource_tracker() -> None:
    # multiprocessing's pool started a resource tracker beside its worker: a third
    # interpreter, 13 MiB resident for as long as the app ran.
    done = subprocess.run(
        [sys.executable, "-c", ONLY_THE_WORKER], capture_output=True, text=True, check=True
    )
    count, *pids = done.stdout.split()
    assert int(count) == 1 and len(pids) == 1


def test_a_long_story_is_not_copied_while_its_blocks_are_analysed() -> None:
    # Three blocks: the pool sliced them all when the story was sent, a second copy of
    # the whole text held until its last block came back (49 MB for a 49 MB story).
    import tracemalloc

    text = "Tiny\n\n" + "A b.\n\n" * (BLOCK_CHARS * 3 // 6)
    process = AnalysisProcess()
    try:
        process.start()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            results = process.analyse(text)
            held = []
            for _block, _columns, _last in results:
                held.append(tracemalloc.get_traced_memory()[0] - before)
        finally:
            tracemalloc.stop()
        assert len(held) >= 3
        assert max(held) < BLOCK_CHARS // 2, held
    finally:
        process.shutdown()


def test_a_story_left_mid_analysis_never_hands_its_answer_to_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One request is out at a time: the block sent before the first story was left is
    # answered to nobody, and the next story gets its own answers, not that one.
    import reader.analysis_process as analysis_process

    monkeypatch.setattr(analysis_process, "blocks", lambda text: blocks(text, 20_000))
    sample = (bundled_samples() / "moscow-us-strategic-stability.txt").read_text()
    long_story = "\n\n".join([sample] * 30)
    assert len(blocks(long_story, 20_000)) >= 3
    short = '"We will publish everything," said Ann Lee, the chair.\n'
    process = AnalysisProcess()
    try:
        results = process.analyse(long_story)
        next(results)
        results.close()  # the second block is with the worker already
        got: list[tuple[Block, Columns, bool]] = []
        # On a thread: a request left unanswered once kept the next one waiting for good.
        reader = threading.Thread(target=lambda: got.extend(process.analyse(short)))
        reader.start()
        reader.join(timeout=120)
        assert not reader.is_alive(), "the next story waited for the left one's answer"
        [(block, columns, last)] = got
        assert last and block == Block(0, len(short))
        assert plain(from_columns(short, columns)) == plain(analyze(short))
    finally:
        process.shutdown()
