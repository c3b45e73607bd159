"""Keyword in context and ranked full-text search over a corpus.

Two tools:

* :func:`kwic` — every occurrence of a word, a phrase or an entity, with its left and right
  context and its citation (a concordance); :func:`kwic_html` renders it safely.
* :func:`search` — ranked full-text search (SQLite FTS5 from the standard library, BM25) over
  sentences or paragraphs, with filters by outlet, perspective, date range, actor, corridor.

Query syntax
------------
=====================  ==========================================================================
``Baku``               a word (any capitalisation; for :func:`search` also other word forms:
                       *corridors* finds *corridor*, English stemming)
``"Zangezur Corridor"``  a phrase: the words in this order
``corrid*``            a prefix: every word that starts with *corrid*
``Iran AND Israel``    both (writing ``Iran Israel`` means the same in :func:`search`)
``Aras OR Araz``       either
``Iran NOT Israel``    the first without the second (:func:`search` only)
``(Aras OR Araz) AND corridor``  parentheses group (:func:`search` only)
``@iran``              (:func:`kwic` only) every mention of the entity ``iran`` of the gazetteer,
                       in all its aliases ("Tehran", "the Islamic Republic", "Iranian"…);
                       ``@aras-corridor OR @zangezur-corridor`` for several
=====================  ==========================================================================

``AND``, ``OR`` and ``NOT`` are operators only in capitals. Hyphens, apostrophes and other
punctuation inside a word are fine (``North-South``, ``3+3``, ``Iran's``). A query that cannot
be understood (unbalanced quotes or parentheses, an operator with nothing on one side, an
unknown ``@entity``) raises :class:`araz.QueryError` saying what to change.

The index
---------
The search index is built once per corpus (``corpus.cached``) and reused by every call:
sentences and paragraphs are indexed with their document's columns (outlet, perspective,
dates), and a table maps each sentence and paragraph to the entities the gazetteer finds in
it. FTS5 finds the matching units (phrases, prefixes, stemming, AND/OR/NOT); the filters are
boolean masks over the units and the ranking is Okapi BM25 computed in numpy on the filtered
candidates from FTS5's own term statistics (for single words it orders results exactly as
FTS5's ``bm25()``), so that a filter change or a page turn never rescans the text. On 10,000
articles of ~700 words a query with filters answers in tens of milliseconds (see
``benchmarks/``). For a large corpus the index is also saved to disk,
keyed by ``corpus.fingerprint`` and the gazetteer's content, in ``$ARAZ_CACHE_DIR`` (default
``~/.cache/araz``); reopening an unchanged corpus then copies it into memory instead of
rebuilding it.

>>> import araz
>>> corpus = araz.load_corpus()
>>> search(corpus, '"Aras River"')["citation"].tolist()
['alwaght-2025-araghchi-baku ¶17.1']
>>> kwic(corpus, "Khodaafrin", window=3)[["left", "match", "right"]].values.tolist()
[['asked about the', 'Khodaafrin', 'dam, which he']]
"""
from __future__ import annotations

import bisect
import math
import difflib
import html
import os
import re
import sqlite3
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import Corpus
from .dates import parse_bound
from .errors import QueryError, ScopeError
from .paths import shipped

SCHEMA_VERSION = 2
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"  # around matched words in ``snippet``; see :func:`snippet_html`
DEFAULT_LIMIT = 100  # rows search() returns unless asked for more (limit=None: every match)
DISK_CACHE_MIN_SENTENCES = 5_000  # smaller corpora are indexed in memory in a blink
KWIC_COLUMNS = ["doc_id", "citation", "left", "match", "right", "start", "end", "entity_id"]
SEARCH_COLUMNS = ["rank", "score", "doc_id", "citation", "paragraph", "sentence", "start", "end",
                  "text", "snippet", "outlet", "perspective", "published", "title"]
UNITS = ("sentence", "paragraph")
_OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")(?P<pstar>\*)?|(?P<lp>\()|(?P<rp>\))|(?P<word>[^\s()"]+))')
_WORD = re.compile(r"\w")
# The FTS5 tokenizer of the search index: Porter stemming over Unicode words, accents folded.
# Public so that anything highlighting or matching text "as the search does" (the explorer's
# highlighter) tokenizes exactly like the index.
TOKENIZER = "porter unicode61 remove_diacritics 2"
_TOKENIZER = TOKENIZER  # the older private name


# ---------------------------------------------------------------------------------------------
# Query parsing
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Term:
    text: str          # the words, as typed (no quotes, no star)
    prefix: bool
    phrase: bool


def _tokens(query) -> list:
    """Split a query into terms, operators and parentheses; check quotes and grammar."""
    if not isinstance(query, str):
        raise QueryError(f"a query is text, not {type(query).__name__}; e.g. '\"Zangezur Corridor\"' or 'corrid*'")
    if query.count('"') % 2:
        raise QueryError(f"unbalanced quotes in {query!r}: a phrase opens with \" but does not close; "
                         "add the closing \" or remove the quote")
    items: list = []
    pos = 0
    text = query.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:  # pragma: no cover - the pattern matches any non-space
            raise QueryError(f"cannot read the query {query!r} at character {pos + 1}")
        pos = m.end()
        if m.group("phrase"):
            inner = m.group("phrase")[1:-1].strip()
            if not _WORD.search(inner):
                raise QueryError(f"the phrase {m.group('phrase')} in {query!r} has no words; put words between the quotes")
            items.append(_Term(inner, bool(m.group("pstar")), True))
        elif m.group("lp"):
            items.append("(")
        elif m.group("rp"):
            items.append(")")
        else:
            word = m.group("word")
            if word in _OPERATORS:
                items.append(word)
                continue
            prefix = word.endswith("*")
            base = word.rstrip("*")
            if "*" in base:
                raise QueryError(f"'*' in {word!r} can only end a word (a prefix such as corrid*)")
            if not _WORD.search(base):
                if prefix:
                    raise QueryError(f"'*' in {query!r} must follow the start of a word, e.g. corrid*")
                continue  # bare punctuation such as "—" or "+": nothing to search for
            items.append(_Term(base, prefix, False))
    _check_grammar(items, query)
    return items


