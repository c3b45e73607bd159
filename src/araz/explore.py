"""The explorer's state: what a set of filters selects, and everything shown about it.

Every control of the explorer (``araz.widgets.explorer``) maps to a field of
:class:`Filters`; every view is a plain function of the corpus and the filters, so
tests and notebooks call exactly what the widgets call:

=============================  ====================================================
``select(corpus, filters)``    one page of ranked matches (+ ``attrs`` total, pages)
``selection(corpus, filters)`` every match, ranked (a :class:`Selection`)
``count(corpus, filters)``     how many sentences (or paragraphs) match
``kwic(corpus, filters)``      keyword in context for the query, on one page
``reader(corpus, citation)``   a document ready to render: card, mentions, tone
``compare(corpus, sources)``   two or more outlets or documents side by side
``tone_series / chart``        tone over time for the selection, n per point
``export_csv / export_png``    the selection to CSV, a figure to PNG
``options(corpus)``            what each control can offer (outlets, actors, dates…)
=============================  ====================================================

Speed: an :class:`Index` is built **once per corpus** (``corpus.cached``): numpy arrays
that join each sentence with its document's outlet, perspective and date range, its
tone label and voice, and the sentences each actor, corridor and the 3+3 format is
mentioned in. A filter change is a handful of vectorised comparisons; a query is one
SQLite FTS5 lookup (cached); a page turn slices an already ranked selection.

>>> import araz
>>> corpus = araz.load_corpus()
>>> page = select(corpus, {"query": "Zangezur"})
>>> page.attrs["total"] > 0 and "Zangezur" in page["text"].iloc[0]
True
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import ArazError, CitationError, QueryError, ScopeError

TONE_LABELS = ("coop", "conf", "mixed", "neutral")
VOICES = ("author", "quoted")
CATEGORIES = ("actor", "corridor", "format")
UNITS = ("sentence", "paragraph")
PAGE_SIZE = 25
MAX_PAGE_SIZE = 50
_EPOCH = np.datetime64("1970-01-01", "D")

__all__ = [
    "Filters", "Selection", "Index", "index", "options", "select", "selection", "count", "kwic",
    "parse_query", "reader", "compare", "compare_chart", "tone_series", "chart", "table",
    "export_csv", "export_png", "lab_score", "lab_agreement", "TONE_LABELS", "VOICES", "UNITS",
]


# ---------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    """What the explorer's controls select. Every field left empty selects everything.

    * ``outlets``, ``perspectives``: document-level, any of them;
    * ``start``, ``end``: publication dates (inclusive). A document whose date is an
      inferred range matches when its range **overlaps** ``[start, end]`` — it may have
      been published then;
    * ``actors``, ``corridors``: entity ids (or labels) mentioned in the sentence;
      ``entity_match`` is ``"any"`` (default) or ``"all"`` of the chosen actors and corridors;
    * ``three_plus_three``: only sentences that mention the 3+3 format;
    * ``tone``: tone labels (``coop``, ``conf``, ``mixed``, ``neutral``); ``voice``:
      ``author`` and/or ``quoted``;
    * ``query``: full-text query — words, ``"a phrase"``, ``prefix*``, ``AND``/``OR``/``NOT``
      and parentheses (SQLite FTS5 syntax, case- and accent-insensitive);
    * ``doc_ids``: restrict to these documents;
    * ``unit``: ``"sentence"`` (default) or ``"paragraph"``. In paragraph mode a paragraph
      matches when any of its sentences passes the sentence-level filters.
    """

    outlets: tuple = ()
    perspectives: tuple = ()
    start: dt.date | None = None
    end: dt.date | None = None
    actors: tuple = ()
    corridors: tuple = ()
    entity_match: str = "any"
    three_plus_three: bool = False
    tone: tuple = ()
    voice: tuple = ()
    query: str = ""
    doc_ids: tuple = ()
    unit: str = "sentence"

    @classmethod
    def of(cls, value: "Filters | Mapping | None" = None, **changes) -> "Filters":
        """Build filters from a dict (or ``None``), checking every field's type and value."""
        if value is None:
            value = {}
        if isinstance(value, Filters):
            value = dataclasses.asdict(value)
        if not isinstance(value, Mapping):
            raise ScopeError(f"filters must be a dict or araz.explore.Filters, not {type(value).__name__}")
        data = {**value, **changes}
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = sorted(set(data) - set(names))
        if unknown:
            raise ScopeError(f"unknown filter{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                             f"the filters are: {', '.join(names)}")
        out = {}
        for name in ("outlets", "perspectives", "actors", "corridors", "tone", "voice", "doc_ids"):
            v = data.get(name, ())
            if v is None or v == "":
                v = ()
            if isinstance(v, str):
                v = (v,)
            try:
                v = tuple(str(x) for x in v)
            except TypeError:
                raise ScopeError(f"filter '{name}' must be a list of text values, not {type(v).__name__}") from None
            out[name] = v
        bad = [t for t in out["tone"] if t not in TONE_LABELS]
        if bad:
            raise ScopeError(f"filter 'tone': {', '.join(map(repr, bad))} is not a tone label; use {', '.join(TONE_LABELS)}")
        bad = [v for v in out["voice"] if v not in VOICES]
        if bad:
            raise ScopeError(f"filter 'voice': {', '.join(map(repr, bad))} is not a voice; use 'author' and/or 'quoted'")
        for name in ("start", "end"):
            out[name] = _as_date(data.get(name), name)
        if out["start"] and out["end"] and out["start"] > out["end"]:
            raise ScopeError(f"filter dates: start {out['start']} is after end {out['end']}; swap them")
        match = data.get("entity_match", "any") or "any"
        if match not in ("any", "all"):
            raise ScopeError(f"filter 'entity_match' is {match!r}; use 'any' or 'all'")
        out["entity_match"] = match
        unit = data.get("unit", "sentence") or "sentence"
        if unit not in UNITS:
            raise ScopeError(f"filter 'unit' is {unit!r}; use 'sentence' or 'paragraph'")
        out["unit"] = unit
        out["three_plus_three"] = bool(data.get("three_plus_three", False))
        q = data.get("query", "") or ""
        if not isinstance(q, str):
            raise ScopeError(f"filter 'query' must be text, not {type(q).__name__}")
        out["query"] = q.strip()
        return cls(**out)

    def replace(self, **changes) -> "Filters":
        """A copy with some fields changed (checked like :meth:`of`)."""
        return Filters.of(self, **changes)

    def is_empty(self) -> bool:
        return self == Filters(unit=self.unit)


def _as_date(value, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ScopeError(f"filter '{name}' is {value!r}; expected a date like 2025-12-08") from None
    raise ScopeError(f"filter '{name}' must be a date, not {type(value).__name__}")


def _days(d: dt.date) -> int:
    return (d - dt.date(1970, 1, 1)).days


# ---------------------------------------------------------------------------
# Queries (the syntax and the FTS5 index are araz.search's)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """One positive term of a query: a ``word``, a ``prefix`` or a ``phrase`` (its words)."""

    kind: str
    tokens: tuple[str, ...]

    @property
    def fts(self) -> str:
        return '"' + " ".join(self.tokens).replace('"', '""') + '"' + ("*" if self.kind == "prefix" else "")


@dataclass(frozen=True)
class ParsedQuery:
    """A checked query: ``text`` as typed, ``fts`` (the FTS5 expression of :func:`araz.search.to_fts`)
    and its positive ``terms`` (used to rank)."""

    text: str
    fts: str
    terms: tuple[Term, ...]


_TOKEN = re.compile(r'"[^"]*"\*?|\(|\)|[^\s"()]+')
_WORD = re.compile(r"\w+", re.UNICODE)


def parse_query(query: str | None) -> ParsedQuery | None:
    """Check a query with :func:`araz.search.to_fts` (the kit's one query syntax); ``None`` if empty.

    Words, ``"phrases"``, ``prefix*``, ``AND`` / ``OR`` / ``NOT`` and parentheses; a query
    that cannot be read raises :class:`araz.QueryError` saying what to change.

    >>> [t.fts for t in parse_query('Zangezur NOT Aras corrid*').terms]
    ['"Zangezur"', '"corrid"*']
    """
    from .search import to_fts

    if query is None or (isinstance(query, str) and not query.strip()):
        return None
    fts = to_fts(query)  # raises QueryError with the kit's wording
    terms: list[Term] = []
    depth, negated_at, after_not = 0, None, False
    for tok in _TOKEN.findall(query):
        if tok == "(":
            depth += 1
            if after_not and negated_at is None:
                negated_at = depth
            after_not = False
            continue
        if tok == ")":
            if negated_at is not None and depth == negated_at:
                negated_at = None
            depth -= 1
            continue
        if tok in ("AND", "OR", "NOT"):
            after_not = tok == "NOT"
            continue
        positive = not after_not and negated_at is None
        after_not = False
        prefix = tok.endswith("*")
        words = tuple(_WORD.findall(tok))
        if not words or not positive:
            continue
        kind = "prefix" if prefix and len(words) == 1 else "phrase" if len(words) > 1 else "word"
        terms.append(Term(kind, words))
    return ParsedQuery(query.strip(), fts, tuple(dict.fromkeys(terms)))


_OPEN, _CLOSE = "\x02", "\x03"


def _marked_spans(marked: str) -> list[tuple[int, int]]:
    """Offsets of the text between FTS5 ``highlight()`` markers, in the text without them."""
    spans, pos, start = [], 0, None
    for ch in marked:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        else:
            pos += 1
    return spans


class _Highlighter:
    """A scratch in-memory FTS5 table: highlight a query in a few texts, whatever the corpus size."""

    def __init__(self):
        try:
            from .search import _TOKENIZER as tokenizer
        except ImportError:  # pragma: no cover - the search module defines it
            tokenizer = "porter unicode61 remove_diacritics 2"
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(f"CREATE VIRTUAL TABLE h USING fts5(text, tokenize='{tokenizer}')")
        self.lock = threading.Lock()

    def spans(self, texts: list[str], fts: str) -> list[list[tuple[int, int]]]:
        with self.lock:
            self.db.execute("DELETE FROM h")
            self.db.executemany("INSERT INTO h(rowid, text) VALUES (?, ?)", enumerate(texts, 1))
            try:
                found = dict(self.db.execute("SELECT rowid, highlight(h, 0, char(2), char(3)) FROM h WHERE h MATCH ?", (fts,)))
            except sqlite3.Error:
                found = {}
        out = []
        for i, text in enumerate(texts, 1):
            marked = found.get(i)
            if marked is None or _OPEN in text or _CLOSE in text:
                out.append([])
            else:
                out.append(_marked_spans(marked))
        return out


_HIGHLIGHTER: _Highlighter | None = None


def _highlighter() -> _Highlighter:
    global _HIGHLIGHTER
    if _HIGHLIGHTER is None:
        _HIGHLIGHTER = _Highlighter()
    return _HIGHLIGHTER


# ---------------------------------------------------------------------------
# Data from the analysis modules (adapters: adapt here if their shapes change)
# ---------------------------------------------------------------------------
_MENTION_COLUMNS = ["doc_id", "paragraph", "sentence", "start", "end", "surface", "entity_id", "label",
                    "kind", "entity_type", "category"]
_TONE_COLUMNS = ["doc_id", "paragraph", "sentence", "label", "voice", "score", "coop", "conf"]


def _mentions(corpus) -> tuple[pd.DataFrame, str | None]:
    """Every actor, corridor and 3+3 mention with its ``category`` (``araz.gazetteer.mentions``),
    and a warning when they could not be computed (the explorer then works without them)."""
    try:
        from .gazetteer import mentions

        df = mentions(corpus)
        warning = None
    except ArazError as err:  # e.g. a broken user gazetteer: say so, keep exploring the text
        df, warning = pd.DataFrame(columns=_MENTION_COLUMNS), f"actors, corridors and the 3+3 format are not available: {err}"
    df = df.copy()
    for col in _MENTION_COLUMNS:
        if col not in df.columns:
            df[col] = "" if col not in ("paragraph", "sentence", "start", "end") else 0
    return df[_MENTION_COLUMNS], warning


def _tone(corpus) -> tuple[pd.DataFrame | None, str | None]:
    """Tone label, voice and score per sentence (``araz.tone.score_sentences``), and a warning when
    they could not be computed: the tone filters are then switched off, the rest still works."""
    try:
        from .tone import score_sentences

        df = score_sentences(corpus)
    except Exception as err:  # noqa: BLE001 - tone is one view among several; report it, keep the explorer
        return None, f"tone labels are not available ({type(err).__name__}: {err})"
    return df[[c for c in _TONE_COLUMNS if c in df.columns]], None


def _card(corpus, doc_id: str) -> dict:
    """The provenance card of a document, with the keys of ``araz.sources.card``.

    Built here from the explorer's index (not by calling ``sources.card``, which scans
    whole-corpus tables) so that opening a document stays fast on 100,000 articles.
    """
    ix = index(corpus)
    doc = corpus[doc_id]
    d = ix.doc_row[doc_id]
    a, b = int(ix.doc_first[d]), int(ix.doc_last[d])
    quotes = []
    try:
        from .sources import _pattern, _reasoning
    except ImportError:  # pragma: no cover - sources is part of the kit
        _pattern = lambda q: re.compile(re.escape(q))  # noqa: E731
        _reasoning = lambda e: ""  # noqa: E731
    from .validate import evidence_quotes

    for q in evidence_quotes(doc.date_evidence if doc.date_evidence != "unknown" else ""):
        m = _pattern(q).search(doc.text)
        if m is None:
            quotes.append({"quote": q, "citation": "", "found": False})
            continue
        hit = [str(ix.s_citation[r]) for r in range(a, b) if ix.s_start[r] < m.end() and ix.s_end[r] > m.start()]
        quotes.append({"quote": q, "citation": " | ".join(hit), "found": True})
    ents: dict[str, dict[str, list]] = {"actor": {}, "corridor": {}, "format": {}}
    ma, mb = int(np.searchsorted(ix.m_row, a)), int(np.searchsorted(ix.m_row, b))
    for eid, cat in zip(ix.m_entity[ma:mb], ix.m_category[ma:mb]):
        ents[cat][eid] = ents[cat].get(eid, 0) + 1

    def summary(counts: dict) -> list[dict]:
        return [{"entity_id": e, "label": ix.entity_label.get(e, e), "n": n}
                for e, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    return {
        "doc_id": doc.doc_id, "title": doc.title, "outlet": doc.outlet, "author": doc.author,
        "published": doc.published, "date_label": doc.date_label, "date_estimate": bool(doc.date_estimate),
        "date_evidence_quotes": quotes, "date_reasoning": _reasoning(doc.date_evidence),
        "perspective": doc.perspective, "language": doc.language, "licence": doc.licence, "url": doc.url,
        "notes": doc.notes, "n_paragraphs": int(len(np.unique(ix.s_para[a:b]))), "n_sentences": b - a,
        "n_words": int(len(doc.text.split())), "actors": summary(ents["actor"]),
        "corridors": summary({**ents["corridor"], **ents["format"]}), "sha256": doc.sha256,
    }


# ---------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------
def _codes(values) -> tuple[np.ndarray, list[str]]:
    codes, uniques = pd.factorize(pd.Series(list(values), dtype=object), sort=True)
    return codes.astype(np.int32), [str(u) for u in uniques]


class Index:
    """Everything the explorer needs about a corpus, as aligned numpy arrays (built once).

    Sentence arrays (``s_*``) have one entry per row of ``corpus.sentences``; paragraph
    arrays (``p_*``) one per row of ``corpus.paragraphs``.
    """

    def __init__(self, corpus):
        self.corpus = corpus
        docs = corpus.documents.reset_index(drop=True)
        sents = corpus.sentences
        paras = corpus.paragraphs
        self.n_sentences = len(sents)
        self.n_paragraphs = len(paras)
        # documents
        self.doc_ids = docs["doc_id"].tolist()
        self.doc_row = {d: i for i, d in enumerate(self.doc_ids)}
        self.documents = docs
        d_outlet, self.outlets = _codes(docs["outlet"])
        d_persp, self.perspectives = _codes(docs["perspective"])
        d_start = docs["published_start"].values.astype("datetime64[D]").astype(np.int64)
        d_end = docs["published_end"].values.astype("datetime64[D]").astype(np.int64)
        self.d_start, self.d_end, self.d_outlet, self.d_persp = d_start, d_end, d_outlet, d_persp
        # sentences
        s_doc = pd.Categorical(sents["doc_id"], categories=self.doc_ids).codes.astype(np.int32)
        self.s_doc = s_doc
        self.s_par = sents["paragraph"].to_numpy(np.int32)
        self.s_sent = sents["sentence"].to_numpy(np.int32)
        self.s_start = sents["start"].to_numpy(np.int64)
        self.s_end = sents["end"].to_numpy(np.int64)
        self.s_citation = sents["citation"].to_numpy(object)
        self.s_text = sents["text"].to_numpy(object)
        self.s_outlet = d_outlet[s_doc]
        self.s_persp = d_persp[s_doc]
        self.s_dstart = d_start[s_doc]
        self.s_dend = d_end[s_doc]
        # paragraphs, and which paragraph each sentence is in
        p_doc = pd.Categorical(paras["doc_id"], categories=self.doc_ids).codes.astype(np.int32)
        self.p_doc = p_doc
        self.p_par = paras["paragraph"].to_numpy(np.int32)
        self.p_citation = paras["citation"].to_numpy(object)
        self.p_text = paras["text"].to_numpy(object)
        self.p_heading = paras["is_heading"].to_numpy(bool)
        pkey = pd.MultiIndex.from_arrays([p_doc, self.p_par])
        self.s_para = pkey.get_indexer(pd.MultiIndex.from_arrays([s_doc, self.s_par])).astype(np.int64)
        # sentence rows of each document: a corpus lists each document's sentences together
        if self.n_sentences and np.any(np.diff(s_doc) < 0):
            raise ArazError("the explorer needs each document's sentences together in corpus.sentences")
        counts = np.bincount(s_doc, minlength=len(self.doc_ids)) if self.n_sentences else np.zeros(len(self.doc_ids), np.int64)
        self.doc_last = np.cumsum(counts).astype(np.int64)
        self.doc_first = self.doc_last - counts
        self.s_len = np.fromiter((len(t.split()) for t in self.s_text), np.float64, self.n_sentences)
        self.p_len = np.bincount(self.s_para, weights=self.s_len, minlength=self.n_paragraphs) if self.n_sentences else np.zeros(self.n_paragraphs)
        self.warnings: list[str] = []  # what could not be computed (shown by the widget)
        self._build_tone(corpus)
        self._build_mentions(corpus)
        self._query_cache: OrderedDict = OrderedDict()
        self._term_cache: OrderedDict = OrderedDict()
        self._df_cache: dict = {}
        self._selection_cache: OrderedDict = OrderedDict()
        self._row_labels: dict | None = None

    # ---- tone ----------------------------------------------------------------
    def _build_tone(self, corpus) -> None:
        n = self.n_sentences
        self.s_tone = np.full(n, -1, np.int8)
        self.s_voice = np.full(n, -1, np.int8)
        self.s_score = np.full(n, np.nan, np.float64)
        self.tone_available = False
        tone, warning = _tone(corpus)
        if warning:
            self.warnings.append(warning)
        if tone is None or tone.empty:
            return
        rows = self._rows_of(tone["doc_id"], tone["paragraph"], tone["sentence"])
        ok = rows >= 0
        if "label" in tone:
            self.s_tone[rows[ok]] = pd.Categorical(tone["label"], categories=TONE_LABELS).codes[ok]
        if "voice" in tone:
            self.s_voice[rows[ok]] = pd.Categorical(tone["voice"], categories=VOICES).codes[ok]
        if "score" in tone:
            self.s_score[rows[ok]] = pd.to_numeric(tone["score"], errors="coerce").to_numpy(np.float64)[ok]
        self.tone_available = True

    def _rows_of(self, doc_id, paragraph, sentence) -> np.ndarray:
        key = pd.MultiIndex.from_arrays([self.s_doc, self.s_par, self.s_sent])
        d = pd.Categorical(doc_id, categories=self.doc_ids).codes.astype(np.int32)
        return key.get_indexer(pd.MultiIndex.from_arrays([d, np.asarray(paragraph, np.int32),
                                                          np.asarray(sentence, np.int32)])).astype(np.int64)

    # ---- mentions ------------------------------------------------------------
    def _build_mentions(self, corpus) -> None:
        m, warning = _mentions(corpus)
        if warning:
            self.warnings.append(warning)
        rows = self._rows_of(m["doc_id"], m["paragraph"], m["sentence"]) if len(m) else np.zeros(0, np.int64)
        m = m.assign(row=rows)
        m = m[m["row"] >= 0].sort_values(["row", "start"], kind="stable").reset_index(drop=True)
        m["category"] = m["category"].where(m["category"].isin(CATEGORIES), "actor")
        ents = (m.groupby("entity_id", sort=False)
                .agg(label=("label", "first"), category=("category", "first"),
                     entity_type=("entity_type", "first"), mentions=("row", "size"),
                     sentences=("row", "nunique"))
                .reset_index())
        docs_per = m.assign(doc=self.s_doc[m["row"].to_numpy()] if len(m) else []).groupby("entity_id")["doc"].nunique()
        ents["documents"] = ents["entity_id"].map(docs_per).fillna(0).astype(int)
        self.entities = ents.sort_values(["category", "sentences", "label"], ascending=[True, False, True]).reset_index(drop=True)
        self.entity_label = dict(zip(ents["entity_id"], ents["label"]))
        self.entity_category = dict(zip(ents["entity_id"], ents["category"]))
        self.entity_rows = {e: np.unique(g.to_numpy(np.int64)) for e, g in m.groupby("entity_id")["row"]}
        self.m_row = m["row"].to_numpy(np.int64)
        self.m_start = m["start"].to_numpy(np.int64)
        self.m_end = m["end"].to_numpy(np.int64)
        self.m_entity = m["entity_id"].to_numpy(object)
        self.m_kind = m["kind"].to_numpy(object)
        self.m_category = m["category"].to_numpy(object)
        self.m_surface = m["surface"].to_numpy(object)
        fmt = m.loc[m["category"] == "format", "row"].to_numpy(np.int64)
        self.format_rows = np.unique(fmt)
        self.mentions = m

    def mention_slice(self, row: int) -> slice:
        """Positions in the ``m_*`` arrays of the mentions in sentence ``row``."""
        a = int(np.searchsorted(self.m_row, row, "left"))
        b = int(np.searchsorted(self.m_row, row, "right"))
        return slice(a, b)

    def row_entities(self, row: int) -> dict[str, list[str]]:
        """Labels of the entities mentioned in sentence ``row``, by category, in order of first mention."""
        out: dict[str, list[str]] = {c: [] for c in CATEGORIES}
        sl = self.mention_slice(row)
        for eid, cat in zip(self.m_entity[sl], self.m_category[sl]):
            lab = self.entity_label.get(eid, eid)
            if lab not in out[cat]:
                out[cat].append(lab)
        return out

    def resolve_entities(self, values: Iterable[str], category: str) -> list[str]:
        """Entity ids for ids or labels (case-insensitive); raise :class:`ScopeError` for unknown ones."""
        by_label = {}
        for e, lab in self.entity_label.items():
            by_label.setdefault(str(lab).lower(), e)
        out, bad = [], []
        for v in values:
            if v in self.entity_label:
                out.append(v)
            elif v.lower() in by_label:
                out.append(by_label[v.lower()])
            else:
                bad.append(v)
        if bad:
            # an entity the gazetteer knows but this corpus never mentions selects nothing; a typo is an error
            try:
                from .gazetteer import for_corpus

                gaz = for_corpus(self.corpus).entities
                known_all = {str(e).lower(): e for e in gaz["entity_id"]}
                known_all.update({str(lab).lower(): e for e, lab in zip(gaz["entity_id"], gaz["label"])})
            except Exception:  # noqa: BLE001 - the lookup is a courtesy; without it every unknown is an error
                known_all = {}
            still = [b for b in bad if b.lower() not in known_all]
            if still:
                known = self.entities.loc[self.entities["category"] == category, "entity_id"].tolist()
                raise ScopeError(f"unknown {category}{'s' if len(still) > 1 else ''} {', '.join(map(repr, still))}; "
                                 f"this corpus mentions: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}")
            out.extend(known_all[b.lower()] for b in bad)
        return out

    # ---- full text ------------------------------------------------------------
    def _search_index(self):
        """araz.search's FTS5 index of this corpus (row ids are 1 + our row numbers)."""
        from . import search

        return search.build_index(self.corpus)

    def _fts(self, unit: str, select: str, fts: str, original: str):
        table = f"{unit}_fts"
        try:
            ((value,),) = self._search_index().query(f"SELECT {select} FROM {table} WHERE {table} MATCH ?", (fts,))
        except sqlite3.Error as e:
            raise QueryError(f"the search engine cannot read {original!r} ({e}); use words, \"phrases\", "
                             "prefix* and AND / OR / NOT between terms") from None
        return value

    def _fts_rows(self, unit: str, fts: str, original: str) -> np.ndarray:
        """Sorted rows (sentence or paragraph) matching an FTS5 expression; cached."""
        key = (unit, fts)
        hit = self._term_cache.get(key)
        if hit is not None:
            self._term_cache.move_to_end(key)
            return hit
        s = self._fts(unit, "group_concat(rowid)", fts, original)
        rows = np.fromstring(s, dtype=np.int64, sep=",") - 1 if s else np.zeros(0, np.int64)
        rows.sort()
        self._term_cache[key] = rows
        if len(self._term_cache) > 64:
            self._term_cache.popitem(last=False)
        return rows

    def _df(self, unit: str, term: "Term", original: str) -> int:
        """How many rows contain ``term`` (its document frequency); cached."""
        key = (unit, term.fts)
        if key not in self._df_cache:
            if len(self._df_cache) > 4096:
                self._df_cache.clear()
            self._df_cache[key] = int(self._fts(unit, "count(*)", term.fts, original))
        return self._df_cache[key]

    def query(self, parsed: ParsedQuery, unit: str = "sentence") -> tuple[np.ndarray, np.ndarray]:
        """Rows matching a query (sorted) and their relevance (higher is better).

        Which rows match is decided by SQLite FTS5 (``araz.search``'s index, with its
        stemming). Relevance is BM25 with binary term frequency (k1 = 1.2, b = 0.75) summed
        over the query's positive terms — for sentence-length units this is FTS5's own
        ranking, computed with numpy so that a query matching 100,000 sentences answers at once.
        """
        key = (unit, parsed.fts)
        hit = self._query_cache.get(key)
        if hit is not None:
            self._query_cache.move_to_end(key)
            return hit
        rows = self._fts_rows(unit, parsed.fts, parsed.text)
        score = np.zeros(len(rows), np.float64)
        if len(rows):
            lengths, n = (self.s_len, self.n_sentences) if unit == "sentence" else (self.p_len, self.n_paragraphs)
            avg = float(lengths.mean()) or 1.0
            k1, b = 1.2, 0.75
            norm = (k1 + 1) / (1 + k1 * (1 - b + b * lengths[rows] / avg))
            # Without OR, every matching row holds every positive term: only their frequencies are needed.
            has_or = "OR" in _TOKEN.findall(parsed.text)
            for term in parsed.terms:
                df = len(rows) if len(parsed.terms) == 1 and "OR" not in parsed.text.split() else self._df(unit, term, parsed.text)
                if df == 0:
                    continue
                idf = math.log((n - df + 0.5) / (df + 0.5) + 1)
                has = np.isin(rows, self._fts_rows(unit, term.fts, parsed.text), assume_unique=True) if has_or else 1.0
                score += idf * norm * has
        out = (rows, score)
        self._query_cache[key] = out
        if len(self._query_cache) > 32:
            self._query_cache.popitem(last=False)
        return out

    def spans(self, unit: str, rows: Iterable[int], parsed: ParsedQuery | None) -> dict[int, list[tuple[int, int]]]:
        """Where the query matched inside each row's text: ``{row: [(start, end), …]}``.

        FTS5's own ``highlight()``, run on a scratch FTS5 table holding only these rows (same
        tokenizer as the search index), so that it costs the same for any query.
        """
        rows = [int(r) for r in rows]
        if parsed is None or not rows:
            return {}
        texts = self.s_text if unit == "sentence" else self.p_text
        return {r: found for r, found in zip(rows, _highlighter().spans([texts[r] for r in rows], parsed.fts)) if found}

    # ---- labels per row (for tables and exports) --------------------------------
    def row_label_columns(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        """``actors``, ``corridors``, ``formats`` columns ("; "-joined labels) for sentence rows."""
        if self._row_labels is None:
            m = self.mentions
            cols = {}
            for cat, name in (("actor", "actors"), ("corridor", "corridors"), ("format", "formats")):
                arr = np.full(self.n_sentences, "", dtype=object)
                part = m[m["category"] == cat]
                if len(part):
                    joined = (part.drop_duplicates(["row", "entity_id"])
                              .assign(lab=lambda d: d["entity_id"].map(self.entity_label))
                              .groupby("row")["lab"].agg("; ".join))
                    arr[joined.index.to_numpy()] = joined.to_numpy(object)
                cols[name] = arr
            self._row_labels = cols
        return {k: v[rows] for k, v in self._row_labels.items()}


def index(corpus) -> Index:
    """The explorer's :class:`Index` of ``corpus``, built once and kept with the corpus."""
    return corpus.cached("araz.explore.index", lambda: Index(corpus))


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


def _mask(ix: Index, f: Filters) -> np.ndarray:
    """Boolean mask over sentence rows for every filter except the query."""
    n = ix.n_sentences
    mask = np.ones(n, bool)
    if f.outlets:
        unknown = [o for o in f.outlets if o not in ix.outlets]
        if unknown:
            raise ScopeError(f"unknown outlet{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                             f"this corpus has: {', '.join(ix.outlets[:12])}{' …' if len(ix.outlets) > 12 else ''}")
        codes = [ix.outlets.index(o) for o in f.outlets]
        mask &= np.isin(ix.s_outlet, codes)
    if f.perspectives:
        unknown = [p for p in f.perspectives if p not in ix.perspectives]
        if unknown:
            raise ScopeError(f"unknown perspective{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                             f"this corpus has: {', '.join(ix.perspectives[:12])}")
        codes = [ix.perspectives.index(p) for p in f.perspectives]
        mask &= np.isin(ix.s_persp, codes)
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
    hit = ix._selection_cache.get(f)
    if hit is not None:
        ix._selection_cache.move_to_end(f)
        return hit
    parsed = parse_query(f.query)
    mask = _mask(ix, f)
    rel = None
    if f.unit == "sentence":
        if parsed is None:
            rows = np.flatnonzero(mask)
        else:
            qrows, qscore = ix.query(parsed, "sentence")
            keep = mask[qrows]
            rows, rel = qrows[keep], qscore[keep]
            order = np.argsort(-rel, kind="stable")  # rows are sorted: ties stay in reading order
            rows, rel = rows[order], rel[order]
        srows = rows if parsed is None else np.sort(rows)
    else:
        p_ok = np.zeros(ix.n_paragraphs, bool)
        p_ok[ix.s_para[mask]] = True  # a paragraph passes when any of its sentences does
        if parsed is None:
            rows = np.flatnonzero(p_ok)
        else:
            qrows, qscore = ix.query(parsed, "paragraph")
            keep = p_ok[qrows]
            rows, rel = qrows[keep], qscore[keep]
            order = np.argsort(-rel, kind="stable")  # rows are sorted: ties stay in reading order
            rows, rel = rows[order], rel[order]
            p_ok = np.zeros(ix.n_paragraphs, bool)
            p_ok[rows] = True
        srows = np.flatnonzero(mask & p_ok[ix.s_para])
    docs = ix.s_doc[srows]
    n_docs = int(np.count_nonzero(np.diff(docs)) + 1) if len(docs) else 0
    sel = Selection(f, rows, rel, parsed, srows, n_docs)
    ix._selection_cache[f] = sel
    if len(ix._selection_cache) > 16:
        ix._selection_cache.popitem(last=False)
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


# ---------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------
def reader(corpus, citation: str, *, query: str | None = None) -> dict:
    """A document ready to render around ``citation`` (``doc_id``, ``doc_id ¶p`` or ``doc_id ¶p.s``).

    Returns a dict: ``doc_id``, ``citation`` (the one asked for), ``selected`` (list of the
    sentence citations it covers), ``title``, ``card`` (provenance: outlet, author,
    date_label, date_evidence, perspective, url, licence…), ``legend`` (mentions per
    category) and ``paragraphs``: a list of ``{paragraph, citation, is_heading,
    sentences}``, each sentence ``{citation, sentence, label, voice, score, selected,
    segments}``, and ``segments`` the sentence's text cut into pieces
    ``{text, category, entity_id, label, kind, mention, match}`` — ``category`` is ``actor``,
    ``corridor``, ``format`` or ``None`` (plain text); ``mention`` numbers the mention within
    the sentence (pieces of one mention share it); ``match`` marks a query match. All
    values are plain text: the renderer escapes them.

    >>> import araz
    >>> r = reader(araz.load_corpus(), "ftribune-2025-araghchi-baku ¶5.2")
    >>> r["selected"], r["card"]["outlet"]
    (['ftribune-2025-araghchi-baku ¶5.2'], 'Financial Tribune')
    """
    ix = index(corpus)
    if not isinstance(citation, str) or not citation.strip():
        raise CitationError("give a citation such as 'mehr-2021-korybko ¶1.14' (or a doc_id) to open in the reader")
    citation = citation.strip()
    if "¶" in citation:
        span = corpus.locate(citation)  # raises CitationError for a citation that points nowhere
        doc_id, p, s = span.doc_id, span.paragraph, span.sentence
    else:
        doc_id, p, s = citation, None, None
        corpus[doc_id]
    d = ix.doc_row[doc_id]
    a, b = int(ix.doc_first[d]), int(ix.doc_last[d])
    parsed = parse_query(query) if query else None
    found = ix.spans("sentence", range(a, b), parsed)
    text = corpus[doc_id].text
    paragraphs: dict[int, dict] = {}
    p_rows = np.flatnonzero(ix.p_doc == d) if ix.n_paragraphs < 50_000 else None
    if p_rows is None:
        p_rows = np.unique(ix.s_para[a:b])
    for pr in p_rows:
        paragraphs[int(ix.p_par[pr])] = {"paragraph": int(ix.p_par[pr]), "citation": str(ix.p_citation[pr]),
                                         "is_heading": bool(ix.p_heading[pr]), "sentences": []}
    selected = []
    legend = {c: 0 for c in CATEGORIES}
    for r in range(a, b):
        sp, ss = int(ix.s_par[r]), int(ix.s_sent[r])
        is_sel = p is not None and sp == p and (s is None or ss == s)
        if is_sel:
            selected.append(str(ix.s_citation[r]))
        st, en = int(ix.s_start[r]), int(ix.s_end[r])
        marks = []
        sl = ix.mention_slice(r)
        for ms, me, eid, cat, kind in zip(ix.m_start[sl], ix.m_end[sl], ix.m_entity[sl], ix.m_category[sl], ix.m_kind[sl]):
            marks.append((int(ms), int(me), {"category": cat, "entity_id": eid,
                                             "label": ix.entity_label.get(eid, eid), "kind": kind, "match": False}))
            legend[cat] += 1
        if parsed is not None:
            for qa, qb in found.get(r, []):
                marks.append((st + qa, st + qb, {"category": None, "entity_id": None, "label": None,
                                                 "kind": None, "match": True}))
        tcode, vcode = int(ix.s_tone[r]), int(ix.s_voice[r])
        paragraphs.setdefault(sp, {"paragraph": sp, "citation": f"{doc_id} ¶{sp}", "is_heading": False, "sentences": []})
        paragraphs[sp]["sentences"].append({
            "citation": str(ix.s_citation[r]), "sentence": ss,
            "label": TONE_LABELS[tcode] if tcode >= 0 else "",
            "voice": VOICES[vcode] if vcode >= 0 else "",
            "score": None if np.isnan(ix.s_score[r]) else float(ix.s_score[r]),
            "selected": is_sel,
            "segments": _segments(text, st, en, marks),
        })
    return {
        "doc_id": doc_id, "citation": citation, "selected": selected, "title": corpus[doc_id].title,
        "card": _card(corpus, doc_id), "legend": legend,
        "paragraphs": [paragraphs[k] for k in sorted(paragraphs)],
        "query": parsed.text if parsed else "",
    }


def _segments(text: str, start: int, end: int, marks: list[tuple[int, int, dict]]) -> list[dict]:
    """Cut ``text[start:end]`` into pieces at every mention and query-match boundary.

    Each piece carries the mention covering it (``category`` etc., the first by position
    when mentions overlap) and ``match`` (a query match covers it), so a query match inside
    a mention shows both.
    """
    mentions = sorted([m for m in marks if not m[2]["match"]], key=lambda m: (m[0], -(m[1] - m[0])))
    kept, last = [], start
    for m in mentions:  # drop mentions that overlap an earlier one
        if m[0] >= last and m[1] > m[0]:
            kept.append(m)
            last = m[1]
    queries = [(max(a, start), min(b, end)) for a, b, info in marks if info["match"]]
    cuts = sorted({start, end, *(x for m in kept for x in m[:2]), *(x for q in queries for x in q)})
    cuts = [c for c in cuts if start <= c <= end]
    plain = {"category": None, "entity_id": None, "label": None, "kind": None}
    out, k = [], 0
    for a, b in zip(cuts, cuts[1:]):
        if b <= a:
            continue
        while k < len(kept) and kept[k][1] <= a:
            k += 1
        inside = k < len(kept) and kept[k][0] <= a < kept[k][1]
        info = kept[k][2] if inside else plain
        info = {key: info[key] for key in ("category", "entity_id", "label", "kind")}
        info["mention"] = k if inside else None
        hit = any(qa <= a and b <= qb for qa, qb in queries)
        if out and out[-1]["match"] == hit and all(out[-1][key] == info[key] for key in info) and info["category"] is None:
            out[-1]["text"] += text[a:b]
            continue
        out.append({"text": text[a:b], **info, "match": hit})
    return out


# ---------------------------------------------------------------------------
# Compare
# ---------------------------------------------------------------------------
def compare(corpus, sources: Iterable[str], *, by: str | None = None,
            filters: Filters | Mapping | None = None, top: int = 12) -> dict[str, pd.DataFrame]:
    """Two or more sources side by side: outlets (``by="outlet"``) or documents (``by="doc"``).

    ``by`` is guessed when omitted (documents when every source is a doc_id). ``filters``
    restrict what is compared (e.g. a date range or a query); their ``outlets``/``doc_ids``
    are replaced by each source in turn. Returns a dict of DataFrames, one column per source:

    * ``summary``: documents, sentences, words, first and last publication date;
    * ``actors``: mentions of the ``top`` actors most mentioned across the sources (rows: label);
    * ``corridors``: mentions of every corridor and of the 3+3 format;
    * ``tone``: sentences per tone label for each voice (rows: voice, label), with ``share``
      columns (the fraction of that source's sentences in that voice).

    >>> import araz
    >>> c = compare(araz.load_corpus(), ["Alwaght", "Financial Tribune"])
    >>> c["summary"].loc["documents"].tolist()
    [1, 1]
    """
    if isinstance(sources, str):
        raise ScopeError("compare needs two or more sources: a list of outlets or of doc_ids")
    sources = list(dict.fromkeys(str(s) for s in sources))
    if len(sources) < 2:
        raise ScopeError(f"compare needs two or more sources (outlets or doc_ids), got {len(sources)}")
    ix = index(corpus)
    if by is None:
        if all(s in ix.doc_row for s in sources):
            by = "doc"
        elif all(s in ix.outlets for s in sources):
            by = "outlet"
        else:
            unknown = [s for s in sources if s not in ix.doc_row and s not in ix.outlets]
            raise ScopeError(f"{', '.join(map(repr, unknown)) or 'the sources'}: give either outlets "
                             f"({', '.join(ix.outlets[:8])}…) or doc_ids, not a mix")
    if by not in ("outlet", "doc"):
        raise ScopeError(f"by is {by!r}; use 'outlet' or 'doc'")
    base = Filters.of(filters).replace(unit="sentence")
    summary, actor_cols, corr_cols, tone_rows = {}, {}, {}, []
    for src in sources:
        f = base.replace(outlets=(src,), doc_ids=()) if by == "outlet" else base.replace(doc_ids=(src,), outlets=())
        rows = selection(corpus, f).rows
        docs = np.unique(ix.s_doc[rows])
        dstart = ix.d_start[docs].min() if len(docs) else None
        dend = ix.d_end[docs].max() if len(docs) else None
        summary[src] = {
            "documents": int(len(docs)), "sentences": int(len(rows)), "words": int(ix.s_len[rows].sum()),
            "first date": str(_EPOCH + int(dstart)) if dstart is not None else "",
            "last date": str(_EPOCH + int(dend)) if dend is not None else "",
        }
        mpos = np.flatnonzero(np.isin(ix.m_row, rows))
        ents = pd.Series(ix.m_entity[mpos], dtype=object)
        cats = pd.Series(ix.m_category[mpos], dtype=object)
        actor_cols[src] = ents[cats.values == "actor"].map(ix.entity_label).value_counts()
        corr_cols[src] = ents[cats.values != "actor"].map(ix.entity_label).value_counts()
        for vcode, voice in enumerate(VOICES):
            in_voice = rows[ix.s_voice[rows] == vcode]
            counts = np.bincount(ix.s_tone[in_voice][ix.s_tone[in_voice] >= 0], minlength=len(TONE_LABELS))
            for lcode, lab in enumerate(TONE_LABELS):
                tone_rows.append((src, voice, lab, int(counts[lcode]), len(in_voice)))
    summ = pd.DataFrame(summary)[sources]
    actors = pd.DataFrame(actor_cols).reindex(columns=sources).fillna(0).astype(int)
    if len(actors):
        actors = actors.loc[actors.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    actors.index.name = "actor"
    corridors = pd.DataFrame(corr_cols).reindex(columns=sources).fillna(0).astype(int)
    if len(corridors):
        corridors = corridors.loc[corridors.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    corridors.index.name = "corridor or format"
    t = pd.DataFrame(tone_rows, columns=["source", "voice", "label", "n", "in_voice"])
    tone = t.pivot_table(index=["voice", "label"], columns="source", values="n", sort=False).reindex(columns=sources)
    share = (t.assign(share=lambda d: np.where(d["in_voice"] > 0, d["n"] / d["in_voice"].clip(lower=1), 0.0))
             .pivot_table(index=["voice", "label"], columns="source", values="share", sort=False)
             .reindex(columns=sources).round(3))
    share.columns = [f"{c} share" for c in share.columns]
    tone = pd.concat([tone.astype(int), share], axis=1)
    return {"summary": summ, "actors": actors, "corridors": corridors, "tone": tone, "by": pd.DataFrame({"by": [by]})}


def compare_chart(ax, result: dict[str, pd.DataFrame]):
    """Draw the tone of each compared source (share of sentences per label, own voice vs quoted); return ``ax``."""
    tone = result["tone"]
    counts = tone[[c for c in tone.columns if not str(c).endswith(" share")]]
    sources = list(counts.columns)
    colours = {"coop": "#2b8cbe", "conf": "#d7301f", "mixed": "#9e6ebd", "neutral": "#bdbdbd"}
    bars, names = [], []
    for s in sources:
        for voice in VOICES:
            names.append(f"{s}\n({voice})")
            col = counts[s]
            vals = np.array([col.get((voice, lab), 0) for lab in TONE_LABELS], float)
            bars.append(vals)
    y = np.arange(len(names))
    left = np.zeros(len(names))
    data = np.array(bars) if bars else np.zeros((0, len(TONE_LABELS)))
    totals = data.sum(axis=1) if len(data) else np.zeros(0)
    for j, lab in enumerate(TONE_LABELS):
        share = np.divide(data[:, j], totals, out=np.zeros_like(totals), where=totals > 0) if len(data) else []
        ax.barh(y, share, left=left, color=colours[lab], label=lab)
        left = left + share
    for yi, n in zip(y, totals):
        ax.text(1.01, yi, f"n={int(n)}", va="center", fontsize=8, transform=ax.get_yaxis_transform())
    ax.set_yticks(y, names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of sentences")
    ax.set_title("Tone by source and voice (lexicon labels)")
    ax.legend(ncols=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.08), frameon=False)
    return ax


# ---------------------------------------------------------------------------
# Tone over time
# ---------------------------------------------------------------------------
def tone_series(corpus, filters: Filters | Mapping | None = None, *, max_points: int = 400) -> pd.DataFrame:
    """Tone over time for the selection: one row per (outlet, publication date or range).

    Columns: ``outlet, start, end`` (dates; a range for inferred dates, never a fake
    point), ``estimate`` (bool), ``documents, n`` (sentences), ``score`` (mean tone
    score), ``coop, conf`` (share of sentences labelled so). With more than
    ``max_points`` groups, exact dates are grouped by month per outlet.
    """
    ix = index(corpus)
    sel = selection(corpus, Filters.of(filters).replace(unit="sentence"))
    rows = sel.sentence_rows
    cols = ["outlet", "start", "end", "estimate", "documents", "n", "score", "coop", "conf"]
    if len(rows) == 0:
        return pd.DataFrame(columns=cols)
    # per document first (numpy, linear in the selection), then group the documents
    nd = len(ix.doc_ids)
    doc = ix.s_doc[rows]
    n = np.bincount(doc, minlength=nd)
    score = ix.s_score[rows]
    ok = ~np.isnan(score)
    s_sum = np.bincount(doc[ok], weights=score[ok], minlength=nd)
    s_n = np.bincount(doc[ok], minlength=nd)
    coop = np.bincount(doc, weights=(ix.s_tone[rows] == 0), minlength=nd)
    conf = np.bincount(doc, weights=(ix.s_tone[rows] == 1), minlength=nd)
    d = np.flatnonzero(n)
    df = pd.DataFrame({
        "outlet": np.array(ix.outlets, object)[ix.d_outlet[d]], "start": ix.d_start[d], "end": ix.d_end[d],
        "estimate": ix.documents["date_estimate"].to_numpy(bool)[d], "documents": 1, "n": n[d],
        "s_sum": s_sum[d], "s_n": s_n[d], "coop": coop[d], "conf": conf[d],
    })
    keys = ["outlet", "start", "end", "estimate"]
    if df[keys].drop_duplicates().shape[0] > max_points:
        start = (_EPOCH + df["start"].to_numpy()).astype("datetime64[M]")
        end = (_EPOCH + df["end"].to_numpy()).astype("datetime64[M]")
        same = start == end  # a range that crosses months keeps its own row
        df.loc[same, "start"] = start.astype("datetime64[D]").astype(np.int64)[same]
        df.loc[same, "end"] = ((end + 1).astype("datetime64[D]") - 1).astype(np.int64)[same]
    g = df.groupby(keys, sort=True)[["documents", "n", "s_sum", "s_n", "coop", "conf"]].sum().reset_index()
    g["score"] = np.where(g["s_n"] > 0, g["s_sum"] / g["s_n"].clip(lower=1), np.nan)
    g["coop"] = g["coop"] / g["n"]
    g["conf"] = g["conf"] / g["n"]
    g["start"] = (_EPOCH + g["start"].to_numpy(np.int64)).astype("datetime64[ns]")
    g["end"] = (_EPOCH + g["end"].to_numpy(np.int64)).astype("datetime64[ns]")
    g["documents"] = g["documents"].astype(int)
    g["n"] = g["n"].astype(int)
    return g[cols]


def _trend_warning(series: pd.DataFrame) -> str:
    """The tone module's small-corpus warning for this series ("" when the data are enough)."""
    if series.empty:
        return ""
    n_docs = int(series["documents"].sum())
    n_periods = int(series[["start", "end"]].drop_duplicates().shape[0])
    n_est = int(series.loc[series["estimate"], "documents"].sum())
    try:
        from .tone import trend_warning
    except ImportError:  # pragma: no cover - tone is part of the kit
        return "" if n_docs >= 60 else f"Only {n_docs} documents: an anecdote, not a trend."
    return trend_warning(n_docs, n_periods, n_estimated=n_est) or ""


def chart(ax, corpus, filters: Filters | Mapping | None = None):
    """Draw tone over time for the selection on ``ax`` (n per point, ranges for inferred dates); return ``ax``.

    Each point is the mean tone score of the selected sentences of one outlet at one
    publication date; a horizontal bar shows an inferred date range; the label gives n.
    The small-corpus warning of the tone module is written on the chart.
    """
    import matplotlib.dates as mdates

    series = tone_series(corpus, filters)
    ax.axhline(0, color="#999999", lw=0.8)
    if series.empty or series["score"].isna().all():
        ax.text(0.5, 0.5, "no matches" if series.empty else "no tone scores for this selection",
                ha="center", va="center", transform=ax.transAxes, fontsize=12, color="#666666")
        ax.set_xticks([])
        ax.set_yticks([])
        return ax
    cmap = {o: f"C{i % 10}" for i, o in enumerate(sorted(series["outlet"].unique()))}
    label_points = len(series) <= 40
    for outlet, part in series.groupby("outlet", sort=True):
        mid = part["start"] + (part["end"] - part["start"]) / 2
        x = mdates.date2num(mid)
        xerr = [(mdates.date2num(mid) - mdates.date2num(part["start"])),
                (mdates.date2num(part["end"]) - mdates.date2num(mid))]
        ax.errorbar(x, part["score"], xerr=xerr, fmt="none", ecolor=cmap[outlet], elinewidth=2, alpha=0.6, capsize=2)
        ax.scatter(x, part["score"], s=np.clip(12 + 4 * part["n"].to_numpy(), 14, 160), color=cmap[outlet],
                   alpha=0.85, label=outlet if len(cmap) <= 12 else None, zorder=3)
        if label_points:
            for xi, yi, n in zip(x, part["score"], part["n"]):
                ax.annotate(f"n={n}", (xi, yi), textcoords="offset points", xytext=(4, 4), fontsize=7)
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_ylabel("mean tone score (+ cooperation, − confrontation)")
    n_s, n_d = int(series["n"].sum()), int(series["documents"].sum())
    ax.set_title(f"Tone over time: {n_s:,} sentences in {n_d:,} document{'s' if n_d != 1 else ''}", fontsize=10)
    if len(cmap) <= 12:
        ax.legend(fontsize=7, loc="best")
    warning = _trend_warning(series)
    if warning:
        ax.text(0.01, 0.01, "⚠ " + warning, transform=ax.transAxes, fontsize=7, color="#a94400",
                va="bottom", ha="left", wrap=True)
    return ax


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------
def _export_path(folder, name: str | None, stem: str, suffix: str) -> Path:
    folder = Path(folder if folder not in (None, "") else "exports").expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ScopeError(f"cannot create the export folder '{folder}': {e.strerror}; choose another folder") from None
    if name:
        name = Path(str(name)).name  # a file name, never a path elsewhere
        if not name.endswith(suffix):
            name += suffix
    else:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{stem}-{stamp}{suffix}"
        i = 1
        while (folder / name).exists():
            i += 1
            name = f"{stem}-{stamp}-{i}{suffix}"
    return folder / name


def export_csv(corpus, filters: Filters | Mapping | None = None, folder="exports", name: str | None = None) -> Path:
    """Write every match of ``filters`` (columns of :func:`select`) to a CSV file; return its path.

    The file goes in ``folder`` (created if needed), named ``name`` or
    ``araz-selection-YYYYMMDD-HHMMSS.csv``. The first line after the header is data: the
    filters are recorded in a sibling ``.filters.txt`` file so the CSV stays a plain table.
    """
    df = table(corpus, filters)
    path = _export_path(folder, name, "araz-selection", ".csv")
    try:
        df.to_csv(path, index=False, encoding="utf-8")
        f = Filters.of(filters)
        described = {k: v for k, v in dataclasses.asdict(f).items() if v not in ((), None, "", False)}
        path.with_suffix(".filters.txt").write_text(
            f"Araz explorer export: {len(df)} {f.unit}s\nfilters: {described}\ncorpus fingerprint: {corpus.fingerprint}\n",
            encoding="utf-8")
    except OSError as e:
        raise ScopeError(f"cannot write '{path}': {e.strerror}; choose another folder") from None
    return path


def export_png(fig, folder="exports", name: str | None = None, *, dpi: int = 150) -> Path:
    """Save a matplotlib figure as PNG in ``folder``; return its path."""
    path = _export_path(folder, name, "araz-chart", ".png")
    try:
        fig.savefig(path, dpi=dpi, bbox_inches="tight")
    except OSError as e:
        raise ScopeError(f"cannot write '{path}': {e.strerror}; choose another folder") from None
    return path


# ---------------------------------------------------------------------------
# Tone lab
# ---------------------------------------------------------------------------
def lab_score(corpus, sentence: str, lexicon=None):
    """Score one sentence for the tone lab: a citation of ``corpus`` or any typed text.

    Returns the :class:`araz.tone.Explanation` (``label, score, coop, conf, voice`` and
    ``words``: each matched word, its class, contribution and any negation flip), from
    ``araz.tone.explain`` for a citation and ``araz.tone.score_text`` for typed text.

    >>> import araz
    >>> lab_score(araz.load_corpus(), "Tehran is ready for cooperation instead of confrontation.").label
    'coop'
    """
    from . import tone

    if not isinstance(sentence, str) or not sentence.strip():
        raise ScopeError("type a sentence, or pick one by its citation, to see its tone")
    sentence = sentence.strip()
    if "¶" in sentence and len(sentence) < 200:
        return tone.explain(corpus, sentence, lexicon)
    return tone.score_text(sentence, lexicon)


def lab_agreement(corpus, lexicon=None):
    """Agreement of a (possibly edited) lexicon with the hand labels: ``araz.tone.validate(corpus, lexicon)``.

    Returns the :class:`araz.tone.Validation` (macro-F1 and confusion matrices, ours and VADER's).
    """
    from . import tone

    return tone.validate(corpus, lexicon)
