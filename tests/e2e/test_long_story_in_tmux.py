"""End to end: a long story file opens at its first screen while the rest is read, and
`G` pressed on that first screen goes to the end of the whole story (issue #18)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.e2e.tmux import NEWSREADER, TmuxSession

PARAGRAPH = (
    "Paragraph {n} opens here. The council met on Tuesday to review the figures, and "
    'members spoke about the schools. "We will publish everything," said Ann Lee, the '
    "chair.\n\n"
)


def test_g_on_a_long_story_s_first_screen_reaches_its_last_paragraph(tmp_path: Path) -> None:
    story = tmp_path / "long.txt"
    count = 14_000  # ~2.5 MB: read in two steps (reader.sources.opening)
    story.write_text(
        "A Long Story\n\n" + "".join(PARAGRAPH.format(n=n) for n in range(count)), "utf-8"
    )
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    session = TmuxSession([NEWSREADER, str(story)], cwd=tmp_path, env=env)
    try:
        session.wait_for("Paragraph 0 opens")
        session.send("G")
        # Held while the rest is read, then acted on the whole story (not the opening's end).
        screen = session.wait_for(f"Paragraph {count - 1} opens", timeout=60)
        assert f"of paragraph {count}/{count}" in screen  # the whole story's last
    finally:
        session.close()
