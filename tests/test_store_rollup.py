"""The month x outlet roll-ups (:data:`araz.store.rollup.MONTHLY`) give the explorer's aggregates
exactly as the per-document path does, under every filter they serve; finer windows fall back.

The store is the benchmarks' synthetic corpus (dates: days, months, years and ranges) plus three
invented articles of the outlet "Example Daily" (fictional text) dated by ranges: one across a
month end, one across a year end, one inside one month. The per-document answer comes from a
copy of the same store without the month roll-ups (what :func:`araz.store.queries.connect`
sees when they are missing).
"""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import araz
from araz import actors, corridors, tone
from araz.store import annotation as ann
from araz.store import queries, rollup, view
from araz.store.building import build
from araz.store.layout import partitions
from benchmarks import generate
from conftest import write_doc

RANGES = {"example-daily-range-month": "2021-01-20/2021-02-10", "example-daily-range-year": "2021-12-20/2022-01-15",
          "example-daily-range-inside": "2021-03-02/2021-03-28"}
OUTLET = "Example Daily"
TEXT = ("Example officials in Tehran and Baku discussed the Aras corridor at an invented meeting.\n"
        "The fictional minister said Iran and Azerbaijan would talk about the corridor again.")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = generate.generate(tmp_path_factory.mktemp("synthetic") / "corpus", 40, seed=11, show_progress=False)
    for doc_id, published in RANGES.items():
        write_doc(folder, f"{doc_id}.md", {
            "doc_id": doc_id, "title": "Invented range-dated article", "outlet": OUTLET, "published": published,
            "date_evidence": '"an invented meeting" Reasoning (estimate): invented for a test.',
            "language": "en", "notes": "Invented for the kit's tests: a fictional article about fictional events."},
            TEXT)
    return folder


@pytest.fixture(scope="module")
def stores(folder, tmp_path_factory):
    monthly = tmp_path_factory.mktemp("stores") / "monthly"
    build(folder, monthly, max_docs=8)
    ann.annotate(monthly, tables=["tone", "actors", "corridors"])
    per_doc = tmp_path_factory.mktemp("stores") / "per-doc"
    shutil.copytree(monthly, per_doc)
    for name in rollup.MONTHLY:
        shutil.rmtree(per_doc / "annotations" / name)
    return monthly, per_doc


WINDOWS = [{}, {"start": "2021-02-01", "end": "2021-02-28"}, {"start": "2021-03-01"}, {"end": "2021-12-31"},
           {"start": "2022-01-01", "end": "2022-03-31"}, {"start": "2020-01-01", "end": "2026-06-30"},
           {"outlets": [OUTLET]}, {"outlets": [OUTLET, "Synthetic Outlet 01"], "start": "2021-01-01",
                                   "end": "2021-12-31"}]


def test_annotate_writes_one_month_roll_up_per_year(stores):
    monthly, _ = stores
    years = sorted({p.year for p in partitions(monthly)})
    assert len(partitions(monthly)) > len(years)  # some year has several partitions: summed in one file
    for name in rollup.MONTHLY:
        assert sorted((monthly / "annotations" / name).rglob("*.parquet")) == [
            rollup.year_file(monthly, name, y) for y in years]
        assert rollup.complete(monthly, name)
    con = queries.connect(monthly)
    assert all(con.execute(f"SELECT {n} FROM araz_rollup").fetchone()[0] for n in rollup.MONTHLY)
    for name in rollup.MONTHLY:
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] > 0


def test_the_range_documents_are_where_the_per_document_path_puts_them(stores):
    monthly, _ = stores
    con = queries.connect(monthly)
    rows = con.execute("SELECT published_start, published_end, n_docs FROM tone_months "
                       "WHERE outlet = ? AND all_voices ORDER BY published_start", [OUTLET]).fetchall()
    days = [(str(a), str(b)) for a, b, _ in rows]
    # across months: its own range; inside one month: that month's first and last day
    assert ("2021-01-20", "2021-02-10") in days and ("2021-12-20", "2022-01-15") in days
    assert ("2021-03-01", "2021-03-31") in days
    counts = con.execute("SELECT DISTINCT published_start, published_end FROM actor_months WHERE outlet = ? "
                         "ORDER BY published_start", [OUTLET]).fetchall()
    assert {(str(a), str(b)) for a, b in counts} == {("2021-01-01", "2021-02-01"), ("2021-12-01", "2022-01-01"),
                                                     ("2021-03-01", "2021-03-01")}


