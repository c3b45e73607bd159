"""``import_sources``: read every source, decide what each document is, write the new ones.

For each document: read (file or polite fetch) → extract main text and provenance → detect
the language → check for duplicates against the target corpus and this run → name it
(``outlet-date-slug``) → write it (never overwriting) → one report row. Nothing raises
for one bad source: it becomes an ``error`` row naming the source and what to do, and
every other source is still imported.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import deque
from pathlib import Path

import pandas as pd

from ..errors import ScopeError
from . import extract as ex
from .duplicates import Index, text_key
from .feeds import FeedError, items as feed_items, looks_like_feed
from .fetch import MAX_BYTES, TIMEOUT, Fetcher
from .ids import make_id
from .language import detect
from .sources import Source, discover, is_url
from .write import UNDATED_NOTE, render, undated_range, write_new

COLUMNS = ["source", "status", "doc_id", "path", "title", "outlet", "published", "language", "message"]
STATUSES = ("imported", "duplicate", "near-duplicate", "error")
DEFAULT_FIELDS = ("outlet", "perspective", "licence", "author")


class _Bad(Exception):
    """One source cannot be imported (message for its error row)."""


def _row(source: str, status: str, message: str = "", **kw) -> dict:
    row = dict.fromkeys(COLUMNS, "")
    row.update(source=source, status=status, message=message, **{k: ("" if v is None else str(v)) for k, v in kw.items()})
    return row


def _read_file(path: str, max_bytes: int) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise _Bad(f"is {size:,} bytes, over the limit of {max_bytes:,}; save only the article, or raise max_bytes")
        return p.read_bytes()
    except OSError as exc:
        raise _Bad(f"cannot be read ({exc.strerror}); check that it exists and its permissions") from None


def _text_document(raw: bytes, name: str, min_words: int) -> dict:
    """A plain ``.txt``/``.md``: paragraphs (blank-line separated blocks, or lines), no date."""
    if not raw.strip():
        raise _Bad("is empty")
    if b"\x00" in raw[:8192]:
        raise _Bad("is binary data, not text; import the original file")
    try:
        content = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise _Bad(f"is not UTF-8: byte {exc.start} (0x{raw[exc.start]:02x}) is invalid; re-save the file as UTF-8") from None
    meta = {}
    if content.startswith("---\n"):  # already a corpus document: keep what its front matter says
        from ..validate import _split_front, parse_front_matter

        split = _split_front(content)
        if split and split[1] is not None:
            try:
                meta = {k: (v.isoformat() if isinstance(v, dt.date) else str(v)) for k, v in parse_front_matter(split[0]).items()
                        if k in ("title", "outlet", "author", "published", "date_evidence", "url", "language", "perspective", "licence", "notes") and v not in (None, "")}
            except Exception:  # noqa: BLE001 - unreadable front matter: import the text only
                meta = {}
            content = split[2]
    blocks = [b for b in re.split(r"\n\s*\n", content) if b.strip()]
    if len(blocks) > 1:
        paras = [re.sub(r"\s+", " ", b).strip() for b in blocks]
    else:
        paras = [re.sub(r"[ \t]+", " ", ln).strip() for ln in content.split("\n") if ln.strip()]
    paras = [p.lstrip("# ").strip() if p.startswith("#") else p for p in paras]
    title = meta.get("title")
    if title is None and len(paras) > 1 and len(paras[0]) <= 200 and not paras[0].endswith("."):
        title, paras = paras[0], paras[1:]
    text = "\n".join(paras)
    n = len(text.split())
    if n < min_words:
        raise _Bad(f"has only {n} words of text; is this the article?")
    return {"text": text, "title": title, **{k: v for k, v in meta.items() if k != "title"}}


def _bracket_title(text: str) -> str:
    words = text.split()
    return "[" + " ".join(words[:10]) + ("…" if len(words) > 10 else "") + "]"


class _Run:
    def __init__(self, into: Path, defaults: dict, fetcher: Fetcher, max_bytes: int, min_words: int, now: str):
        self.into = into
        self.defaults = defaults
        self.fetcher = fetcher
        self.max_bytes = max_bytes
        self.min_words = min_words
        self.now = now
        self.index = Index()
        self.taken: set[str] = set()
        self.rows: list[dict] = []
        self._seed()

    def _seed(self) -> None:
        """The target corpus: its ids (and file names) are taken, its texts indexed."""
        from ..validate import find_files, read_document

        if not self.into.exists():
            return
        files, _ = find_files(self.into)
        for p in files:
            rec = read_document(p, self.into)
            did = str(rec.meta.get("doc_id") or p.stem)
            self.taken.update((did, p.stem))
            if rec.text.strip():
                self.index.add(did, str(p), text_key(rec.text), text=rec.text)
        if self.into.is_dir():
            self.taken.update(p.stem for p in self.into.iterdir() if p.is_file())

    # ---- reading one item ----------------------------------------------------------------
    def read(self, item: Source, queue: deque) -> dict | None:
        """The document of ``item`` as a dict, or ``None`` when it expanded into feed items."""
        if item.kind == "bad":
            raise _Bad(item.problem)
        url = None
        charset = None
        if item.kind == "url":
            got = self.fetcher.get(item.location)
            if got.error:
                raise _Bad(got.error)
            raw, url, charset, ctype = got.body, got.url, got.charset, got.content_type
            kind = ("pdf" if raw.startswith(b"%PDF") or ctype == "application/pdf" else
                    "feed" if (ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
                               or looks_like_feed(raw)) and not item.fallback else
                    "text" if ctype == "text/plain" else "html")
        else:
            raw = _read_file(item.location, self.max_bytes)
            kind = item.kind
            if kind == "html" and looks_like_feed(raw):
                kind = "feed"
        if kind == "feed":
            try:
                _, entries = feed_items(raw, item.location)
            except FeedError as exc:
                raise _Bad(str(exc)) from None
            for e in reversed(entries):
                if is_url(e.link):
                    queue.appendleft(Source("url", e.link, fallback=e.fallback, via=item.location))
                else:
                    queue.appendleft(Source("bad", e.link or f"(an item of {item.location} without a link)",
                                            problem=f"is not an http(s):// link (in the feed {item.location}); the item is skipped"))
            return None
        try:
            if kind == "pdf":
                from .pdf import read as read_pdf

                doc = read_pdf(raw, min_words=self.min_words)
                doc["extractor"] = f"pypdf {__import__('pypdf').__version__}"
            elif kind == "text":
                doc = _text_document(raw, item.location, self.min_words)
                doc["extractor"] = "araz import (plain text)"
            else:
                page = ex.extract(ex.decode(raw, charset), url or None, min_words=self.min_words)
                doc = {"text": page.text, "title": page.title, "outlet": page.outlet, "author": page.author,
                       "url": page.url, "licence": page.licence, "host": page.host, "extractor": ex.versions()}
                if page.published:
                    doc.update(published=page.published, date_evidence=page.date_evidence)
                else:
                    doc["no_date"] = page.date_evidence
        except ex.Unreadable as exc:
            raise _Bad(str(exc)) from None
        if url and not doc.get("url"):
            doc["url"] = url
        return doc

    # ---- provenance ----------------------------------------------------------------------
    def meta(self, item: Source, doc: dict) -> tuple[dict, list[str]]:
        notes, said = [], []
        fb = item.fallback
        m = {"title": doc.get("title"), "author": doc.get("author"), "url": doc.get("url") or (item.location if item.kind == "url" else None),
             "licence": doc.get("licence"), "perspective": doc.get("perspective"), "language": doc.get("language")}
        m["outlet"] = doc.get("outlet") or fb.get("outlet") or self.defaults.get("outlet") or doc.get("host") or "unknown"
        if not doc.get("outlet") and not fb.get("outlet") and not self.defaults.get("outlet") and doc.get("host"):
            said.append(f"outlet is the host {doc['host']} (the page names no site)")
        for k in ("title", "author"):
            if not m[k] and fb.get(k):
                m[k] = fb[k]
        for k in ("perspective", "licence", "author"):
            if not m[k] and self.defaults.get(k):
                m[k] = self.defaults[k]
        if not m["title"]:
            m["title"] = _bracket_title(doc["text"])
            notes.append("Title supplied by the kit in square brackets (the first words of the text): the source gives none.")
        if doc.get("published"):
            m["published"], m["date_evidence"] = doc["published"], doc.get("date_evidence")
        elif fb.get("published"):
            m["published"], m["date_evidence"] = fb["published"], fb.get("date_evidence")
        else:
            m["published"] = undated_range(self.now)
            m["date_evidence"] = ((doc.get("no_date") or "no publication date found in the source")
                                  + f". Reasoning (estimate): only that it was published on or before it was retrieved ({self.now[:10]}); replace this range with the real date.")
            notes.append(UNDATED_NOTE)
            said.append(f"no date found: published is the placeholder range {m['published']}; set the real date")
        if not m["language"]:
            m["language"] = detect(doc["text"])
        if doc.get("notes"):
            notes.insert(0, doc["notes"])
        m["notes"] = " ".join(notes) or None
        m["source"] = item.location if not item.via else f"{item.location} (via {item.via})"
        m["retrieved"] = self.now
        m["extractor"] = doc.get("extractor")
        return m, said

    # ---- one item ------------------------------------------------------------------------
    def one(self, item: Source, queue: deque) -> None:
        try:
            doc = self.read(item, queue)
        except _Bad as exc:
            self.rows.append(_row(item.location, "error", f"{item.location} {exc}"))
            return
        if doc is None:
            return
        meta, said = self.meta(item, doc)
        match, key, mh = self.index.check(doc["text"])
        common = dict(title=meta["title"], outlet=meta["outlet"], published=meta["published"], language=meta["language"])
        if match.kind == "duplicate":
            self.rows.append(_row(item.location, "duplicate", f"same text as {match.doc_id} ({match.path}); not written again",
                                  doc_id=match.doc_id, path=match.path, **common))
            return
        if match.kind == "near-duplicate":
            meta["near_duplicate_of"] = match.doc_id
            said.insert(0, f"near-duplicate of {match.doc_id} (estimated similarity {match.similarity:.2f}): a reprint?")
        did = make_id(meta["outlet"], meta["published"] if "/" not in meta["published"] else None, meta["title"], doc["text"], self.taken,
                      host=doc.get("host"))
        meta["doc_id"] = did
        content, _ = render(meta, doc["text"])
        try:
            path = write_new(self.into, did, content)
        except OSError as exc:
            self.rows.append(_row(item.location, "error", f"{item.location} could not be written to {self.into} ({exc}); check the folder"))
            return
        self.taken.add(did)
        self.index.add(did, str(path), key, mh)
        from ..languages import analyses_for, not_measured_note

        if "tone" not in analyses_for(meta["language"]):
            said.append(not_measured_note("tone", meta["language"]))
        status = "near-duplicate" if match.kind == "near-duplicate" else "imported"
        self.rows.append(_row(item.location, status, "; ".join(said), doc_id=did, path=str(path), **common))


def import_sources(sources, into, *, progress: bool | None = None, timeout: float = TIMEOUT,
                   max_bytes: int = MAX_BYTES, delay: float = 1.0, min_words: int = ex.MIN_WORDS,
                   fetcher: Fetcher | None = None, **defaults) -> pd.DataFrame:
    """Import saved pages, URLs, feeds, PDFs and text files into the corpus folder ``into``.

    ``sources``: paths or URLs (one, or a list). ``defaults`` — ``outlet``, ``perspective``,
    ``licence``, ``author`` — fill what a page does not say and never overwrite what it
    does. ``timeout`` (seconds) and ``max_bytes`` limit each fetch and file; ``delay`` is
    the least time between two requests to one host; ``min_words`` the least article text
    (fewer: an empty page, paywall or consent stub).

    Returns the report: one row per source document with the columns of :data:`COLUMNS`
    (``status`` one of ``imported``, ``duplicate``, ``near-duplicate``, ``error``). Nothing
    is raised for a bad source; files are never overwritten; rerunning changes nothing.
    """
    from ..progress import Progress

    unknown = set(defaults) - set(DEFAULT_FIELDS)
    if unknown:
        raise ScopeError(f"unknown default(s) {', '.join(sorted(unknown))}; give any of: {', '.join(DEFAULT_FIELDS)}")
    into = Path(into).expanduser()
    if into.exists() and not into.is_dir():
        raise ScopeError(f"--into {into} is a file; give a folder (it is created if missing)")
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    fetcher = fetcher or Fetcher(timeout=timeout, max_bytes=max_bytes, delay=delay)
    run = _Run(into, {k: v for k, v in defaults.items() if v}, fetcher, max_bytes, min_words, now)
    queue = deque(discover(sources))
    with Progress(len(queue), "import", show=progress, min_total=50) as bar:
        while queue:
            item = queue.popleft()
            before = len(queue)
            run.one(item, queue)
            if len(queue) > before:  # a feed: its items join the work
                bar.total = (bar.total or 0) + len(queue) - before
            bar.update()
    return pd.DataFrame(run.rows, columns=COLUMNS)
