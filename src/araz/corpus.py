"""Documents and the corpus: loading, paragraphs, sentences and citations.

A **citation** is ``doc_id ¶p`` (a paragraph) or ``doc_id ¶p.s`` (a sentence of that
paragraph); paragraphs and sentences are numbered from 1. Every citation resolves to
exact character offsets in the document text, so every quote the kit shows can be
traced back.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import pandas as pd

from .errors import CitationError, CorpusError, Issue
from .text import heading_flags, split_document
from .validate import Record, raise_for

UNKNOWN = "unknown"
DOCUMENT_COLUMNS = [
    "doc_id", "title", "outlet", "author", "published", "published_start", "published_end",
    "date_estimate", "date_label", "date_evidence", "perspective", "language", "url",
    "licence", "notes", "n_paragraphs", "n_sentences", "n_words", "sha256", "path",
]
_COLUMN_SET = frozenset(DOCUMENT_COLUMNS)
# Document.meta()'s fields, and the same sorted by name (as the fingerprint hashes them)
_META = [k for k in DOCUMENT_COLUMNS if k not in ("n_paragraphs", "n_sentences", "n_words")]
_META_SORTED = sorted(_META)
_CITATION = re.compile(r"^\s*(?P<doc>[^\s¶]+)\s*¶\s*(?P<p>\d+)(?:\.(?P<s>\d+))?\s*$")


@dataclass(frozen=True)
class Span:
    """What a citation resolves to: the cited text and its offsets in the document."""

    doc_id: str
    paragraph: int
    sentence: int | None
    start: int
    end: int
    text: str

    @property
    def citation(self) -> str:
        return format_citation(self.doc_id, self.paragraph, self.sentence)


@dataclass(frozen=True)
class Document:
    """One article with its provenance. Fields the source does not give are ``"unknown"``."""

    doc_id: str
    title: str
    outlet: str
    author: str
    published: str
    published_start: dt.date
    published_end: dt.date
    date_estimate: bool
    date_label: str
    date_evidence: str
    perspective: str
    language: str
    url: str
    licence: str
    notes: str
    text: str
    path: str
    sha256: str
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __getstate__(self) -> dict:
        # pickle a copy of the text: pickling the original would attach a UTF-8 copy to it
        # for good (see araz.cache.fresh)
        from .cache import fresh

        return {**self.__dict__, "text": fresh(self.text)}

    def meta(self) -> dict:
        """The provenance fields as a plain dict (no text)."""
        return {k: getattr(self, k) for k in DOCUMENT_COLUMNS if hasattr(self, k) and k not in ("n_paragraphs", "n_sentences", "n_words")}


def format_citation(doc_id: str, paragraph: int, sentence: int | None = None) -> str:
    """``format_citation("x", 3, 2)`` → ``"x ¶3.2"``."""
    return f"{doc_id} ¶{paragraph}" if sentence is None else f"{doc_id} ¶{paragraph}.{sentence}"


def parse_citation(citation: str) -> tuple[str, int, int | None]:
    """Split ``"doc_id ¶p.s"`` into ``(doc_id, p, s)``; ``s`` is ``None`` for a paragraph."""
    if not isinstance(citation, str):
        raise CitationError(f"a citation must be text like 'doc_id ¶3.2', not {type(citation).__name__}")
    m = _CITATION.match(citation)
    if not m:
        raise CitationError(
            f"'{citation}' is not a citation; write 'doc_id ¶p' for a paragraph or 'doc_id ¶p.s' "
            "for a sentence (e.g. 'mehr-2021-korybko ¶1.14')"
        )
    s = m.group("s")
    return m.group("doc"), int(m.group("p")), (int(s) if s is not None else None)


def _document(rec: Record) -> Document:
    m = rec.meta
    get = lambda k: (str(m[k]).strip() if m.get(k) not in (None, "") else UNKNOWN)  # noqa: E731
    date = rec.date
    return Document(
        doc_id=m["doc_id"], title=get("title"), outlet=get("outlet"), author=get("author"),
        published=date.text, published_start=date.start, published_end=date.end,
        date_estimate=date.estimate, date_label=date.label(), date_evidence=get("date_evidence"),
        perspective=get("perspective"), language=get("language"), url=get("url"),
        licence=get("licence"), notes=get("notes"), text=rec.text, path=str(rec.path),
        sha256=rec.sha256 or hashlib.sha256(rec.text.encode("utf-8")).hexdigest(),
        extra={k: v for k, v in m.items() if k not in _COLUMN_SET},
    )


class Corpus:
    """A set of documents, with one DataFrame per unit.

    * ``documents``: one row per document — ``doc_id, title, outlet, author, published,
      published_start, published_end`` (dates), ``date_estimate, date_label,
      date_evidence, perspective, language, url, licence, notes, n_paragraphs,
      n_sentences, n_words, sha256, path``;
    * ``paragraphs``: ``doc_id, paragraph, start, end, text, is_heading, citation``;
    * ``sentences``: ``doc_id, paragraph, sentence, start, end, text, citation``.

    ``start``/``end`` are character offsets into the document text.

    >>> import araz
    >>> corpus = araz.load_corpus()
    >>> len(corpus), corpus.cite("ftribune-2025-araghchi-baku ¶2.1")[:15]
    (4, 'The meetings fo')
    """

    def __init__(self, documents: list[Document], *, root: Path | None = None,
                 shipped: bool = False, warnings: list[Issue] | None = None, progress: bool | None = None):
        self._docs = {d.doc_id: d for d in documents}
        self.root = root
        self.is_shipped = shipped
        self.warnings = list(warnings or [])
        self.cache: dict[Any, Any] = {}
        self._persist = False  # set by load_corpus: this corpus may keep annotations on disk
        self._build(progress)

    # ---- construction -------------------------------------------------------
    def _build(self, progress: bool | None = None) -> None:
        # Built column by column for the whole corpus (10,000 documents: 318,730 sentences):
        # one split_document per text, then numbers, texts and citations with list
        # comprehensions and numpy, not Python statements per paragraph and sentence.
        from .progress import Progress

        docs = list(self._docs.values())
        texts = [d.text for d in docs]
        pa: list[int] = []  # paragraph and sentence offsets, document after document
        pb: list[int] = []
        sa: list[int] = []
        sb: list[int] = []
        p_text: list[str] = []
        s_text: list[str] = []
        n_par, n_sen = [], []
        with Progress(len(docs), "split sentences", show=progress) as bar:
            for text in texts:
                a, b, x, y = split_document(text)
                pa += a
                pb += b
                sa += x
                sb += y
                p_text += [text[i:j] for i, j in zip(a, b)]
                s_text += [text[i:j] for i, j in zip(x, y)]
                n_par.append(len(a))
                n_sen.append(len(x))
                bar.update()
        n_words = [len(t.split()) for t in texts]
        # Paragraph numbers: 1, 2, … within each document.
        n_par_a = np.array(n_par, dtype=np.int64)
        n_sen_a = np.array(n_sen, dtype=np.int64)
        first_par = np.cumsum(n_par_a) - n_par_a
        p_num = np.arange(len(pa), dtype=np.int64) - np.repeat(first_par, n_par_a) + 1
        # Each paragraph's first sentence starts where it starts: on one axis of (document,
        # offset) keys, a search finds it; the sentences from there on are that paragraph's.
        size = np.array([len(t) + 1 for t in texts], dtype=np.int64)
        base = np.cumsum(size) - size  # where each text would start in all texts end to end
        p_key = np.array(pa, dtype=np.int64) + np.repeat(base, n_par_a)
        s_key = np.array(sa, dtype=np.int64) + np.repeat(base, n_sen_a)
        first_sen = np.searchsorted(s_key, p_key)
        starts = np.zeros(len(sa), dtype=np.int64)
        starts[first_sen] = 1
        s_par = np.cumsum(starts) - 1  # index of each sentence's paragraph
        s_num = np.arange(len(sa), dtype=np.int64) - first_sen[s_par] + 1
        dids = [d.doc_id for d in docs]
        p_did = [did for did, k in zip(dids, n_par) for _ in range(k)]
        s_did = [did for did, k in zip(dids, n_sen) for _ in range(k)]
        p_cite = [f"{did} ¶{pi}" for did, pi in zip(p_did, p_num.tolist())]
        heads = [c + "." for c in p_cite]  # "doc ¶p." + the sentence's number
        digits = [str(i) for i in range(int(s_num.max()) + 1 if len(s_num) else 1)]
        s_cite = [heads[g] + digits[k] for g, k in zip(s_par.tolist(), s_num.tolist())]
        col = lambda a: np.array(a, dtype=np.int64) if len(a) else []  # noqa: E731  (no rows: the dtype lists give)
        paragraphs = pd.DataFrame({
            "doc_id": p_did, "paragraph": col(p_num), "start": col(pa), "end": col(pb), "text": p_text,
            "is_heading": heading_flags(p_text), "citation": p_cite})
        sentences = pd.DataFrame({
            "doc_id": s_did, "paragraph": col(p_num[s_par]), "sentence": col(s_num), "start": col(sa),
            "end": col(sb), "text": s_text, "citation": s_cite})
        # Document.meta() of every document, read a column at a time
        columns = {k: [getattr(d, k) for d in docs] for k in _META}
        columns.update(n_paragraphs=n_par, n_sentences=n_sen, n_words=n_words)
        docs_df = pd.DataFrame({k: columns[k] for k in DOCUMENT_COLUMNS} if docs else [], columns=DOCUMENT_COLUMNS)
        for col in ("published_start", "published_end"):
            docs_df[col] = pd.to_datetime(docs_df[col])
        # The fingerprint hashes repr(sorted(d.meta().items())) and the text's hash, by doc_id:
        # the same text built from the columns.
        h = hashlib.sha256()
        by_id, sha = _META_SORTED.index("doc_id"), _META_SORTED.index("sha256")
        rows = sorted(zip(*[columns[k] for k in _META_SORTED]), key=lambda r: r[by_id])
        for r in rows:
            h.update(repr(list(zip(_META_SORTED, r))).encode())
            h.update(r[sha].encode())
        self._set_tables(docs_df, paragraphs, sentences, h.hexdigest())

    def _set_tables(self, documents: pd.DataFrame, paragraphs: pd.DataFrame, sentences: pd.DataFrame,
                    fingerprint: str) -> None:
        self.documents = documents
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.fingerprint = fingerprint
        self.__dict__.pop("_sentence_index", None)
        self.__dict__.pop("_paragraph_index", None)

    @classmethod
    def _from_tables(cls, docs: list[Document], documents: pd.DataFrame, paragraphs: pd.DataFrame,
                     sentences: pd.DataFrame, fingerprint: str, *, root: Path | None, shipped: bool,
                     warnings: list[Issue]) -> "Corpus":
        """A corpus from tables built before (the disk cache, :meth:`subset`), without re-splitting."""
        self = cls._blank(root, shipped, warnings)
        self._docs = {d.doc_id: d for d in docs}
        self._set_tables(documents, paragraphs, sentences, fingerprint)
        return self

    @classmethod
    def _blank(cls, root: Path | None, shipped: bool, warnings: list[Issue]) -> "Corpus":
        """A corpus object with its plain attributes set and no tables yet."""
        self = cls.__new__(cls)
        self.root = root
        self.is_shipped = shipped
        self.warnings = list(warnings)
        self.cache = {}
        self._persist = False
        return self

    @classmethod
    def _from_parts(cls, parts, documents: pd.DataFrame, sentences: pd.DataFrame, fingerprint: str, *,
                    root: Path, warnings: list[Issue], source: Path) -> "Corpus":
        """A corpus reopened from the disk cache whose documents (their texts and
        :class:`Document` objects) and paragraphs are made only when first used: most sessions
        that reopen a large corpus go straight to the sentences and the annotations kept
        beside them."""
        self = cls._blank(root, False, warnings)
        self._lazy, self._lazy_source = parts, source
        self.documents = documents
        self.sentences = sentences
        self.fingerprint = fingerprint
        return self

    def _load_part(self, name: str):
        try:
            return self._lazy.load(name)
        except Exception as exc:  # noqa: BLE001 - a cache entry damaged on disk
            from . import cache

            self._lazy_source.unlink(missing_ok=True)
            raise CorpusError(
                f"the cached copy of this corpus ({self._lazy_source}) is damaged ({type(exc).__name__}); "
                f"it has been removed: load the corpus again with araz.load_corpus({str(self.root)!r}), "
                f"or turn the cache off with ARAZ_CACHE=off (cache folder: {cache.cache_dir()})") from None

    @cached_property
    def _texts(self) -> dict[str, str]:
        # Only a reopened corpus gets here: doc_id -> text, from the disk cache.
        t = self._load_part("texts")
        return dict(zip(t["doc_id"].tolist(), t["text"].tolist()))

    @cached_property
    def _docs(self) -> dict[str, Document]:
        # Set directly by __init__ and _from_tables; only a reopened corpus gets here.
        return {d.doc_id: d for d in _docs_from_table(self._load_part("docs"), self._texts)}

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: ``doc_id, paragraph, start, end, text, is_heading, citation``."""
        return _with_texts(self._load_part("paragraphs"), self._texts)

    @cached_property
    def _sentence_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.sentences["citation"].tolist())}

    @cached_property
    def _paragraph_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.paragraphs["citation"].tolist())}

    # ---- container protocol -------------------------------------------------
    def __len__(self) -> int:
        return len(self._docs) if "_docs" in self.__dict__ else len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs.values())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._docs[doc_id]
        except KeyError:
            raise CitationError(f"no document '{doc_id}' in this corpus; known: {', '.join(sorted(self._docs)[:8])}{' …' if len(self._docs) > 8 else ''}") from None

    def __repr__(self) -> str:
        where = "shipped corpus" if self.is_shipped else (str(self.root) if self.root else "in memory")
        return f"<Corpus {len(self)} documents, {len(self.sentences)} sentences ({where})>"

    @property
    def doc_ids(self) -> list[str]:
        return list(self._docs) if "_docs" in self.__dict__ else self.documents["doc_id"].tolist()

    # ---- citations -----------------------------------------------------------
    def locate(self, citation: str) -> Span:
        """Resolve a citation to a :class:`Span`; raise :class:`CitationError` if it points nowhere."""
        doc_id, p, s = parse_citation(citation)
        doc = self[doc_id]
        if s is None:
            i = self._paragraph_index.get(f"{doc_id} ¶{p}")
            if i is None:
                n = int((self.paragraphs["doc_id"] == doc_id).sum())
                raise CitationError(f"'{citation}': {doc_id} has {n} paragraph{'s' if n != 1 else ''}, not {p}")
            row = self.paragraphs.iloc[i]
            return Span(doc_id, p, None, int(row.start), int(row.end), doc.text[row.start:row.end])
        i = self._sentence_index.get(f"{doc_id} ¶{p}.{s}")
        if i is None:
            self.locate(f"{doc_id} ¶{p}")  # raises for a bad paragraph
            n = int(((self.sentences["doc_id"] == doc_id) & (self.sentences["paragraph"] == p)).sum())
            raise CitationError(f"'{citation}': paragraph {p} of {doc_id} has {n} sentence{'s' if n != 1 else ''}, not {s}")
        row = self.sentences.iloc[i]
        return Span(doc_id, p, s, int(row.start), int(row.end), doc.text[row.start:row.end])

    def cite(self, citation: str) -> str:
        """Return the exact text at a citation (``doc_id ¶p`` or ``doc_id ¶p.s``)."""
        return self.locate(citation).text

    def sentence_at(self, doc_id: str, offset: int) -> str:
        """The citation of the sentence containing character ``offset`` of ``doc_id``."""
        s = self.sentences
        rows = s[(s["doc_id"] == doc_id) & (s["start"] <= offset) & (s["end"] > offset)]
        if rows.empty:
            raise CitationError(f"offset {offset} of {doc_id} is not inside a sentence")
        return rows.iloc[0]["citation"]

    # ---- derived corpora and caching ----------------------------------------
    def subset(self, doc_ids) -> "Corpus":
        """A corpus of only these documents (in this corpus's order)."""
        wanted = set(doc_ids)
        missing = wanted - set(self._docs)
        if missing:
            raise CitationError(f"no document(s) {', '.join(sorted(missing))} in this corpus")
        docs = [d for d in self if d.doc_id in wanted]
        keep = lambda df: df[df["doc_id"].isin(wanted).to_numpy()].reset_index(drop=True)  # noqa: E731
        h = hashlib.sha256()
        documents = keep(self.documents)
        for d in sorted(docs, key=lambda d: d.doc_id):
            h.update(repr(sorted(d.meta().items(), key=lambda kv: kv[0])).encode())
            h.update(d.sha256.encode())
        return Corpus._from_tables(docs, documents, keep(self.paragraphs), keep(self.sentences), h.hexdigest(),
                                   root=self.root, shipped=self.is_shipped, warnings=self.warnings)

    def cached(self, key: Any, compute: Callable[[], Any], *, persist: bool = False) -> Any:
        """Compute once per corpus: ``corpus.cached(("araz.tone", lexicon.fingerprint), fn)``.

        ``persist=True`` also keeps the result on disk (see :mod:`araz.cache`) for a corpus
        that :func:`load_corpus` read from a folder of at least ``araz.cache.MIN_DOCUMENTS``
        documents, so that reopening the unchanged corpus in a new session (a restarted
        notebook) reads it back instead of computing it. The key must then be made of text,
        numbers and tuples, and must include a fingerprint of every other input the result
        depends on (a lexicon's or gazetteer's content hash — never ``id(...)``). The
        corpus's fingerprint and araz's code version are added to it automatically. The
        value must pickle (DataFrames, arrays, plain data).
        """
        if key in self.cache:
            return self.cache[key]
        path = None
        if persist and self._persist:
            from . import cache

            if cache.enabled() and cache.stable(key):
                path = cache.annotation_path(self.fingerprint, key)
                hit = cache.read(path)
                if hit is not None and hit[0] == key:
                    self.cache[key] = hit[1]
                    return hit[1]
        value = compute()
        self.cache[key] = value
        if path is not None:
            from . import cache

            cache.write(path, (key, value))
            cache.trim()
        return value

    def annotation_file(self, name: str) -> Path | None:
        """The annotation table ``name`` (e.g. ``"claims.csv"``) that belongs to this corpus.

        The shipped corpus uses ``data/annotations/``; a user corpus may bring its own
        in ``<folder>/annotations/<name>``. Returns ``None`` when there is none.
        """
        from .paths import shipped

        if self.is_shipped:
            return shipped("annotations", name)
        if self.root is not None:
            base = self.root if self.root.is_dir() else self.root.parent
            p = base / "annotations" / name
            if p.exists():
                return p
        return None


