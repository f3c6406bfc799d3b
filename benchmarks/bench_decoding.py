"""What reading a story that is not UTF-8 costs: the encoding guess, then the decode.

For each encoding, a story written in its script (tests/sources/other_scripts.py) is
repeated to the size given and decoded as a file would be; the table shows the time,
the part of it spent guessing (charset-normalizer on the sample it is given, never the
whole of a long file), the encoding named in the status bar, and whether the text came
out as written.
UTF-8 is the baseline: no guess is made for it. The last rows are one-line stories
(headlines), where the detector has too little evidence and the reader's prior decides:
the time per headline and how many came out as written.
"""

from __future__ import annotations

import argparse
import statistics
import time

from reader.sources.decoding import decode_noted, guess_sample
from reader.sources.encoding_guess import likeliest_codec
from tests.sources.other_scripts import (
    CHINESE,
    FRENCH,
    GERMAN,
    JAPANESE,
    RUSSIAN,
    SHORT_WESTERN,
)

CASES = (
    ("UTF-8 (baseline)", RUSSIAN, "utf-8"),
    ("Windows-1251", RUSSIAN, "cp1251"),
    ("KOI8-R", RUSSIAN, "koi8_r"),
    ("Shift_JIS", JAPANESE, "shift_jis"),
    ("GB18030", CHINESE, "gb18030"),
    ("Windows-1252", FRENCH, "cp1252"),
    ("Latin-1", GERMAN, "latin-1"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.002,1,10", help="megabytes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell (median)")
    args = parser.parse_args(argv)
    sizes = [float(size) for size in args.sizes.split(",")]
    print(
        f"{'written in':<18} {'MB':>6} {'median ms':>10} {'guess ms':>9}  "
        f"{'status bar says':<24} {'text'}"
    )
    for label, story, codec in CASES:
        one = story.encode(codec) + b"\n"
        for megabytes in sizes:
            data = one * max(1, int(megabytes * 1_000_000 // len(one)))
            runs = []
            for _ in range(args.repeat):
                began = time.perf_counter()
                decoded = decode_noted(data, "bench.txt")
                runs.append((time.perf_counter() - began) * 1000)
            right = decoded.text.startswith(story)
            guessing = "-"
            if decoded.note:
                sample, guesses = guess_sample(data), []
                for _ in range(args.repeat):
                    began = time.perf_counter()
                    likeliest_codec(sample)
                    guesses.append((time.perf_counter() - began) * 1000)
                guessing = f"{statistics.median(guesses):.1f}"
            print(
                f"{label:<18} {len(data) / 1e6:>6.3f} {statistics.median(runs):>10.1f} "
                f"{guessing:>9}  {decoded.note or '-':<24} {'as written' if right else 'WRONG'}",
                flush=True,
            )
    headlines = [(line, "cp1252") for line in SHORT_WESTERN] + [
        (story.split("\n", 1)[0], codec) for _, story, codec in CASES[1:5]
    ]
    runs, right = [], 0
    for line, codec in headlines:
        data = line.encode(codec) + b"\n"
        began = time.perf_counter()
        decoded = decode_noted(data, "bench.txt")
        runs.append((time.perf_counter() - began) * 1000)
        right += decoded.text == line + "\n"
    print(
        f"{'one-line stories':<18} {'-':>6} {statistics.median(runs):>10.2f} {'':>9}  "
        f"{'(mixed)':<24} {right}/{len(headlines)} as written",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
