"""`newsreader analyze PATH...`: quotes, speakers and names as JSON Lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.locations import Locations
from reader.model import Analysis, Article, Quote


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="print quotes, speakers and names of stories as JSON Lines",
        description=(
            "Analyse stories and print one JSON object per story. A PATH ending in "
            ".jsonl is read as documents {id, text}, and their ids are echoed."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, feeds, web addresses or .jsonl"
    )
    parser.add_argument("--ner", default="builtin", metavar="BACKEND", help="name finder")


def _documents_from_jsonl(path: Path) -> Iterator[tuple[dict[str, Any] | None, str | None]]:
    """Yield (document, error) pairs; a bad line is an error, not the end of the file."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        yield None, f"{path}: cannot read ({error.strerror or error})"
        return
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    document = json.loads(line)
                except json.JSONDecodeError:
                    yield None, f"{path}:{number}: not a JSON object"
                    continue
                if not isinstance(document, dict) or not isinstance(document.get("text"), str):
                    yield None, f"{path}:{number}: expected an object with a text field"
                    continue
                yield document, None
        except UnicodeDecodeError:
            yield None, f"{path}: not UTF-8 text"


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "cue": q.cue,
        "kind": q.kind,
        "role": q.role,
        "confidence": q.confidence,
    }


def record(article: Article | None, document: dict[str, Any] | None, analysis: Analysis) -> dict:
    if article is not None:
        record: dict[str, Any] = {
            "id": article.id,
            "title": article.title,
            "author": article.byline,
            "published": article.published,
            "site": article.site or article.source,
            "url": article.url,
            "path": article.path,
            "text": article.text,
        }
    else:
        assert document is not None
        record = {
            "id": document.get("id"),
            "title": document.get("title"),
            "text": document["text"],
        }
    # Scorers and readers both take "quotes" to mean direct speech: scare quotes and
    # titles are listed apart, so a consumer that ignores "kind" still gets speech only.
    record["quotes"] = [_quote(q) for q in analysis.quotes if q.kind == "quote"]
    record["scare_quotes"] = [_quote(q) for q in analysis.quotes if q.kind != "quote"]
    record["entities"] = [
        {"start": e.start, "end": e.end, "text": e.text, "label": e.label}
        for e in analysis.entities
    ]
    record["people"] = [
        {"name": g.name, "label": g.label, "mentions": len(g.mentions), "quotes": g.quote_count}
        for g in analysis.groups
    ]
    return record


def run(args: argparse.Namespace) -> int:
    from reader.analysis import analyze
    from reader.sources import SourceError, discover, is_url, load_many, load_url

    failed = False

    def emit(record: dict) -> None:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")

    def fail(message: str) -> None:
        nonlocal failed
        failed = True
        print(f"newsreader: {message}", file=sys.stderr)

    cache_dir = Locations.resolve().cache
    for raw in args.paths:
        if is_url(raw):
            try:
                articles = load_url(raw, cache_dir)
            except SourceError as error:
                fail(str(error))
                continue
            for article in articles:
                emit(record(article, None, analyze(article.text, ner=args.ner)))
            continue
        path = Path(raw)
        if path.suffix == ".jsonl" and path.is_file():
            for document, error in _documents_from_jsonl(path):
                if error:
                    fail(error)
                else:
                    assert document is not None
                    emit(record(None, document, analyze(document["text"], ner=args.ner)))
            continue
        files, errors = discover([path], feeds=True)
        for error in errors:
            fail(error)
        for file in files:
            try:
                articles = load_many(file)
            except SourceError as error:
                fail(str(error))
                continue
            for article in articles:
                emit(record(article, None, analyze(article.text, ner=args.ner)))
    sys.stdout.flush()
    return 2 if failed else 0
