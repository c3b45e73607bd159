"""Archives beyond one machine: a partitioned Parquet store, annotation as a map over
partitions (in-process, local processes or Dask), aggregation in DuckDB.

* :mod:`araz.store.layout` — where files live, how they are written (atomically);
* :mod:`araz.store.building` — ``build(folder, store)``, ``add_documents(store, docs)``: incremental;
* :mod:`araz.store.reader` — ``open_store(store)``: the :class:`araz.Corpus` API, lazily;
* :mod:`araz.store.annotation` — ``annotate(store, workers=…, scheduler=…)``;
* :mod:`araz.store.rollup` — roll-ups per document and per month x outlet, so charts read far fewer rows;
* :mod:`araz.store.queries` — DuckDB aggregates: tone over time, counts, co-mentions;
* :mod:`araz.store.index` — the kit's FTS5 search index, built per partition;
* :mod:`araz.store.textsearch` — KWIC and full-text search over the sentences in DuckDB;
* :mod:`araz.store.cli` — ``araz store build|annotate|info``.

See ``docs/archives.md`` for when to switch from a folder to a store.
"""
from __future__ import annotations

import importlib

_NAMES = {
    "build": "building", "add_documents": "building", "BuildReport": "building",
    "open_store": "reader", "StoreCorpus": "reader",
    "annotate": "annotation", "AnnotateReport": "annotation", "ANNOTATIONS": "annotation", "read_annotation": "annotation",
    "StoreError": "layout", "Partition": "layout",
    "register": "cli",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
    raise AttributeError(f"module 'araz.store' has no attribute '{name}'")
