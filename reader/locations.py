"""Where newsreader keeps its files; every path can be overridden by a flag or variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "newsreader"
DB_ENV = "NEWSREADER_DB"
CACHE_ENV = "NEWSREADER_CACHE"
CONFIG_ENV = "NEWSREADER_CONFIG"


def _user_dir(kind: str) -> Path:
    # platformdirs is imported here, not at module level, to keep start-up light.
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def bundled_samples() -> Path:
    """The sample stories shipped inside the package (a symlink in a checkout)."""
    return Path(__file__).resolve().parent / "sample_articles"


@dataclass(slots=True, frozen=True)
class Locations:
    db: Path
    cache: Path
    config: Path
    samples: Path

    @classmethod
    def resolve(cls, db: str | None = None, cache: str | None = None) -> Locations:
        """Flag first, then environment variable, then the platform's user dirs."""
        db_path = db or os.environ.get(DB_ENV) or str(_user_dir("data") / "annotations.json")
        cache_path = cache or os.environ.get(CACHE_ENV) or str(_user_dir("cache"))
        return cls(
            db=Path(db_path).expanduser(),
            cache=Path(cache_path).expanduser(),
            config=Path(os.environ.get(CONFIG_ENV) or _user_dir("config")).expanduser(),
            samples=bundled_samples(),
        )
