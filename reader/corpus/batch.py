"""Documents in, one outcome per document out: the unit of work every engine runs.

Pure and importable: no I/O and no state kept between calls, so the same function runs
in this process, in a process pool, on a Dask worker, or as Spark's ``mapPartitions``
function. A document is a JSON Lines line (``bytes`` or ``str``) or a ready header
mapping with a ``text`` key; its JSON is read here, in the worker, so the process that
reads the input only splits lines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from reader.analysis import analyze
from reader.corpus.records import document_header, record
from reader.safe_text import json_for_terminal

Document = bytes | str | Mapping[str, Any]


class Options(NamedTuple):
    ner: str = "builtin"
    fields: tuple[str, ...] | None = None  # keep only these keys of each record
    summary: bool = False  # count only: no record is made


DEFAULT_OPTIONS = Options()


class Counts(NamedTuple):
    quotes: int = 0
    attributed: int = 0  # quotes with a speaker
    scare_quotes: int = 0
    entities: int = 0


class Outcome(NamedTuple):
    """A document's record as one JSON line, or why it has none."""

    line: str | None
    error: str | None = None
    bad_input: bool = False  # the document could not be read (not: the analysis failed)
    counts: Counts = Counts()


def analyze_documents(
    documents: Iterable[Document], options: Options = DEFAULT_OPTIONS
) -> Iterator[Outcome]:
    """One outcome per document, in order, lazily (a Spark ``mapPartitions`` function)."""
    for document in documents:
        yield analyze_document(document, options)


def analyze_batch(
    documents: Iterable[Document], options: Options = DEFAULT_OPTIONS
) -> list[Outcome]:
    """The outcomes of a whole batch at once: what a pool or a Dask worker sends back."""
    return [analyze_document(document, options) for document in documents]


def analyze_document(document: Document, options: Options = DEFAULT_OPTIONS) -> Outcome:
    header = read_document(document)
    if isinstance(header, str):
        return Outcome(None, header, bad_input=True)
    try:
        analysis = analyze(header["text"], ner=options.ner)
        counts = Counts(
            quotes=sum(1 for q in analysis.quotes if q.kind == "quote"),
            attributed=sum(1 for q in analysis.quotes if q.kind == "quote" and q.speaker),
            scare_quotes=sum(1 for q in analysis.quotes if q.kind != "quote"),
            entities=len(analysis.entities),
        )
        if options.summary:
            return Outcome(None, counts=counts)
        result = record(header, analysis)
        if options.fields is not None:
            result = {key: value for key, value in result.items() if key in options.fields}
        return Outcome(_json_line(result), counts=counts)
    except Exception as error:  # one document's failure must not end the run
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return Outcome(None, f"document {show_id(header.get('id'))}: analysis failed ({reason})")


def read_document(document: Document) -> dict[str, Any] | str:
    """The header of a document, or a sentence saying why it cannot be read."""
    if isinstance(document, bytes | str):
        value = _parse_json(document)
        if isinstance(value, str):
            return value
    else:
        value = document
    if not isinstance(value, Mapping) or not isinstance(value.get("text"), str):
        return "expected an object with a text field"
    if isinstance(document, bytes | str):
        return document_header(dict(value))
    return dict(value)


def _parse_json(line: bytes | str) -> object:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            return "not UTF-8 text"
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return "not a JSON object"
    except RecursionError:
        return "JSON nested too deeply to read"
    except ValueError:  # int() refuses numbers of thousands of digits
        return "a number with too many digits to read"


def _json_line(result: dict[str, Any]) -> str:
    line = json.dumps(result, ensure_ascii=False)
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate from a "\\ud800" escape
            line = json.dumps(result)
    # Offsets point into the text as given, so it is not cleaned; but a terminal showing
    # the output must not act on it: DEL, C1 and BiDi controls go out as \u escapes.
    return json_for_terminal(line)


def show_id(value: object, limit: int = 80) -> str:
    """A document id as it can be shown in one line: JSON with every non-ASCII escaped."""
    if value is None:
        return "without id"
    try:
        shown = json.dumps(value, ensure_ascii=True, default=str)
    except (RecursionError, ValueError):
        return "with an id too deep to show"
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
