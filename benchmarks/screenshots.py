"""Regenerate screenshots/*.svg by driving the app with Pilot at 120x36 on the samples.

`make screenshots` runs this. Each shot starts a fresh app on the bundled samples with a
throw-away database, so the pictures never show anyone's own annotations. To add a
picture, add a `Shot` whose `prepare` presses the keys a user would.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 36)


@dataclass(slots=True, frozen=True)
class Shot:
    name: str  # file name without .svg
    prepare: Callable[[Pilot], Awaitable[None]]


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def main_screen(pilot: Pilot) -> None:
    await settle(pilot)


async def help_screen(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def command_palette(pilot: Pilot) -> None:
    from textual.command import CommandList

    await settle(pilot)
    await pilot.press("tab", "ctrl+p", *"quote")
    commands = pilot.app.screen.query_one(CommandList)
    for _ in range(200):  # the palette searches in a task of its own
        if commands.option_count:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def keys_for(text: str) -> list[str]:
    """Pilot key names that type ``text``."""
    names = {" ": "space", ",": "comma", "#": "number_sign"}
    return [names.get(char, char) for char in text]


async def open_sample(pilot: Pilot) -> None:
    """Filter the library to the user's sample and open it, as a reader would."""
    await settle(pilot)
    await pilot.press("slash", *keys_for("Moscow"), "enter", "enter")
    await settle(pilot)


async def focused_quote(pilot: Pilot) -> None:
    await open_sample(pilot)
    await pilot.press("n", "n", "n")
    await pilot.pause()


async def legend(pilot: Pilot) -> None:
    await focused_quote(pilot)
    await pilot.press("l")
    await pilot.pause()


async def people(pilot: Pilot) -> None:
    await open_sample(pilot)
    await pilot.press("i")
    await pilot.pause()


async def search(pilot: Pilot) -> None:
    await open_sample(pilot)
    await pilot.press("slash", *keys_for("serious"))
    await pilot.pause()


async def tag_dialog(pilot: Pilot) -> None:
    await focused_quote(pilot)
    await pilot.press("t", *keys_for("ceasefire, russia"), "ctrl+e", *keys_for("check date"))
    await pilot.pause()


async def tag_two_quotes(pilot: Pilot) -> None:
    await focused_quote(pilot)
    await pilot.press("t", *keys_for("diplomacy, russia"), "enter")
    await settle(pilot)
    await pilot.press("n", "n", "t", *keys_for("diplomacy"), "enter")
    await settle(pilot)


async def annotations_panel(pilot: Pilot) -> None:
    await tag_two_quotes(pilot)
    await pilot.press("m")
    await settle(pilot)


async def tags_view(pilot: Pilot) -> None:
    await tag_two_quotes(pilot)
    await pilot.press("number_sign")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


SHOTS: tuple[Shot, ...] = (
    Shot("main", main_screen),
    Shot("help", help_screen),
    Shot("palette", command_palette),
    Shot("quote", focused_quote),
    Shot("legend", legend),
    Shot("people", people),
    Shot("search", search),
    Shot("tag-dialog", tag_dialog),
    Shot("annotations", annotations_panel),
    Shot("tags-view", tags_view),
)


async def take(shot: Shot, samples: Path, out: Path, scratch: Path) -> Path:
    from reader.locations import Locations
    from reader.ui.app import NewsReaderApp

    locations = Locations(
        db=scratch / f"{shot.name}.json",
        cache=scratch / "cache",
        config=scratch / "config",
        samples=samples,
    )
    app = NewsReaderApp([samples], locations=locations)
    async with app.run_test(size=SIZE) as pilot:
        await shot.prepare(pilot)
        return Path(app.save_screenshot(f"{shot.name}.svg", path=str(out)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--samples", type=Path, default=REPO / "sample_articles")
    parser.add_argument("names", nargs="*", help="only these shots (default: all)")
    args = parser.parse_args(argv)
    wanted = [shot for shot in SHOTS if not args.names or shot.name in args.names]
    unknown = set(args.names) - {shot.name for shot in SHOTS}
    if unknown:
        print(f"screenshots: no shot named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsreader-shots-") as scratch:
        for shot in wanted:
            path = asyncio.run(take(shot, args.samples, args.out, Path(scratch)))
            shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
            print(f"{shot.name:<10} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
