"""The explorer's :class:`Index`: a corpus as aligned numpy arrays, built once and shared read-only."""
from __future__ import annotations

import copy
import math
import sqlite3
import threading
from collections import OrderedDict
from typing import Iterable

import numpy as np
import pandas as pd

from ..errors import ArazError, QueryError, ScopeError
from .query import CATEGORIES, TONE_LABELS, VOICES, ParsedQuery, Term, _TOKEN

_OPEN, _CLOSE = "\x02", "\x03"  # FTS5 highlight() markers (control characters no text of the kit holds)



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
        from ..search import TOKENIZER as tokenizer  # highlight exactly as the search index tokenizes
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
        from ..gazetteer import mentions

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
        from ..tone import score_sentences

        df = score_sentences(corpus)
    except Exception as err:  # noqa: BLE001 - tone is one view among several; report it, keep the explorer
        return None, f"tone labels are not available ({type(err).__name__}: {err})"
    return df[[c for c in _TONE_COLUMNS if c in df.columns]], None



# ---------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------
def lru_get(cache: OrderedDict, key):
    """The cached value for ``key`` (marked as recently used), or ``None``.

    The class server runs every visitor in its own thread over one shared :class:`Index`:
    a key that another thread evicts between the lookup and ``move_to_end`` is a miss, not
    an error. (Each OrderedDict operation is atomic under the GIL; the pair is not.)
    """
    try:
        hit = cache[key]
        cache.move_to_end(key)
        return hit
    except KeyError:
        return None


def lru_put(cache: OrderedDict, key, value, size: int) -> None:
    """Keep ``value`` under ``key``, dropping the least recently used beyond ``size`` entries."""
    cache[key] = value
    while len(cache) > size:
        try:
            cache.popitem(last=False)
        except KeyError:  # emptied by another thread meanwhile
            break


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
        self.tone_available = False
        tone, warning = _tone(corpus)
        if warning:
            self.warnings.append(warning)
        self._set_tone(tone)

    def _set_tone(self, tone: pd.DataFrame | None) -> None:
        """Fill ``s_tone``, ``s_voice``, ``s_score`` from a ``score_sentences`` frame (or leave them empty)."""
        n = self.n_sentences
        self.s_tone = np.full(n, -1, np.int8)
        self.s_voice = np.full(n, -1, np.int8)
        self.s_score = np.full(n, np.nan, np.float64)
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

    def with_tone(self, tone: pd.DataFrame) -> "Index":
        """A view of this index with other tone labels (a visitor's edited lexicon).

        Shares every array but the three tone arrays (a few bytes per sentence) and the
        query caches (they do not depend on tone); keeps its own selection cache, since a
        tone filter selects differently under other labels.
        """
        view = copy.copy(self)
        view.warnings = [w for w in self.warnings if not w.startswith("tone labels")]
        view.tone_available = False
        view._set_tone(tone[[c for c in _TONE_COLUMNS if c in tone.columns]])
        view._selection_cache = OrderedDict()
        return view

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
                from ..gazetteer import for_corpus

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
        from .. import search

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
        hit = lru_get(self._term_cache, key)
        if hit is not None:
            return hit
        s = self._fts(unit, "group_concat(rowid)", fts, original)
        rows = np.fromstring(s, dtype=np.int64, sep=",") - 1 if s else np.zeros(0, np.int64)
        rows.sort()
        lru_put(self._term_cache, key, rows, 64)
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
        hit = lru_get(self._query_cache, key)
        if hit is not None:
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
        lru_put(self._query_cache, key, out, 32)
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
    """The explorer's :class:`Index` of ``corpus``, built once and kept with the corpus.

    ``corpus`` may also be a :class:`araz.explore.Session`: its index is the shared one, or a
    view of it with the session's own tone labels once its lexicon was edited.
    """
    own = getattr(type(corpus), "explore_index", None)
    if own is not None:
        return own(corpus)
    return corpus.cached("araz.explore.index", lambda: Index(corpus))