@pytest.mark.parametrize("w", WINDOWS)
@pytest.mark.parametrize("kw", [{"by": "outlet", "voice": None, "freq": "M"},
                                {"by": None, "voice": "both", "freq": "Q"},
                                {"by": "perspective", "voice": "author", "freq": "Y"},
                                {"by": "outlet", "voice": "quoted", "freq": "M"}])
def test_tone_from_the_month_roll_up_equals_the_per_document_path(stores, kw, w):
    monthly, per_doc = stores
    got = queries.tone_over_time(monthly, **kw, **w)
    ref = queries.tone_over_time(per_doc, **kw, **w)
    assert len(ref) > 0 or kw["voice"] is not None  # every window holds documents (not always quotes)
    # keys, counts and flags exactly; sums of scores added in another order: to 1e-12
    assert_frame_equal(got, ref, check_exact=False, rtol=1e-12, atol=1e-12)
    for c in ("group", "voice", "start", "end", "estimate", "n_docs", "n", "n_coop", "n_conf", "n_mixed", "n_neutral"):
        assert got[c].tolist() == ref[c].tolist(), c


@pytest.mark.parametrize("w", WINDOWS)
@pytest.mark.parametrize("kw", [{"by": ("period", "outlet"), "freq": "M"}, {"by": [], "entity_types": ["state"]},
                                {"by": "perspective"}, {"by": "period", "freq": "Y", "min_count": 2}])
def test_counts_from_the_month_roll_ups_equal_the_per_document_path(stores, kw, w):
    monthly, per_doc = stores
    for fn in (queries.actor_counts, queries.corridor_counts):
        got, ref = fn(monthly, **kw, **w), fn(per_doc, **kw, **w)
        assert_frame_equal(got, ref)
    assert len(queries.actor_counts(per_doc, **w)) > 0


@pytest.mark.parametrize("w", WINDOWS)
def test_comentions_from_the_month_roll_up_equal_the_per_document_path(stores, w):
    monthly, per_doc = stores
    for kw in ({}, {"min_weight": 2}, {"limit": 5}):
        got, ref = queries.comentions(monthly, **kw, **w), queries.comentions(per_doc, **kw, **w)
        assert_frame_equal(got, ref)
    assert len(queries.comentions(per_doc, **w)) > 0


def test_a_window_of_part_of_a_month_falls_back_to_the_per_document_path(stores, monkeypatch):
    monthly, per_doc = stores
    read = []
    real = queries._monthly
    monkeypatch.setattr(queries, "_monthly", lambda con, name, s, e: read.append(real(con, name, s, e)) or read[-1])
    for w in ({"start": "2021-01-25", "end": "2021-02-05"}, {"start": "2021-01-01", "end": "2021-02-27"}):
        assert_frame_equal(queries.actor_counts(monthly, **w), queries.actor_counts(per_doc, **w))
        assert_frame_equal(queries.comentions(monthly, **w), queries.comentions(per_doc, **w))
        got, ref = queries.tone_over_time(monthly, freq="M", **w), queries.tone_over_time(per_doc, freq="M", **w)
        assert_frame_equal(got, ref, check_exact=False, rtol=1e-12)
    assert read and not any(read)
    read.clear()
    queries.actor_counts(monthly, start="2021-01-01", end="2021-02-28")
    assert read == [True]


def test_the_explorer_selection_is_the_same_from_either_path(stores):
    monthly, per_doc = stores
    f = view.Filters(outlets=(OUTLET,), start=pd.Timestamp("2021-01-01").date(), end=pd.Timestamp("2021-12-31").date())
    a = view.select(queries.connect(monthly), monthly, f)
    b = view.select(queries.connect(per_doc), per_doc, f)
    assert_frame_equal(a.tone, b.tone, check_exact=False, rtol=1e-12)
    assert_frame_equal(a.actors, b.actors)
    assert_frame_equal(a.corridors, b.corridors)
    assert a.tone["n_docs"].sum() == 3  # the three range-dated articles, each once


