"""newsreader: a terminal reader for news that finds who said what."""

__version__ = "0.1.0"
