"""`newsreader feeds`: the subscriptions kept in the config dir (add, list, remove, OPML)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.locations import Locations
from reader.safe_text import clean_line, visible

if TYPE_CHECKING:
    from reader.sources.subscriptions import Subscription

EXIT_USAGE = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "feeds",
        help="subscriptions: add, list, remove, import OPML, export OPML",
        description=(
            "Keep the sources newsreader follows in a plain file in the config dir "
            "(see `newsreader --where`): one source a line, then optional tags."
        ),
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="subscribe to feeds or page addresses, files, folders")
    add.add_argument("sources", nargs="+", metavar="SOURCE")
    add.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="tag each (repeatable)"
    )
    actions.add_parser("list", help="print the subscriptions, one source a line")
    remove = actions.add_parser("remove", help="unsubscribe from a source")
    remove.add_argument("source", metavar="SOURCE")
    opml_in = actions.add_parser("import", help="subscribe to every feed in an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml")
    actions.add_parser("export", help="write the subscriptions as OPML 2.0 on standard output")


def _fail(message: str) -> int:
    print(f"newsreader: {clean_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def _count(number: int, word: str) -> str:
    return f"{number} {word if number == 1 else word + 's'}"


def _say_last_errors(subscriptions: list[Subscription]) -> None:
    """On stderr (stdout stays one source a line for scripts): each source whose last
    fetch failed, with why and when, so a stale source is explained."""
    import time

    from reader.cache.items_cache import load_fetch_error

    cache_dir = Locations.resolve().cache
    sys.stdout.flush()
    for subscription in subscriptions:
        failed = load_fetch_error(cache_dir, subscription.source)
        if failed is not None:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(failed.at))
            print(f"newsreader: {clean_line(failed.error)} (last fetch, {when})", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from reader.sources.opml import OpmlError, read_opml, to_opml
    from reader.sources.subscriptions import (
        Subscription,
        SubscriptionError,
        SubscriptionsFile,
        normalise_source,
    )

    store = SubscriptionsFile(Locations.resolve().config)
    try:
        if args.action == "list":
            subscriptions = store.read()
            for subscription in subscriptions:
                print(visible(subscription.source))
            _say_last_errors(subscriptions)
        elif args.action == "export":
            sys.stdout.write(to_opml(store.read()))
        elif args.action == "remove":
            removed = store.remove(args.source)
            print(f"removed {visible(removed.source)}")
        elif args.action == "add":
            tags = tuple(dict.fromkeys(t for t in map(clean_line, args.tag) if t))
            wanted = [
                Subscription(source=normalise_source(source), tags=tags) for source in args.sources
            ]
            added, known = store.add(wanted)
            for subscription in added:
                print(f"added {visible(subscription.source)}")
            if known:
                print(f"{_count(known, 'source')} already subscribed")
        else:  # import
            try:
                imported = read_opml(Path(args.file))
            except OpmlError as error:
                return _fail(f"{visible(args.file)}: {error}")
            added, known = store.add(imported.subscriptions)
            parts = [f"imported {_count(len(added), 'feed')}"]
            if known:
                parts.append(f"{known} already subscribed")
            if imported.skipped:
                parts.append(f"{imported.skipped} skipped (not a web or file address)")
            print(", ".join(parts))
    except SubscriptionError as error:
        return _fail(str(error))
    except BrokenPipeError:  # `feeds list | head`
        return 0
    return 0
