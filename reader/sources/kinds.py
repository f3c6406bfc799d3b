"""What a name on the command line is: a web address, a feed, or a story in which format.

Standard library only and nothing compiled at import: the command line asks before the
app starts, and the library's loader picks the one format module a file needs from here
(issue #18: a launch with a .txt story imports neither the HTML nor the web code).
"""

from __future__ import annotations

FEED_EXTENSIONS = (".rss", ".atom", ".xml", ".rdf")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
PLAINTEXT_EXTENSIONS = (".txt", ".text")
STORY_EXTENSIONS = PLAINTEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS
"""One-story files picked up inside folders; a file named explicitly opens whatever its name."""


def is_url(value: object) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))
