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


def test_a_text_story_loads_without_the_html_markdown_and_web_code() -> None:
    """`newsreader story.txt` reads its story with the plain-text loader alone (#18)."""
    code = (
        "import sys\n"
        "from reader.sources import load_all\n"
        "from reader.locations import bundled_samples\n"
        "story = bundled_samples() / 'moscow-us-strategic-stability.txt'\n"
        "articles, errors = load_all([story])\n"
        "print(articles[0].title, errors)\n"
        "print(sorted(m for m in sys.modules if m.startswith('reader.sources.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    title, loaded = result.stdout.strip().splitlines()
    assert title == "Moscow Hopes U.S. 'Serious' in Seeking Dialogue in New Talks []"
    for unused in ("html", "html_text", "markdown", "web", "deadline", "content_coding"):
        assert f"'reader.sources.{unused}'" not in loaded, unused
    assert "'reader.sources.plaintext'" in loaded


def test_the_html_markdown_and_web_code_still_load_when_a_story_needs_them(tmp_path) -> None:
    from reader.sources import load, load_url

    page = tmp_path / "page.html"
    page.write_text("<html><title>A page</title><p>Its first paragraph.</p></html>")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nA paragraph of notes.\n")
    assert load(page).title == "A page"
    assert load(notes).title == "Notes"
    assert callable(load_url) and load_url.__module__ == "reader.sources.web"


def test_a_story_dated_in_the_first_form_compiles_no_other_date_pattern() -> None:
    """The date forms are compiled when first tried (~10 ms of start-up for all four): the
    sample's "July 27,2021" is read by the first, and its other header lines, which hold
    no year, try none (#18)."""
    code = (
        "import re\n"
        "from reader.sources import load_all\n"
        "from reader.sources import dates\n"
        "from reader.locations import bundled_samples\n"
        "story = bundled_samples() / 'moscow-us-strategic-stability.txt'\n"
        "compiled = []\n"
        "real = re.compile\n"
        "re.compile = lambda pattern, flags=0: compiled.append(pattern) or real(pattern, flags)\n"
        "articles, errors = load_all([story])\n"
        "forms = [p for p, _ in dates._FORM_PATTERNS]\n"
        "print(articles[0].published, [forms.index(p) for p in compiled if p in forms])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "2021-07-27 [0]"


def test_every_date_form_still_reads_its_lines() -> None:
    from reader.sources.dates import parse_date_line

    assert parse_date_line("27th of July, 2021") is not None
    assert parse_date_line("2021-07-27T09:30:00+02:00") is not None
    assert parse_date_line("27.07.2021") is not None
    assert parse_date_line("By Maria Lopez") is None
    assert parse_date_line("2021-07-27T09:30:00+25:00").iso is None  # type: ignore[union-attr]
