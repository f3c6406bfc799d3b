"""AnnotationStore: what a reader saves is there next time, and the file stays TinyDB."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
import tinydb

from reader.store import AnnotationStore, StoreError, annotation_from_record, annotation_to_record
from reader.store.files import list_journals
from tests.store.helpers import die, make_annotation


def test_record_round_trip_keeps_every_field() -> None:
    annotation = make_annotation(tags=["claim", "check"], note="verify with treasury")
    annotation.colour = "magenta"
    record = annotation_to_record(annotation)
    assert json.loads(json.dumps(record)) == record
    assert annotation_from_record(record) == annotation


def test_bad_record_is_a_clear_store_error() -> None:
    record = annotation_to_record(make_annotation(annotation_id="a1"))
    del record["selector"]["exact"]
    with pytest.raises(StoreError, match=r"\(id a1\), selector: 'exact' must be a non-empty"):
        annotation_from_record(record)


def test_saved_annotations_are_there_after_restart(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    first = make_annotation("story-1", tags=["claim", "budget"], note="check 2027")
    second = make_annotation("story-2", tags=["claim"], start=0, end=12)
    with AnnotationStore(db) as store:
        store.add(first)
        store.add(second)
        store.set_tag_colour("claim", "red")
    with AnnotationStore(db) as store:
        assert store.get(first.id) == first
        assert store.for_article("story-2") == [second]
        assert store.tags() == ["claim", "budget"]
        assert store.tag_colours() == {"claim": "red"}
        assert store.counts_by_article() == {"story-1": 1, "story-2": 1}
        assert store.sources_by_article() == {
            "story-1": "/news/story-1.txt",
            "story-2": "/news/story-2.txt",
        }
        assert store.notice is None and not store.read_only


def test_update_and_remove(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    annotation = make_annotation(tags=["claim"])
    with AnnotationStore(db) as store:
        store.add(annotation)
        annotation.tags = ["quote", "follow-up"]
        annotation.note = "called the office"
        store.update(annotation)
        assert store.tags() == ["follow-up", "quote"]
        kept = make_annotation(tags=["quote"])
        store.add(kept)
    with AnnotationStore(db) as store:
        assert store.get(annotation.id) == annotation
        assert store.tags() == ["quote", "follow-up"]
        assert store.remove(annotation.id) == annotation
        assert store.remove(annotation.id) is None
        assert store.tags() == ["quote"]
    with AnnotationStore(db) as store:
        assert store.all() == [kept]


def test_duplicate_id_and_missing_update_are_refused(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "db.json") as store:
        annotation = make_annotation()
        store.add(annotation)
        with pytest.raises(StoreError, match="already exists"):
            store.add(annotation)
        with pytest.raises(StoreError, match="no annotation"):
            store.update(make_annotation())
        assert len(store) == 1


def test_for_article_is_in_reading_order(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "db.json") as store:
        late = make_annotation(start=120, end=140)
        early = make_annotation(start=0, end=12)
        store.add(late)
        store.add(early)
        assert [a.id for a in store.for_article("story-1")] == [early.id, late.id]


def test_journal_is_replayed_when_the_process_never_closed(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    saved = [make_annotation(f"story-{n}") for n in range(5)]
    for annotation in saved:
        store.add(annotation)
    store.remove(saved[0].id)
    die(store)
    assert list_journals(db)
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {a.id for a in saved[1:]}


def test_close_leaves_plain_tinydb_json(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    annotation = make_annotation(tags=["claim"])
    with AnnotationStore(db) as store:
        store.add(annotation)
        store.set_tag_colour("claim", "red")
    assert not list_journals(db)
    with tinydb.TinyDB(db) as plain:
        records = plain.table("annotations").all()
        assert [annotation_from_record(dict(r)) for r in records] == [annotation]
        assert plain.table("tag_colours").all() == [{"tag": "claim", "colour": "red"}]
        assert plain.table("meta").all()[0]["schema"] == 1


def test_a_plain_tinydb_file_is_opened(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    annotation = make_annotation()
    with tinydb.TinyDB(db) as plain:
        plain.table("annotations").insert(annotation_to_record(annotation))
    with AnnotationStore(db) as store:
        assert store.all() == [annotation]
        store.add(make_annotation())
    with tinydb.TinyDB(db) as plain:
        assert len(plain.table("annotations")) == 2


def test_background_compaction_keeps_every_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.store.durable.COMPACT_AFTER_BYTES", 2_000)
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    saved = [make_annotation(f"story-{n % 7}") for n in range(300)]
    for annotation in saved:
        store.add(annotation)
    die(store)
    assert db.exists(), "the journal was never folded into the JSON file"
    with AnnotationStore(db) as reopened:
        assert {a.id for a in reopened.all()} == {a.id for a in saved}


def test_saves_from_many_threads(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    with AnnotationStore(db) as store:

        def save(n: int) -> None:
            for i in range(25):
                store.add(make_annotation(f"story-{n}", tags=[f"tag{i % 3}"]))

        threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.counts_by_article() == {f"story-{n}": 25 for n in range(4)}
    with AnnotationStore(db) as store:
        assert len(store) == 100


def test_add_many_is_all_or_nothing(tmp_path: Path) -> None:
    with AnnotationStore(tmp_path / "db.json") as store:
        existing = make_annotation()
        store.add(existing)
        with pytest.raises(StoreError):
            store.add_many([make_annotation(), existing])
        assert len(store) == 1
        store.add_many([make_annotation(), make_annotation()])
        assert len(store) == 3


def test_reader_sees_every_save_while_the_writer_compacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only instance opening while the writer replaces the snapshot and deletes
    # journals must still see one consistent history, never lose acknowledged saves.
    monkeypatch.setattr("reader.store.durable.COMPACT_AFTER_BYTES", 3_000)
    db = tmp_path / "annotations.json"
    writer = AnnotationStore(db)
    acknowledged: list[int] = []
    done = threading.Event()

    def keep_saving() -> None:
        for n in range(400):
            writer.add(make_annotation(f"story-{n % 5}", annotation_id=f"a{n}"))
            acknowledged.append(n)
            if n % 50 == 0:
                writer.compact()
        done.set()

    thread = threading.Thread(target=keep_saving)
    thread.start()
    opened = 0
    while not done.is_set() or opened == 0:
        before = len(acknowledged)
        with AnnotationStore(db, read_only=True) as reader:
            seen = {annotation.id for annotation in reader.all()}
        assert {f"a{n}" for n in acknowledged[:before]} <= seen
        opened += 1
    thread.join()
    writer.close()
    assert opened > 1


def test_text_with_lone_surrogates_and_any_script_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    annotation = make_annotation(tags=["‘quote’", "Zitat", "اقتباس"], note="bad byte: \udcff")
    annotation.selector.exact = "“We will not,” \ud800 she said — 世界"
    with AnnotationStore(db) as store:
        store.add(annotation)
    with AnnotationStore(db) as store:
        assert store.get(annotation.id) == annotation
    with tinydb.TinyDB(db) as plain:
        assert plain.table("annotations").all()[0]["note"] == "bad byte: \udcff"


def test_unreadable_records_are_reported_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    good = make_annotation()
    broken = annotation_to_record(make_annotation(annotation_id="broken"))
    del broken["selector"]
    with tinydb.TinyDB(db) as plain:
        plain.table("annotations").insert_multiple([annotation_to_record(good), broken])
        plain.table("annotations").insert({"note": "no id at all"})
    with AnnotationStore(db) as store:
        assert store.all() == [good]
        assert store.counts_by_article() == {"story-1": 1}
        assert store.notice is not None and "2 annotation record(s)" in store.notice
        store.add(make_annotation())
    with tinydb.TinyDB(db) as plain:
        assert len(plain.table("annotations")) == 4, "a record the store could not read was lost"
