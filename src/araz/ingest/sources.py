"""What the user gave ``araz import``, sorted into things to read.

A SOURCE is a saved HTML page, a folder of them (searched recursively), an ``http(s)://``
URL, a ``.txt`` file listing URLs one per line, an RSS/Atom feed (file or URL), a PDF, or
a plain ``.txt`` / ``.md`` document. :func:`discover` turns the list into
:class:`Source` items, one per document to read, in a stable order; what cannot be read
becomes an item whose ``problem`` says why (it is reported, never dropped).

Browser "save page as" folders (``page_files/``) hold the page's images and scripts: they
are skipped, as are dot-folders (``.git``, ``.ipynb_checkpoints``) and, as in
``araz validate``, ``README`` files inside a folder (give a README's path to import it).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

HTML = (".html", ".htm", ".xhtml", ".shtml")
FEEDS = (".rss", ".atom", ".xml")
PDF = (".pdf",)
TEXT = (".txt", ".md", ".markdown")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """One document to read: ``kind`` is ``url``, ``html``, ``feed``, ``pdf``, ``text`` or
    ``bad``; ``location`` a URL or a file path; ``fallback`` metadata from a feed item
    (used only where the page says nothing); ``problem`` why a ``bad`` item cannot be read."""

    kind: str
    location: str
    fallback: dict = field(default_factory=dict, compare=False, hash=False)
    problem: str = ""
    via: str = ""  # the feed or URL list this item came from


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def _walk(folder: Path):
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir(follow_symlinks=False):
            if e.name.endswith("_files") or e.name.endswith("-Dateien") or e.name.endswith("_fichiers"):
                continue  # the assets a browser saves beside a page
            yield from _walk(Path(e.path))
        elif e.is_file() and os.path.splitext(e.name)[0].upper() != "README":
            yield Path(e.path)  # a folder's README describes the folder: not an article (as in araz validate)


def url_list(path: Path, raw: bytes) -> list[str] | None:
    """The URLs of a ``.txt`` file that lists only URLs (blank lines and ``#`` comments
    allowed), or ``None`` when it is a plain text document."""
    try:
        lines = [ln.strip() for ln in raw.decode("utf-8-sig").splitlines()]
    except UnicodeDecodeError:
        return None
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if lines and all(is_url(ln) for ln in lines):
        return lines
    return None


def classify(path: Path, *, in_folder: bool = False) -> Source | None:
    """The :class:`Source` for one file (``None``: a file a folder search ignores)."""
    suffix = path.suffix.lower()
    loc = str(path)
    if suffix in HTML:
        return Source("html", loc)
    if suffix in PDF:
        return Source("pdf", loc)
    if suffix in FEEDS:
        return Source("feed", loc)
    if suffix in TEXT:
        return Source("text", loc)
    if in_folder:
        return None  # images, stylesheets, notes: not documents
    return Source("bad", loc, problem=f"is a '{suffix or 'extension-less'}' file; araz import reads saved web pages "
                                      "(.html/.htm), PDFs, RSS/Atom feeds (.xml/.rss/.atom), .txt/.md files and URLs")


def discover(sources) -> list[Source]:
    """Expand the user's SOURCE arguments into :class:`Source` items (folders searched,
    URL lists read). Feeds are expanded later, when read (:mod:`araz.ingest.feeds`)."""
    out: list[Source] = []
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for s in sources:
        text = str(s).strip()
        if is_url(text):
            out.append(Source("url", text))
            continue
        path = Path(text).expanduser()
        if not path.exists():
            out.append(Source("bad", text, problem="does not exist; give a saved page, a folder, a PDF, a feed, a .txt list of URLs or an http(s):// URL"))
        elif path.is_dir():
            found = [c for c in (classify(p, in_folder=True) for p in _walk(path)) if c is not None]
            if not found:
                out.append(Source("bad", text, problem="holds no pages, PDFs, feeds or text files"))
            out.extend(_expand_lists(found))
        else:
            c = classify(path)
            out.extend(_expand_lists([c]))
    return out


def _expand_lists(items: list[Source]) -> list[Source]:
    """Replace each ``.txt`` that lists URLs by one ``url`` item per line."""
    out = []
    for item in items:
        if item.kind == "text" and item.location.lower().endswith(".txt"):
            try:
                with open(item.location, "rb") as f:
                    head = f.read(1_000_001)
            except OSError:
                head = b""
            urls = url_list(Path(item.location), head) if len(head) <= 1_000_000 else None
            if urls is not None:
                out.extend(Source("url", u, via=item.location) for u in urls)
                continue
        out.append(item)
    return out
