"""Full-text search and KWIC over a store's sentences, in DuckDB.

**Why a scan, not an index.** DuckDB's full-text extension (``fts``) is not bundled with the
``duckdb`` wheel: it is downloaded on first ``INSTALL fts``, and the kit never downloads
anything at run time. So a query is a scan of the ``text`` column of the sentences' Parquet
files: a case-insensitive ``ILIKE`` prefilter on the query's longest literal word (DuckDB's
fast substring search), then an RE2 regular expression with word boundaries on the rows left.

**Cost** (measured in ``benchmarks/bench_scale.py``, see ``docs/archives.md``): proportional
to the size of the sentences' text, about 4 GB for 10^6 articles of 700 words; a query whose
results fill ``limit`` early stops early (the scan streams), a rare word reads everything.
Filters on outlet and dates prune whole documents first, and a date window whole
``year=`` partitions (by their documents' date spans: :func:`_years`). For interactive search at archive
scale, narrow by date/outlet first, or build the kit's search index (:mod:`araz.search`) on a
partition — ``araz.search.build_index(store.partition(key))`` — which is what it is made for.

Query syntax: words (all must occur, any order), ``"a phrase"``, ``prefix*``; case-insensitive.
"""
from __future__ import annotations

import re

import pandas as pd

from ..errors import QueryError
from .queries import _filters, connect

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def _patterns(query: str) -> tuple[list[str], list[str]]:
    """``(regexes, literals)`` of a query: one RE2 pattern per word or phrase, and the literal
    text (without ``*``) of each, for the ``ILIKE`` prefilter."""
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the search query is empty; give words, a \"phrase\" or a prefix* to find")
    regexes, literals = [], []
    for phrase, word in _TOKEN.findall(query):
        item = phrase if phrase else word
        item = item.strip()
        if not item:
            continue
        prefix = item.endswith("*")
        core = item.rstrip("*").strip()
        if not core:
            raise QueryError(f"'{item}' in the query {query!r} has no letters before '*'; write e.g. 'corrid*'")
        words = [re.escape(w) for w in core.split()]
        body = r"\s+".join(words)
        regexes.append(r"(?i)\b" + body + (r"\w*" if prefix else r"\b"))
        literals.append(core)
    if not regexes:
        raise QueryError(f"the query {query!r} has nothing to search for")
    return regexes, literals


def _years(con, start, end) -> list[int] | None:
    """The ``year=`` partitions a date window can touch (``None``: no window, every year).

    A document sits in the partition of its ``published_start``'s year but may end years later,
    so the years come from the partitions' date spans (:func:`araz.store.layout.in_window`,
    Parquet footers only), not from the window's years. Written into the SQL as a condition on
    the Hive ``year`` column of both ``sentences`` and ``documents``, DuckDB then skips those
    files entirely — a date filter on ``documents`` alone still scans every sentences file.
    """
    if start is None and end is None:
        return None
    from pathlib import Path

    import duckdb

    from .layout import in_window, partitions

    try:
        root = Path(con.execute("SELECT root FROM araz_store").fetchone()[0])
    except duckdb.CatalogException:  # a connection not made by queries.connect: no pruning
        return None
    return sorted({p.year for p in in_window(root, partitions(root), start, end)})


