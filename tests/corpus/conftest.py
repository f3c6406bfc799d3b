"""The corpus every engine is compared on, and the one-process run it must match."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.corpus_files import newsreader, write_corpus

DOCUMENTS = 80


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "docs.jsonl", DOCUMENTS)


@pytest.fixture(scope="module")
def serial_output(corpus: Path) -> bytes:
    result = newsreader("analyze", str(corpus), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return result.stdout
