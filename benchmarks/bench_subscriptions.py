"""Launch with 50 subscriptions served on 127.0.0.1, against a launch with one file.

`newsreader` with no PATH shows each subscription's stories of last time (the items
cache) in its first frame and fetches fresh ones in the background. Timed as
bench_startup times a launch (the real command in tmux, until a phrase of the first
story is on screen), interleaved with `newsreader FILE` in the same run, median of
several runs. The first launch (nothing cached yet: the stories arrive as their feeds
are fetched) is timed apart, once, after the warm-up.
Target (issue #19): 50 subscriptions <= 1.5x one file.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.bench_startup import (
    SAMPLE,
    Case,
    Tmux,
    first_paragraph,
    first_words,
    time_to_phrase,
)

FEEDS = 50
ITEMS = 10
TARGET_RATIO = 1.5


def feed(number: int) -> bytes:
    items = []
    for item in range(ITEMS):
        day = 28 - item
        newest = number == 0 and item == 0  # the story shown first
        hour = 12 if newest else 8
        words = "Freshest harbour bulletin reports" if newest else f"Bulletin {number}.{item}"
        items.append(
            f"<item><title>Feed {number} story {item}</title>"
            f"<link>http://news.invalid/{number}/{item}</link>"
            f"<pubDate>Wed, {day:02d} Feb 2024 {hour:02d}:00:00 +0000</pubDate>"
            f"<description>&lt;p&gt;{words} that the council met. Officials said little. "
            f"The vote comes next week.&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Feed {number}</title>{''.join(items)}</channel></rss>"
    ).encode()


@contextmanager
def feed_server() -> Iterator[str]:
    bodies = {f"/feed-{n}.rss": feed(n) for n in range(FEEDS)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = bodies.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches per case (default 5)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per launch")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench_subscriptions: needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    newsreader = str(Path(sys.executable).with_name("newsreader"))
    paragraph = first_paragraph(SAMPLE)
    one_file = Case("newsreader FILE (baseline)", [newsreader, str(SAMPLE)], first_words(paragraph))
    subscribed = Case(f"newsreader, {FEEDS} subscriptions", [newsreader], "Freshest harbour")
    tmux = Tmux()
    try:
        with feed_server() as base, tempfile.TemporaryDirectory(prefix="nr-subs-") as scratch:
            workdir = Path(scratch)
            config = workdir / ".config" / "newsreader"
            config.mkdir(parents=True)
            (config / "subscriptions").write_text(
                "".join(f"{base}/feed-{n}.rss\n" for n in range(FEEDS)), encoding="utf-8"
            )
            time_to_phrase(tmux, one_file, workdir, args.timeout)  # warm-up: bytecode
            first_launch = time_to_phrase(tmux, subscribed, workdir, args.timeout)
            timings: dict[str, list[float]] = {one_file.name: [], subscribed.name: []}
            for _ in range(args.runs):
                for case in (one_file, subscribed):
                    timings[case.name].append(time_to_phrase(tmux, case, workdir, args.timeout))
    finally:
        tmux.close()
    baseline = statistics.median(timings[one_file.name])
    print(f"{'case':<44} {'median ms':>10} {'min ms':>8} {'x baseline':>11}  target")
    for case in (one_file, subscribed):
        median = statistics.median(timings[case.name])
        ratio = median / baseline
        verdict = "" if case is one_file else ("met" if ratio <= TARGET_RATIO else "MISSED")
        print(
            f"{case.name:<44} {median * 1000:>10.0f} {min(timings[case.name]) * 1000:>8.0f}"
            f" {ratio:>10.2f}x  {verdict}"
        )
    print(
        f"{'first launch, nothing cached (once)':<44} {first_launch * 1000:>10.0f} "
        f"{'':>8} {first_launch / baseline:>10.2f}x"
    )
    print(
        f"target: {FEEDS} subscriptions ({FEEDS * ITEMS} stories, cached) <= "
        f"{TARGET_RATIO:.1f}x one file (median of {args.runs} runs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