def _check_grammar(items: list, query: str) -> None:
    no_words = f"the query {query!r} has no words to search for; type a word, a \"phrase\" or a prefix*"
    if not items:
        raise QueryError(no_words)
    expect_operand, depth, last_op = True, 0, None
    for item in items:
        if isinstance(item, _Term):
            expect_operand = False
        elif item == "(":
            depth += 1
            expect_operand = True
        elif item == ")":
            if expect_operand:
                what = f"'{last_op}'" if last_op else "'('"
                raise QueryError(f"{what} in {query!r} has nothing after it before ')'; add a word or remove it")
            depth -= 1
            if depth < 0:
                raise QueryError(f"unbalanced parentheses in {query!r}: a ')' has no '(' before it")
        else:  # operator
            if expect_operand:
                raise QueryError(f"'{item}' in {query!r} needs a word on its left, e.g. 'Aras {item} Araz'"
                                 + (" (AND, OR and NOT join two terms)" if item == "NOT" else ""))
            expect_operand, last_op = True, item
            continue
        last_op = None
    if expect_operand:
        raise QueryError(f"'{last_op}' at the end of {query!r} needs a word on its right, e.g. 'Aras {last_op} Araz'"
                         if last_op else f"'(' in {query!r} is never closed; add ')'")
    if depth > 0:
        raise QueryError(f"unbalanced parentheses in {query!r}: a '(' is never closed; add ')'")
    if not any(isinstance(i, _Term) for i in items):
        raise QueryError(no_words)


def _fts_term(term: _Term) -> str:
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def to_fts(query: str) -> str:
    """Return the SQLite FTS5 expression for a query in the kit's syntax (see the module doc).

    Every term is quoted, so punctuation cannot break FTS5; adjacent terms get an explicit AND.

    >>> to_fts('Aras OR "Araz Corridor" corrid*')
    '"Aras" OR "Araz Corridor" AND "corrid"*'
    """
    out: list[str] = []
    prev_operand = False
    for item in _tokens(query):
        if isinstance(item, _Term) or item == "(":
            if prev_operand:
                out.append("AND")
            out.append(_fts_term(item) if isinstance(item, _Term) else "(")
            prev_operand = isinstance(item, _Term)
        elif item == ")":
            out.append(")")
            prev_operand = True
        else:
            out.append(item)
            prev_operand = False
    return " ".join(out).replace("( ", "(").replace(" )", ")")


# ---------------------------------------------------------------------------------------------
# Entities known to the gazetteer
# ---------------------------------------------------------------------------------------------
def _known_entities(corpus: Corpus) -> dict[str, str]:
    """``{entity_id: category}`` (actor, format, corridor) of the gazetteer that applies to ``corpus``."""
    from . import gazetteer

    def compute():
        ents = gazetteer.for_corpus(corpus).entities
        return dict(zip(ents["entity_id"], ents["category"]))

    return corpus.cached(("search", "known-entities"), compute)


def _all_mentions(corpus: Corpus) -> pd.DataFrame:
    from . import gazetteer

    return gazetteer.mentions(corpus)


def _unknown(ids, known, what: str, error=ScopeError):
    bad = [i for i in ids if i not in known]
    if bad:
        hints = []
        for b in bad:
            close = difflib.get_close_matches(b, list(known), n=3)
            hints.append(f"'{b}'" + (f" (did you mean {', '.join(close)}?)" if close else ""))
        table = {"corridor": "corridors.csv", "actor": "actors.csv"}.get(what, "actors.csv or corridors.csv")
        raise error(f"unknown {what} {', '.join(hints)}; ids are the entity_id column of data/gazetteer/{table}")


# ---------------------------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------------------------
@dataclass
class Index:
    """A corpus's search index: an in-memory SQLite database with FTS5 tables.

    Tables: ``docs`` (one row per document: ``doc_id, title, outlet, perspective, published,
    d0, d1`` — the date range as day numbers), ``sentence`` and ``paragraph`` (the units, with
    offsets, citation and text), their FTS5 tables ``sentence_fts`` / ``paragraph_fts``, and
    ``sentence_entities`` / ``paragraph_entities`` (``entity_id, category, unit``).
    """

    conn: sqlite3.Connection
    fingerprint: str
    source: str = "built"            # "built" or "disk cache"
    path: Path | None = None          # the on-disk copy, if any
    cache_error: str | None = None    # why the disk cache could not be written, if it could not
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def query(self, sql: str, params=()) -> list[tuple]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def entity_ids(self) -> set[str]:
        return {r[0] for r in self.query("SELECT DISTINCT entity_id FROM sentence_entities")}


