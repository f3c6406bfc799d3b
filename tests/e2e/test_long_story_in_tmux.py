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
    count = 14_000  # ~2.5 MB: read in two steps (reader.sources.opening)
    story, env = _long_story(tmp_path, count)
    session = TmuxSession([NEWSREADER, str(story)], cwd=tmp_path, env=env)
    try:
        session.wait_for("Paragraph 0 opens")
        session.send("G")
        # Held while the rest is read, then acted on the whole story (not the opening's end).
        session.wait_for(f"Paragraph {count - 1} opens", timeout=60)
        # The whole story's last (the status line may follow the text by a frame).
        session.wait_for(f"of paragraph {count}/{count}", timeout=10)
    finally:
        session.close()


def _long_story(tmp_path: Path, count: int) -> tuple[Path, dict[str, str]]:
    story = tmp_path / "long.txt"
    story.write_text(
        "A Long Story\n\n" + "".join(PARAGRAPH.format(n=n) for n in range(count)), "utf-8"
    )
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NEWSREADER_DB": str(tmp_path / "annotations.json"),
    }
    return story, env


def test_j_on_a_long_story_s_first_screen_moves_and_the_whole_story_keeps_it(
    tmp_path: Path,
) -> None:
    count = 14_000
    story, env = _long_story(tmp_path, count)
    session = TmuxSession([NEWSREADER, str(story)], cwd=tmp_path, env=env)
    try:
        session.wait_for("Paragraph 0 opens")
        session.send("j", "j")
        # The second sentence of the first paragraph, on the opening or on the whole story.
        session.wait_for("Sentence 2/")
        screen = session.wait_for(f"of paragraph 1/{count}", timeout=60)
        assert "Sentence 2/" in screen
    finally:
        session.close()


def test_i_at_the_end_of_a_long_story_keeps_its_last_paragraph_on_screen(tmp_path: Path) -> None:
    count = 14_000
    story, env = _long_story(tmp_path, count)
    session = TmuxSession([NEWSREADER, str(story)], cwd=tmp_path, env=env)
    try:
        session.wait_for("Paragraph 0 opens")
        session.send("G")
        session.wait_for(f"of paragraph {count}/{count}", timeout=60)
        session.send("i")  # the people panel takes columns: the text is wrapped anew
        screen = session.wait_for("People · ", timeout=30)  # the panel's title
        assert f"Paragraph {count - 1} opens" in screen
        assert f"of paragraph {count}/{count}" in screen
    finally:
        session.close()
