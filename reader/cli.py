"""Command line: parse arguments, then run a headless command or start the app.

Kept thin and light: Textual and the analysis are imported only by the code path
that needs them, so `newsreader --version` and `--where` answer instantly.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.commands import COMMANDS
from reader.locations import DB_ENV, Locations

if TYPE_CHECKING:
    import argparse

    from reader.services.subscription_loader import SubscribedStart

EXIT_USAGE = 2
DEFAULT_NER = "builtin"


class UserError(Exception):
    """A mistake in what the user asked for: reported in one line, exit status 2."""


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"annotation database (default: ${DB_ENV}, else the user data dir)",
    )


def build_app_parser() -> argparse.ArgumentParser:
    import argparse

    commands = ", ".join(COMMANDS)
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal reader for news that finds who said what.",
        epilog=(
            f"headless commands: {commands}; run `newsreader COMMAND --help` for each. "
            "With no PATH the bundled sample articles open."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="stories (.txt, .md, .html), feeds (.rss, .atom, .xml), folders or web addresses",
    )
    _add_common_options(parser)
    parser.add_argument(
        "--ner",
        default=DEFAULT_NER,
        metavar="BACKEND",
        help="name finder: builtin (default) or spacy (needs spaCy and a model)",
    )
    parser.add_argument("--where", action="store_true", help="print the paths in use and exit")
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def build_command_parser(name: str) -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="newsreader")
    subparsers = parser.add_subparsers(dest="command", required=True)
    module = importlib.import_module(f"reader.commands.{COMMANDS[name]}")
    module.add_parser(subparsers)
    for choice in subparsers.choices.values():
        if not any("--db" in action.option_strings for action in choice._actions):
            _add_common_options(choice)
    return parser


def _print_where(locations: Locations) -> None:
    print(f"database: {locations.db}")
    # What was read and where, the last session: beside the database (named without
    # importing the store, so --where stays instant).
    print(f"reading:  {locations.db.with_name(f'{locations.db.stem}.reading.json')}")
    print(f"cache:    {locations.cache}")
    print(f"config:   {locations.config}")
    print(f"samples:  {locations.samples}")


def _run_app(named: Sequence[str], locations: Locations, ner: str) -> int:
    from reader.sources.kinds import is_url

    # Web addresses stay strings: the library fetches them (through the page cache).
    paths: list[Path | str] = [p if is_url(p) else Path(p) for p in named]
    if not paths:
        # No PATH: the subscriptions, and the last session; with none, the samples.
        from reader.services.subscription_loader import subscribed_start

        start = subscribed_start(locations.config)
        return _run([], locations, ner, start)
    missing = [str(p) for p in paths if isinstance(p, Path) and not p.exists()]
    if missing and len(missing) == len(paths):
        raise UserError(f"no such file or folder: {missing[0]}")
    # Some are there: the app opens those and names each missing one in a warning.
    return _run(paths, locations, ner)


def _run(
    paths: list[Path | str], locations: Locations, ner: str, start: SubscribedStart | None = None
) -> int:
    # Importing Textual and the app makes some 100,000 objects and no cycles: the cycle
    # collector's passes over them cost ~10 ms of start-up. The app turns it back on
    # once its first frame is drawn.
    gc.disable()
    try:
        from reader.ui.app import NewsReaderApp

        app = NewsReaderApp(paths, locations=locations, ner=ner, start=start)
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


def _first_positional(argv: list[str]) -> int | None:
    """Where the first word that is not an option or an option's value is: maybe a command."""
    skip = False
    for at, word in enumerate(argv):
        if skip:
            skip = False
        elif word in ("--db", "--ner"):
            skip = True
        elif not word.startswith("-"):
            return at
    return None


def main(argv: Sequence[str] | None = None) -> int:
    own_process = argv is None  # the program's own command line, not a caller's
    argv = list(sys.argv[1:] if argv is None else argv)
    at = _first_positional(argv)
    try:
        if at is not None and argv[at] in COMMANDS:
            first = argv[at]
            # Options before the command's name (`--db X export`) are the global ones the
            # app takes: --where and --version answer at once, the rest go to the command.
            before = argv[:at]
            given = build_app_parser().parse_args(before)  # --version, -h: answered here
            if given.where:
                _print_where(Locations.resolve(given.db))
                return 0
            argv = [first, *before, *argv[at + 1 :]]
            args = build_command_parser(first).parse_args(argv)
            args.db = Locations.resolve(args.db).db
            module = importlib.import_module(f"reader.commands.{COMMANDS[first]}")
            status: int = module.run(args)
            if own_process and getattr(args, "leave_at_once", False):
                leave_at_once(status)
            return status
        if not any(word.startswith("-") for word in argv):
            # Paths alone, the launch typed most: what the parser would make of them,
            # without its import and build (~5 ms of start-up, issue #18).
            return _run_app(argv, Locations.resolve(None), DEFAULT_NER)
        args = build_app_parser().parse_intermixed_args(argv)  # paths and options in any order
        locations = Locations.resolve(args.db)
        if args.where:
            _print_where(locations)
            return 0
        return _run_app(args.paths, locations, args.ner)
    except UserError as error:
        from reader.safe_text import clean_line  # a path the user named may hold anything

        print(f"newsreader: {clean_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def leave_at_once(status: int) -> NoReturn:
    """End this process with ``status`` now, skipping the interpreter's teardown.

    A command that ran Dask ends with thousands of modules and their objects loaded:
    tearing them down one by one took 40-60 ms after the last record was written, and
    nothing in it is needed (the records are out, the cluster is closed). The exit
    handlers that libraries registered (multiprocessing's, Dask's) still run first.
    """
    import atexit
    import contextlib
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a reader of stdout that has gone
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
