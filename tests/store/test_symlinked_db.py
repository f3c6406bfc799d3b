"""A database path that is a symlink: every save goes through the link to the file it names."""

from __future__ import annotations

from pathlib import Path

import tinydb

from reader.store import AnnotationStore
from tests.store.helpers import make_annotation


def saved_ids(path: Path) -> list[str]:
    with tinydb.TinyDB(path) as plain:
        return sorted(record["id"] for record in plain.table("annotations").all())


def test_saves_reach_the_file_the_link_names_and_the_link_stays(tmp_path: Path) -> None:
    target = tmp_path / "synced" / "annotations.json"
    target.parent.mkdir()
    link = tmp_path / "annotations.json"
    link.symlink_to(target)  # the target does not exist yet: it is created through the link
    first, second = make_annotation(annotation_id="a1"), make_annotation(annotation_id="a2")
    with AnnotationStore(link) as store:
        store.add(first)
    # Closing folded the journal into the file with an atomic replace: of the target.
    assert link.is_symlink() and link.resolve() == target
    assert saved_ids(target) == ["a1"]
    with AnnotationStore(link) as store:
        store.add(second)
    assert link.is_symlink() and saved_ids(target) == ["a1", "a2"]
    with AnnotationStore(target, read_only=True) as direct:
        assert sorted(a.id for a in direct.all()) == ["a1", "a2"]
    # Journals and the lock live beside the real file, not beside the link.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.json", "synced"]


def test_the_link_and_the_file_are_one_database_with_one_writer(tmp_path: Path) -> None:
    target = tmp_path / "annotations.json"
    link = tmp_path / "elsewhere.json"
    link.symlink_to(target)
    with AnnotationStore(target) as writer:
        assert not writer.read_only
        with AnnotationStore(link) as second:
            assert second.read_only  # the same file, so the same lock
