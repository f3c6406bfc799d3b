"""Where `analyze` writes: records to stdout, one line per problem to stderr, and counts.

Records go out as UTF-8 bytes whatever the locale (JSON Lines is UTF-8), a batch at a
time. Every line meant for a person on stderr passes through ``Output.say``.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from typing import BinaryIO, TextIO

from reader.corpus.batch import BatchResult
from reader.corpus.engines import Batch
from reader.corpus.progress import Progress
from reader.safe_text import clean_line

EXIT_OK = 0
EXIT_FAILED_DOCUMENT = 1
EXIT_BAD_INPUT = 2


@dataclass(slots=True)
class Summary:
    documents: int = 0  # analysed
    failed: int = 0  # the analysis failed
    unreadable: int = 0  # input that gave no document: bad lines, files, fetches
    quotes: int = 0
    attributed: int = 0
    scare_quotes: int = 0
    entities: int = 0


class Output:
    def __init__(
        self,
        progress: Progress,
        stdout: BinaryIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.progress = progress
        self.summary = Summary()
        self._stdout = stdout if stdout is not None else sys.stdout.buffer
        self._stderr = stderr if stderr is not None else sys.stderr

    def say(self, message: str) -> None:
        """One line for a person on stderr: above the progress bar when there is one."""
        # The one place analyze's stderr lines are written: untrusted parts of them
        # (ids, file names, addresses) are cleaned here, once, on their way out.
        line = f"newsreader: {clean_line(message)}"
        if not self.progress.print(line):
            print(line, file=self._stderr, flush=True)

    def unreadable(self, message: str) -> None:
        """Input that gave no document (exit status 2 at the end)."""
        self.summary.unreadable += 1
        self.say(message)

    def take(self, batch: Batch, result: BatchResult) -> None:
        """Write a batch's records in order and report its documents that have none."""
        summary = self.summary
        for problem in result.problems:
            if problem.bad_input:
                self.unreadable(f"{batch.label(problem.position)}: {problem.error}")
            else:
                summary.failed += 1
                self.say(f"{batch.label(problem.position)}: {problem.error}")
        summary.documents += result.analysed
        counts = result.counts
        summary.quotes += counts.quotes
        summary.attributed += counts.attributed
        summary.scare_quotes += counts.scare_quotes
        summary.entities += counts.entities
        if result.output:
            self._stdout.write(result.output)
            self._stdout.flush()
        self.progress.advance(result.analysed + len(result.problems), batch.size)

    def write_summary(self) -> None:
        self._stdout.write(json.dumps(asdict(self.summary)).encode("utf-8") + b"\n")
        self._stdout.flush()

    def status(self) -> int:
        if self.summary.unreadable:
            return EXIT_BAD_INPUT
        return EXIT_FAILED_DOCUMENT if self.summary.failed else EXIT_OK


def silence_stdout() -> None:
    """After the reader of stdout went away: later writes (and the flush at exit) go nowhere.

    Without it the interpreter's last flush of stdout raises BrokenPipeError again and
    prints an "Exception ignored" message on the way out.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)
