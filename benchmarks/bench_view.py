"""Reader pane speed: opening the 2 KB sample vs a generated 10 MB story, G, memory, keys.

Everything runs headless (``App.run_test``), so "on screen" means the compositor asked
the pane for a row of body text; a real terminal adds its own drawing time to both
stories alike.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from textual.app import App, ComposeResult

from reader.locations import bundled_samples
from reader.model import Analysis, Article, Entity, EntityGroup, Quote
from reader.sources import load
from reader.ui.widgets.article_view import ArticleText, ArticleView
from reader.ui.wrap import paragraph_spans

SAMPLE = "moscow-us-strategic-stability.txt"
SIZE = (120, 40)
SPEAKER = "Ann Lee"


def generated_story(megabytes: float) -> Article:
    """A long story of ordinary paragraphs, each with a quote and a named speaker."""
    header = "A Very Long Story\n\nBy Bench Desk\n\n2024-05-01\n\nBench Wire\n\n"
    template = (
        "Paragraph {n} opens here. The committee met on Tuesday to review the figures for "
        "district {d}, and members spoke at length about the budget and the schools. "
        '"We will publish everything," said Ann Lee, the chair. Critics said the review came '
        "late and asked for an audit of the accounts, the contracts and the minutes of every "
        "meeting held since the spring.\nOfficials declined to comment on the timing.\n\n"
    )
    parts = [header]
    size = len(header)
    number = 0
    target = int(megabytes * 1024 * 1024)
    while size < target:
        part = template.format(n=number, d=number % 97)
        parts.append(part)
        size += len(part)
        number += 1
    text = "".join(parts)
    body = len(header)
    return Article(
        id="generated",
        text=text,
        title="A Very Long Story",
        byline="By Bench Desk",
        published="2024-05-01",
        source="Bench Wire",
        body_start=body,
        paragraphs=paragraph_spans(text, body),
    )


def generated_analysis(article: Article) -> Analysis:
    """Quotes and names found by pattern: the layers cost the same as real ones."""
    text = article.text
    quotes = []
    entities = []
    for match in re.finditer(r'"We will publish everything," said (Ann Lee)', text):
        start = match.start()
        end = start + len('"We will publish everything,"')
        quotes.append(
            Quote(start, end, text[start:end], SPEAKER, match.start(1), match.end(1), "said")
        )
        entities.append(Entity(match.start(1), match.end(1), SPEAKER, "PER", 0))
    group = EntityGroup(0, SPEAKER, "PER", entities, len(quotes))
    return Analysis(quotes=quotes, entities=entities, groups=[group])


class BenchApp(App[None]):
    def __init__(self, article: Article | None) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")

    def on_mount(self) -> None:
        if self.article is not None:
            self.query_one(ArticleView).show(self.article)
            self.query_one(ArticleView).focus()


@dataclass(slots=True)
class Result:
    first_text_ms: float
    show_ms: float
    end_ms: float
    rss_mib: float
    key_p50_ms: float
    key_p95_ms: float


_first_body_row: list[float] = []


def _watch_first_body_row() -> None:
    """Record when the compositor first asks the pane for a row of body text."""
    original = ArticleText.render_line

    def render_line(self: ArticleText, y: int):  # type: ignore[no-untyped-def]
        strip = original(self, y)
        if not _first_body_row and int(self.scroll_offset.y) + y >= len(self.header) > 0:
            _first_body_row.append(time.perf_counter())
        return strip

    ArticleText.render_line = render_line  # type: ignore[method-assign]


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def _wait_until(pilot, condition: Callable[[], bool], timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the reader pane never got there")
        await pilot.pause(0.001)


def _last_text_on_screen(text: ArticleText) -> bool:
    last = text.paragraphs[-1]
    row = text.row_of(last.end - 1)
    top = int(text.scroll_offset.y)
    return row is not None and top <= row < top + text.size.height


async def _app_start_to_text(article: Article) -> float:
    """From app start to the first body row drawn, with show() called in on_mount."""
    _first_body_row.clear()
    began = time.perf_counter()
    app = BenchApp(article)
    async with app.run_test(size=SIZE) as pilot:
        await _wait_until(pilot, lambda: bool(_first_body_row))
        return (_first_body_row[0] - began) * 1000


async def _opening(stories: list[Article], repeat: int) -> list[float]:
    """Median app-start-to-text per story; runs alternate so machine noise hits all alike."""
    runs: list[list[float]] = [[] for _ in stories]
    for _ in range(repeat):
        for number, story in enumerate(stories):
            runs[number].append(await _app_start_to_text(story))
    return [statistics.median(times) for times in runs]


async def measure(article: Article, keys: int, repeat: int, first_text: float) -> Result:
    app = BenchApp(None)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        # 2. From show() in a running app to the first body row drawn (switching stories).
        shows = []
        for _ in range(repeat):
            _first_body_row.clear()
            began = time.perf_counter()
            view.show(article)
            await _wait_until(pilot, lambda: bool(_first_body_row))
            shows.append((_first_body_row[0] - began) * 1000)
        show = statistics.median(shows)
        view.set_analysis(generated_analysis(article))
        # 3. G straight after opening: the last paragraph on screen, wrapped or not yet.
        text = view.text_widget
        began = time.perf_counter()
        await pilot.press("G")
        await _wait_until(pilot, lambda: _last_text_on_screen(text))
        end = (time.perf_counter() - began) * 1000
        await app.workers.wait_for_complete()
        rss = _rss_mib()
        # 4. A key press: move the focus, re-style, render every row of the screen.
        await pilot.press("g")
        timings = []
        for step in range(keys):
            action = view.action_next_sentence if step % 4 != 3 else view.action_next_quote
            began = time.perf_counter()
            action()
            for y in range(text.size.height):
                text.render_line(y)
            timings.append((time.perf_counter() - began) * 1000)
            await pilot.pause()
    return Result(first_text, show, end, rss, statistics.median(timings), max(timings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--keys", type=int, default=100, help="key presses timed per story")
    parser.add_argument("--repeat", type=int, default=9, help="opens timed per story")
    args = parser.parse_args(argv)

    _watch_first_body_row()
    small = load(bundled_samples() / SAMPLE)
    big = generated_story(args.megabytes)
    asyncio.run(measure(small, 5, 1, 0.0))  # warm imports and caches
    small_open, big_open = asyncio.run(_opening([small, big], args.repeat))
    small_result = asyncio.run(measure(small, args.keys, args.repeat, small_open))
    big_result = asyncio.run(measure(big, args.keys, args.repeat, big_open))

    size_small = f"{len(small.text.encode()) / 1024:.1f} KB"
    size_big = f"{len(big.text.encode()) / 1024 / 1024:.1f} MB"
    rows = [
        ("app start -> first body text (ms)", "first_text_ms", "<= 1.5x sample"),
        ("show() -> first body text (ms)", "show_ms", "<= 1.5x sample"),
        ("G -> last paragraph on screen (ms)", "end_ms", "<= 1000"),
        ("resident memory after G (MiB)", "rss_mib", "<= 400"),
        ("key: focus + render screen p50 (ms)", "key_p50_ms", "<= 16"),
        ("key: focus + render screen p95 (ms)", "key_p95_ms", "<= 16"),
    ]
    print(
        f"Headless run_test at 120x40, medians of {args.repeat} opens and {args.keys} keys;"
        " 'on screen' = the compositor drew a body row."
    )
    print(f"{'measure':40} {'sample ' + size_small:>16} {'story ' + size_big:>16} {'target':>16}")
    for label, field, target in rows:
        small_value = getattr(small_result, field)
        big_value = getattr(big_result, field)
        print(f"{label:40} {small_value:>16.1f} {big_value:>16.1f} {target:>16}")
    for label, field in (("app start", "first_text_ms"), ("show()", "show_ms")):
        ratio = getattr(big_result, field) / max(getattr(small_result, field), 1e-9)
        print(f"first text after {label}, {size_big} story / sample: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
