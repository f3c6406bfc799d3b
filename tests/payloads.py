"""Escape sequences a hostile story, feed, file name or server would send to the terminal.

Every payload's effect names ``PWNED`` (the clipboard text, the window title, the link
target), so a test can search the terminal's state for that word.
"""

from __future__ import annotations

import base64
from pathlib import Path

CLIPBOARD_TEXT = "PWNED-clipboard"

PAYLOADS: dict[str, str] = {
    # OSC 52: put text on the clipboard (tmux makes a paste buffer of it).
    "osc52": "\x1b]52;c;" + base64.b64encode(CLIPBOARD_TEXT.encode()).decode() + "\x07",
    # OSC 0 and OSC 2: set the window (and pane) title.
    "osc0": "\x1b]0;PWNED-title\x07",
    "osc2": "\x1b]2;PWNED-title\x1b\\",
    # OSC 8: a link whose target differs from its words.
    "osc8": "\x1b]8;;https://evil.example/PWNED\x1b\\click\x1b]8;;\x1b\\",
    # CSI 2J: clear the screen, CSI H: cursor home.
    "csi_clear": "\x1b[2J\x1b[H",
    # The one-byte C1 CSI, and an OSC 0 in its C1 form.
    "c1_csi": "\x9b2J\x9d0;PWNED-c1\x9c",
    # RIGHT-TO-LEFT OVERRIDE: the words after it read backwards.
    "bidi": "\u202eDENWP\u202c",
    # screen/tmux window name.
    "screen_title": "\x1bkPWNED-window\x1b\\",
}

ALL = "".join(PAYLOADS.values())


def entity_escaped(text: str) -> str:
    """``text`` with every control character written as an XML character reference."""
    return "".join(f"&#x{ord(c):x};" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in text)


P = PAYLOADS

# Enough ordinary words that the payloads stay under the share of control characters at
# which a file is refused as binary: the attack that matters is the one that loads.
FILLER = " ".join(
    f"Crossing {n} ran on time, and the crew checked the ramps before it left." for n in range(30)
)


def hostile_folder(folder: Path) -> int:
    """Stories whose every field carries a payload; the number of stories that load."""
    folder.mkdir()
    (folder / "ferry.txt").write_text(
        f"Ferry {P['osc52']}strike{P['osc0']} ends\n\n"
        f"By Jane {P['osc2']}Doe\n\n"
        "July 27, 2021\n\n"
        f"Source: Tide{P['c1_csi']}water {P['osc8']}\n\n"
        f'"We are back{P["bidi"]} on schedule{P["csi_clear"]}," said harbour master '
        f"Ana Ruiz{P['screen_title']}. The first boat left at six.\n\n{FILLER}\n",
        encoding="utf-8",
    )
    (folder / f"{P['osc0']}gulls{P['osc52']}.txt").write_text(
        "Gulls nest on the pier again, the council said on Monday.\n", encoding="utf-8"
    )
    (folder / "front.md").write_text(
        f"---\ntitle: Harbour {P['osc52']}report\nauthor: Lee {P['osc0']}Park\n"
        f"url: https://tidewater.example/{P['osc8']}\n---\n\n"
        f"The harbour {P['csi_clear']}reopened on Tuesday, officials said.\n\n{FILLER}\n",
        encoding="utf-8",
    )
    (folder / "tide.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Tide{entity_escaped(P['osc52'])}water</title>"
        "<link>https://tidewater.example/</link>"
        f"<item><title>Night {entity_escaped(P['osc0'])}ferry{P['bidi']}</title>"
        "<link>https://tidewater.example/night</link>"
        "<description>The night ferry returns in May, the operator said.</description>"
        "</item></channel></rss>\n",
        encoding="utf-8",
    )
    (folder / f"{P['osc2']}broken.txt").write_text("", encoding="utf-8")  # "Story skipped"
    return 4
