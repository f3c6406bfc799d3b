"""`newsreader export`: annotations as Markdown, a JSON backup, Readwise CSV or W3C JSON-LD."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from reader.export import FORMATS, SUFFIXES
from reader.export.files import write_export
from reader.model import Annotation, Article
from reader.safe_text import clean_line, visible

EXIT_USAGE = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write annotations as markdown, json (backup), csv (Readwise) or w3c",
        description=(
            "Write annotations to standard output or a file. Orphaned annotations (no "
            "longer found in their story) are included and marked. Without --format, the "
            "format follows the --output suffix (.md .json .csv .jsonld), else markdown."
        ),
    )
    parser.add_argument("--format", "-f", choices=FORMATS, help="output format (default: markdown)")
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only annotations with this tag (repeat for any of several)",
    )
    parser.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="PATH",
        help="only annotations of this story (file or web address; repeatable)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")


def count(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else plural or word + 's'}"


def _fail(message: str) -> int:
    # Messages quote file names and tags from the database: cleaned for the terminal.
    print(f"newsreader: {clean_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lower()
        for fmt, known in SUFFIXES.items():
            if suffix == known or (fmt == "markdown" and suffix == ".markdown"):
                return fmt
    return "markdown"


def _resolved(location: str) -> str:
    try:
        return str(Path(location).expanduser().resolve())
    except (OSError, RuntimeError):
        return location


def _story_keys(paths: list[str]) -> tuple[set[str], set[str], str | None]:
    """(article ids, resolved paths) naming the requested stories, or an error."""
    from reader.sources import SourceError, load

    ids: set[str] = set()
    locations: set[str] = set()
    for raw in paths:
        if raw.lower().startswith(("http://", "https://")):
            locations.add(raw)  # a web story is matched by its address
            continue
        path = Path(raw).expanduser()
        if not path.is_file():
            return ids, locations, f"no such story file: {raw}"
        locations.add(_resolved(raw))
        with contextlib.suppress(SourceError):  # still matched by its path if unreadable
            ids.add(load(path).id)
    return ids, locations, None


def select(
    annotations: list[Annotation], *, tags: list[str], ids: set[str], locations: set[str]
) -> list[Annotation]:
    wanted_tags = {tag.casefold() for tag in tags}
    chosen = []
    for annotation in annotations:
        if wanted_tags and not wanted_tags & {tag.casefold() for tag in annotation.tags}:
            continue
        if (ids or locations) and not (
            annotation.article_id in ids
            or annotation.source in locations
            or _resolved(annotation.source) in locations
        ):
            continue
        chosen.append(annotation)
    return chosen


def load_stories(annotations: list[Annotation]) -> dict[str, Article]:
    """The stories still on disk, by the article id their annotations carry."""
    from reader.sources import SourceError, load

    articles: dict[str, Article] = {}
    tried: set[str] = set()
    for annotation in annotations:
        if annotation.article_id in articles or annotation.article_id in tried:
            continue
        tried.add(annotation.article_id)
        path = Path(annotation.source)
        if "://" in annotation.source or not path.is_file():
            continue
        try:
            articles[annotation.article_id] = load(path)
        except SourceError:
            continue  # the record's own title and source stand in
    return articles


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        # `newsreader export | head` closed the pipe early: not an error for the user.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _hint_for_empty(tags: list[str], all_tags: list[str]) -> str:
    if tags and all_tags:
        return f"no annotations match; tags in use: {', '.join(all_tags[:12])}"
    return "no annotations to export"


def run(args: argparse.Namespace) -> int:
    from reader.export import ExportError, export_annotations
    from reader.store import AnnotationStore, StoreError

    fmt = _format_for(args)
    ids, locations, problem = _story_keys(args.article)
    if problem:
        return _fail(problem)
    try:
        with AnnotationStore(Path(args.db), read_only=True) as store:
            everything = store.all()
            all_tags = store.tags()
            if store.notice:  # a damaged database (where it is), unreadable records
                print(f"newsreader: {clean_line(store.notice)}", file=sys.stderr)
    except StoreError as error:
        return _fail(str(error))
    chosen = select(everything, tags=args.tag, ids=ids, locations=locations)
    try:
        text = export_annotations(chosen, load_stories(chosen), fmt)
    except ExportError as error:
        return _fail(str(error))
    if not chosen:
        print(f"newsreader: {clean_line(_hint_for_empty(args.tag, all_tags))}", file=sys.stderr)
    if not args.output:
        _write_stdout(text)
        return 0
    target = Path(args.output).expanduser()
    try:
        written = write_export(target, text)
    except OSError as error:
        return _fail(f"cannot write {target}: {error.strerror or error}")
    orphans = sum(annotation.orphan for annotation in chosen)
    stories = count(len({annotation.article_id for annotation in chosen}), "story", "stories")
    extra = f", {orphans} orphaned," if orphans else ""
    what = f"{count(len(chosen), 'annotation')} from {stories}{extra}"
    through = f" (the file the link points to: {visible(written)})" if target.is_symlink() else ""
    print(f"Exported {what} as {fmt} to {visible(target)}{through}")
    return 0
