"""Where everything lives in a store folder, and how its files are written.

A store is a folder of Parquet files, one sub-folder per table, Hive-partitioned by year::

    STORE/araz-store.json                        what this folder is (format version)
    STORE/documents/year=2021/part-<hash>.parquet   fields + text (zstd), one row per document
    STORE/paragraphs/year=2021/part-<hash>.parquet  offsets, no text (cut from the document's)
    STORE/sentences/year=2021/part-<hash>.parquet   offsets + text (what search and KWIC scan)
    STORE/annotations/<name>/year=2021/part-<hash>.parquet   one table per annotator

A **partition** is one ``year=YYYY/part-<hash>`` key: the same relative path in every table.
``<hash>`` is a content hash of the partition's documents (their ids and text hashes), so
writing the same articles twice writes the same file names (and the second time nothing).
Files are immutable: a new batch of articles adds new partitions, never rewrites old ones.
Every file is written to a temporary name and renamed, so a process killed mid-write never
leaves a half file under a real name.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ArazError

FORMAT = "araz-store"
VERSION = 1
MARKER = "araz-store.json"
TABLES = ("documents", "paragraphs", "sentences")
COMPRESSION = "zstd"  # text compresses 4-6x; zstd decodes faster than gzip at a similar ratio
META_KEY = b"araz"     # key of the Parquet key-value metadata written by the store


class StoreError(ArazError):
    """A store folder is missing, damaged, or asked for something it cannot give."""


@dataclass(frozen=True)
class Partition:
    """One partition: ``key`` is its path below each table folder, e.g. ``year=2021/part-1a2b``."""

    key: str

    @property
    def year(self) -> int:
        return int(self.key.split("/")[0].split("=")[1])

    def file(self, root: Path, table: str) -> Path:
        return root / table / f"{self.key}.parquet"

    def annotation(self, root: Path, name: str) -> Path:
        return root / "annotations" / name / f"{self.key}.parquet"


def check_root(path, *, create: bool = False) -> Path:
    """The store folder ``path`` (made when ``create``), or a :class:`StoreError` saying what to do."""
    root = Path(path).expanduser()
    marker = root / MARKER
    if marker.exists():
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{marker}: not readable as JSON ({exc}); this store is damaged: rebuild it with "
                             f"'araz store build CORPUS --to {root}' into a new folder") from None
        if info.get("format") != FORMAT or info.get("version") != VERSION:
            raise StoreError(f"{marker}: format {info.get('format')!r} version {info.get('version')!r}, this araz "
                             f"reads {FORMAT!r} version {VERSION}; rebuild the store with 'araz store build'")
        return root
    if not create:
        if not root.exists():
            raise StoreError(f"{root}: no such folder; build a store first with 'araz store build CORPUS --to {root}'")
        raise StoreError(f"{root}: not an araz store (no {MARKER}); build one with "
                         f"'araz store build CORPUS --to {root}', or load a folder of articles with araz.load_corpus")
    if root.exists() and any(root.iterdir()):
        raise StoreError(f"{root}: the folder exists and is not an araz store; choose an empty or new folder "
                         f"for 'araz store build … --to'")
    root.mkdir(parents=True, exist_ok=True)
    write_atomic(marker, json.dumps({"format": FORMAT, "version": VERSION}).encode())
    return root


def partitions(root: Path) -> list[Partition]:
    """Every partition of the store, in key order (the ``documents`` table lists them)."""
    base = root / "documents"
    if not base.exists():
        return []
    keys = sorted(str(p.relative_to(base).with_suffix("")) for p in base.glob("year=*/part-*.parquet"))
    return [Partition(k) for k in keys]


def partition_key(year: int, doc_ids: list[str], sha256s: list[str]) -> str:
    """``year=YYYY/part-<16 hex>``: the hash of the partition's (doc_id, sha256) pairs, sorted."""
    h = hashlib.sha256()
    for d, s in sorted(zip(doc_ids, sha256s)):
        h.update(f"{d}\0{s}\n".encode())
    return f"year={year}/part-{h.hexdigest()[:16]}"


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_table(path: Path, table: pa.Table, meta: dict | None = None) -> None:
    """Write ``table`` to ``path`` (zstd, atomically), with ``meta`` as JSON in the file's metadata."""
    if meta is not None:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), META_KEY: json.dumps(meta).encode()})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(table, tmp, compression=COMPRESSION, row_group_size=64_000)
    os.replace(tmp, path)


def read_meta(path: Path) -> dict | None:
    """The store's metadata of a Parquet file (``None`` if the file is missing or unreadable)."""
    try:
        md = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException):
        return None
    raw = md.get(META_KEY)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def read_table(path: Path, columns: list[str] | None = None) -> pa.Table:
    """One file of the store, without the Hive ``year`` column, or a :class:`StoreError`."""
    try:
        return pq.read_table(path, columns=columns, partitioning=None)
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"{path}: cannot be read ({type(exc).__name__}: {exc}); the store is damaged: delete "
                         f"this partition's files and add its articles again with 'araz store build'") from None


def date_span(root: Path, part: Partition) -> tuple | None:
    """``(earliest published_start, latest published_end)`` of a partition's documents, as
    ``datetime.date``s, from the Parquet footer's column statistics of its ``documents`` file
    (no row is read); ``None`` when the statistics are missing (then nothing may be pruned).

    A document belongs to the partition of its ``published_start``'s year, but a document dated
    by a range may end in a later year: the span, not the year, says which windows it can meet.
    Files are immutable (content-hashed names), so the span is cached per file (path, size, mtime).
    """
    path = part.file(root, "documents")
    try:
        st = path.stat()
    except OSError:
        return None
    return _span(str(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=65_536)
def _span(path: str, size: int, mtime: int) -> tuple | None:
    try:
        md = pq.ParquetFile(path).metadata
    except (OSError, pa.ArrowException):
        return None
    names = md.schema.names
    if "published_start" not in names or "published_end" not in names or md.num_row_groups == 0:
        return None
    i0, i1 = names.index("published_start"), names.index("published_end")
    lo = hi = None
    for g in range(md.num_row_groups):
        s0, s1 = md.row_group(g).column(i0).statistics, md.row_group(g).column(i1).statistics
        if s0 is None or s1 is None or not s0.has_min_max or not s1.has_min_max:
            return None
        lo = s0.min if lo is None else min(lo, s0.min)
        hi = s1.max if hi is None else max(hi, s1.max)
    return lo, hi


def in_window(root: Path, parts: list[Partition], start=None, end=None) -> list[Partition]:
    """The partitions of ``parts`` (order kept) that can hold a document whose possible dates
    overlap ``start``..``end`` (ISO dates or ``None``; the test of :func:`araz.store.queries._filters`:
    ``published_end >= start`` and ``published_start <= end``). A partition is dropped only when
    its :func:`date_span` proves it holds no such document; without statistics, its year bounds
    ``published_start`` alone."""
    if start is None and end is None:
        return list(parts)
    import datetime as dt

    import pandas as pd

    lo = pd.Timestamp(start).date() if start is not None else None
    hi = pd.Timestamp(end).date() if end is not None else None
    keep = []
    for p in parts:
        span = date_span(root, p)
        if span is None:
            if hi is not None and dt.date(p.year, 1, 1) > hi:
                continue
        elif (hi is not None and span[0] > hi) or (lo is not None and span[1] < lo):
            continue
        keep.append(p)
    return keep
