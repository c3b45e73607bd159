"""Selecting: what a set of filters matches, ranked, as pages and tables."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from ..errors import ScopeError
from .indexing import Index, index, lru_get, lru_put
from .query import (CATEGORIES, MAX_PAGE_SIZE, PAGE_SIZE, TONE_LABELS, VOICES, Filters, ParsedQuery,
                    _days, parse_query)


# ---------------------------------------------------------------------------
# Options for the controls
# ---------------------------------------------------------------------------
def options(corpus) -> dict:
    """What each control can offer, computed from the corpus.

    Returns a dict: ``outlets`` and ``perspectives`` (DataFrames: value, documents,
    sentences), ``actors``, ``corridors`` (entity_id, label, sentences, documents,
    mentions), ``formats`` (same, for the 3+3 format), ``months`` (list of first days of
    every month from the earliest to the latest publication date), ``date_range``
    (first, last day), ``tone`` (whether tone labels are available), ``documents`` (doc_ids)
    and ``warnings`` (analyses that could not be computed for this corpus, in words).

    >>> import araz
    >>> options(araz.load_corpus())["outlets"]["value"].tolist()[:2]
    ['Alwaght', 'Financial Tribune']
    """
    ix = index(corpus)

    def doc_counts(codes_doc, codes_s, names):
        return pd.DataFrame({
            "value": names,
            "documents": np.bincount(codes_doc, minlength=len(names)) if len(names) else [],
            "sentences": np.bincount(codes_s, minlength=len(names)) if len(names) else [],
        })

    ents = ix.entities
    cols = ["entity_id", "label", "entity_type", "sentences", "documents", "mentions"]
    if len(ix.doc_ids):
        first = dt.date.fromordinal(int(ix.d_start.min()) + dt.date(1970, 1, 1).toordinal())
        last = dt.date.fromordinal(int(ix.d_end.max()) + dt.date(1970, 1, 1).toordinal())
        months = [d.date() for d in pd.date_range(pd.Timestamp(first).to_period("M").start_time,
                                                  pd.Timestamp(last), freq="MS")]
    else:
        first = last = None
        months = []
    return {
        "outlets": doc_counts(ix.d_outlet, ix.s_outlet, ix.outlets),
        "perspectives": doc_counts(ix.d_persp, ix.s_persp, ix.perspectives),
        "actors": ents.loc[ents["category"] == "actor", cols].reset_index(drop=True),
        "corridors": ents.loc[ents["category"] == "corridor", cols].reset_index(drop=True),
        "formats": ents.loc[ents["category"] == "format", cols].reset_index(drop=True),
        "months": months,
        "date_range": (first, last),
        "tone": ix.tone_available,
        "documents": list(ix.doc_ids),
        "warnings": list(ix.warnings),
    }


# ---------------------------------------------------------------------------
# Selecting
# ---------------------------------------------------------------------------
@dataclass
class Selection:
    """Every match of a set of filters, ranked.

    ``rows`` are row numbers of ``corpus.sentences`` (unit ``sentence``) or
    ``corpus.paragraphs`` (unit ``paragraph``), best first; ``relevance`` is aligned with
    them when there is a query (else ``None``); ``total`` is ``len(rows)``.
    """

    filters: Filters
    rows: np.ndarray
    relevance: np.ndarray | None
    query: ParsedQuery | None
    sentence_rows: np.ndarray = field(repr=False)  # matching sentence rows, in row order (both units)
    documents: int = 0  # how many documents the matches come from

    @property
    def total(self) -> int:
        return int(len(self.rows))

    @property
    def unit(self) -> str:
        return self.filters.unit

    def pages(self, page_size: int = PAGE_SIZE) -> int:
        return max(1, math.ceil(self.total / page_size))


def _codes(chosen, known: list, what: str) -> list[int]:
    """The positions of ``chosen`` values in ``known``; a value the corpus does not have is a ScopeError."""
    unknown = [v for v in chosen if v not in known]
    if unknown:
        raise ScopeError(f"unknown {what}{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                         f"this corpus has: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}")
    return [known.index(v) for v in chosen]


def _mask(ix: Index, f: Filters) -> np.ndarray:
    """Boolean mask over sentence rows for every filter except the query."""
    n = ix.n_sentences
    mask = np.ones(n, bool)
    if f.outlets:
        mask &= np.isin(ix.s_outlet, _codes(f.outlets, ix.outlets, "outlet"))
    if f.perspectives:
        mask &= np.isin(ix.s_persp, _codes(f.perspectives, ix.perspectives, "perspective"))
    if f.start is not None:
        mask &= ix.s_dend >= _days(f.start)
    if f.end is not None:
        mask &= ix.s_dstart <= _days(f.end)
    if f.doc_ids:
        unknown = [d for d in f.doc_ids if d not in ix.doc_row]
        if unknown:
            raise ScopeError(f"unknown document{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}")
        keep = np.zeros(n, bool)
        for d in f.doc_ids:
            i = ix.doc_row[d]
            keep[ix.doc_first[i]:ix.doc_last[i]] = True
        mask &= keep
    ents = ix.resolve_entities(f.actors, "actor") + ix.resolve_entities(f.corridors, "corridor")
    if ents:
        if f.entity_match == "all":
            for e in ents:
                m = np.zeros(n, bool)
                m[ix.entity_rows.get(e, np.zeros(0, np.int64))] = True
                mask &= m
        else:
            m = np.zeros(n, bool)
            for e in ents:
                m[ix.entity_rows.get(e, np.zeros(0, np.int64))] = True
            mask &= m
    if f.three_plus_three:
        m = np.zeros(n, bool)
        m[ix.format_rows] = True
        mask &= m
    if f.tone:
        mask &= np.isin(ix.s_tone, [TONE_LABELS.index(t) for t in f.tone])
    if f.voice:
        mask &= np.isin(ix.s_voice, [VOICES.index(v) for v in f.voice])
    return mask


def _ranked(ix, parsed, unit: str, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The query's matching rows of ``unit`` that pass ``ok``, best first, with their relevance."""
    qrows, qscore = ix.query(parsed, unit)
    keep = ok[qrows]
    rows, rel = qrows[keep], qscore[keep]
    order = np.argsort(-rel, kind="stable")  # rows are sorted: ties stay in reading order
    return rows[order], rel[order]


