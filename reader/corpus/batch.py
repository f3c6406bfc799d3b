"""Documents in, records out: the unit of work every engine runs.

Pure and importable: no I/O and no state kept between calls, so the same functions run
in this process, in a process pool, on a Dask worker, or in Spark's ``mapPartitions``.
``analyze_batch`` takes a block of JSON Lines as one ``bytes`` object and gives back
the records as one ``bytes`` object: crossing a process boundary, a batch is a couple
of buffers to copy, never thousands of small objects to pickle one by one.
``analyze_documents`` is the same analysis one document at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from reader.analysis import analyze
from reader.corpus.records import document_header, record
from reader.safe_text import json_for_terminal

Document = bytes | str | Mapping[str, Any]
# A JSON Lines block (whole lines, blank ones included), or story headers with a text key.
Payload = bytes | Sequence[Mapping[str, Any]]


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


class Problem(NamedTuple):
    """A document of a batch without a record: its place in the batch, and why."""

    position: int  # the line within a JSON Lines block (blank lines count), or the story
    error: str
    bad_input: bool


class BatchResult(NamedTuple):
    output: bytes  # the records, UTF-8, one JSON line each, each ending in a line break
    analysed: int  # documents analysed (with a record, or counted for --summary)
    counts: Counts  # summed over the batch's analysed documents
    problems: tuple[Problem, ...]


def analyze_documents(
    documents: Iterable[Document], options: Options = DEFAULT_OPTIONS
) -> Iterator[Outcome]:
    """One outcome per document, in order, lazily (a Spark ``mapPartitions`` function)."""
    for document in documents:
        yield analyze_document(document, options)


def analyze_batch(payload: Payload, options: Options = DEFAULT_OPTIONS) -> BatchResult:
    """The records of a whole batch, and what went wrong: what a pool or a Dask task runs."""
    documents: Iterable[tuple[int, Document]] = (
        block_lines(payload) if isinstance(payload, bytes) else enumerate(payload)
    )
    records: list[str] = []
    problems: list[Problem] = []
    analysed = 0
    quotes = attributed = scare_quotes = entities = 0
    for index, document in documents:
        outcome = analyze_document(document, options)
        if outcome.error is not None:
            problems.append(Problem(index, outcome.error, outcome.bad_input))
            continue
        analysed += 1
        counts = outcome.counts
        quotes += counts.quotes
        attributed += counts.attributed
        scare_quotes += counts.scare_quotes
        entities += counts.entities
        if outcome.line is not None:
            records.append(outcome.line)
    if records:
        records.append("")
    output = "\n".join(records).encode("utf-8")
    totals = Counts(quotes, attributed, scare_quotes, entities)
    return BatchResult(output, analysed, totals, tuple(problems))


def block_lines(block: bytes) -> list[tuple[int, bytes]]:
    """The lines of a block that are not blank, each with its index among all its lines."""
    lines = block.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the block's last line break ends a line, it does not start one
    return [(index, line) for index, line in enumerate(lines) if line and not line.isspace()]


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
