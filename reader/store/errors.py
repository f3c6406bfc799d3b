"""The one error type the store raises: a human sentence, never a traceback."""

from __future__ import annotations


class StoreError(Exception):
    """The annotation database could not do what was asked; the message says why."""