def selection(corpus, filters: Filters | Mapping | None = None) -> Selection:
    """Every match of ``filters``, ranked: by relevance when there is a query, else in reading
    order (documents by publication date, then paragraph and sentence). Cached per filters.

    Raises :class:`araz.QueryError` for a query that cannot be read and
    :class:`araz.ScopeError` for an unknown outlet, actor or filter.

    >>> import araz
    >>> selection(araz.load_corpus(), {"query": '"3+3"'}).total >= 1
    True
    """
    f = Filters.of(filters)
    ix = index(corpus)
    hit = lru_get(ix._selection_cache, f)
    if hit is not None:
        return hit
    parsed = parse_query(f.query)
    mask = _mask(ix, f)
    rel = None
    if f.unit == "sentence":
        if parsed is None:
            rows = np.flatnonzero(mask)
        else:
            rows, rel = _ranked(ix, parsed, "sentence", mask)
        srows = rows if parsed is None else np.sort(rows)
    else:
        p_ok = np.zeros(ix.n_paragraphs, bool)
        p_ok[ix.s_para[mask]] = True  # a paragraph passes when any of its sentences does
        if parsed is None:
            rows = np.flatnonzero(p_ok)
        else:
            rows, rel = _ranked(ix, parsed, "paragraph", p_ok)
            p_ok = np.zeros(ix.n_paragraphs, bool)
            p_ok[rows] = True
        srows = np.flatnonzero(mask & p_ok[ix.s_para])
    docs = ix.s_doc[srows]
    n_docs = int(np.count_nonzero(np.diff(docs)) + 1) if len(docs) else 0
    sel = Selection(f, rows, rel, parsed, srows, n_docs)
    lru_put(ix._selection_cache, f, sel, 16)
    return sel


def count(corpus, filters: Filters | Mapping | None = None) -> int:
    """How many sentences (or paragraphs, with ``unit="paragraph"``) match ``filters``."""
    return selection(corpus, filters).total


