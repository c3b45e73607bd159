"""What the explorer opened on a store shows, as plain functions over one DuckDB connection.

The in-memory explorer (:mod:`araz.explore`) loads the whole corpus; at 10^6 articles that
does not fit. Here every screen is a query of :mod:`araz.store.queries` (or a search of
:mod:`araz.store.index` / :mod:`araz.store.textsearch`) that returns only what is shown:

* :func:`first_paint` — the store's overview, its outlets, whether a search index is built,
  and one connection the session keeps (views and Parquet footers stay warm);
* :func:`results` — one page of the selection: documents (no query) or matching sentences;
* :func:`select` — the charts and tables of the current filters: tone over time with its
  interval and ``n`` per point, and the actors' and corridors' counts;
* :func:`document` — one document for the reader, its sentences with the query's matches.

The widget (:mod:`araz.widgets._store_explorer`) only wires controls to these; tests call
them directly. Outlet and date filters apply to everything; the search query narrows the
results list only (the aggregates of :mod:`araz.store.queries` take outlets and dates).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import QueryError
from . import index, queries, textsearch
from .layout import StoreError, check_root

PAGE_SIZE = 20
RESULT_COLUMNS = ["citation", "doc_id", "outlet", "date", "title", "text"]


@dataclass(frozen=True)
class Filters:
    """The explorer's filters: outlets (``None``: all), a date window (documents whose possible
    dates overlap it), a search query (the kit's syntax; empty: no search)."""

    outlets: tuple[str, ...] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    query: str = ""
    freq: str = "M"

    def window(self) -> dict:
        """The outlet and date filters as :mod:`araz.store.queries` takes them (checked)."""
        if self.start and self.end and self.start > self.end:
            raise QueryError(f"the date window ends ({self.end}) before it starts ({self.start}); "
                             "pick a 'To' date on or after the 'From' date")
        return {"outlets": list(self.outlets) if self.outlets else None, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class FirstPaint:
    root: Path
    con: duckdb.DuckDBPyConnection
    overview: dict
    outlets: pd.DataFrame
    indexed: bool


@dataclass(frozen=True)
class Page:
    """One page of results: ``rows`` (:data:`RESULT_COLUMNS`), its number, whether another follows,
    and ``via`` — ``"documents"``, ``"index"`` (per-partition search index) or ``"scan"``."""

    rows: pd.DataFrame
    page: int
    has_next: bool
    via: str


@dataclass(frozen=True)
class Selection:
    """The aggregates of the current filters; ``notes`` say why a panel is empty (e.g. not annotated)."""

    tone: pd.DataFrame
    actors: pd.DataFrame
    corridors: pd.DataFrame
    notes: dict = field(default_factory=dict)


def store_root(store) -> Path:
    """The folder of ``store`` (a path or what :func:`araz.open_store` returns), checked: a bad
    path raises :class:`~araz.store.layout.StoreError` naming it and saying how to build a store."""
    from .reader import StoreCorpus

    root = store.root if isinstance(store, StoreCorpus) else store  # (a Path has a .root too: "/")
    if not isinstance(root, (str, Path)):
        raise StoreError(f"{store!r} is not a store; give its folder or araz.open_store(folder)")
    return check_root(root)


def first_paint(store) -> FirstPaint:
    """Open ``store`` for a session: one connection, the overview and the outlets (two small
    aggregates over the documents' metadata columns; no text is read)."""
    root = store_root(store)
    con = queries.connect(root)
    return FirstPaint(root, con, queries.overview(con), queries.outlets(con), index.ready(root))


def search_note(store) -> str:
    """One sentence for the explorer's header: how a search runs on ``store`` — through its index,
    or (no index, or not for every partition) by a scan, with what to run to build the index."""
    root = store_root(store)
    done, total = index.coverage(root)
    if done == total:
        return "search through the store's index"
    which = "no search index" if not done else f"no search index for {total - done} of {total} partitions"
    return (f"{which}: a search scans the sentences year by year (works, but slow on a large store: up to "
            f"seconds at 10^6 articles); build the index once with "
            f"araz.store.index.build_indexes({str(root)!r}, workers=2) (measured: ~15 minutes on 2 cores and "
            f"~19 GB per 10^6 articles; only partitions without one are built)")


def results(con, store, filters: Filters, page: int = 1, page_size: int = PAGE_SIZE) -> Page:
    """Page ``page`` (from 1) of the selection: without a query the documents, oldest first
    (``citation`` is the doc_id, ``text`` empty); with one, the matching sentences — through
    the store's search index when every partition has one, else by a scan in DuckDB.

    Pages are read with ``LIMIT page * page_size + 1`` (both searches stream and stop early),
    so the next page is known to exist without counting every match."""
    page = max(1, int(page))
    want = page * page_size + 1
    root = store_root(store)
    w = filters.window()
    q = (filters.query or "").strip()
    if not q:
        where, params = queries._filters(w["outlets"], w["start"], w["end"])
        rows = con.execute(
            f"SELECT d.doc_id AS citation, d.doc_id, d.outlet, d.date_label AS date, d.title, '' AS text "
            f"FROM documents d WHERE {where} ORDER BY d.published_start, d.doc_id LIMIT {want}", params).df()
        via = "documents"
    elif index.ready(root):
        hits = index.search(root, q, limit=want, **w)
        rows = hits.rename(columns={"published": "date"}).assign(title="")
        via = "index"
    else:
        hits = textsearch.search(con, q, limit=want, **w)
        rows = hits.assign(date=hits["published_start"].astype(str).str[:10])
        via = "scan"
    rows = rows.reindex(columns=RESULT_COLUMNS).fillna("")
    first = (page - 1) * page_size
    return Page(rows.iloc[first:first + page_size].reset_index(drop=True), page, len(rows) > page * page_size, via)


def select(con, store, filters: Filters) -> Selection:
    """Tone over time (``by=None, voice=None``: one series, the 95 % interval and ``n`` per
    point) and the counts of actors and corridors (mentions and documents) for the filters.
    A table the store has not been annotated with gives an empty frame and a note saying what to run."""
    w, notes, out = filters.window(), {}, {}
    calls = {"tone": lambda: queries.tone_over_time(con, by=None, voice=None, freq=filters.freq, **w),
             "actors": lambda: queries.actor_counts(con, by=[], **w),
             "corridors": lambda: queries.corridor_counts(con, by=[], **w)}
    for name, call in calls.items():
        try:
            out[name] = call()
        except StoreError as err:
            out[name], notes[name] = pd.DataFrame(), str(err)
    return Selection(out["tone"], out["actors"], out["corridors"], notes)


def chart_points(tone: pd.DataFrame, freq: str = "M") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split :func:`select`'s tone table for a chart: ``(periods, ranges)`` — the rows of whole
    periods (a point each, with its interval and ``n``), and the rows of documents dated by a
    range that crosses periods (each its own row in ``tone_over_time``, as in ``over_time``).

    **Why split.** At 10^5 articles the second kind is ~15,000 rows of a few sentences each:
    drawn as error bars with labels they take ~15 s to render, so the chart draws them as one
    cloud of small dots at the middle of their range (fast), and says how many sentences they hold."""
    if tone.empty:
        return tone, tone
    per = tone["start"].dt.to_period(freq)
    whole = (tone["start"] == per.dt.start_time) & (tone["end"] == per.dt.end_time.dt.normalize())
    return tone[whole].reset_index(drop=True), tone[~whole].reset_index(drop=True)


def document(con, doc_id: str, query: str = "") -> dict:
    """One document for the reader: ``fields`` (its metadata), ``paragraphs`` — a list of
    ``(paragraph number, [(citation, text, [(start, end) of query matches]), …])``."""
    fields, sents = queries.document(con, doc_id)
    fields.pop("text", None)
    paragraphs: list = []
    for r in sents.itertuples(index=False):
        spans = matches(r.text, query)
        if not paragraphs or paragraphs[-1][0] != r.paragraph:
            paragraphs.append((int(r.paragraph), []))
        paragraphs[-1][1].append((r.citation, r.text, spans))
    return {"fields": fields, "paragraphs": paragraphs}


def matches(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each word or phrase of ``query`` in ``text`` (none for an empty query),
    as :mod:`araz.store.textsearch` matches them (case-insensitive, whole words, ``prefix*``)."""
    if not query or not query.strip():
        return []
    return [m.span() for p in textsearch._patterns(query)[0]
            for m in re.finditer(p.replace("(?i)", ""), text, re.IGNORECASE)]
