"""Building a store, and adding articles to it: a chunk of documents at a time.

``build(folder, store)`` reads a corpus folder ``chunk`` files at a time (checked exactly
as :func:`araz.load_corpus` checks them), splits each chunk into paragraphs and sentences
with the kit's own :class:`araz.Corpus` (the same splitting, so the store's tables equal
``load_corpus``'s), and writes one partition per (year, up to ``max_docs`` documents).
Memory is bounded by the chunk, not by the folder.

**Incremental.** Articles whose ``doc_id`` is already in the store with the same text hash
are skipped; everything new goes into *new* partitions — old files are never rewritten, so
annotations already written for them stay valid. A ``doc_id`` already in the store with a
*different* text is an error naming the file (give it a new id, or build a new store).

:func:`add_documents` does the same for :class:`araz.Document` objects made in Python
(the scale benchmark generates its synthetic articles straight into a store this way).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.dataset as ds

from ..corpus import Corpus, Document
from .layout import Partition, StoreError, check_root, partition_key, partitions, write_table

CHUNK = 20_000     # articles read and split at once: the build peaks at ~0.9 GiB (measured at 10^6)
MAX_DOCS = 5_000   # documents per partition: one annotation task (~150,000 sentences, < 1 GiB)
DOC_FIELDS = [f.name for f in fields(Document)]


@dataclass(frozen=True)
class BuildReport:
    """What a build or an add did: partitions written, documents added, skipped as unchanged."""

    store: Path
    written: tuple[str, ...]
    added: int
    unchanged: int


def existing_documents(root: Path) -> dict[str, str]:
    """``{doc_id: sha256}`` of every document in the store (two columns read, not the texts)."""
    base = root / "documents"
    if not base.exists() or not partitions(root):
        return {}
    t = ds.dataset(base, format="parquet", partitioning="hive").to_table(columns=["doc_id", "sha256"])
    return dict(zip(t.column("doc_id").to_pylist(), t.column("sha256").to_pylist()))


def _tables(docs: list[Document]) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The three tables of one partition: split by :class:`araz.Corpus`, as ``load_corpus`` does."""
    corpus = Corpus(docs, progress=False)
    d = corpus.documents.copy()
    d["published_start"] = [x.published_start for x in docs]  # plain dates: Parquet date32
    d["published_end"] = [x.published_end for x in docs]
    d["text"] = [x.text for x in docs]
    d["extra"] = [json.dumps(x.extra, sort_keys=True, default=str) if x.extra else "" for x in docs]
    paragraphs = corpus.paragraphs.drop(columns="text")  # cut again from the document's text on reading
    return (pa.Table.from_pandas(d, preserve_index=False), pa.Table.from_pandas(paragraphs, preserve_index=False),
            pa.Table.from_pandas(corpus.sentences, preserve_index=False))


def _write_partitions(root: Path, docs: list[Document], max_docs: int) -> list[str]:
    docs = sorted(docs, key=lambda d: (d.published_start, d.doc_id))
    by_year: dict[int, list[Document]] = {}
    for d in docs:
        by_year.setdefault(d.published_start.year, []).append(d)
    written = []
    for year, group in sorted(by_year.items()):
        for i in range(0, len(group), max_docs):
            part = group[i:i + max_docs]
            p = Partition(partition_key(year, [d.doc_id for d in part], [d.sha256 for d in part]))
            if p.file(root, "documents").exists():
                continue
            documents, paragraphs, sentences = _tables(part)
            meta = {"partition": p.key, "documents": len(part)}
            # documents last: a partition is listed (by its documents file) only once complete
            write_table(p.file(root, "paragraphs"), paragraphs, meta)
            write_table(p.file(root, "sentences"), sentences, meta)
            write_table(p.file(root, "documents"), documents, meta)
            written.append(p.key)
    return written


def add_documents(store, documents: Iterable[Document], *, chunk: int = CHUNK, max_docs: int = MAX_DOCS,
                  create: bool = True) -> BuildReport:
    """Add :class:`araz.Document` objects to ``store`` (made if new), ``chunk`` at a time."""
    root = check_root(store, create=create)
    known = existing_documents(root)
    written: list[str] = []
    added = unchanged = 0
    batch: list[Document] = []

    def flush():
        nonlocal batch
        written.extend(_write_partitions(root, batch, max_docs))
        batch = []

    for d in documents:
        old = known.get(d.doc_id)
        if old is not None:
            if old != d.sha256:
                raise StoreError(
                    f"{d.path}: doc_id '{d.doc_id}' is already in the store {root} with a different text; "
                    "give this article a new doc_id, or build a new store from the corrected folder")
            unchanged += 1
            continue
        known[d.doc_id] = d.sha256
        batch.append(d)
        added += 1
        if len(batch) >= chunk:
            flush()
    if batch:
        flush()
    return BuildReport(root, tuple(written), added, unchanged)


def _folder_documents(folder: Path, chunk: int, progress: bool | None) -> Iterator[Document]:
    """The documents of a corpus folder, checked a chunk of files at a time."""
    from ..corpus import _document
    from ..validate import check_files, find_files, raise_for

    root = Path(folder).expanduser()
    if not root.exists():
        raise StoreError(f"{root}: no such corpus folder; give the folder of .md/.txt articles to 'araz store build'")
    files, issues = find_files(root)
    raise_for(issues)
    if not files:
        raise StoreError(f"{root}: no .md or .txt articles found; 'araz store build' needs a corpus folder")
    for i in range(0, len(files), chunk):
        records, found = check_files(root, files[i:i + chunk], [], progress=progress)
        raise_for(found)
        yield from (_document(r) for r in records)


def build(corpus_folder, store, *, chunk: int = CHUNK, max_docs: int = MAX_DOCS,
          progress: bool | None = None) -> BuildReport:
    """Write (or extend) the store ``store`` from the articles of ``corpus_folder``.

    A new folder becomes a store; an existing store gets only the articles it lacks, in new
    partitions. Problems in the articles raise :class:`araz.CorpusError` naming file, line
    and field, as :func:`araz.load_corpus` does (partitions of earlier chunks stay written;
    run the build again once the files are fixed: those articles are then skipped).
    """
    if not Path(corpus_folder).expanduser().exists():
        raise StoreError(f"{corpus_folder}: no such corpus folder; give the folder of .md/.txt articles to "
                         "'araz store build'")
    return add_documents(store, _folder_documents(Path(corpus_folder), chunk, progress), chunk=chunk,
                         max_docs=max_docs)
