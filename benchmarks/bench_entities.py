"""Name-finder speed on >= 4 MB of news, against one plain regex tokenising pass."""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
TOKENS = re.compile(r"\w+|[^\w\s]+")


def corpus(min_bytes: int) -> list[str]:
    """The sample articles, repeated until they add up to ``min_bytes`` of UTF-8."""
    stories = [
        p.read_text(encoding="utf-8")
        for p in sorted(SAMPLES.iterdir())
        if p.suffix in (".txt", ".md")
    ]
    if not stories:
        raise SystemExit(f"no sample articles in {SAMPLES}")
    docs: list[str] = []
    size = 0
    while size < min_bytes:
        for story in stories:
            docs.append(story)
            size += len(story.encode("utf-8"))
    return docs


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Least CPU time of ``runs`` tries: other processes on the machine do not count."""
    times = []
    for _ in range(runs):
        began = time.process_time()
        work()
        times.append(time.process_time() - began)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text (default 4)")
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs")
    args = parser.parse_args(argv)

    from reader.analysis.entities import find_entities, group_entities
    from reader.analysis.gazetteer import lexicon

    began = time.perf_counter()
    lexicon()
    find_entities("Warm up: Joe Biden met Vladimir Putin in Geneva.")
    load = time.perf_counter() - began

    docs = corpus(int(args.mb * 1_000_000))
    one = "\n\n".join(docs)
    megabytes = len(one.encode("utf-8")) / 1_000_000

    def tokenise_docs() -> None:
        for doc in docs:
            TOKENS.findall(doc)

    def names_docs() -> None:
        for doc in docs:
            find_entities(doc)

    def names_and_groups_docs() -> None:
        for doc in docs:
            group_entities(doc, find_entities(doc))

    rows = [
        ("regex tokenising pass", best_of(args.runs, tokenise_docs)),
        ("find_entities, per article", best_of(args.runs, names_docs)),
        ("find + group, per article", best_of(args.runs, names_and_groups_docs)),
        ("regex pass, one document", best_of(args.runs, lambda: TOKENS.findall(one))),
        ("find_entities, one document", best_of(args.runs, lambda: find_entities(one))),
    ]
    base = {"per article": rows[0][1], "one document": rows[3][1]}
    print(f"{megabytes:.1f} MB in {len(docs)} articles; word lists loaded once in {load:.2f} s")
    print(f"{'pass (best CPU time)':30s} {'seconds':>8s} {'MB/s':>7s} {'x regex':>8s}")
    for name, seconds in rows:
        ratio = seconds / (base["one document"] if "one document" in name else base["per article"])
        print(f"{name:30s} {seconds:8.3f} {megabytes / seconds:7.1f} {ratio:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
