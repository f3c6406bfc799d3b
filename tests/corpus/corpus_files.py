"""JSON Lines corpora made from the bundled sample stories, and the real command run on them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_articles"


def sample_stories() -> list[str]:
    return [
        path.read_text(encoding="utf-8")
        for path in sorted(SAMPLES.iterdir())
        if path.suffix in (".txt", ".md") and path.is_file()
    ]


def corpus_lines(count: int) -> list[str]:
    """``count`` documents, each a sample story made unique by a closing line of its own."""
    stories = sample_stories()
    lines = []
    for number in range(count):
        story = stories[number % len(stories)]
        document = {"id": f"doc-{number:05d}", "text": f"{story}\n\nFiled as item {number}."}
        lines.append(json.dumps(document, ensure_ascii=False))
    return lines


def write_corpus(path: Path, count: int) -> Path:
    path.write_text("".join(line + "\n" for line in corpus_lines(count)), encoding="utf-8")
    return path


def newsreader(
    *args: str,
    stdin: bytes | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The real command, as a user runs it, with its output as bytes."""
    command = [sys.executable, "-m", "reader.cli", *args]
    return subprocess.run(
        command, input=stdin, capture_output=True, timeout=timeout, cwd=REPO, env=env
    )


def ids(stdout: bytes) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]
