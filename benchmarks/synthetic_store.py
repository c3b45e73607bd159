"""Synthetic articles straight into a store: :func:`benchmarks.generate.article`'s files,
checked by the kit's reader from memory, never written as 10^6 files.

The documents are exactly those ``benchmarks/generate.py`` writes for the same ``(n, seed)``
(the same random stream, the same file content, read by :func:`araz.validate.read_document`).
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Iterator


def synthetic_documents(n: int, *, seed: int = 0, words: int = 700) -> Iterator:
    """Yield the :class:`araz.Document` objects of synthetic articles 1…n."""
    from araz.corpus import _document
    from araz.errors import CorpusError
    from araz.validate import read_document

    from .generate import PER_FOLDER, article, shipped_pool

    pool = shipped_pool()
    rng = random.Random(seed)
    for i in range(1, n + 1):
        doc_id, content = article(i, rng, pool, words)
        path = Path("synthetic") / f"{(i - 1) // PER_FOLDER:03d}" / f"{doc_id}.md"
        rec = read_document(path, None, raw=content.encode("utf-8"))
        errors = [x for x in rec.issues if x.severity == "error"]
        if errors:
            raise CorpusError(f"synthetic article {path} does not check: {errors[0]}")
        yield _document(rec)


def build_synthetic(store, n: int, *, seed: int = 0, skip: int = 0, chunk: int = 20_000, max_docs: int = 5_000):
    """Add synthetic articles ``skip+1 … n`` to ``store`` (a chunk at a time; the first ``skip`` are
    generated and dropped, so a store can be grown in steps); return the build report."""
    import itertools

    from araz.store.building import add_documents

    docs = itertools.islice(synthetic_documents(n, seed=seed), skip, None)
    return add_documents(store, docs, chunk=chunk, max_docs=max_docs)
