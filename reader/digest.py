"""blake2b, the one hash of our ids and caches, without the cost of importing hashlib.

``hashlib`` loads OpenSSL's library on import (~3 ms of CPU, more in page faults) to
offer algorithms we never use; its ``blake2b`` is the one in ``_blake2``, which
CPython builds in. Start-up hashes the first story's id and reads the analysis cache
before the first frame, so that cost was paid on every launch.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib has a blake2b of its own
    from hashlib import blake2b

__all__ = ["blake2b"]
