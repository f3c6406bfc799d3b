"""Freed big blocks go back to the system (reader/heap.py), in a process of their own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.heap import BIG_FILE, any_big_file

# A big block freed (a story's bytes, once decoded), then blocks under its size made and
# freed between small ones that stay (an array growing while other objects are made):
# how many of the freed blocks' KiB the process still holds.
KEPT_AFTER_FREEING = """
import sys
from pathlib import Path
from reader.heap import return_big_blocks
def resident():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
if sys.argv[1] == "returned" and not return_big_blocks():
    print("unsupported")
    raise SystemExit
story = bytearray(24 << 20)
del story
blocks, pins = [], []
for _ in range(16):
    blocks.append(bytearray(1 << 20))
    pins.append(bytearray(32 << 10))
before = resident()
del blocks
print(before - resident())
"""


def _freed_kib(mode: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", KEPT_AFTER_FREEING, mode],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_freed_big_blocks_are_returned_to_the_system_at_once() -> None:
    returned = _freed_kib("returned")
    if returned == "unsupported":
        pytest.skip("not glibc's allocator")
    # Sixteen blocks of 1 MiB: nearly all of it back, however the heap around them looks.
    assert int(returned) >= 15 * 1024


def test_a_big_file_is_told_from_small_ones_and_missing_ones(tmp_path: Path) -> None:
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("A b.\n")
    big.write_bytes(b"A b.\n\n" * (BIG_FILE // 6 + 1))
    assert not any_big_file([small, tmp_path / "missing.txt", "https://example.com/big"])
    assert any_big_file([small, big])
