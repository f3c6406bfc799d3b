"""Who said what: direct quotes with their speakers, and names. Pure functions over str."""

from reader.analysis.compiled import choose_modules

# Decided before the imports below, which it may redirect to the .py sources.
COMPILED = choose_modules()

from reader.analysis.pipeline import analyze  # noqa: E402
from reader.analysis.quotes import find_quotes  # noqa: E402

__all__ = ["COMPILED", "analyze", "find_quotes"]