RESULT_COLUMNS = ["rank", "citation", "doc_id", "paragraph", "sentence", "outlet", "perspective", "date",
                  "date_estimate", "text", "label", "voice", "score", "relevance", "actors", "corridors", "formats"]


def _frame(ix: Index, sel: Selection, rows: np.ndarray, ranks: np.ndarray, *, spans: bool = False) -> pd.DataFrame:
    """Result rows as a DataFrame (sentence or paragraph unit)."""
    docs = ix.documents
    if sel.unit == "sentence":
        doc = ix.s_doc[rows]
        srows = rows
        out = {
            "citation": ix.s_citation[rows], "paragraph": ix.s_par[rows], "sentence": ix.s_sent[rows],
            "text": ix.s_text[rows],
            "label": np.array([TONE_LABELS[t] if t >= 0 else "" for t in ix.s_tone[rows]], dtype=object),
            "voice": np.array([VOICES[v] if v >= 0 else "" for v in ix.s_voice[rows]], dtype=object),
            "score": ix.s_score[rows],
        }
        labels = ix.row_label_columns(srows) if len(rows) > 200 else None
    else:
        doc = ix.p_doc[rows]
        out = {"citation": ix.p_citation[rows], "paragraph": ix.p_par[rows],
               "sentence": np.zeros(len(rows), np.int32), "text": ix.p_text[rows]}
        lab, voi, sco = [], [], []
        for p in rows:
            s = np.flatnonzero(ix.s_para[ix.doc_first[ix.p_doc[p]]:ix.doc_last[ix.p_doc[p]]] == p) + ix.doc_first[ix.p_doc[p]]
            lab.append(_paragraph_label(ix.s_tone[s]))
            v = {VOICES[x] for x in ix.s_voice[s] if x >= 0}
            voi.append("both" if len(v) == 2 else (v.pop() if v else ""))
            sc = ix.s_score[s]
            sco.append(float(np.nanmean(sc)) if len(sc) and not np.all(np.isnan(sc)) else np.nan)
        out.update(label=np.array(lab, object), voice=np.array(voi, object), score=np.array(sco, float))
        labels = None
    if labels is None:
        per = [_row_entities_any(ix, sel, r) for r in rows]
        labels = {k: np.array(["; ".join(p[c]) for p in per], dtype=object)
                  for k, c in (("actors", "actor"), ("corridors", "corridor"), ("formats", "format"))}
    rel = sel.relevance[ranks - 1] if sel.relevance is not None else None
    frame = pd.DataFrame({
        "rank": ranks,
        "citation": out["citation"],
        "doc_id": np.array(ix.doc_ids, dtype=object)[doc] if len(rows) else np.array([], object),
        "paragraph": out["paragraph"],
        "sentence": out["sentence"],
        "outlet": docs["outlet"].to_numpy(object)[doc],
        "perspective": docs["perspective"].to_numpy(object)[doc],
        "date": docs["date_label"].to_numpy(object)[doc],
        "date_estimate": docs["date_estimate"].to_numpy(bool)[doc],
        "text": out["text"],
        "label": out["label"],
        "voice": out["voice"],
        "score": out["score"],
        "relevance": rel if rel is not None else np.full(len(rows), np.nan),
        **labels,
    }, columns=RESULT_COLUMNS)
    if sel.unit == "paragraph":
        frame["sentence"] = pd.NA
    if spans:
        found = ix.spans(sel.unit, rows, sel.query)
        frame["matches"] = [found.get(int(r), []) for r in rows]
    return frame


def _paragraph_label(codes: np.ndarray) -> str:
    """A paragraph's tone from its sentences': coop or conf when only that side appears, else mixed/neutral."""
    labels = {TONE_LABELS[c] for c in codes if c >= 0}
    if not labels:
        return ""
    coop = "coop" in labels
    conf = "conf" in labels
    if "mixed" in labels or (coop and conf):
        return "mixed"
    return "coop" if coop else "conf" if conf else "neutral"


