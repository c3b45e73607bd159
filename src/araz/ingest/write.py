"""Writing an imported document as a corpus file (front matter + text), never overwriting.

The front matter is the one the corpus already uses (see :mod:`araz.validate`), plus the
import's own provenance: ``source`` (the file or URL read), ``retrieved`` (UTC timestamp),
``extractor`` (tools and versions) and, for a reprint, ``near_duplicate_of``. ``sha256``
seals the text, so ``araz validate`` notices later edits of it.

**A page without a date.** The corpus requires ``published``; an import must not make one
up. Such a document gets the honest range ``1991/<day retrieved>`` — published on or
before the day it was retrieved, and not before the web (1991) — marked as an estimate,
with ``date_evidence`` saying that no date was found and a ``notes`` line asking for the
real date. It validates and loads (charts show it as an estimate spanning decades, which
is what it is); :data:`UNDATED_NOTE` in ``notes`` lets a user (and
:func:`araz.ingest.undated`) find every document still waiting for its date.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

UNDATED_START = "1991"
UNDATED_NOTE = "DATE NEEDED: no publication date was found; replace 'published' with the real date and 'date_evidence' with where it is stated."
FIELDS = ("doc_id", "title", "outlet", "author", "published", "date_evidence", "perspective", "language", "url",
          "licence", "notes", "source", "retrieved", "extractor", "near_duplicate_of", "sha256")


def undated_range(retrieved: str) -> str:
    return f"{UNDATED_START}/{retrieved[:10]}"


def _quoted(value) -> str:
    """A single-quoted YAML scalar on one line: no value can turn into a date, number or
    boolean by accident, and ``araz validate`` reads it on its fast path."""
    v = " ".join(str(value).split())
    return "'" + v.replace("'", "''") + "'"


def render(meta: dict, text: str) -> tuple[str, str]:
    """The file's content and the text's SHA-256 (as :mod:`araz.validate` computes it)."""
    body = text.rstrip("\n") + "\n"
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    fields = {k: meta[k] for k in FIELDS if meta.get(k) not in (None, "")}
    fields["sha256"] = sha
    front = "".join(f"{k}: {_quoted(v)}\n" for k, v in fields.items())
    return f"---\n{front}---\n{body}", sha


def write_new(folder: Path, doc_id: str, content: str) -> Path:
    """Write ``folder/doc_id.md``; raise ``FileExistsError`` rather than overwrite."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{doc_id}.md"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(content.encode("utf-8"))
    return path
