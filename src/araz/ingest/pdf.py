"""PDFs with a text layer, read with pypdf.

The text layer gives lines, not paragraphs: lines are joined into paragraphs, a paragraph
ending where the space to the next line is clearly wider than the page's usual line
spacing (read from the text's positions), or at a line that ends a sentence and is
clearly shorter than the page's usual line (the last line of a paragraph). A hyphen at a line end joining a word
split in two is removed. A PDF without a text layer (a scan) cannot be imported: it needs
OCR first. The document information (``/Title``, ``/Author``, ``/CreationDate``) is used
where present; the creation date is the file's, which the evidence says.
"""
from __future__ import annotations

import io
import re
import statistics

from .extract import MIN_WORDS, Unreadable

_END = re.compile(r"[.!?:;…\"”’)»]$")


def _page_lines(page) -> list[str]:
    """The page's lines, with an empty line where the vertical gap shows a paragraph break."""
    runs: list[list] = []  # [y, text] per line

    def visit(text, cm, tm, font, size):
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if runs and abs(runs[-1][0] - y) < 1 and not runs[-1][1].endswith("\n"):
            runs[-1][1] += text
        else:
            runs.append([y, text])

    page.extract_text(visitor_text=visit)
    lines = []
    for y, t in runs:
        for part in t.split("\n"):
            if part.strip():
                lines.append((y, part.strip()))
    gaps = [a[0] - b[0] for a, b in zip(lines, lines[1:]) if a[0] - b[0] > 0.5]
    usual = statistics.median(gaps) if gaps else 0
    out = []
    for i, (y, t) in enumerate(lines):
        out.append(t)
        if i + 1 < len(lines) and usual and (y - lines[i + 1][0] > 1.3 * usual or y - lines[i + 1][0] < -0.5):
            out.append("")  # a wider gap (or a new column): a new paragraph
    return out


def _reflow(text: str) -> str:
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n")]
    full = [len(ln) for ln in lines if ln]
    typical = statistics.median(full) if full else 0
    paras, cur = [], ""
    for ln in lines:
        if not ln:
            if cur:
                paras.append(cur)
                cur = ""
            continue
        if cur.endswith("-") and ln[:1].islower():
            cur = cur[:-1] + ln
        else:
            cur = f"{cur} {ln}" if cur else ln
        if _END.search(ln) and len(ln) < 0.8 * typical:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return "\n".join(re.sub(r"\s+", " ", p).strip() for p in paras if p.strip())


def read(raw: bytes, *, min_words: int = MIN_WORDS) -> dict:
    """``{"text", "title", "author", "published", "date_evidence"}`` of a PDF; raise :class:`Unreadable`."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not raw.startswith(b"%PDF"):
        raise Unreadable("is not a PDF (it does not start with %PDF); import the original file")
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001
                raise Unreadable("is encrypted; save an unprotected copy and import that") from None
        pages = ["\n".join(_page_lines(p)) for p in reader.pages]
        info = reader.metadata or {}
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise Unreadable(f"is a damaged PDF ({type(exc).__name__}); save or export it again") from None
    text = "\n\n".join(_reflow(p) for p in pages if p.strip())
    n = len(text.split())
    if n == 0:
        raise Unreadable("has no text layer (a scanned PDF?); run OCR on it first (e.g. ocrmypdf) and import the result, "
                         "or paste the text into a .txt file")
    if n < min_words:
        raise Unreadable(f"has only {n} words of text; check that this is the article")
    out = {"text": "\n".join(ln for ln in text.split("\n") if ln.strip()),
           "title": (str(info.get("/Title") or "").strip() or None),
           "author": (str(info.get("/Author") or "").strip() or None), "published": None, "date_evidence": None}
    created = getattr(reader.metadata, "creation_date", None) if reader.metadata else None
    if created is not None:
        out["published"] = created.date().isoformat()
        out["date_evidence"] = (f"PDF /CreationDate {created.isoformat()} (when the file was made, which may be after "
                                "the article was published; check it against the text)")
    return out
