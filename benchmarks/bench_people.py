"""The people index of 1,000 stories from warm analyses, and the people view opening on them.

The stories are the bundled samples, copied until there are 1,000, each copy with a
closing line and a date of its own (so first and last dates differ). "Warm" means every
analysis is already in memory, as an analysis cache would give it: the analyser runs once
per sample, outside the timing. Rows:

- a plain count of speakers by their exact string over the same quotes: the baseline;
- ``build_index`` (parse names, join them across stories, count);
- the people view in the app (Pilot, 120x36): from the key `I` to the list on screen,
  with the analyses already held by the app (target: <= 1 s), and opened again.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reader.cache.codec import from_bytes, from_columns, to_bytes, to_columns
from reader.model import Analysis, Article

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
TARGET_SECONDS = 1.0


def warm_library(count: int) -> list[tuple[Article, Analysis]]:
    """``count`` stories made from the samples, each with its analysis."""
    from reader.analysis import analyze
    from reader.sources import load_all

    samples, errors = load_all([SAMPLES])
    if not samples:
        raise SystemExit(f"bench_people: no sample articles in {SAMPLES}: {errors}")
    # Each analysis as the cache stores it: every story reads its own copy back.
    analysed = [
        (article, to_bytes([(0, to_columns(article.text, analyze(article.text)))]))
        for article in samples
    ]
    library: list[tuple[Article, Analysis]] = []
    for number in range(count):
        article, encoded = analysed[number % len(analysed)]
        month, day = 1 + number % 12, 1 + number % 28
        story = replace(
            article,
            id=f"{article.id}-{number}",
            text=f"{article.text}\n\nFiled as item {number}.",
            published=f"2025-{month:02d}-{day:02d}",
        )
        [(_, columns)] = from_bytes(encoded, story.text)
        library.append((story, from_columns(story.text, columns)))
    return library


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def count_speakers(library: list[tuple[Article, Analysis]]) -> Counter[str | None]:
    return Counter(
        q.speaker for _, analysis in library for q in analysis.quotes if q.kind == "quote"
    )


def screen_seconds(library: list[tuple[Article, Analysis]], runs: int) -> tuple[float, float]:
    """From `I` to the people list drawn, in the app, with every analysis held already."""
    from reader.locations import Locations
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.people_screen import PeopleScreen

    async def once(folder: Path) -> tuple[float, float]:
        locations = Locations(
            db=folder / "db.json", cache=folder / "cache", config=folder, samples=SAMPLES
        )
        app = NewsReaderApp([folder / "none"], locations=locations)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.articles = [article for article, _ in library]
            app.analyses = {article.id: analysis for article, analysis in library}
            times = []
            for _ in range(2):  # opened, then opened again on the same library
                began = time.perf_counter()
                await pilot.press("I")
                screen = app.screen
                while not (isinstance(screen, PeopleScreen) and screen.loaded):
                    await pilot.pause(0.05)
                    screen = app.screen
                await pilot.pause()  # the frame that shows it
                times.append(time.perf_counter() - began)
                await pilot.press("escape")
                await pilot.pause()
            return times[0], times[1]

    with tempfile.TemporaryDirectory(prefix="newsreader-people-") as scratch:
        folder = Path(scratch)
        (folder / "none").mkdir()
        results = [asyncio.run(once(folder)) for _ in range(runs)]
        return min(r[0] for r in results), min(r[1] for r in results)


def real_process_seconds(stories: int, runs: int, person: str) -> float:
    """From `I` to ``person`` on screen in the real `newsreader` (tmux) opened on a folder
    of ``stories`` files whose analyses an earlier `newsreader people` left in the cache."""
    from benchmarks.bench_startup import Tmux
    from benchmarks.probe import NEWSREADER, Launch

    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    with tempfile.TemporaryDirectory(prefix="newsreader-people-") as scratch:
        workdir = Path(scratch)
        folder = workdir / "library"
        folder.mkdir()
        for number in range(stories):
            sample = samples[number % len(samples)]
            text = sample.read_text(encoding="utf-8")
            target = folder / f"{number:05d}-{sample.name}"
            target.write_text(f"{text}\n\nFiled as item {number}.\n", encoding="utf-8")
        env = {**os.environ, "HOME": str(workdir), "NEWSREADER_CACHE": str(workdir / "cache")}
        subprocess.run([NEWSREADER, "people", str(folder)], env=env, capture_output=True)
        tmux = Tmux()
        times = []
        try:
            for _ in range(runs):
                launch = Launch(tmux, [str(folder)], workdir)
                try:
                    launch.wait_for(lambda screen: f"/{stories}" in screen)
                    time.sleep(1.0)  # the first story's analysis and the store settle
                    sent = launch.send("I")
                    launch.wait_for(lambda screen: person in screen and "People" in screen)
                    times.append(time.perf_counter() - sent)
                finally:
                    launch.close()
        finally:
            tmux.close()
        return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_people")
    parser.add_argument("--stories", type=int, default=1000, help="stories (default 1000)")
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs")
    args = parser.parse_args(argv)
    from reader.services.people import build_index

    library = warm_library(args.stories)
    quotes = sum(len(a.quotes) for _, a in library)
    people = build_index(library)
    base = best_of(args.runs, lambda: count_speakers(library))
    index = best_of(args.runs, lambda: build_index(library))
    screen, again = screen_seconds(library, max(1, args.runs // 2))
    real = real_process_seconds(args.stories, max(1, args.runs // 2), people[0].name)
    load = os.getloadavg()[0]
    print(
        f"{args.stories} stories, {quotes} quotes, {len(people)} people; best of {args.runs}; "
        f"load average {load:.1f} on {os.cpu_count()} cores"
    )
    if load > (os.cpu_count() or 1):
        print("(other work shares the cores: the times below overstate)")
    print(f"{'case':<36} {'ms':>8} {'x baseline':>11}  target")
    print(f"{'count speakers by exact string':<36} {base * 1000:>8.1f} {'1.00':>11}")
    print(f"{'people index (build_index)':<36} {index * 1000:>8.1f} {index / base:>11.1f}")
    verdict = "met" if screen <= TARGET_SECONDS else "MISSED"
    print(
        f"{'people view: I to list on screen':<36} {screen * 1000:>8.1f} "
        f"{screen / base:>11.1f}  <= {TARGET_SECONDS:.0f} s: {verdict}"
    )
    print(f"{'people view: opened again':<36} {again * 1000:>8.1f} {again / base:>11.1f}")
    verdict = "met" if real <= TARGET_SECONDS else "MISSED"
    print(
        f"{'real process (tmux), warm cache':<36} {real * 1000:>8.1f} "
        f"{real / base:>11.1f}  <= {TARGET_SECONDS:.0f} s: {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