def cache_dir() -> Path:
    """The folder for on-disk indexes: ``$ARAZ_CACHE_DIR`` or ``~/.cache/araz``."""
    env = os.environ.get("ARAZ_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "araz"


def _gazetteer_key(corpus: Corpus) -> str:
    """Changes whenever matching can change: the gazetteer tables and the matcher's code."""
    import hashlib

    from . import gazetteer

    h = hashlib.sha256(gazetteer.for_corpus(corpus).fingerprint.encode())
    h.update(Path(gazetteer.__file__).read_bytes())
    return h.hexdigest()


def _cache_path(corpus: Corpus) -> Path:
    return cache_dir() / f"search-v{SCHEMA_VERSION}-{corpus.fingerprint[:24]}-{_gazetteer_key(corpus)[:12]}.sqlite"


_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs(id INTEGER PRIMARY KEY, doc_id TEXT UNIQUE, title TEXT, outlet TEXT, perspective TEXT,
                  published TEXT, d0 INTEGER, d1 INTEGER);
CREATE INDEX docs_outlet ON docs(outlet);
CREATE INDEX docs_perspective ON docs(perspective);
CREATE TABLE sentence(id INTEGER PRIMARY KEY, doc INTEGER, paragraph INTEGER, sentence INTEGER,
                      start INTEGER, "end" INTEGER, citation TEXT, text TEXT, ntok INTEGER);
CREATE TABLE paragraph(id INTEGER PRIMARY KEY, doc INTEGER, paragraph INTEGER, sentence INTEGER,
                       start INTEGER, "end" INTEGER, citation TEXT, text TEXT, ntok INTEGER);
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentence', content_rowid='id', tokenize='{_TOKENIZER}');
CREATE VIRTUAL TABLE paragraph_fts USING fts5(text, content='paragraph', content_rowid='id', tokenize='{_TOKENIZER}');
CREATE TABLE sentence_entities(entity_id TEXT, category TEXT, unit INTEGER, PRIMARY KEY(entity_id, unit)) WITHOUT ROWID;
CREATE TABLE paragraph_entities(entity_id TEXT, category TEXT, unit INTEGER, PRIMARY KEY(entity_id, unit)) WITHOUT ROWID;
"""


def _ntok(texts: pd.Series) -> list[int]:
    """Number of word tokens per text (as FTS5's unicode61 tokenizer counts them, near enough)."""
    return texts.str.count(r"\w+").tolist()


def _order_key(corpus: Corpus) -> str:
    """Unit ids are positions in the corpus tables: a cached index is only valid for the same order."""
    import hashlib

    h = hashlib.sha256()
    for frame in (corpus.sentences, corpus.paragraphs):
        h.update("\n".join(frame["citation"]).encode())
    return h.hexdigest()


def _populate(conn: sqlite3.Connection, corpus: Corpus) -> None:
    conn.executescript(_SCHEMA)
    docs = corpus.documents.reset_index(drop=True)
    doc_num = {d: i + 1 for i, d in enumerate(docs["doc_id"])}
    conn.executemany(
        "INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)",
        [(doc_num[r.doc_id], r.doc_id, r.title, r.outlet, r.perspective, r.date_label,
          r.published_start.toordinal(), r.published_end.toordinal())
         for r in docs.itertuples(index=False)])
    s = corpus.sentences
    s_ids = pd.RangeIndex(1, len(s) + 1)
    conn.executemany(
        "INSERT INTO sentence VALUES (?,?,?,?,?,?,?,?,?)",
        zip(s_ids.tolist(), s["doc_id"].map(doc_num).tolist(), s["paragraph"].tolist(), s["sentence"].tolist(),
            s["start"].tolist(), s["end"].tolist(), s["citation"].tolist(), s["text"].tolist(), _ntok(s["text"])))
    p = corpus.paragraphs
    p_ids = pd.RangeIndex(1, len(p) + 1)
    conn.executemany(
        "INSERT INTO paragraph VALUES (?,?,?,NULL,?,?,?,?,?)",
        zip(p_ids.tolist(), p["doc_id"].map(doc_num).tolist(), p["paragraph"].tolist(),
            p["start"].tolist(), p["end"].tolist(), p["citation"].tolist(), p["text"].tolist(), _ntok(p["text"])))
    conn.execute("INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('rebuild')")
    m = _all_mentions(corpus)
    if len(m):
        keys = pd.DataFrame({"doc_id": s["doc_id"], "paragraph": s["paragraph"], "sentence": s["sentence"], "unit": s_ids})
        ms = m[["doc_id", "paragraph", "sentence", "entity_id", "category"]].merge(keys, on=["doc_id", "paragraph", "sentence"])
        conn.executemany("INSERT OR IGNORE INTO sentence_entities VALUES (?,?,?)",
                         zip(ms["entity_id"], ms["category"], ms["unit"].astype(int).tolist()))
        pkeys = pd.DataFrame({"doc_id": p["doc_id"], "paragraph": p["paragraph"], "unit": p_ids})
        mp = m[["doc_id", "paragraph", "entity_id", "category"]].merge(pkeys, on=["doc_id", "paragraph"])
        conn.executemany("INSERT OR IGNORE INTO paragraph_entities VALUES (?,?,?)",
                         zip(mp["entity_id"], mp["category"], mp["unit"].astype(int).tolist()))
    conn.executemany("INSERT INTO meta VALUES (?,?)", [
        ("schema", str(SCHEMA_VERSION)), ("fingerprint", corpus.fingerprint), ("gazetteer", _gazetteer_key(corpus)),
        ("order", _order_key(corpus))])
    conn.commit()


def _open_cached(path: Path, corpus: Corpus) -> sqlite3.Connection | None:
    if not path.exists():
        return None
    try:
        disk = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(disk.execute("SELECT key, value FROM meta").fetchall())
            if (meta.get("fingerprint") != corpus.fingerprint or meta.get("schema") != str(SCHEMA_VERSION)
                    or meta.get("gazetteer") != _gazetteer_key(corpus) or meta.get("order") != _order_key(corpus)):
                return None
            mem = sqlite3.connect(":memory:", check_same_thread=False)
            disk.backup(mem)
            return mem
        finally:
            disk.close()
    except sqlite3.DatabaseError:
        return None  # a damaged cache file is rebuilt


def _save(conn: sqlite3.Connection, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        disk = sqlite3.connect(tmp)
        try:
            conn.backup(disk)
        finally:
            disk.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build_index(corpus: Corpus, *, cache: bool | None = None) -> Index:
    """Return the corpus's search index, building it on first use (then it is reused).

    ``cache``: ``True`` keeps a copy on disk (see :func:`cache_dir`) and reuses it when the
    same corpus is loaded again; ``False`` never touches the disk; ``None`` (default) does so
    only for corpora of at least 5,000 sentences. A cache that cannot be written is not an
    error: the index still works from memory and ``Index.cache_error`` says why.

    >>> import araz
    >>> build_index(araz.load_corpus()).query("SELECT count(*) FROM docs")
    [(4,)]
    """
    def compute() -> Index:
        use_disk = cache if cache is not None else len(corpus.sentences) >= DISK_CACHE_MIN_SENTENCES
        path = _cache_path(corpus) if use_disk else None
        if path is not None:
            conn = _open_cached(path, corpus)
            if conn is not None:
                return Index(conn, corpus.fingerprint, source="disk cache", path=path)
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _populate(conn, corpus)
        index = Index(conn, corpus.fingerprint, path=None)
        if path is not None:
            try:
                _save(conn, path)
                index.path = path
                for old in path.parent.glob(f"search-v*-{corpus.fingerprint[:24]}-*.sqlite"):
                    if old != path:  # the same corpus indexed with an older gazetteer or schema
                        old.unlink(missing_ok=True)
            except OSError as exc:
                index.cache_error = f"{path}: {exc.strerror or exc}"
        return index

    index = corpus.cached(("search", "index"), compute)
    _engine(corpus, index, "sentence")  # arrays for filters and ranking, ready for the first query
    return index


# ---------------------------------------------------------------------------------------------
# The query engine: FTS5 finds the matching units; numpy filters and ranks them (BM25)
# ---------------------------------------------------------------------------------------------
K1, B = 1.2, 0.75  # the usual BM25 constants (also FTS5's)
_CACHE_SIZE = 64


class _LRU(OrderedDict):
    def get_or(self, key, compute):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = compute()
        if len(self) > _CACHE_SIZE:
            self.popitem(last=False)
        return value


class _Engine:
    """Per corpus and unit: arrays for filtering, term statistics for ranking, small caches.

    Matching is FTS5's (phrases, prefixes, AND/OR/NOT, stemming). Filters are boolean masks
    over the units (document columns broadcast to units, and per-entity unit sets from the
    precomputed sentence→entity table), so a filter change costs microseconds per thousand
    units and never rescans text. Ranking is Okapi BM25 (k1 = 1.2, b = 0.75, FTS5's idf)
    computed in numpy from FTS5's own term statistics, so that it can run on the filtered
    candidates only; a phrase counts as often as its rarest word occurs in the unit.
    """

    def __init__(self, corpus: Corpus, index: Index, unit: str):
        self.index, self.unit = index, unit
        frame = corpus.sentences if unit == "sentence" else corpus.paragraphs
        docs = corpus.documents.reset_index(drop=True)
        doc_pos = {d: i for i, d in enumerate(docs["doc_id"])}
        self.unit_doc = frame["doc_id"].map(doc_pos).to_numpy(np.int64)
        self.n = len(frame)
        self.outlet = docs["outlet"].to_numpy()
        self.perspective = docs["perspective"].to_numpy()
        self.d0 = np.array([d.toordinal() for d in docs["published_start"]], dtype=np.int64)
        self.d1 = np.array([d.toordinal() for d in docs["published_end"]], dtype=np.int64)
        # order without a query: by date, then document, then position
        doc_rank = np.empty(len(docs), dtype=np.int64)
        doc_rank[np.lexsort((docs["doc_id"].to_numpy(), self.d0))] = np.arange(len(docs))
        self.doc_order = doc_rank[self.unit_doc] * (self.n + 1) + np.arange(self.n)
        lengths = index.query(f"SELECT group_concat(ntok) FROM (SELECT ntok FROM {unit} ORDER BY id)")[0][0]
        self.length = _ints(lengths, self.n).astype(float)
        self.avg = float(self.length.mean()) if self.n else 1.0
        self.matches, self.postings, self.entities, self.vocab = _LRU(), _LRU(), {}, {}
        with index.lock:
            conn = index.conn
            conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{unit}_vi USING fts5vocab(main, {unit}_fts, 'instance')")
            conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{unit}_vr USING fts5vocab(main, {unit}_fts, 'row')")
            conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.scratch_fts USING fts5(text, tokenize='{_TOKENIZER}')")
            conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.scratch_vr USING fts5vocab(temp, scratch_fts, 'row')")
            conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.page_fts USING fts5(text, tokenize='{_TOKENIZER}')")

    # ---- filters -------------------------------------------------------------------------
    def entity_units(self, entity_id: str) -> np.ndarray:
        if entity_id not in self.entities:
            got = self.index.query(f"SELECT group_concat(unit) FROM {self.unit}_entities WHERE entity_id = ?", (entity_id,))[0][0]
            self.entities[entity_id] = _ints(got)
        return self.entities[entity_id]

    def mask(self, lo, hi, *, outlets, perspectives, entity_sets) -> np.ndarray:
        doc_ok = np.ones(len(self.d0), dtype=bool)
        if outlets is not None:
            doc_ok &= np.isin(self.outlet, outlets)
        if perspectives is not None:
            doc_ok &= np.isin(self.perspective, perspectives)
        if lo is not None:
            doc_ok &= self.d1 >= lo.toordinal()
        if hi is not None:
            doc_ok &= self.d0 <= hi.toordinal()
        mask = doc_ok[self.unit_doc]
        for ids in entity_sets:
            hit = np.zeros(self.n, dtype=bool)
            for e in ids:
                hit[self.entity_units(e) - 1] = True
            mask &= hit
        return mask

    # ---- matching and ranking ------------------------------------------------------------
    def match(self, fts: str) -> np.ndarray:
        def compute():
            got = self.index.query(f"SELECT group_concat(rowid) FROM {self.unit}_fts WHERE {self.unit}_fts MATCH ?", (fts,))[0][0]
            return _ints(got)
        return self.matches.get_or(fts, compute)

    def _stems(self, words: str) -> list[str]:
        """The tokens FTS5 makes of ``words`` (lower case, stemmed), in order."""
        out = []
        for w in re.findall(r"\w+", words):
            if w not in self.vocab:
                with self.index.lock:
                    conn = self.index.conn
                    conn.execute("DELETE FROM temp.scratch_fts")
                    conn.execute("INSERT INTO temp.scratch_fts(text) VALUES (?)", (w,))
                    self.vocab[w] = [r[0] for r in conn.execute("SELECT term FROM temp.scratch_vr")]
            out.extend(self.vocab[w])
        return out

    def term_postings(self, term: str, prefix: bool) -> tuple[np.ndarray, np.ndarray]:
        """Unit ids containing the token (or any token with this prefix) and how often."""
        def compute():
            if prefix:
                sql = f"SELECT group_concat(doc) FROM temp.{self.unit}_vi WHERE term >= ? AND term < ?"
                params = (term, term + "\U0010ffff")
            else:
                sql = f"SELECT group_concat(doc) FROM temp.{self.unit}_vi WHERE term = ?"
                params = (term,)
            docs = _ints(self.index.query(sql, params)[0][0])
            ids, tf = np.unique(docs, return_counts=True)
            return ids, tf.astype(float)
        return self.postings.get_or((term, prefix), compute)

    def score(self, ids: np.ndarray, items: list) -> np.ndarray:
        """BM25 of each candidate unit for the positive terms of the query."""
        scores = np.zeros(len(ids))
        if not len(ids):
            return scores
        negated = False
        length = self.length[ids - 1]
        norm = K1 * (1 - B + B * length / self.avg)
        for item in items:
            if item == "NOT":
                negated = True
                continue
            if not isinstance(item, _Term):
                if item in ("AND", "OR"):
                    negated = False
                continue
            if negated:  # NOT b: b adds nothing to the score
                negated = False
                continue
            stems = self._stems(item.text)
            if not stems:
                continue
            tfs, ns = [], []
            for j, stem in enumerate(stems):
                pids, ptf = self.term_postings(stem, item.prefix and j == len(stems) - 1)
                pos = np.searchsorted(pids, ids)
                pos[pos >= len(pids)] = 0
                found = (pids[pos] == ids) if len(pids) else np.zeros(len(ids), dtype=bool)
                tfs.append(np.where(found, ptf[pos] if len(pids) else 0.0, 0.0))
                ns.append(len(pids))
            tf = np.minimum.reduce(tfs)
            n = min(ns)
            idf = math.log((self.n - n + 0.5) / (n + 0.5)) if n else 0.0
            idf = max(idf, 1e-6)
            scores += idf * tf * (K1 + 1) / (tf + norm)
        return scores

    def snippets(self, fts: str, ids: np.ndarray, texts) -> list[str]:
        """FTS5's snippet (matched words between ⟦ ⟧) for each unit id.

        A page of results is copied into a small scratch FTS5 table and matched again there,
        so the snippets follow FTS5's own matching (stems, prefixes, phrases) at the cost of
        a few rows rather than of the whole index.
        """
        snip = f"snippet(%s, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24)"
        if len(ids) > 2_000:
            got = dict(self.index.query(f"SELECT rowid, {snip % (self.unit + '_fts')} FROM {self.unit}_fts "
                                        f"WHERE {self.unit}_fts MATCH ?", (fts,)))
            return [got.get(i, "") for i in ids.tolist()]
        with self.index.lock:
            conn = self.index.conn
            conn.execute("DELETE FROM temp.page_fts")
            conn.executemany("INSERT INTO temp.page_fts(rowid, text) VALUES (?, ?)", zip(ids.tolist(), texts))
            got = dict(conn.execute(f"SELECT rowid, {snip % 'page_fts'} FROM temp.page_fts WHERE page_fts MATCH ?", (fts,)))
            conn.execute("DELETE FROM temp.page_fts")
        return [got.get(i, "") for i in ids.tolist()]


def _ints(text: str | None, n: int | None = None) -> np.ndarray:
    """The integers of SQLite's ``group_concat`` (``"3,17,42"``) as an array.

    ``np.fromstring`` parses in C, 7x faster than splitting into a million Python strings
    (a common word matches ~1 M sentences of 100,000 articles); the comma count checks that
    it read every number."""
    if not text:
        return np.zeros(0 if n is None else n, dtype=np.int64)
    out = np.fromstring(text, dtype=np.int64, sep=",")
    if len(out) != text.count(",") + 1:
        raise ValueError(f"unexpected list of numbers from the index: {text[:80]!r}")
    return out


def _engine(corpus: Corpus, index: Index, unit: str) -> _Engine:
    return corpus.cached(("search", "engine", unit, id(index)), lambda: _Engine(corpus, index, unit))


# ---------------------------------------------------------------------------------------------
# search
# ---------------------------------------------------------------------------------------------
def _as_list(value, name: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    try:
        values = [str(v) for v in value]
    except TypeError:
        raise ScopeError(f"{name} must be a name or a list of names, not {type(value).__name__}") from None
    return values


def search(corpus: Corpus, query: str | None = None, *, outlets=None, perspectives=None, start=None, end=None,
           actors=None, corridors=None, entities=None, unit: str = "sentence", limit: int | None = DEFAULT_LIMIT,
           offset: int = 0) -> pd.DataFrame:
    """Return the sentences (or paragraphs) that match ``query`` and the filters, best first.

    Columns: ``rank`` (1 = best), ``score`` (BM25, higher is better; empty without a query),
    ``doc_id, citation, paragraph, sentence`` (empty for paragraphs), ``start, end`` (offsets
    in the document), ``text``, ``snippet`` (the text around the matches, matched words between
    ⟦ ⟧ — :func:`snippet_html` turns them into ``<mark>``), ``outlet, perspective, published``
    (the date label) and ``title``. ``df.attrs["total"]`` is the number of all matches, also
    when ``limit`` cuts the rows (for "page 2 of 40").

    * ``query``: see the module doc (words, "phrases", prefix*, AND / OR / NOT, parentheses);
      ``None`` or ``""`` returns every unit that passes the filters, in document order.
    * ``outlets``, ``perspectives``: a name or a list (any of them).
    * ``start``, ``end``: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a date. A document whose date
      is an inferred range matches when that range overlaps the window.
    * ``actors``, ``corridors``, ``entities``: gazetteer ids (``iran``, ``aras-corridor``…);
      a unit must mention at least one of the listed actors, and one of the listed corridors.
      ``entities`` takes ids of any kind (e.g. the 3+3 format).
    * ``unit``: ``"sentence"`` or ``"paragraph"``; ``limit``/``offset``: one page of results.
      Like a search engine, it returns the best :data:`DEFAULT_LIMIT` (100) by default —
      ``attrs["total"]`` still counts every match; ``limit=None`` returns all of them (on a
      large corpus a common word can match hundreds of thousands of sentences).

    Bad syntax raises :class:`araz.QueryError`; unknown outlets or ids, or ``end`` before
    ``start``, raise :class:`araz.ScopeError`.

    >>> import araz
    >>> c = araz.load_corpus()
    >>> search(c, "corrid*", outlets="Alwaght", limit=2)[["rank", "citation"]].values.tolist()
    [[1, 'alwaght-2025-araghchi-baku ¶14.1'], [2, 'alwaght-2025-araghchi-baku ¶17.1']]
    """
    if unit not in UNITS:
        raise ScopeError(f"unit='{unit}' is not supported; use 'sentence' or 'paragraph'")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ScopeError(f"limit must be a whole number ≥ 0 or None, not {limit!r}")
    if not isinstance(offset, int) or offset < 0:
        raise ScopeError(f"offset must be a whole number ≥ 0, not {offset!r}")
    fts = to_fts(query) if query is not None and str(query).strip() else None
    index = build_index(corpus)
    docs = corpus.documents
    for name, column, values in (("outlet", "outlet", _as_list(outlets, "outlets")),
                                 ("perspective", "perspective", _as_list(perspectives, "perspectives"))):
        if values is None:
            continue
        known = set(docs[column])
        bad = [v for v in values if v not in known]
        if bad:
            raise ScopeError(f"unknown {name} {', '.join(map(repr, bad))}; this corpus has: {', '.join(sorted(known))}")
    lo = parse_bound(start, first=True, name="start")
    hi = parse_bound(end, first=False, name="end")
    if lo and hi and hi < lo:
        raise ScopeError(f"end {end} is before start {start}; swap them")
    known_entities = _known_entities(corpus)
    entity_sets = []
    for name, values, allowed in (
            ("actor", _as_list(actors, "actors"), {k for k, v in known_entities.items() if v in ("actor", "format")}),
            ("corridor", _as_list(corridors, "corridors"), {k for k, v in known_entities.items() if v == "corridor"}),
            ("entity", _as_list(entities, "entities"), set(known_entities))):
        if values is None:
            continue
        _unknown(values, allowed, name)
        entity_sets.append(values)
    eng = _engine(corpus, index, unit)
    mask = eng.mask(lo, hi, outlets=_as_list(outlets, "outlets"), perspectives=_as_list(perspectives, "perspectives"),
                    entity_sets=entity_sets)
    try:
        if fts is not None:
            ids = eng.match(fts)
            ids = ids[mask[ids - 1]]
            scores = eng.score(ids, _tokens(query))
            order = np.lexsort((ids, -scores))  # best first; ties in document order
        else:
            ids = np.flatnonzero(mask) + 1
            scores = np.full(len(ids), np.nan)
            order = np.argsort(eng.doc_order[ids - 1], kind="stable")
    except sqlite3.OperationalError as exc:  # FTS5 rejects what our checks let through
        raise QueryError(f"the search engine cannot read {query!r} ({exc}); "
                         "use words, \"phrases\", prefix* and AND / OR / NOT between terms") from None
    total = len(ids)
    stop = total if limit is None else min(total, offset + limit)
    page = order[offset:stop]
    page_ids, page_scores = ids[page], scores[page]
    frame = corpus.sentences if unit == "sentence" else corpus.paragraphs
    rows = frame.iloc[page_ids - 1]
    docs = corpus.documents.set_index("doc_id")
    meta = docs.loc[rows["doc_id"], ["outlet", "perspective", "date_label", "title"]].reset_index(drop=True)
    df = pd.DataFrame({
        "rank": np.arange(offset + 1, offset + len(page_ids) + 1),
        "score": page_scores.astype(float),
        "doc_id": rows["doc_id"].to_numpy(), "citation": rows["citation"].to_numpy(),
        "paragraph": rows["paragraph"].to_numpy(),
        "sentence": pd.array(rows["sentence"].to_numpy() if unit == "sentence" else [None] * len(rows), dtype="Int64"),
        "start": rows["start"].to_numpy(), "end": rows["end"].to_numpy(), "text": rows["text"].to_numpy(),
        "snippet": eng.snippets(fts, page_ids, rows["text"].tolist()) if fts is not None else rows["text"].to_numpy(),
        "outlet": meta["outlet"].to_numpy(), "perspective": meta["perspective"].to_numpy(),
        "published": meta["date_label"].to_numpy(), "title": meta["title"].to_numpy(),
    }, columns=SEARCH_COLUMNS)
    df.attrs["total"] = int(total)
    df.attrs["query"] = query
    return df


def count(corpus: Corpus, query: str | None = None, **filters) -> int:
    """Return how many units match (the same arguments as :func:`search`, without paging)."""
    filters.pop("limit", None)
    filters.pop("offset", None)
    return search(corpus, query, limit=0, **filters).attrs["total"]


def snippet_html(snippet: str) -> str:
    """Escape a snippet for HTML and turn its ⟦ ⟧ markers into ``<mark>`` … ``</mark>``."""
    return html.escape(str(snippet)).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


# ---------------------------------------------------------------------------------------------
# Keyword in context
# ---------------------------------------------------------------------------------------------
_DASHES = "-‐‑‒–—"
_APOSTROPHES = "'’ʼ"
_JOINERS = "+&/"


def _word_pattern(word: str, prefix: bool) -> str:
    out = []
    for ch in word:
        if ch in _DASHES:
            out.append(f"[{re.escape(_DASHES)}]")
        elif ch in _APOSTROPHES:
            out.append(f"[{_APOSTROPHES}]")
        elif ch in _JOINERS:  # "3+3" also finds "3 + 3"
            out.append(r"\s*" + re.escape(ch) + r"\s*")
        else:
            out.append(re.escape(ch))
    return "".join(out) + (r"\w*" if prefix else "")


@dataclass(frozen=True)
class _TextQuery:
    pattern: re.Pattern       # case-insensitive, with word boundaries: for any text
    fast: re.Pattern          # the same on lower-cased text, case-sensitive, boundary before checked by hand
    lead: tuple[bool, ...]    # per alternative: must the match not follow a word character?
    needles: tuple[str, ...]  # per alternative: a lower-case run of letters every match contains


def _kwic_pattern(query: str) -> tuple[_TextQuery | None, list[str] | None]:
    """Return (text query, None) for words and phrases, or (None, entity ids) for ``@entity`` queries."""
    q = query.strip() if isinstance(query, str) else query
    if not isinstance(q, str) or not q:
        raise QueryError("kwic needs a word, a \"phrase\", a prefix* or an @entity_id to look for")
    words = q.replace("(", " ( ").replace(")", " ) ").split()
    if any(w.startswith("@") for w in words):
        ids = [w[1:] for w in words if w != "OR"]
        if not all(w.startswith("@") or w == "OR" for w in words) or any(not i for i in ids):
            raise QueryError(f"{query!r}: write entity queries as @entity_id, several joined by OR "
                             "(e.g. '@aras-corridor OR @zangezur-corridor'); do not mix them with words")
        return None, ids
    items = _tokens(q)
    alternatives: list[list[_Term]] = [[]]
    for item in items:
        if item in ("AND", "NOT", "(", ")"):
            raise QueryError(f"kwic shows each occurrence of a word or phrase, so {item!r} in {query!r} "
                             "cannot be used; use OR between alternatives, or search() for AND / NOT")
        if item == "OR":
            alternatives.append([])
        else:
            alternatives[-1].append(item)
    parts, fast, leads, needles = [], [], [], []
    for alt in alternatives:
        words_re, words_low = [], []
        for term in alt:
            ws = term.text.split()
            for j, w in enumerate(ws):
                prefix = term.prefix and j == len(ws) - 1
                words_re.append(_word_pattern(w, prefix))
                words_low.append(_word_pattern(w.lower(), prefix))
        first, last = alt[0].text[0], alt[-1].text[-1]
        lead = bool(_WORD.match(first))
        tail = r"(?!\w)" if (_WORD.match(last) and not alt[-1].prefix) else ""
        parts.append((r"(?<!\w)" if lead else "") + r"\s+".join(words_re) + tail)
        fast.append(r"\s+".join(words_low) + tail)
        leads.append(lead)
        runs = [r for term in alt for r in re.findall(r"\w+", term.text.lower())]
        needles.append(max(runs, key=len) if runs else "")
    return _TextQuery(re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE),
                      re.compile("|".join(f"({p})" for p in fast)), tuple(leads), tuple(needles)), None


def _spans(corpus: Corpus) -> dict:
    """Per document: where its sentences and paragraphs are, as numpy arrays (for searchsorted)."""
    def compute():
        out = {}
        for name, frame in (("s", corpus.sentences), ("p", corpus.paragraphs)):
            docs = frame["doc_id"].to_numpy()
            starts = frame["start"].to_numpy(np.int64)
            ends = frame["end"].to_numpy(np.int64)
            cites = frame["citation"].to_numpy()
            cut = np.flatnonzero(docs[1:] != docs[:-1]) + 1
            bounds = np.concatenate([[0], cut, [len(docs)]])
            for lo, hi in zip(bounds[:-1], bounds[1:]):
                if hi > lo:
                    out.setdefault(docs[lo], {})[name] = (starts[lo:hi], ends[lo:hi], cites[lo:hi])
        return out

    return corpus.cached(("search", "spans"), compute)


def _lowered(corpus: Corpus) -> dict:
    """Lower-cased document texts (only where lower-casing keeps every offset)."""
    def compute():
        out = {}
        for doc in corpus:
            low = doc.text.lower()
            out[doc.doc_id] = low if len(low) == len(doc.text) else None
        return out

    return corpus.cached(("search", "lowered"), compute)


def _context(text: str, sp: dict, a: int, b: int, window: int) -> tuple[str, str, str]:
    p0, p1, cite = 0, len(text), ""
    if "p" in sp:
        starts, ends, cites = sp["p"]
        i = int(np.searchsorted(starts, a, side="right")) - 1
        if i >= 0:
            p0, p1, cite = int(starts[i]), int(ends[i]), cites[i]
    if "s" in sp:
        starts, ends, cites = sp["s"]
        j = int(np.searchsorted(starts, a, side="right")) - 1
        if j >= 0 and a < ends[j]:
            cite = cites[j]
    left = text[max(p0, a - 40 * (window + 1)):a].split()
    right = text[b:min(p1, b + 40 * (window + 1))].split()
    if a - 40 * (window + 1) > p0 and len(left) <= window:  # very long words: take the whole paragraph
        left = text[p0:a].split()
    if b + 40 * (window + 1) < p1 and len(right) < window:
        right = text[b:p1].split()
    return " ".join(left[-window:] if window else []), " ".join(right[:window]), cite


def _text_matches(tq: _TextQuery, text: str, low: str | None):
    """Yield (start, end) of every match of a text query in one document."""
    if low is None:
        for m in tq.pattern.finditer(text):
            yield m.span()
        return
    if not any(n in low for n in tq.needles):
        return
    for m in tq.fast.finditer(low):
        a = m.start()
        alt = m.lastindex - 1 if m.lastindex else 0
        if tq.lead[alt] and a > 0 and (low[a - 1].isalnum() or low[a - 1] == "_"):
            continue
        yield a, m.end()


def kwic(corpus: Corpus, query: str, window: int = 8, *, doc_ids=None, limit: int | None = None) -> pd.DataFrame:
    """Return every occurrence of ``query`` with ``window`` words of context on each side.

    Columns: ``doc_id, citation`` (the sentence), ``left, match, right`` (context stays inside
    the paragraph), ``start, end`` (offsets of the match in the document text) and
    ``entity_id`` (for ``@entity`` queries; empty otherwise). Rows follow the corpus order.

    ``query`` is a word, a phrase (quoted or not: ``Zangezur Corridor``), a prefix
    (``corrid*``), alternatives joined by ``OR``, or ``@entity_id`` for every alias the
    gazetteer matches (``@iran`` finds "Tehran", "the Islamic Republic"…). Matching ignores
    capitalisation, treats the dashes - – — and the apostrophes ' ’ as the same, and lets
    ``+``, ``&`` and ``/`` inside a word stand with or without spaces (``3+3`` finds "3 + 3").
    ``doc_ids`` restricts the documents; ``limit`` stops after that many rows.

    >>> import araz
    >>> k = kwic(araz.load_corpus(), "@aras-corridor", window=2)
    >>> k[["match", "citation"]].values.tolist()
    [['Araz Corridor', 'anon-2025-pezeshkian-visit ¶10.2'], ['Aras River Transit Corridor', 'alwaght-2025-araghchi-baku ¶17.1']]
    """
    if not isinstance(window, int) or window < 0:
        raise QueryError(f"window must be a whole number of words ≥ 0, not {window!r}")
    tq, ids = _kwic_pattern(query)
    wanted = None if doc_ids is None else set(_as_list(doc_ids, "doc_ids"))
    if wanted is not None:
        missing = wanted - set(corpus.doc_ids)
        if missing:
            raise ScopeError(f"no document(s) {', '.join(sorted(missing))} in this corpus")
    spans = _spans(corpus)
    rows = []
    if ids is not None:
        _unknown(ids, set(_known_entities(corpus)), "entity", error=QueryError)
        m = _all_mentions(corpus)
        m = m[m["entity_id"].isin(ids)]
        if wanted is not None:
            m = m[m["doc_id"].isin(wanted)]
        order = {d: i for i, d in enumerate(corpus.doc_ids)}
        m = m.assign(_o=m["doc_id"].map(order)).sort_values(["_o", "start"])
        for r in m.itertuples(index=False):
            text = corpus[r.doc_id].text
            left, right, _ = _context(text, spans.get(r.doc_id, {}), r.start, r.end, window)
            rows.append((r.doc_id, r.citation, left, text[r.start:r.end], right, int(r.start), int(r.end), r.entity_id))
            if limit is not None and len(rows) >= limit:
                break
    else:
        lowered = _lowered(corpus)
        for doc in corpus:
            if wanted is not None and doc.doc_id not in wanted:
                continue
            for a, b in _text_matches(tq, doc.text, lowered[doc.doc_id]):
                left, right, cite = _context(doc.text, spans.get(doc.doc_id, {}), a, b, window)
                rows.append((doc.doc_id, cite, left, doc.text[a:b], right, a, b, None))
                if limit is not None and len(rows) >= limit:
                    break
            if limit is not None and len(rows) >= limit:
                break
    df = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    df.attrs["query"] = query
    return df


def kwic_html(df: pd.DataFrame, *, max_rows: int | None = None) -> str:
    """Return a concordance table as HTML, every piece of document text escaped.

    Left context is right-aligned so the matches line up; the match is in ``<mark>``.
    ``max_rows`` cuts long tables and says how many rows were left out.

    >>> import araz
    >>> kwic_html(kwic(araz.load_corpus(), "Khodaafrin", window=2))[:32]
    '<table class="araz-kwic"><thead>'
    """
    missing = [c for c in ("citation", "left", "match", "right") if c not in df.columns]
    if missing:
        raise ScopeError(f"kwic_html needs the columns of kwic(); missing: {', '.join(missing)}")
    if df.empty:
        return '<p class="araz-kwic-empty">no matches</p>'
    esc = lambda v: html.escape("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v), quote=True)  # noqa: E731
    shown = df if max_rows is None else df.head(max_rows)
    rows = "".join(
        f'<tr><td class="cite" style="white-space:nowrap;color:#666">{esc(r.citation)}</td>'
        f'<td class="left" style="text-align:right">{esc(r.left)}</td>'
        f'<td class="match" style="white-space:nowrap"><mark>{esc(r.match)}</mark></td>'
        f'<td class="right">{esc(r.right)}</td></tr>'
        for r in shown.itertuples(index=False))
    more = ""
    if len(shown) < len(df):
        more = f'<p class="araz-kwic-more">{len(df) - len(shown)} more rows not shown</p>'
    return ('<table class="araz-kwic"><thead><tr><th>citation</th><th style="text-align:right">left</th>'
            f"<th>match</th><th>right</th></tr></thead><tbody>{rows}</tbody></table>{more}")


__all__ = ["kwic", "kwic_html", "search", "count", "build_index", "to_fts", "snippet_html", "cache_dir", "Index", "TOKENIZER"]
