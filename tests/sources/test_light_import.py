"""Start-up stays light: the heavy page and feed libraries load only when a page or feed does,
and dateutil only for a date our own reading leaves open."""

from __future__ import annotations

import subprocess
import sys


def test_importing_sources_and_loading_text_skips_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from reader.sources import load_all\n"
        "from reader.locations import bundled_samples\n"
        "load_all([bundled_samples()])\n"
        "heavy = {'trafilatura', 'feedparser', 'lxml', 'httpx', 'textual', 'dateutil'}\n"
        "heavy &= set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
