"""`newsreader analyze PATH...`: quotes, speakers and names as JSON Lines, on every core."""

from __future__ import annotations

import argparse
import os

from reader.corpus.records import RECORD_FIELDS

# What a shell reports for a command stopped by a closed pipe (128 + SIGPIPE).
EXIT_CLOSED_PIPE = 141


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _fields(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in RECORD_FIELDS]
    if unknown or not names:
        problem = f"unknown field {unknown[0]!r}" if unknown else "no field named"
        raise argparse.ArgumentTypeError(f"{problem}; choose from: {', '.join(RECORD_FIELDS)}")
    return names


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="print quotes, speakers and names of stories as JSON Lines",
        description=(
            "Analyse stories and print one JSON object per story, in input order. A PATH "
            "ending in .jsonl (or - for stdin) is read as documents {id, text}, one per "
            "line, and their ids are echoed."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders, feeds, web addresses, .jsonl files, or - (JSON Lines on stdin)",
    )
    parser.add_argument("--ner", default="builtin", metavar="BACKEND", help="name finder")
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=_cores(),
        metavar="N",
        help="worker processes (default: all cores, here %(default)s)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: a scheduler's address (tcp://host:8786), or 'local' "
        "for a cluster of --jobs processes here (needs: pip install 'newsreader[dask]')",
    )
    parser.add_argument(
        "--fields",
        type=_fields,
        metavar="A,B",
        help=f"keep only these keys of each record ({', '.join(RECORD_FIELDS)})",
    )
    parser.add_argument(
        "--summary", action="store_true", help="print only counts, as one JSON object"
    )
    parser.add_argument(
        "--max-line-mb",
        type=_positive,
        default=64,
        metavar="MB",
        help="pass over JSON Lines lines longer than this (default: %(default)s)",
    )


def run(args: argparse.Namespace) -> int:
    from reader.corpus.inputs import known_size
    from reader.corpus.lines import block_bytes

    total = known_size(args.paths)
    block = block_bytes(total, args.jobs, on_dask=bool(args.scheduler))
    from reader.analysis.backends import BackendError, get_backend
    from reader.corpus.batch import Options
    from reader.corpus.engines import EngineError
    from reader.corpus.inputs import batches
    from reader.corpus.output import EXIT_BAD_INPUT, Output, silence_stdout
    from reader.corpus.progress import Progress
    from reader.corpus.run import analyze_stream

    # Dask loads thousands of modules that the interpreter would tear down one by one
    # at exit: the program leaves without that (see reader.cli.leave_at_once).
    args.leave_at_once = bool(args.scheduler)
    options = Options(ner=args.ner, fields=args.fields, summary=args.summary)
    progress = Progress(total)
    output = Output(progress)
    try:
        get_backend(args.ner)  # a name finder that cannot work fails once, here
    except BackendError as error:
        output.say(str(error))
        return EXIT_BAD_INPUT
    stream = batches(args.paths, output.unreadable, args.max_line_mb * 1_000_000, block)
    try:
        analyze_stream(options, args.jobs, args.scheduler, stream, output)
        if args.summary:
            output.write_summary()
    except BrokenPipeError:
        # The reader of stdout has gone (`analyze ... | head`): stop quietly, as cat does.
        silence_stdout()
        return EXIT_CLOSED_PIPE
    except EngineError as error:
        output.say(str(error))
        return EXIT_BAD_INPUT
    return output.status()
