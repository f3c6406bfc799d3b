"""`newsreader quotes PATH... [--speaker NAME] [--contains TEXT]`: quotes as JSON Lines."""

from __future__ import annotations

import argparse

from reader.commands.people_cmd import EXIT_BAD_INPUT, EXIT_CLOSED_PIPE, ErrorLines, write_lines


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="print the quotes of stories, by speaker or words, as JSON Lines",
        description=(
            "One JSON object per quote: speaker, text, title, path or url, published, "
            "start and end (offsets in the story's text) and confidence."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, feeds, web addresses"
    )
    parser.add_argument(
        "--speaker", metavar="NAME", help="only quotes of this person (any form of their name)"
    )
    parser.add_argument(
        "--contains", metavar="TEXT", help="only quotes holding these words (case aside)"
    )
    parser.add_argument("--ner", default="builtin", metavar="BACKEND", help="name finder")


def run(args: argparse.Namespace) -> int:
    from reader.locations import Locations
    from reader.services.library import load_and_analyse
    from reader.services.people import build_index, find_person, matches_words, quote_records

    errors = ErrorLines()
    stories = load_and_analyse(args.paths, args.ner, errors, Locations.resolve(args.db).cache)
    records = quote_records(stories)
    if args.speaker is not None:
        people = find_person(build_index(stories), args.speaker)
        _say_who(args.speaker, [person.name for person in people])
        wanted = {id(r.quote) for person in people for r in person.quotes}
        records = [r for r in records if id(r.quote) in wanted]
    if args.contains is not None:
        records = [r for r in records if matches_words(r.quote.text, args.contains)]
    if not write_lines([record.as_record() for record in records]):
        return EXIT_CLOSED_PIPE
    return EXIT_BAD_INPUT if errors.count else 0


def _say_who(asked: str, names: list[str]) -> None:
    """A note on stderr when ``asked`` names no one, or more than one person: a bare
    surname shared by two people gives the quotes of both, and the reader must know."""
    import sys

    from reader.safe_text import clean_line

    shown = clean_line(asked)
    if not names:
        print(f"newsreader quotes: no one quoted answers to {shown!r}", file=sys.stderr)
    elif len(names) > 1:
        listed = "; ".join(clean_line(name) for name in names)
        print(
            f"newsreader quotes: {shown!r} answers to {len(names)} people ({listed}): "
            "the quotes of each follow; give a fuller name to pick one",
            file=sys.stderr,
        )