def load_corpus(path=None, *, strict: bool = True, cache: bool | None = None, progress: bool | None = None) -> Corpus:
    """Load and check a corpus; return a :class:`Corpus`.

    With no ``path``, the shipped corpus (four articles). With a folder, every ``.md`` and
    ``.txt`` file under it, recursively; with a file, that one document. Problems are
    reported **all at once** as a :class:`araz.CorpusError` naming file, line and field;
    warnings (e.g. an unknown field) are kept in ``corpus.warnings``.

    A folder of ``araz.cache.MIN_DOCUMENTS`` (200) documents or more is also kept, parsed,
    in the on-disk cache (:mod:`araz.cache`), keyed by the content of every file: loading
    it again unchanged (a restarted notebook) skips parsing and checking. ``cache=False``
    never uses the cache; ``True`` uses it for any size. ``progress`` shows a progress bar
    (default: for large corpora in a terminal or notebook; see :mod:`araz.progress`).

    >>> import araz
    >>> araz.load_corpus().documents["outlet"].tolist()[:1]  # oldest first
    ['Mehr News Agency']
    """
    from . import cache as disk
    from .paths import shipped
    from .validate import check_files, find_files

    is_shipped = path is None
    root = shipped("corpus") if is_shipped else Path(path).expanduser()
    files, issues = find_files(root)
    use_cache = (not is_shipped and cache is not False and disk.enabled()
                 and (cache is True or len(files) >= disk.MIN_DOCUMENTS))
    key = None
    resolved = root.resolve()
    stat_key = None
    if use_cache:
        # 1. Nothing changed since last time (same size, mtime, ctime, inode — the check
        #    Python uses for .pyc files, plus ctime): no file needs reading at all.
        stat_key = _stat_key(resolved, files)
        pointer = disk.read_pointer(disk.stat_path(stat_key)) if stat_key else None
        corpus = _from_cache(disk, pointer, resolved) if pointer else None
        if corpus is not None:
            return corpus
        # 2. Same content (files touched, copied or checked out again): read and hash them
        #    (one at a time: holding every file's bytes would cost 50 MB per 10,000 documents;
        #    when this misses, parsing reads them again, from the page cache).
        key = _content_key(resolved, files)
        corpus = _from_cache(disk, key, resolved)
        if corpus is not None:
            if stat_key:
                disk.write_pointer(disk.stat_path(stat_key), key)
            return corpus
    records, issues = check_files(root, files, issues, progress=progress)
    raise_for(issues)
    docs = [_document(r) for r in records]
    docs.sort(key=lambda d: (d.published_start, d.doc_id))
    warnings = [i for i in issues if i.severity != "error"]
    corpus = Corpus(docs, root=resolved, shipped=is_shipped, warnings=warnings, progress=progress)
    corpus._persist = not is_shipped and len(docs) >= disk.MIN_DOCUMENTS and cache is not False
    if key is not None:
        # The sentences are read back whole, at once; the documents' texts (and fields) and
        # the paragraphs only when first used, the paragraphs' texts cut from the documents'
        # by their offsets (as fast as decoding them, and less to write).
        disk.write_parts(disk.corpus_path(key), {
            "key": key, "fingerprint": corpus.fingerprint, "warnings": warnings,
            "documents": corpus.documents, "sentences": corpus.sentences,
            "texts": pd.DataFrame({"doc_id": [d.doc_id for d in docs], "text": [d.text for d in docs]}, dtype="str"),
            "docs": _docs_table(docs), "paragraphs": corpus.paragraphs.drop(columns="text")})
        if stat_key:
            disk.write_pointer(disk.stat_path(stat_key), key)
        disk.prune()
        del records, docs
        disk.trim()
    return corpus


