"""Dask imported for a corpus run without NumPy and Jinja2, which it never uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus.corpus_files import REPO

pytest.importorskip("distributed")

# Run in a fresh interpreter: this one may have imported any of it already.
CHECK = """
import gc
import sys
import yaml
from reader.corpus.dask_import import import_distributed

usual_safe_load = yaml.safe_load
frozen_before = gc.get_freeze_count()
client, local_cluster = import_distributed()
import dask

print(client.__name__, local_cluster.__name__)
print("numpy" in sys.modules, "jinja2" in sys.modules, yaml.safe_load is usual_safe_load)
# What the import built is out of the collector's passes, and the collector is back on.
print(gc.get_freeze_count() - frozen_before > 50_000, gc.isenabled())
print(dask.config.get("distributed.scheduler.work-stealing"))
import numpy  # held back only while Dask was imported

print(numpy.add(1, 2))
"""


def test_dask_comes_without_numpy_and_jinja2_and_they_still_import_after() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Client LocalCluster",
        "False False True",
        "True True",
        "True",  # Dask's own settings, read with the quicker parser
        "3",
    ]


RUN = """
import sys
from reader.cli import main

status = main(sys.argv[1:])
print("numpy" in sys.modules, "jinja2" in sys.modules, file=sys.stderr)
sys.exit(status)
"""


def test_a_local_dask_run_leaves_numpy_and_jinja2_unloaded(
    corpus: Path, serial_output: bytes
) -> None:
    command = [sys.executable, "-c", RUN, "analyze", str(corpus), "--scheduler", "local"]
    result = subprocess.run(command, capture_output=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == serial_output
    assert result.stderr == b"False False\n"


WORKERS = """
import json

from reader.corpus.batch import Options
from reader.corpus.dask_engine import DaskEngine


def looked_up_before() -> int:
    from distributed.versions import _version_cached

    return _version_cached.cache_info().hits  # the sign-in's look-ups found already made


engine = DaskEngine(Options(), "local", 2)
try:
    engine._ready(wait=True)
    print(json.dumps(sorted(engine._client.run(looked_up_before).values())))
finally:
    engine.close()
"""


def test_local_workers_start_with_the_package_versions_they_send_already_looked_up() -> None:
    # Each worker sends the versions of Dask's packages as it signs in with the
    # scheduler: looked up once in this process before the workers' server is forked.
    result = subprocess.run(
        [sys.executable, "-c", WORKERS], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 2
    assert all(count > 0 for count in hits)
