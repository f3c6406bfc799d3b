"""Annotations on disk: a durable, fast TinyDB-compatible store, and re-anchoring.

``AnnotationStore`` keeps every annotation in a plain TinyDB JSON file plus a
write-ahead journal; ``anchor`` finds a passage again after its story changed.
"""

from reader.store.anchor import accept_rewording, make_selector, reanchor, reanchor_annotation
from reader.store.errors import StoreError
from reader.store.records import SCHEMA_VERSION, annotation_from_record, annotation_to_record
from reader.store.store import AnnotationStore

__all__ = [
    "SCHEMA_VERSION",
    "AnnotationStore",
    "StoreError",
    "accept_rewording",
    "annotation_from_record",
    "annotation_to_record",
    "make_selector",
    "reanchor",
    "reanchor_annotation",
]
