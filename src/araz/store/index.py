"""The kit's search index (:mod:`araz.search`, SQLite FTS5) built per partition, kept in the store.

``build_indexes(store)`` builds :func:`araz.search.build_index` on each partition (one in
memory at a time) and saves it as ``STORE/index/<partition>.sqlite``; a partition whose file
exists is skipped (the key is a hash of the partition's content, and the file records the
index's fingerprint). Memory: one partition's index (~250 MB at 3,000 articles), not the
archive's — the whole-corpus index of 100,000 articles needed ~14 GB.

``search(store, query)`` runs the FTS5 query (:func:`araz.search.to_fts`: the kit's query
syntax) on the partitions' files and merges the hits, year by year: an index lookup per
partition instead of a scan of every sentence (see :mod:`araz.store.textsearch`). A date
window or outlet filter prunes the partitions opened and stops early (see :func:`search`).
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


def _open(path: Path) -> sqlite3.Connection:
    """One partition's index, read-only (every search opens partitions through here)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def search(store, query: str, *, outlets=None, start=None, end=None, limit: int | None = 100) -> pd.DataFrame:
    """Sentences matching ``query`` (the kit's syntax) through the per-partition indexes:
    ``citation, doc_id, outlet, published, text``, at most ``limit``, in partition-key order
    (``year=YYYY/…``: year by year), then by sentence id within a partition (document order).
    ``outlets``, ``start``/``end`` (ISO dates; documents whose possible dates overlap) filter.

    **Pruning** (why a filtered search at 10^6 articles opens a few files, not 350):

    * a date window keeps only the partitions whose documents' date span (the Parquet footer's
      min ``published_start`` / max ``published_end``, :func:`araz.store.layout.in_window`) meets
      it — a document dated by a range that runs into a later year is still found;
    * outlet and date filters go into each partition's SQL; a partition with no document passing
      them is left after one indexed lookup on its ``docs`` table, before any full-text match;
    * the matches are read in FTS5 rowid order (``ORDER BY f.rowid``: the FTS5 table gives that
      order itself, no sort), so SQLite stops after ``limit`` rows pass the filters instead of
      reading, filtering and sorting every match of the partition, and the loop stops at the first
      partition that fills ``limit``.

    **Order is unchanged** by pruning: a pruned partition could contribute no row, and ``f.rowid``
    is ``s.id`` (the sentence table is the FTS5 table's content), so every kept partition
    returns the same rows in the same order as the unpruned ``ORDER BY s.id``.
    """
    from ..search import to_fts
    from .layout import StoreError, in_window

    root = check_root(getattr(store, "root", None) if not isinstance(store, (str, Path)) else store)
    fts = to_fts(query)
    where, params = [], []
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
    filt = "".join(f" AND {w}" for w in where)
    sql = ("SELECT s.citation, d.doc_id, d.outlet, d.published, s.text FROM sentence_fts f "
           "JOIN sentence s ON s.id = f.rowid JOIN docs d ON d.id = s.doc WHERE sentence_fts MATCH ?" + filt
           + " ORDER BY f.rowid" + (" LIMIT ?" if limit else ""))
    any_doc = f"SELECT EXISTS (SELECT 1 FROM docs d WHERE TRUE{filt})"
    every = partitions(root)
    for part in every:
        path = index_file(root, part)
        if not path.exists():
            raise StoreError(f"{path}: no index for this partition; run araz.store.index.build_indexes({str(root)!r})")
    columns = ["citation", "doc_id", "outlet", "published", "text"]
    frames, n = [], 0
    for part in in_window(root, every, start, end):
        con = _open(index_file(root, part))
        try:
            if where and not con.execute(any_doc, params).fetchone()[0]:
                continue
            rows = con.execute(sql, [fts, *params, limit - n] if limit else [fts, *params]).fetchall()
        finally:
            con.close()
        frames.append(pd.DataFrame(rows, columns=columns))
        n += len(rows)
        if limit and n >= limit:
            break
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def kwic(store, query: str, window: int = 8, *, limit: int | None = 100, **filters) -> pd.DataFrame:
    """Keyword in context through the per-partition indexes (columns of
    :func:`araz.store.textsearch.kwic`), over the first ``limit`` matching sentences."""
    from .textsearch import kwic_rows

    return kwic_rows(search(store, query, limit=limit, **filters), query, window)


def ready(store) -> bool:
    """True when every partition of ``store`` has its index (the explorer may then search through them)."""
    done, total = coverage(store)
    return done == total


def coverage(store) -> tuple[int, int]:
    """``(partitions with an index, partitions)`` of ``store`` (articles added after a build
    have none until :func:`build_indexes` runs again; it builds only those)."""
    root = check_root(store)
    parts = partitions(root)
    return sum(index_file(root, p).exists() for p in parts), len(parts)
