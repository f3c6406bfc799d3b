"""Run every benchmarks/bench_*.py in turn; each prints its own table."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def main() -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    status = 0
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n## {name.removeprefix('bench_')}\n", flush=True)
        began = time.perf_counter()
        status |= module.main([]) or 0
        print(f"({time.perf_counter() - began:.1f} s)", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
