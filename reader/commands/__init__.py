"""Headless subcommands. Each module exposes `add_parser(subparsers)` and `run(args) -> int`."""

from __future__ import annotations

# name -> module under reader.commands; imported only when that command runs.
COMMANDS: dict[str, str] = {
    "analyze": "analyze_cmd",
    "export": "export_cmd",
    "feeds": "feeds_cmd",
    "import": "import_cmd",
    "people": "people_cmd",
    "quotes": "quotes_cmd",
}
