"""A document whose analysis fails, in the worker processes themselves, on every engine."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from tests.corpus.corpus_files import REPO, ids, newsreader, write_corpus

FAILING_ANALYSIS = Path(__file__).parent / "failing_analysis"
DOCUMENTS = 40
needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="needs newsreader[dask]"
)


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param(["--jobs", "1"], id="one-process"),
        pytest.param(["--jobs", "2"], id="pool"),
        pytest.param(["--scheduler", "local", "--jobs", "2"], id="dask", marks=needs_dask),
    ],
)
def test_a_failing_document_is_one_line_and_the_others_all_come_in_order(
    tmp_path: Path, engine: list[str]
) -> None:
    docs = write_corpus(tmp_path / "docs.jsonl", DOCUMENTS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(FAILING_ANALYSIS), str(REPO)]),
        "NEWSREADER_TEST_FAIL_ON": "Filed as item 27.",
    }
    result = newsreader("analyze", str(docs), *engine, env=env)
    assert result.returncode == 1
    assert ids(result.stdout) == [f"doc-{n:05d}" for n in range(DOCUMENTS) if n != 27]
    assert result.stderr.decode().splitlines() == [
        f'newsreader: {docs}:28: document "doc-00027": analysis failed '
        "(MemoryError: the analysis ran out of memory)"
    ]
