"""How long loading stories takes: the bundled samples, a 5 MB story, a 5 MB single line."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.locations import bundled_samples
from reader.sources import load, load_all, load_many

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "sources" / "fixtures"


def _timed(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs, in milliseconds."""
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        runs.append((time.perf_counter() - began) * 1000)
    return statistics.median(runs)


def _big_story(folder: Path, megabytes: int) -> Path:
    paragraph = (
        "The council said on Tuesday that repairs would start in May, and officials told "
        "residents that the bridge\nwould stay open at one lane. “We have been patient,” "
        "the mayor said.\n\n"
    )
    path = folder / "big.txt"
    body = paragraph * (megabytes * 1024 * 1024 // len(paragraph))
    path.write_text("Big Story\n\nBy Bench\n\nMay 1, 2024\n\nBench Wire\n\n" + body)
    return path


def _one_line(folder: Path, megabytes: int) -> Path:
    path = folder / "line.txt"
    path.write_text("word " * (megabytes * 1024 * 1024 // 5))
    return path


def _big_page(folder: Path, paragraphs: int) -> Path:
    """A page the size of a long live blog, with the inline script weight real pages carry."""
    body = "".join(
        f"<p>Update {i}: the council said repairs would start in May, and officials told "
        f"residents “We have been patient,” the mayor said.</p>\n"
        for i in range(paragraphs)
    )
    script = "<script>" + "window.tracking.push({slot: 1});" * 20_000 + "</script>"
    path = folder / "page.html"
    path.write_text(
        f"<html><head><title>Live</title>{script}</head><body><article>{body}</article>"
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--megabytes", type=int, default=5)
    args = parser.parse_args(argv)

    samples = bundled_samples()
    articles, _ = load_all([samples])
    sample_bytes = sum(Path(a.path).stat().st_size for a in articles if a.path)
    rows: list[tuple[str, str, float]] = [
        (
            f"load_all(samples): {len(articles)} stories",
            f"{sample_bytes / 1024:.0f} KB",
            _timed(lambda: load_all([samples]), args.repeat),
        )
    ]
    long_story = samples / "holmsea-coastal-erosion-long-report.txt"
    rows.append(
        (
            "load(long sample)",
            f"{long_story.stat().st_size / 1024:.0f} KB",
            _timed(lambda: load(long_story), args.repeat),
        )
    )
    page = FIXTURES / "library-closures-news-page.html"
    feed = FIXTURES / "harbour-gazette-rss2.rss"
    if page.exists() and feed.exists():
        # The first page pays for importing trafilatura and lxml; later ones do not.
        page_size = f"{page.stat().st_size / 1024:.1f} KB"
        feed_size = f"{feed.stat().st_size / 1024:.1f} KB"
        rows.append(("load(page), first: imports", page_size, _timed(lambda: load(page), 1)))
        rows.append(("load(page)", page_size, _timed(lambda: load(page), args.repeat)))
        rows.append(
            ("load_many(RSS 2.0 feed, 2 items)", feed_size, _timed(lambda: load_many(feed), 3))
        )
    with tempfile.TemporaryDirectory() as folder:
        big = _big_story(Path(folder), args.megabytes)
        line = _one_line(Path(folder), args.megabytes)
        page_big = _big_page(Path(folder), 3000)
        cases = (
            ("load(big story)", big),
            ("load(one long line)", line),
            ("load(page: 3000 paragraphs + scripts)", page_big),
        )
        for label, path in cases:
            size = f"{path.stat().st_size / 1024 / 1024:.1f} MB"
            rows.append((label, size, _timed(lambda p=path: load(p), args.repeat)))

    print(f"{'case':<40} {'size':>10} {'median ms':>10}")
    for label, size, ms in rows:
        print(f"{label:<40} {size:>10} {ms:>10.1f}")
    return 0
