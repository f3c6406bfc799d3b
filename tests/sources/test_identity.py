"""A story's id: the same text at the same place always gets the same one, and a huge
text is hashed without holding the UI (the reading thread encodes it a piece at a time)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.digest import blake2b
from reader.sources import identity
from reader.sources.identity import article_id


def _whole(text: str, location: str | None) -> str:
    digest = blake2b(digest_size=8)
    digest.update(text.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update((location or "").encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=40), st.sampled_from([None, "/a/b.txt"]))
def test_the_id_is_the_digest_of_the_whole_text_whatever_the_pieces(
    text: str, location: str | None
) -> None:
    for size in (1, 2, 3, 7):  # pieces cut inside words, pairs and surrogates alike
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(identity, "ENCODED_AT_ONCE", size)
            assert article_id(text, location) == _whole(text, location)
    assert article_id(text, location) == _whole(text, location)


def test_a_huge_text_is_encoded_a_piece_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """One call into C holds the interpreter lock until it returns: a 49 MB story encoded
    at once held the keys pressed while its opening was shown for ~65 ms."""
    fed: list[int] = []

    class Noted:
        def __init__(self, **options: Any) -> None:
            self.digest = blake2b(**options)

        def update(self, data: bytes) -> None:
            fed.append(len(data))
            self.digest.update(data)

        def hexdigest(self) -> str:
            return self.digest.hexdigest()

    monkeypatch.setattr(identity, "blake2b", Noted)
    text = "Paragraph é opens.\n\n" * 300_000  # 6 MB
    assert article_id(text, None) == _whole(text, None)
    assert max(fed) <= 2 * identity.ENCODED_AT_ONCE < len(text)
