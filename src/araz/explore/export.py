"""Exports: the selection as CSV, a figure as PNG — as files (notebooks) or as bytes (browser downloads)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Mapping

from ..errors import ScopeError
from .query import Filters
from .selecting import table


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
# Downloads: the same exports as bytes, for a browser (nothing is written on the server)
# ---------------------------------------------------------------------------
MAX_DOWNLOAD_BYTES = 25 * 2**20  # a download travels over the page's websocket as base64: keep it reasonable


def _described(filters) -> dict:
    f = Filters.of(filters)
    return {k: v for k, v in dataclasses.asdict(f).items() if v not in ((), None, "", False)}


def _csv(df) -> bytes:
    """``df`` as CSV bytes. Arrow's C++ writer when pyarrow is there: 62,401 rows (one outlet of
    the 10,000-article benchmark corpus) take 0.04 s instead of pandas' 0.67 s, which matters
    when a class exports at once; every string is quoted and booleans are written ``true``/
    ``false`` — ``pd.read_csv(…, comment="#")`` reads back the same table either way."""
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:  # pragma: no cover - pyarrow is in the lock; pandas is the fallback
        return df.to_csv(index=False).encode("utf-8")
    import io

    buf = io.BytesIO()
    pacsv.write_csv(pa.Table.from_pandas(df, preserve_index=False), buf)
    return buf.getvalue()


def csv_bytes(corpus, filters: Filters | Mapping | None = None) -> bytes:
    """Every match of ``filters`` as CSV (the columns of :func:`select`), UTF-8, for a download.

    The filters and the corpus fingerprint come first as ``#`` comment lines (a download is
    one file, so they cannot go in a sibling file as :func:`export_csv` puts them); read it
    back with ``pd.read_csv(path, comment="#")``. Raises :class:`araz.ScopeError` when the
    file would be larger than ``MAX_DOWNLOAD_BYTES``, saying how to narrow the selection.
    """
    df = table(corpus, filters)
    f = Filters.of(filters)
    head = (f"# Araz explorer export: {len(df)} {f.unit}s\n# filters: {_described(f)}\n"
            f"# corpus fingerprint: {corpus.fingerprint}\n")
    data = head.encode("utf-8") + _csv(df)
    if len(data) > MAX_DOWNLOAD_BYTES:
        raise ScopeError(f"the selection is {len(data) / 2**20:.0f} MB as CSV, more than a download carries "
                         f"({MAX_DOWNLOAD_BYTES // 2**20} MB): narrow it (an outlet, a date range or a query) and export again")
    return data


def png_bytes(fig, *, dpi: int = 150) -> bytes:
    """A matplotlib figure as PNG bytes, for a download."""
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return buf.getvalue()


def brief_markdown(corpus, filters: Filters | Mapping | None = None, *, notes: str = "", topic: str | None = None,
                   built=None) -> str:
    """A cited briefing note (``araz.briefing``) on the documents the filters' outlets, dates,
    actors and corridors select, as Markdown text, with the analyst's ``notes`` (Markdown
    citing ``[[doc_id ¶p.s]]``) as its assessment. ``topic`` defaults to the query.

    Raises :class:`araz.ScopeError` when the scope holds no document and
    :class:`araz.briefing.NotesError` naming the line of a note that does not resolve.
    """
    from ..briefing import build_brief

    f = Filters.of(filters)
    base = corpus.corpus if hasattr(type(corpus), "explore_index") else corpus  # a Session: its corpus
    brief = build_brief(base, topic=topic or f.query or "Iran–Azerbaijan relations in the selected sources",
                        start=f.start, end=f.end, outlets=list(f.outlets) or None, actors=list(f.actors) or None,
                        corridors=list(f.corridors) or None, notes=notes or None, built=built)
    return brief.to_markdown()
