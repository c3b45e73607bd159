"""Checking what an import wrote: one provenance card per document, and the undated ones.

>>> import araz
>>> from araz.ingest import provenance
>>> list(provenance(araz.load_corpus()).columns)[:4]
['doc_id', 'title', 'outlet', 'published']
"""
from __future__ import annotations

from pathlib import Path

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


def set_date(path, published: str, date_evidence: str) -> Path:
    """Give an imported document its real date: rewrite ``published`` and ``date_evidence``
    in its front matter and drop the "DATE NEEDED" note. The text is not touched.

    ``published`` is checked first (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``START/END``);
    ``date_evidence`` should say where the date is stated (quote the dateline if it is in
    the text). Raises :class:`araz.CorpusError` naming the file for a bad date or a file
    that is not a corpus document.
    """
    from ..dates import parse_published
    from ..errors import CorpusError, Issue
    from ..validate import _split_front, parse_front_matter
    from .write import FIELDS, _quoted

    path = Path(path)
    try:
        parse_published(published)
    except ValueError as exc:
        raise CorpusError([Issue(str(path), None, "published", str(exc))]) from None
    if not str(date_evidence or "").strip():
        raise CorpusError([Issue(str(path), None, "date_evidence", "say where the date comes from (e.g. the dateline, quoted)")])
    content = path.read_text(encoding="utf-8")
    split = _split_front(content)
    if split is None or split[1] is None:
        raise CorpusError([Issue(str(path), 1, None, "has no front matter; is this a corpus document?")])
    front, _, text = split
    meta = parse_front_matter(front)
    meta["published"] = published
    meta["date_evidence"] = date_evidence
    notes = str(meta.get("notes") or "").replace(UNDATED_NOTE, "").strip()
    meta["notes"] = notes or None
    order = [k for k in FIELDS if k in meta] + [k for k in meta if k not in FIELDS]
    lines = "".join(f"{k}: {_quoted(meta[k].isoformat() if hasattr(meta[k], 'isoformat') else meta[k])}\n"
                    for k in order if meta[k] not in (None, ""))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"---\n{lines}---\n{text}", encoding="utf-8")
    tmp.replace(path)
    return path
