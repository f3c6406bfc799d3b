"""`newsreader people PATH...`: everyone quoted in the stories, most quoted first, as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys

EXIT_BAD_INPUT = 2
EXIT_CLOSED_PIPE = 141


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "people",
        help="print everyone quoted in stories, most quoted first, as JSON Lines",
        description=(
            "One JSON object per person or organisation quoted: name, kind (PER or ORG), "
            "quotes and stories (counts), variants (the forms of the name), roles, and the "
            "first and last dates of the stories quoting them."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, feeds, web addresses"
    )
    parser.add_argument("--ner", default="builtin", metavar="BACKEND", help="name finder")


class ErrorLines:
    """Problems with the input, one cleaned line each on stderr; the exit status counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        from reader.safe_text import clean_line

        self.count += 1
        print(f"newsreader: {clean_line(message)}", file=sys.stderr, flush=True)


def write_lines(records: list[dict[str, object]]) -> bool:
    """Print one JSON object a line; False when the reader of stdout has gone."""
    from reader.safe_text import json_for_terminal

    try:
        for record in records:
            sys.stdout.write(json_for_terminal(json.dumps(record, ensure_ascii=False)) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        from reader.corpus.output import silence_stdout

        silence_stdout()
        return False
    return True


def run(args: argparse.Namespace) -> int:
    from reader.locations import Locations
    from reader.services.library import load_and_analyse
    from reader.services.people import build_index

    errors = ErrorLines()
    people = build_index(
        load_and_analyse(args.paths, args.ner, errors, Locations.resolve(args.db).cache)
    )
    if not write_lines([person.as_record() for person in people]):
        return EXIT_CLOSED_PIPE
    return EXIT_BAD_INPUT if errors.count else 0
