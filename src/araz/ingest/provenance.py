"""Checking what an import wrote: one provenance card per document, and the undated ones.

>>> import araz
>>> from araz.ingest import provenance
>>> list(provenance(araz.load_corpus()).columns)[:4]
['doc_id', 'title', 'outlet', 'published']
"""
from __future__ import annotations

import pandas as pd

from .write import UNDATED_NOTE

CARD = ["doc_id", "title", "outlet", "published", "date_evidence", "author", "language", "tone", "url",
        "source", "retrieved", "extractor", "near_duplicate_of", "path"]


def provenance(corpus) -> pd.DataFrame:
    """One row per document: where it came from and how it was read. ``tone`` says whether
    tone is measured for its language (:mod:`araz.languages`)."""
    from ..languages import analyses_for, not_measured_note

    rows = []
    for d in corpus:
        extra = d.extra or {}
        rows.append({
            "doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "published": d.date_label,
            "date_evidence": d.date_evidence, "author": d.author, "language": d.language,
            "tone": "measured" if "tone" in analyses_for(d.language) else not_measured_note("tone", d.language),
            "url": d.url, "source": str(extra.get("source", "")), "retrieved": str(extra.get("retrieved", "")),
            "extractor": str(extra.get("extractor", "")), "near_duplicate_of": str(extra.get("near_duplicate_of", "")),
            "path": d.path})
    return pd.DataFrame(rows, columns=CARD)


def undated(corpus) -> list[str]:
    """The ``doc_id`` of every imported document still waiting for its real date."""
    return [d.doc_id for d in corpus if UNDATED_NOTE in (d.notes or "")]