def _row_entities_any(ix: Index, sel: Selection, row: int) -> dict[str, list[str]]:
    if sel.unit == "sentence":
        return ix.row_entities(int(row))
    d = ix.p_doc[row]
    a, b = ix.doc_first[d], ix.doc_last[d]
    out: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for s in np.flatnonzero(ix.s_para[a:b] == row) + a:
        for cat, labs in ix.row_entities(int(s)).items():
            out[cat].extend(x for x in labs if x not in out[cat])
    return out


def select(corpus, filters: Filters | Mapping | None = None, *, page: int = 1,
           page_size: int = PAGE_SIZE) -> pd.DataFrame:
    """Return one page of the matches of ``filters``, best first.

    Columns: ``rank`` (1 = best), ``citation, doc_id, paragraph, sentence, outlet,
    perspective, date`` (the date label; ranges say "estimate"), ``date_estimate, text,
    label`` (tone: coop/conf/mixed/neutral), ``voice`` (author/quoted; ``both`` for a
    paragraph with both), ``score`` (tone score), ``relevance`` (query relevance, else NaN),
    ``actors, corridors, formats`` (labels mentioned, ``"; "``-joined), ``matches`` (where
    the query matched: a list of ``(start, end)`` offsets into ``text``; empty without a query).

    ``attrs`` carries ``total`` (all matches), ``page``, ``pages``, ``page_size``,
    ``unit`` and ``query``. ``page`` is clamped to the pages there are; ``page_size`` to
    1–50. A selection that matches nothing returns an empty page with ``total`` 0.

    >>> import araz
    >>> df = select(araz.load_corpus(), {"outlets": ["Alwaght"], "query": "Zangezur"})
    >>> df.attrs["total"], df["citation"].iloc[0]
    (1, 'alwaght-2025-araghchi-baku ¶16.2')
    """
    if isinstance(page_size, bool) or not isinstance(page_size, (int, np.integer)) or page_size < 1:
        raise ScopeError(f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}, not {page_size!r}")
    if isinstance(page, bool) or not isinstance(page, (int, np.integer)):
        raise ScopeError(f"page must be a whole number, not {page!r}")
    page_size = min(int(page_size), MAX_PAGE_SIZE)
    sel = selection(corpus, filters)
    pages = sel.pages(page_size)
    page = min(max(int(page), 1), pages)
    a = (page - 1) * page_size
    rows = sel.rows[a:a + page_size]
    df = _frame(index(corpus), sel, rows, np.arange(a + 1, a + 1 + len(rows)), spans=True)
    df.attrs.update(total=sel.total, page=page, pages=pages, page_size=page_size, unit=sel.unit,
                    query=sel.query.text if sel.query else "")
    return df


def table(corpus, filters: Filters | Mapping | None = None) -> pd.DataFrame:
    """Every match of ``filters`` (all pages) with the columns of :func:`select`."""
    sel = selection(corpus, filters)
    df = _frame(index(corpus), sel, sel.rows, np.arange(1, sel.total + 1))
    df.attrs.update(total=sel.total, unit=sel.unit, query=sel.query.text if sel.query else "")
    return df


def kwic(corpus, filters: Filters | Mapping | None = None, *, page: int = 1, page_size: int = PAGE_SIZE,
         window: int = 8) -> pd.DataFrame:
    """Keyword in context for the query, on one page of the selection.

    Columns: ``citation, left, match, right`` (``window`` words either side, within the
    sentence or paragraph), ``start, end`` (offsets of the match in the document). Empty
    when the filters have no query.
    """
    df = select(corpus, filters, page=page, page_size=page_size)
    cols = ["citation", "left", "match", "right", "start", "end"]
    if not df.attrs["query"] or df.empty:
        return pd.DataFrame(columns=cols)
    out = []
    for cit, text, found in zip(df["citation"], df["text"], df["matches"]):
        offset = int(corpus.locate(cit).start)
        for a, b in found:
            left = " ".join(text[:a].split()[-window:])
            right = " ".join(text[b:].split()[:window])
            out.append((cit, left, text[a:b], right, offset + a, offset + b))
    return pd.DataFrame(out, columns=cols)


