"""Who said what: direct quotes with their speakers, and names. Pure functions over str."""

from reader import COMPILED
from reader.analysis.pipeline import analyze
from reader.analysis.quotes import find_quotes

__all__ = ["COMPILED", "analyze", "find_quotes"]