def _where(query: str, outlets, start, end, years: list[int] | None = None) -> tuple[str, list, list[str]]:
    regexes, literals = _patterns(query)
    where, params = _filters(outlets, start, end)
    if years is not None:  # integers, written into the SQL so that DuckDB prunes the Hive partitions
        keep = ", ".join(str(int(y)) for y in years) or "NULL"
        where += f" AND s.year IN ({keep}) AND d.year IN ({keep})"
    longest = max(literals, key=len)
    conds = ["s.text ILIKE ?"]
    params = [*params, "%" + longest.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"]
    for rx in regexes:
        conds.append("regexp_matches(s.text, ?)")
        params.append(rx)
    return f"{where} AND " + " AND ".join(conds), params, regexes


def search(store, query: str, *, outlets=None, start=None, end=None, limit: int | None = 100,
           count: bool = False) -> pd.DataFrame | tuple[pd.DataFrame, int]:
    """Sentences matching ``query``: ``citation, doc_id, outlet, published_start, title, text``,
    oldest first (then by citation). ``count=True`` also returns the number of all matches
    (a full scan).

    **Year by year.** A document sits in the ``year=`` partition of its ``published_start``, so
    every match of year *Y* sorts before every match of a later year: with a ``limit`` the scan
    runs one year at a time, oldest first, and stops at the first year that fills it — a common
    word reads one year of text instead of all of them (10^6 articles: ~0.2-0.4 s, not ~1.5 s),
    same rows, same order. A rare word still reads every year.
    """
    con = connect(store)
    years = _years(con, start, end)
    every = years if years is not None else _all_years(con)
    frames, n = [], 0
    for batch in ([[y] for y in every] if limit and every else [years]):
        where, params, _ = _where(query, outlets, start, end, batch)
        lim = f"LIMIT {int(limit) - n}" if limit else ""
        sql = f"""SELECT s.citation, s.doc_id, d.outlet, d.published_start, d.title, s.text
                  FROM sentences s JOIN documents d USING (doc_id) WHERE {where}
                  ORDER BY d.published_start, s.doc_id, s.paragraph, s.sentence {lim}"""
        frames.append(con.execute(sql, params).df())
        n += len(frames[-1])
        if limit and n >= limit:
            break
    found = [f for f in frames if len(f)]  # (an empty frame's columns have no dtypes to keep)
    rows = pd.concat(found, ignore_index=True) if len(found) > 1 else (found or frames)[0]
    if not count:
        return rows
    where, params, _ = _where(query, outlets, start, end, years)
    n = con.execute(f"SELECT count(*) FROM sentences s JOIN documents d USING (doc_id) WHERE {where}",
                    params).fetchone()[0]
    return rows, int(n)


def _all_years(con) -> list[int] | None:
    """Every ``year=`` partition of the store behind ``con`` (``None``: not known, scan at once)."""
    from pathlib import Path

    import duckdb

    from .layout import partitions

    try:
        root = Path(con.execute("SELECT root FROM araz_store").fetchone()[0])
    except duckdb.CatalogException:
        return None
    return sorted({p.year for p in partitions(root)})


def kwic(store, query: str, window: int = 8, *, outlets=None, start=None, end=None,
         limit: int | None = 100) -> pd.DataFrame:
    """Keyword in context: one row per occurrence of the query's first word or phrase in the
    sentences matching the whole query — ``citation, left, match, right`` (``window`` words
    each side, within the sentence), ``doc_id, outlet``. ``limit`` bounds the sentences read."""
    return kwic_rows(search(store, query, outlets=outlets, start=start, end=end, limit=limit), query, window)


def kwic_rows(hits: pd.DataFrame, query: str, window: int) -> pd.DataFrame:
    """KWIC rows of the sentences ``hits`` (``citation, doc_id, outlet, text``): each occurrence
    of the query's first word or phrase with ``window`` words each side."""
    if not isinstance(window, int) or window < 0:
        raise QueryError(f"window={window!r}: give a number of words (0 or more)")
    rx = re.compile(_patterns(query)[0][0].replace("(?i)", ""), re.IGNORECASE)
    rows = []
    for r in hits.itertuples(index=False):
        for m in rx.finditer(r.text):
            left = r.text[:m.start()].split()
            right = r.text[m.end():].split()
            rows.append({"citation": r.citation, "left": " ".join(left[-window:] if window else []),
                         "match": m.group(0), "right": " ".join(right[:window]), "doc_id": r.doc_id,
                         "outlet": r.outlet})
    return pd.DataFrame(rows, columns=["citation", "left", "match", "right", "doc_id", "outlet"])
