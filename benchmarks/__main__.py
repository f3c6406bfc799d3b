"""Run every benchmarks/bench_*.py in turn; each prints its own table.

``python -m benchmarks NAME [ARGS...]`` runs one of them (``bench_responsive`` or
``responsive``) with its own arguments: typed that way, the arguments used to be
dropped and every benchmark ran.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import benchmarks


def _names() -> list[str]:
    return sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )


def _run(name: str, args: list[str]) -> int:
    module = importlib.import_module(f"benchmarks.{name}")
    print(f"\n## {name.removeprefix('bench_')}\n", flush=True)
    began = time.perf_counter()
    status = module.main(args) or 0
    print(f"({time.perf_counter() - began:.1f} s)", flush=True)
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    names = _names()
    if argv and not argv[0].startswith("-"):
        wanted = argv[0] if argv[0].startswith("bench_") else f"bench_{argv[0]}"
        if wanted not in names:
            known = ", ".join(name.removeprefix("bench_") for name in names)
            print(f"benchmarks: no benchmark {argv[0]!r} (there are: {known})", file=sys.stderr)
            return 2
        return _run(wanted, argv[1:])
    if argv:
        print("benchmarks: options go after a benchmark's name", file=sys.stderr)
        return 2
    status = 0
    for name in names:
        status |= _run(name, [])
    return status


if __name__ == "__main__":
    sys.exit(main())