def _from_cache(disk, key: str, root: Path) -> Corpus | None:
    path = disk.corpus_path(key)
    parts = disk.read_parts(path)
    try:
        if parts is None or parts.load("key") != key:
            return None
        state = {name: parts.load(name) for name in ("fingerprint", "warnings", "documents", "sentences")}
    except Exception:  # noqa: BLE001 - a damaged entry is ignored and rebuilt
        return None
    if not all(name in parts for name in ("texts", "docs", "paragraphs")):
        return None
    corpus = Corpus._from_parts(parts, state["documents"], state["sentences"], state["fingerprint"],
                                root=root, warnings=state["warnings"], source=path)
    corpus._persist = True
    return corpus


def _with_texts(frame: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """``frame`` (the paragraphs, stored without their texts) with its ``text``
    column cut again from the documents' texts by ``start``/``end``, before ``citation``."""
    cut = [texts[d][a:b] for d, a, b in zip(frame["doc_id"].tolist(), frame["start"].tolist(), frame["end"].tolist())]
    column = pd.arrays.StringArray(np.array(cut, dtype=object), dtype=frame["citation"].dtype)
    frame.insert(frame.columns.get_loc("end") + 1, "text", column)
    return frame


def _docs_table(docs: list[Document]) -> pd.DataFrame:
    """The documents' fields but their texts, a column each, for the disk cache: repeated
    values (outlets, languages…) are then stored once, fast to write and to read back."""
    names = [f.name for f in fields(Document) if f.name != "text"]
    table = pd.DataFrame({n: [getattr(d, n) for d in docs] for n in names}, columns=names)
    for n in names:  # text fields stay text even when every value is missing
        if n not in _NOT_TEXT:
            table[n] = table[n].astype("str")
    return table


_NOT_TEXT = frozenset({"published_start", "published_end", "date_estimate", "extra"})


def _docs_from_table(table: pd.DataFrame, texts: dict[str, str]) -> list[Document]:
    """The :class:`Document` objects back from :func:`_docs_table` and their texts (no field
    is re-checked)."""
    names = [f.name for f in fields(Document)]  # in the order the generated __init__ sets them
    cols = {n: table[n].tolist() for n in table.columns}
    cols["text"] = [texts[d] for d in cols["doc_id"]]
    docs = []
    for values in zip(*(cols[n] for n in names)):
        d = object.__new__(Document)  # frozen: fill its fields as the generated __init__ would
        d.__dict__.update(zip(names, values))
        docs.append(d)
    return docs


def _stat_key(root: Path, files: list[Path]) -> str | None:
    """SHA-256 over araz's code version, the folder, and every file's path, size, times and inode."""
    from .cache import code_version

    h = hashlib.sha256(f"stat\0{code_version('corpus')}\0{root}\0{len(files)}".encode())
    try:
        for p in files:
            st = os.stat(p)
            h.update(f"\0{p}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}".encode())
    except OSError:
        return None
    return h.hexdigest()


def _content_key(root: Path, files: list[Path]) -> str:
    """SHA-256 over araz's code version, the folder, and every file's path and bytes."""
    from .cache import code_version
    from .validate import read_bytes

    h = hashlib.sha256(f"corpus\0{code_version('corpus')}\0{root}\0{len(files)}".encode())
    for p in files:
        raw = read_bytes(p)
        h.update(f"\0{p}\0{-1 if raw is None else len(raw)}\0".encode())
        if raw is not None:
            h.update(raw)
    return h.hexdigest()


def corpus_or_default(corpus: Corpus | None) -> Corpus:
    """The given corpus, or the shipped one."""
    return load_corpus() if corpus is None else corpus


__all__ = ["Corpus", "Document", "Span", "load_corpus", "parse_citation", "format_citation", "CorpusError"]
