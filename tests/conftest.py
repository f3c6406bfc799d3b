"""Settings for the whole suite."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Commands run as subprocesses keep analyses in the user cache dir: never the runner's.
    before = os.environ.get("NEWSREADER_CACHE")
    os.environ["NEWSREADER_CACHE"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        os.environ.pop("NEWSREADER_CACHE", None)
    else:
        os.environ["NEWSREADER_CACHE"] = before
