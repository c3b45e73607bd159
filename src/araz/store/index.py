"""The kit's search index (:mod:`araz.search`, SQLite FTS5) built per partition, kept in the store.

``build_indexes(store)`` builds :func:`araz.search.build_index` on each partition (one in
memory at a time) and saves it as ``STORE/index/<partition>.sqlite``; a partition whose file
exists is skipped (the key is a hash of the partition's content, and the file records the
index's fingerprint). Memory: one partition's index (~250 MB at 3,000 articles), not the
archive's — the whole-corpus index of 100,000 articles needed ~14 GB.

``search(store, query)`` runs the FTS5 query (:func:`araz.search.to_fts`: the kit's query
syntax) on every partition's file and merges the hits, oldest first: an index lookup per
partition instead of a scan of every sentence (see :mod:`araz.store.textsearch`).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

from .layout import Partition, check_root, partitions


def index_file(root: Path, part: Partition) -> Path:
    return root / "index" / f"{part.key}.sqlite"


def build_indexes(store, *, workers: int = 1) -> list[str]:
    """Build the missing per-partition indexes of ``store`` (on ``workers`` local processes);
    return the partition keys built."""
    root = check_root(store)
    todo = [p.key for p in partitions(root) if not index_file(root, p).exists()]
    if workers <= 1 or len(todo) <= 1:
        return [_build_one(str(root), k) for k in todo]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        return list(pool.map(_build_one, [str(root)] * len(todo), todo))


def _build_one(root: str, key: str) -> str:
    import os

    from ..search import build_index
    from .reader import partition_corpus

    root, part = Path(root), Partition(key)
    path = index_file(root, part)
    index = build_index(partition_corpus(root, part), cache=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    dst = sqlite3.connect(tmp)
    index.conn.backup(dst)  # the in-memory index, saved whole
    dst.close()
    index.conn.close()
    os.replace(tmp, path)  # atomically: a killed build leaves no half index under a real name
    return key


def search(store, query: str, *, outlets=None, start=None, end=None, limit: int | None = 100) -> pd.DataFrame:
    """Sentences matching ``query`` (the kit's syntax) through the per-partition indexes:
    ``citation, doc_id, outlet, published, text``, oldest partition first, at most ``limit``.
    ``outlets``, ``start``/``end`` (ISO dates; documents whose possible dates overlap) filter."""
    from ..search import to_fts
    from .layout import StoreError

    root = check_root(getattr(store, "root", None) if not isinstance(store, (str, Path)) else store)
    fts = to_fts(query)
    where, params = ["sentence_fts MATCH ?"], [fts]
    if outlets is not None:
        outlets = [outlets] if isinstance(outlets, str) else list(outlets)
        where.append(f"d.outlet IN ({', '.join('?' * len(outlets))})")
        params += outlets
    if start is not None:
        where.append("d.d1 >= ?")
        params.append(pd.Timestamp(start).date().toordinal())
    if end is not None:
        where.append("d.d0 <= ?")
        params.append(pd.Timestamp(end).date().toordinal())
    sql = ("SELECT s.citation, d.doc_id, d.outlet, d.published, s.text FROM sentence_fts f "
           "JOIN sentence s ON s.id = f.rowid JOIN docs d ON d.id = s.doc WHERE " + " AND ".join(where)
           + " ORDER BY s.id" + (" LIMIT ?" if limit else ""))
    frames, n = [], 0
    for part in partitions(root):
        path = index_file(root, part)
        if not path.exists():
            raise StoreError(f"{path}: no index for this partition; run araz.store.index.build_indexes({str(root)!r})")
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(sql, [*params, limit - n] if limit else params).fetchall()
        finally:
            con.close()
        frames.append(pd.DataFrame(rows, columns=["citation", "doc_id", "outlet", "published", "text"]))
        n += len(rows)
        if limit and n >= limit:
            break
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["citation", "doc_id", "outlet", "published", "text"])


def kwic(store, query: str, window: int = 8, *, limit: int | None = 100, **filters) -> pd.DataFrame:
    """Keyword in context through the per-partition indexes (columns of
    :func:`araz.store.textsearch.kwic`), over the first ``limit`` matching sentences."""
    from .textsearch import kwic_rows

    return kwic_rows(search(store, query, limit=limit, **filters), query, window)


def ready(store) -> bool:
    """True when every partition of ``store`` has its index (the explorer may then search through them)."""
    root = check_root(store)
    return all(index_file(root, p).exists() for p in partitions(root))
