"""``araz.open_store(STORE)``: a store read lazily, behind the :class:`araz.Corpus` API.

Nothing is read when the store is opened but the list of partitions. ``documents`` (the
fields, not the texts), ``sentences`` and ``paragraphs`` are read on first use, whole —
so a notebook or the explorer that takes a corpus takes a store too, as long as the store
fits in memory. For archives that do not, use the store's own tools instead, which never
hold more than a partition: :meth:`StoreCorpus.partition` (one partition as a real
:class:`araz.Corpus`), :meth:`StoreCorpus.iter_partitions`, :func:`araz.store.annotate`
and the DuckDB queries of :mod:`araz.store.queries`.

The tables equal those of ``araz.load_corpus`` on the folder the store was built from:
same rows, same order (by date, then ``doc_id``), same columns and types.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cached_property
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from ..corpus import DOCUMENT_COLUMNS, Corpus, Document
from .building import DOC_FIELDS
from .layout import Partition, StoreError, check_root, partitions, read_table


def _documents_frame(t: pa.Table) -> pd.DataFrame:
    d = t.select(DOCUMENT_COLUMNS).to_pandas()
    for col in ("published_start", "published_end"):
        d[col] = pd.to_datetime(d[col]).astype("datetime64[s]")
    return d


def _document_objects(t: pa.Table) -> list[Document]:
    cols = {n: t.column(n).to_pylist() for n in DOC_FIELDS if n != "extra"}
    cols["extra"] = [json.loads(x) if x else {} for x in t.column("extra").to_pylist()]
    for n in ("published_start", "published_end"):
        cols[n] = [x if isinstance(x, dt.date) else dt.date.fromisoformat(str(x)) for x in cols[n]]
    docs = []
    for values in zip(*(cols[n] for n in DOC_FIELDS)):
        d = object.__new__(Document)  # frozen: fields set as its generated __init__ would
        d.__dict__.update(zip(DOC_FIELDS, values))
        docs.append(d)
    return docs


def _paragraph_texts(paragraphs: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    cut = [texts[d][a:b] for d, a, b in zip(paragraphs["doc_id"].tolist(), paragraphs["start"].tolist(),
                                           paragraphs["end"].tolist())]
    paragraphs.insert(paragraphs.columns.get_loc("end") + 1, "text", pd.array(cut, dtype=paragraphs["citation"].dtype))
    return paragraphs


def _in_order(frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows of ``frame`` in document order (``order``), each document's rows as they were."""
    key = frame["doc_id"].map(order).to_numpy()
    return frame.iloc[np.argsort(key, kind="stable")].reset_index(drop=True)


def partition_corpus(root: Path, part: Partition) -> Corpus:
    """One partition as a real :class:`araz.Corpus` (its tables as stored, nothing re-split)."""
    t = read_table(part.file(root, "documents"))
    docs = _document_objects(t)
    documents = _documents_frame(t)
    texts = {d.doc_id: d.text for d in docs}
    paragraphs = _paragraph_texts(read_table(part.file(root, "paragraphs")).to_pandas(), texts)
    sentences = read_table(part.file(root, "sentences")).to_pandas()
    h = hashlib.sha256(f"araz-store partition {part.key}".encode()).hexdigest()
    # Corpus._from_tables: the kit's own constructor for tables built before (no re-splitting)
    return Corpus._from_tables(docs, documents, paragraphs, sentences, h, root=None, shipped=False, warnings=[])


class StoreCorpus(Corpus):
    """A store, with the :class:`araz.Corpus` API; its tables are read on first use.

    >>> import araz                       # doctest: +SKIP
    >>> corpus = araz.open_store("archive.store")
    >>> corpus.sentences.head()           # read now, whole
    >>> for part in corpus.iter_partitions():   # one partition at a time
    ...     ...
    """

    def __init__(self, path):
        root = check_root(path)
        self._init_blank(root)

    def _init_blank(self, root: Path) -> None:
        self.root = root.resolve()
        self.is_shipped = False
        self.warnings = []
        self.cache = {}
        self._persist = False

    # ---- partitions: bounded memory ---------------------------------------------------
    @property
    def partitions(self) -> list[Partition]:
        """The store's partitions now (read from the folder each time: a build may add some)."""
        return partitions(self.root)

    def partition(self, part: Partition | str) -> Corpus:
        """One partition as an :class:`araz.Corpus` (``part``: a :class:`Partition` or its key)."""
        part = part if isinstance(part, Partition) else Partition(str(part))
        if not part.file(self.root, "documents").exists():
            raise StoreError(f"{self.root}: no partition {part.key!r}; see corpus.partitions for the keys")
        return partition_corpus(self.root, part)

    def iter_partitions(self) -> Iterator[Corpus]:
        """Each partition as an :class:`araz.Corpus`, one after the other (one in memory at a time)."""
        for p in self.partitions:
            yield partition_corpus(self.root, p)

    # ---- the Corpus tables, read whole on first use ------------------------------------
    def _read_all(self, table: str, columns=None) -> list[pa.Table]:
        parts = self.partitions
        return [read_table(p.file(self.root, table), columns) for p in parts]

    @cached_property
    def documents(self) -> pd.DataFrame:
        tables = self._read_all("documents", DOCUMENT_COLUMNS)
        if not tables:
            return pd.DataFrame(columns=DOCUMENT_COLUMNS)
        d = _documents_frame(pa.concat_tables(tables))
        return d.sort_values(["published_start", "doc_id"], kind="stable", ignore_index=True)

    @cached_property
    def _order(self) -> dict[str, int]:
        return {d: i for i, d in enumerate(self.documents["doc_id"].tolist())}

    @cached_property
    def _docs(self) -> dict[str, Document]:
        docs = [d for t in self._read_all("documents") for d in _document_objects(t)]
        docs.sort(key=lambda d: self._order[d.doc_id])
        return {d.doc_id: d for d in docs}

    @cached_property
    def sentences(self) -> pd.DataFrame:
        tables = self._read_all("sentences")
        if not tables:
            return pd.DataFrame(columns=["doc_id", "paragraph", "sentence", "start", "end", "text", "citation"])
        return _in_order(pa.concat_tables(tables).to_pandas(), self._order)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        tables = self._read_all("paragraphs")
        if not tables:
            return pd.DataFrame(columns=["doc_id", "paragraph", "start", "end", "text", "is_heading", "citation"])
        frame = _in_order(pa.concat_tables(tables).to_pandas(), self._order)
        return _paragraph_texts(frame, {d: doc.text for d, doc in self._docs.items()})

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the partition keys (each a hash of its documents' ids and texts)."""
        h = hashlib.sha256(b"araz-store")
        for p in self.partitions:
            h.update(p.key.encode() + b"\n")
        return h.hexdigest()

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        return f"<StoreCorpus {len(self.partitions)} partitions ({self.root})>"

    def to_corpus(self) -> Corpus:
        """The whole store as an in-memory :class:`araz.Corpus` (for a store that fits in memory)."""
        return Corpus._from_tables(list(self._docs.values()), self.documents, self.paragraphs, self.sentences,
                                   self.fingerprint, root=self.root, shipped=False, warnings=[])


def open_store(path) -> StoreCorpus:
    """Open the store at ``path`` lazily; a :class:`StoreError` names the path and what to do if it is not one."""
    return StoreCorpus(path)
