"""Imported by the server that forks worker processes: the analysis, warmed up once.

A worker process forked from that server starts with the analysis's word lists already
loaded and shares their memory with its siblings, instead of each worker loading its
own copy before its first document.
"""

from __future__ import annotations

from reader.analysis import analyze

analyze('"We will rebuild the bridge," Mayor Ana Ruiz said in Tarrow on Monday.')