def test_new_articles_re_sum_only_their_own_years_roll_ups(stores, tmp_path):
    monthly, per_doc = stores
    root = tmp_path / "grown"
    shutil.copytree(monthly, root)
    made = lambda: {p: p.stat().st_mtime_ns for p in (root / "annotations").rglob("months.parquet")}  # noqa: E731
    docs_before = {p.key: p.annotation(root, "tone_docs").stat().st_mtime_ns for p in partitions(root)}
    before = made()
    folder = tmp_path / "more"
    write_doc(folder, "example-daily-later.md", {
        "doc_id": "example-daily-later", "title": "Invented later article", "outlet": OUTLET,
        "published": "2025-05-05", "language": "en",
        "notes": "Invented for the kit's tests: a fictional article about fictional events."}, TEXT)
    build(folder, root)
    assert not rollup.complete(root, "tone_months")  # a partition without roll-ups: the queries fall back
    ann.annotate(root, tables=["tone", "actors", "corridors"])
    after = made()
    changed = {p.parent.name for p in after if after[p] != before.get(p)}
    assert changed == {"year=2025"}
    assert all(p.annotation(root, "tone_docs").stat().st_mtime_ns == t for p in partitions(root)
               for k, t in docs_before.items() if p.key == k)  # nothing per document was redone
    assert all(rollup.complete(root, n) for n in rollup.MONTHLY)
    w = {"outlets": [OUTLET], "start": "2025-05-01", "end": "2025-05-31"}
    assert queries.actor_counts(root, **w)["n_docs"].max() == 1
    assert queries.tone_over_time(root, freq="M", **w)["n_docs"].tolist() == [1]
    assert rollup.rollup(root) == {}  # nothing stale is left


@pytest.mark.parametrize("w", [{"start": "2022-01-05", "end": "2022-02-10"},
                               {"start": "2021-02-01", "end": "2021-02-28"},
                               {"outlets": [OUTLET], "start": "2021-12-31"}, {"end": "2021-01-25"}])
def test_both_paths_equal_the_in_memory_path_with_windows_of_days_and_of_months(stores, folder, w):
    """Whole-month windows (month x outlet roll-ups) and windows of days (per-document roll-ups,
    reading only the years the window can touch) give what araz computes in memory on the
    documents whose possible dates overlap the window — the range into 2022 included."""
    corpus = araz.load_corpus(folder, cache=False)
    d = corpus.documents
    keep = d["outlet"].isin(w.get("outlets", d["outlet"]))
    keep &= d["published_end"] >= pd.Timestamp(w.get("start", "1900-01-01"))
    keep &= d["published_start"] <= pd.Timestamp(w.get("end", "2100-01-01"))
    sub = corpus.subset(d.loc[keep, "doc_id"])
    ref_tone = tone.over_time(sub, by=None, voice=None, freq="M").sort_values(["start", "end"], ignore_index=True)
    ref_pairs = actors.cooccurrence(sub)
    for root in stores:
        got = queries.tone_over_time(root, by=None, voice=None, freq="M", **w).sort_values(["start", "end"],
                                                                                           ignore_index=True)
        cols = ["start", "end", "estimate", "n_docs", "n", "n_coop", "n_conf", "n_mixed", "n_neutral"]
        assert_frame_equal(got[cols], ref_tone[cols], check_dtype=False)
        floats = ["score", "coop", "conf", "labelling"]
        assert_frame_equal(got[floats], ref_tone[floats], check_dtype=False, rtol=1e-9)
        for fn, module in ((queries.actor_counts, actors), (queries.corridor_counts, corridors)):
            want = module.mentions(sub).groupby("entity_id").agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique"))
            have = fn(root, by=[], **w).set_index("entity_id")[["n", "n_docs"]]
            assert_frame_equal(have.sort_index(), want.sort_index(), check_dtype=False, check_names=False)
        pairs = queries.comentions(root, **w)
        cols = ["source", "target", "weight", "n_docs"]
        assert_frame_equal(pairs[cols], ref_pairs[cols], check_dtype=False)
    if "2022-01-05" in w.values():
        assert "example-daily-range-year" in set(sub.documents["doc_id"])  # from its 2021 partition
