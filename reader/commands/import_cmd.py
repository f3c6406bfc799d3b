"""`newsreader import FILE`: restore a JSON backup; importing it twice adds nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.export_cmd import count
from reader.safe_text import clean_line, visible

EXIT_USAGE = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="restore annotations from a JSON backup (newsreader export --format json)",
        description=(
            "Add the annotations of a JSON backup to the database. Annotations already "
            "there (same id) are left as they are, so importing twice adds nothing. "
            "FILE may be - for standard input."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="a backup made by export --format json")


def _fail(message: str) -> int:
    # Messages quote file names and backup contents (ids, fields): cleaned for the terminal.
    print(f"newsreader: {clean_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def _read(name: str) -> tuple[str | None, str | None]:
    """(text, error) of the backup file, or of standard input for '-'."""
    if name == "-":
        data = sys.stdin.buffer.read()
        where = "standard input"
    else:
        path = Path(name).expanduser()
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None, f"no such file: {name}"
        except IsADirectoryError:
            return None, f"{name} is a folder, not a backup file"
        except OSError as error:
            return None, f"cannot read {name}: {error.strerror or error}"
        where = name
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, f"{where} is not UTF-8 text, so not a newsreader backup"


def run(args: argparse.Namespace) -> int:
    from reader.export import ExportError, import_records
    from reader.store import AnnotationStore, StoreError

    text, problem = _read(args.file)
    if problem or text is None:
        return _fail(problem or "nothing to import")
    try:
        records = import_records(text)
    except ExportError as error:
        return _fail(f"{args.file}: {error}")
    try:
        with AnnotationStore(Path(args.db)) as store:
            if store.read_only:
                return _fail(f"cannot import: {store.notice or 'the database is read-only'}")
            fresh = {}
            for annotation in records:
                if annotation.id not in fresh and store.get(annotation.id) is None:
                    fresh[annotation.id] = annotation
            # One commit: the whole backup lands, or nothing does.
            store.add_many(list(fresh.values()))
    except StoreError as error:
        return _fail(str(error))
    present = len(records) - len(fresh)
    print(
        f"Imported {count(len(fresh), 'annotation')} into {visible(args.db)}"
        + (f"; {present} already there, left unchanged" if present else ""),
    )
    return 0
