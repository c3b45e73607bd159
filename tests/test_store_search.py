"""Filtered search through the store's per-partition index prunes: a date window opens only the
partitions whose documents' dates can meet it (a document dated by a range that runs into the
next year included), outlet and date filters run in each partition's SQL, and the search stops
once ``limit`` rows are in — with the rows, and their order, of the unpruned search.

The corpus is the benchmarks' synthetic one (fictional outlets "Synthetic Outlet NN"); one of
its ranged documents is redated to cross a new year, so the pruning has that case to get right.
"""
from __future__ import annotations

import re
import sqlite3

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from araz.store import index
from araz.store.building import build
from araz.store.layout import Partition, in_window, partitions
from benchmarks import generate

COLUMNS = ["citation", "doc_id", "outlet", "published", "text"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """``(root, doc_id, year)``: a store of 60 synthetic articles (about two partitions a year,
    indexed), in which ``doc_id`` is dated from 15 December of ``year`` to 20 February of the next."""
    folder = generate.generate(tmp_path_factory.mktemp("synthetic") / "corpus", 60, seed=5, show_progress=False)
    ranged = None
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^published: (\d{4})-\d\d-\d\d/\S+$", text, re.M)
        if m and 2020 < int(m.group(1)) < 2025:
            year = int(m.group(1))
            path.write_text(text.replace(m.group(0), f"published: {year}-12-15/{year + 1}-02-20"), encoding="utf-8")
            ranged = path
            break
    assert ranged is not None, "the synthetic corpus has no ranged date to redate"
    root = tmp_path_factory.mktemp("stores") / "s"
    build(folder, root, max_docs=5)
    index.build_indexes(root)
    doc_id = re.search(r"^doc_id: \"?([^\"\n]+)\"?$", ranged.read_text(encoding="utf-8"), re.M).group(1)
    return root, doc_id, year


def unpruned(root, query, *, outlets=None, start=None, end=None, limit=None) -> pd.DataFrame:
    """The search as it was before pruning: every partition opened, every match read, filtered
    and sorted (``ORDER BY s.id``), partitions in key order, stopping once ``limit`` is filled."""
    from araz.search import to_fts

    where, params = ["sentence_fts MATCH ?"], [to_fts(query)]
    if outlets is not None:
        where.append(f"d.outlet IN ({', '.join('?' * len(outlets))})")
        params += list(outlets)
    if start is not None:
        where.append("d.d1 >= ?")
        params.append(pd.Timestamp(start).date().toordinal())
    if end is not None:
        where.append("d.d0 <= ?")
        params.append(pd.Timestamp(end).date().toordinal())
    sql = ("SELECT s.citation, d.doc_id, d.outlet, d.published, s.text FROM sentence_fts f JOIN sentence s "
           "ON s.id = f.rowid JOIN docs d ON d.id = s.doc WHERE " + " AND ".join(where) + " ORDER BY s.id")
    rows = []
    for part in partitions(root):
        con = sqlite3.connect(index.index_file(root, part))
        rows += con.execute(sql, params).fetchall()
        con.close()
        if limit and len(rows) >= limit:
            break
    return pd.DataFrame(rows[:limit] if limit else rows, columns=COLUMNS)


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert_frame_equal(got.reset_index(drop=True).astype(object), want.astype(object), check_index_type=False)


def _opened(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = index._open

    def spy(path):
        seen.append(path.relative_to(path.parents[1]).with_suffix("").as_posix())
        return real(path)

    monkeypatch.setattr(index, "_open", spy)
    return seen


def _words(root, doc_id) -> list[str]:
    """Two words of ``doc_id``'s sentences to search for (the query finds that document)."""
    part = next(p for p in partitions(root)
                if sqlite3.connect(index.index_file(root, p)).execute(
                    "SELECT 1 FROM docs WHERE doc_id = ?", [doc_id]).fetchone())
    con = sqlite3.connect(index.index_file(root, part))
    text = " ".join(r[0] for r in con.execute(
        "SELECT s.text FROM sentence s JOIN docs d ON d.id = s.doc WHERE d.doc_id = ? ORDER BY s.id", [doc_id]))
    con.close()
    words = sorted({w for w in re.findall(r"[A-Za-z]{6,}", text)}, key=lambda w: (-len(w), w))
    return words[:2]


@pytest.mark.parametrize("limit", [None, 1, 7, 50])
def test_filtered_search_gives_the_unpruned_rows_in_the_same_order(store, limit):
    root, doc_id, year = store
    windows = [(None, None), (f"{year + 1}-01-01", f"{year + 1}-03-31"), ("2021-03-01", None), (None, "2022-06-30"),
               (f"{year}-12-20", f"{year}-12-31"), ("2030-01-01", "2030-12-31")]
    outlets = [None, ["Synthetic Outlet 01"], ["Synthetic Outlet 02", "Synthetic Outlet 05"], ["No Such Outlet"]]
    queries = ["Baku", "corridor", "sanction*", *_words(root, doc_id)]
    found = 0
    for q in queries:
        for start, end in windows:
            for o in outlets:
                want = unpruned(root, q, outlets=o, start=start, end=end, limit=limit)
                _same(index.search(root, q, outlets=o, start=start, end=end, limit=limit), want)
                found += len(want)
    assert found > 0  # the comparisons were not all of empty results


def test_a_document_ranging_into_the_next_year_is_found_from_its_own_years_partition(store, monkeypatch):
    root, doc_id, year = store
    opened = _opened(monkeypatch)
    word = _words(root, doc_id)[0]
    hits = index.search(root, word, start=f"{year + 1}-01-01", end=f"{year + 1}-01-31", limit=None)
    assert doc_id in set(hits["doc_id"])
    assert any(k.startswith(f"year={year}/") for k in opened)  # its partition is the earlier year's


def test_partitions_outside_the_window_are_not_opened(store, monkeypatch):
    root, doc_id, year = store
    start, end = f"{year + 1}-01-01", f"{year + 1}-03-31"
    every = [p.key for p in partitions(root)]
    keep = [p.key for p in in_window(root, partitions(root), start, end)]
    outside = [k for k in every if k not in keep]
    assert outside and keep and len(keep) < len(every)
    assert all(int(k[5:9]) in (year, year + 1) for k in keep)
    opened = _opened(monkeypatch)
    got = index.search(root, "Baku", start=start, end=end, limit=None)
    assert opened and set(opened) <= set(keep)
    # and the proof without the hook: an unreadable index outside the window changes nothing
    for k in outside:
        index.index_file(root, Partition(k)).write_bytes(b"not an index")
    try:
        _same(index.search(root, "Baku", start=start, end=end, limit=None), got)
        with pytest.raises(sqlite3.DatabaseError):
            index.search(root, "Baku", limit=None)  # the unfiltered search does open them
    finally:
        for k in outside:  # rebuild what was broken for the other tests
            index.index_file(root, Partition(k)).unlink()
        index.build_indexes(root)


def test_an_outlet_filter_skips_partitions_without_that_outlet_and_limit_stops_early(store, monkeypatch):
    root, _, _ = store
    opened = _opened(monkeypatch)
    assert len(index.search(root, "Baku", limit=1)) == 1
    assert len(opened) == 1  # the first partition had a match: no other was opened
    opened.clear()
    assert index.search(root, "Baku", outlets=["No Such Outlet"], limit=None).empty
    assert len(opened) == len(partitions(root))  # opened (one docs lookup each), no full-text match read


def test_kwic_through_the_index_uses_the_pruned_search(store):
    root, doc_id, year = store
    word = _words(root, doc_id)[0]
    k = index.kwic(root, word, window=3, start=f"{year + 1}-01-01", end=f"{year + 1}-01-31", limit=None)
    assert doc_id in set(k["doc_id"]) and (k["match"].str.lower() == word.lower()).all()


def test_the_duckdb_scan_prunes_years_by_date_span_with_the_same_rows(store):
    from araz.store import queries, textsearch

    root, doc_id, year = store
    con = queries.connect(root)
    assert textsearch._years(con, None, None) is None
    years = textsearch._years(con, f"{year + 1}-01-01", f"{year + 1}-01-31")
    assert year in years and set(years) <= {year, year + 1}  # the ranged document's year is kept
    assert textsearch._years(con, "2030-01-01", None) == []
    word = _words(root, doc_id)[0]
    for q in ("Baku", "corridor", word):
        for start, end in [(f"{year + 1}-01-01", f"{year + 1}-03-31"), ("2022-03-01", None), (None, "2021-12-31"),
                           ("2030-01-01", None)]:
            for o in (None, ["Synthetic Outlet 01"]):
                where, params, _ = textsearch._where(q, o, start, end)  # without the year pruning
                want = con.execute(f"""SELECT s.citation, s.doc_id, d.outlet, d.published_start, d.title, s.text
                    FROM sentences s JOIN documents d USING (doc_id) WHERE {where}
                    ORDER BY d.published_start, s.doc_id, s.paragraph, s.sentence""", params).df()
                got, n = textsearch.search(con, q, outlets=o, start=start, end=end, limit=None, count=True)
                assert_frame_equal(got, want)
                assert n == len(want)
    hits = textsearch.search(con, word, start=f"{year + 1}-01-01", end=f"{year + 1}-01-31", limit=None)
    assert doc_id in set(hits["doc_id"])


def test_the_duckdb_scan_with_a_limit_reads_year_by_year_and_stops_at_the_year_that_fills_it(store, monkeypatch):
    from araz.store import queries, textsearch

    root, doc_id, year = store
    con = queries.connect(root)
    statements = []
    traced = _Tracing(con, statements)
    monkeypatch.setattr(textsearch, "connect", lambda c: traced if c is traced else queries.connect(c))
    word = _words(root, doc_id)[0]
    for q in ("Baku", "corridor", word):
        for w in ({}, {"start": f"{year}-06-01", "end": f"{year + 1}-03-31"}, {"outlets": ["Synthetic Outlet 01"]}):
            every = textsearch.search(con, q, limit=None, **w)  # one query over every year
            for limit in (1, 3, 17, 10_000):
                statements.clear()
                got = textsearch.search(traced, q, limit=limit, **w)
                assert_frame_equal(got, every.head(limit))
                years = sorted({int(y) for y in pd.to_datetime(got["published_start"]).dt.year})
                # one statement per year read; none after the year that filled the limit
                kept = textsearch._years(con, w.get("start"), w.get("end")) or textsearch._all_years(con)
                if len(got) == limit:  # the years up to the one that filled it, one statement each
                    assert len(statements) == len([y for y in kept if y <= years[-1]])
                    assert f"s.year IN ({years[-1]})" in statements[-1]
                else:
                    assert len(statements) == len(kept)
    statements.clear()
    assert len(textsearch.search(traced, "Baku", limit=1)) == 1 and len(statements) == 1  # the first year has one


class _Tracing:
    """A DuckDB connection that records the search statements it runs (everything else passes through)."""

    def __init__(self, con, seen):
        self.con, self.seen = con, seen

    def execute(self, sql, *a):
        if "FROM sentences s" in sql:
            self.seen.append(sql)
        return self.con.execute(sql, *a)

    def __getattr__(self, name):
        return getattr(self.con, name)
