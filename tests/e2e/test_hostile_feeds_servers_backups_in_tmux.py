"""End to end: the entry points the story test leaves out, in a real tmux.

An Atom feed (titles as character references and raw), a server whose error status
carries a payload in its reason phrase, a backup whose tags, note and speaker carry
payloads (imported with `newsreader import`), and a front-matter address that `o`
refuses and shows in a notice. tmux is set up as the README asks (``set-clipboard
on``) with window renaming, so any sequence that reached the terminal would leave a
paste buffer, a pane title or a window name behind.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from reader.export import export_annotations
from reader.model import Annotation, Selector
from reader.sources import load
from tests.e2e.test_escape_injection_in_tmux import UNSAFE, _wait_for_buffers
from tests.e2e.tmux import NEWSREADER, TmuxSession
from tests.payloads import FILLER, PAYLOADS, entity_escaped
from tests.web_server import LocalWebServer, Route

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

P = PAYLOADS
ALL_RAW = "".join(P.values())
TMUX_CONFIG = (
    "set -s set-clipboard on",
    "set -g allow-rename on",
    "set -g set-titles on",
    "set -g automatic-rename off",
)


def _atom_feed(folder: Path) -> None:
    (folder / "tide.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Tide{entity_escaped(P['osc52'])}water{P['bidi']}</title>"
        "<id>urn:tidewater</id><updated>2026-11-28T10:00:00Z</updated>"
        f"<entry><title>Night {entity_escaped(P['osc0'] + P['c1_csi'])}ferry{P['bidi']}</title>"
        '<link href="https://tidewater.example/night"/><id>urn:night</id>'
        "<updated>2026-11-28T10:00:00Z</updated>"
        f"<summary>The night {entity_escaped(P['csi_clear'])}ferry returns in May, the "
        "operator said.</summary></entry></feed>\n",
        encoding="utf-8",
    )


def _story_with_a_refused_address(folder: Path) -> Path:
    path = folder / "harbour.md"
    path.write_text(
        f"---\ntitle: Harbour report\nurl: javascript:PWNED{P['osc52']}{P['osc8']}\n---\n\n"
        f'"We are back on schedule," said harbour master Ana Ruiz.\n\n{FILLER}\n',
        encoding="utf-8",
    )
    return path


def _hostile_backup(story: Path, backup: Path) -> None:
    article = load(story)
    exact = "We are back on schedule"
    start = article.text.index(exact)
    annotation = Annotation(
        id="hostile-1",
        article_id=article.id,
        source=str(story),
        title=f"Harbour {P['osc0']}report",
        created="2026-11-28T10:00:00+00:00",
        updated="2026-11-28T10:00:00+00:00",
        selector=Selector(exact, "", "", start, start + len(exact)),
        tags=[f"ferry{ALL_RAW}"],
        note=f"Check {P['osc52']}this{P['bidi']}",
        speaker=f"Ana {P['screen_title']}Ruiz",
    )
    backup.write_text(export_annotations([annotation], {}, "json"), encoding="utf-8")


def _pane_state(app: TmuxSession) -> tuple[str, str]:
    title = app.tmux("display", "-p", "-t", app.name, "#{pane_title}")
    window = app.tmux("display", "-p", "-t", app.name, "#{window_name}")
    return title, window


def _buffers(app: TmuxSession) -> list[str]:
    names = app.tmux("list-buffers", "-F", "#{buffer_name}").split()
    return [app.tmux("show-buffer", "-b", name) for name in names]


def _wait_for_any(app: TmuxSession, texts: tuple[str, ...], timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout  # generous: a loaded machine, not a slow app
    while time.monotonic() < deadline:
        screen = app.screen()
        if any(text in screen for text in texts):
            return screen
        time.sleep(0.05)
    raise AssertionError(f"none of {texts} appeared:\n{app.screen()}")


def test_feeds_servers_backups_and_refused_addresses_leave_the_terminal_alone(
    tmp_path: Path,
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    _atom_feed(news)
    story = _story_with_a_refused_address(news)
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": "/usr/bin:/bin",
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
        "BROWSER": "true",  # the feed story's own address "opens" into nothing
    }
    backup = tmp_path / "backup.json"
    _hostile_backup(story, backup)
    imported = subprocess.run(
        [NEWSREADER, "import", str(backup)], env=env, capture_output=True, text=True, timeout=60
    )
    assert imported.returncode == 0, imported.stderr
    assert not any(char in imported.stdout + imported.stderr for char in UNSAFE)

    with LocalWebServer() as server:
        server.routes["/down"] = Route(503, reason=f"Down{P['osc2']}{P['osc52']}{P['c1_csi']}")
        app = TmuxSession(
            [NEWSREADER, str(news), server.url("/down")], cwd=tmp_path, env=env, config=TMUX_CONFIG
        )
        try:
            before = _pane_state(app)
            # The server's answer, as a notice or in the library's list of what failed.
            failed = _wait_for_any(app, ("503",))
            app.wait_for(" · 1/2")  # the feed's story and the harbour story are listed
            seen = [failed]
            for copies in range(1, 3):
                app.send("Enter")  # open the highlighted story in the reader
                app.wait_for("n Next quote")  # the reader has the keys
                app.send("o")  # the harbour story's address is refused in a notice
                seen.append(_wait_for_any(app, ("Not opened", "rowser"), timeout=5))
                if "harbour.md" in app.screen().rsplit("\n", 3)[-3]:  # the status line
                    app.send("a")  # the imported annotation: its tag and note in the status
                    seen.append(app.wait_for("✎ #ferry", timeout=10))
                app.send("j", "y")  # focus a sentence, copy it: OSC 52 makes a tmux buffer
                _wait_for_buffers(app, copies)
                seen.append(app.screen())
                app.send("Tab")  # back to the library
                app.wait_for("⏎ Open")
                app.send("j")  # the next story
            seen.append(app.screen())
            app.send("q")
            assert app.exit_status() == 0
            after = _pane_state(app)
            buffers = _buffers(app)
        finally:
            app.close()
    shown = "\n".join(seen)
    assert "answered 503" in shown and "Down" in shown  # the reason phrase was shown, cleaned
    assert "Not opened" in shown  # the refused address was shown, cleaned
    assert "✎ #ferry" in shown  # the imported tag was shown, cleaned
    assert after == before and "PWNED" not in "".join(after)
    assert buffers, "our own copies should have reached tmux through OSC 52"
    for buffer in buffers:
        assert "PWNED-clipboard" not in buffer, buffer
        assert not any(char in buffer for char in UNSAFE if char not in "\t\n"), repr(buffer)
