"""The Parquet store: building (incrementally), reading lazily, annotating on three backends
with retries and skips, and DuckDB aggregates equal to the in-memory (pandas) path.

The corpus is the benchmarks' synthetic one (shipped sentences recombined, every file says it
is synthetic), small enough to keep the module to well under a minute on 2 cores.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import araz
from araz import actors, tone
from araz.store import annotation as ann
from araz.store import queries, textsearch
from araz.store.building import add_documents, build
from araz.store.layout import StoreError, partitions
from benchmarks import generate

N = 32
MAX_DOCS = 6  # about one or two partitions per year: the map has something to distribute


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return generate.generate(tmp_path_factory.mktemp("synthetic") / "corpus", N, seed=3, show_progress=False)


@pytest.fixture(scope="module")
def corpus(folder):
    return araz.load_corpus(folder, cache=False)


@pytest.fixture(scope="module")
def plain_store(folder, tmp_path_factory):
    """A built store without annotations (copy it before annotating)."""
    root = tmp_path_factory.mktemp("stores") / "plain"
    build(folder, root, max_docs=MAX_DOCS)
    return root


@pytest.fixture(scope="module")
def annotated(plain_store, tmp_path_factory):
    root = tmp_path_factory.mktemp("stores") / "inline"
    shutil.copytree(plain_store, root)
    report = ann.annotate(root)
    assert report.backend == "inline" and len(report.written) == len(partitions(root))
    return root


def _copy(src: Path, tmp_path: Path, name: str) -> Path:
    dst = tmp_path / name
    shutil.copytree(src, dst)
    return dst


def _all_annotations(root: Path) -> dict[str, pd.DataFrame]:
    return {name: ann.read_annotation(root, name) for name in ann.ANNOTATIONS}


# ---- building and reading ------------------------------------------------------------------
def test_open_store_gives_the_tables_of_load_corpus(plain_store, corpus):
    store = araz.open_store(plain_store)
    assert len(partitions(plain_store)) > 3
    for name in ("documents", "paragraphs", "sentences"):
        assert_frame_equal(getattr(store, name), getattr(corpus, name))
    cite = corpus.sentences["citation"].iloc[17]
    assert store.cite(cite) == corpus.cite(cite)
    assert len(store) == N and store["synth-000005"].text == corpus["synth-000005"].text


def test_a_partition_is_a_real_corpus_and_the_annotators_take_it(plain_store, corpus):
    store = araz.open_store(plain_store)
    part = store.partition(store.partitions[0])
    assert 0 < len(part) <= MAX_DOCS
    mine = tone.score_sentences(part).drop(columns="matches").reset_index(drop=True)
    ref = tone.score_sentences(corpus).drop(columns="matches")
    ref = ref[ref["doc_id"].isin(part.doc_ids)].reset_index(drop=True)
    assert_frame_equal(mine, ref)


def test_adding_articles_writes_only_new_partitions(folder, tmp_path):
    files = sorted(folder.rglob("*.md"))
    first, second = tmp_path / "first", tmp_path / "second"
    for f in files[:20]:
        (first / f.name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, first / f.name)
    for f in files[20:]:
        (second / f.name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, second / f.name)
    root = tmp_path / "store"
    r1 = build(first, root, max_docs=MAX_DOCS)
    assert r1.added == 20 and r1.unchanged == 0
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*.parquet")}
    r2 = build(second, root, max_docs=MAX_DOCS)
    assert r2.added == len(files) - 20 and r2.written
    after = {p: p.stat().st_mtime_ns for p in root.rglob("*.parquet")}
    assert all(after[p] == t for p, t in before.items())  # nothing old rewritten
    new = set(after) - set(before)
    assert {str(p.relative_to(root / "documents").with_suffix("")) for p in new
            if p.is_relative_to(root / "documents")} == set(r2.written)
    r3 = build(folder, root, max_docs=MAX_DOCS)  # the whole folder again: nothing to add
    assert (r3.added, r3.unchanged, r3.written) == (0, len(files), ())
    assert len(araz.open_store(root)) == len(files)


def test_a_doc_id_with_a_new_text_is_refused_naming_the_file(folder, tmp_path):
    root = tmp_path / "store"
    build(folder, root, max_docs=MAX_DOCS)
    changed = tmp_path / "changed"
    src = sorted(folder.rglob("*.md"))[0]
    changed.mkdir()
    (changed / src.name).write_text(src.read_text(encoding="utf-8") + "One more invented line.\n", encoding="utf-8")
    with pytest.raises(StoreError, match=re.escape(src.name) + ".*already in the store.*new doc_id"):
        build(changed, root)


def test_bad_paths_say_what_to_do(tmp_path, folder):
    with pytest.raises(StoreError, match=r"nowhere.*no such folder.*araz store build"):
        araz.open_store(tmp_path / "nowhere")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "x.txt").write_text("not a store")
    with pytest.raises(StoreError, match=r"plain: not an araz store.*araz store build"):
        araz.open_store(tmp_path / "plain")
    with pytest.raises(StoreError, match=r"plain: the folder exists and is not an araz store"):
        build(folder, tmp_path / "plain")
    with pytest.raises(StoreError, match=r"missing-corpus: no such corpus folder"):
        build(tmp_path / "missing-corpus", tmp_path / "new")
    assert not (tmp_path / "new").exists()


# ---- annotation: three backends, retries, skips -------------------------------------------
def test_processes_and_dask_give_the_inline_results_row_for_row(plain_store, annotated, tmp_path):
    expected = _all_annotations(annotated)
    assert len(expected["tone"]) == len(araz.open_store(plain_store).sentences)
    assert len(expected["actors"]) > 100 and len(expected["formats"]) > 0
    procs = _copy(plain_store, tmp_path, "procs")
    r = ann.annotate(procs, backend="processes", workers=2)
    assert r.backend == "processes" and not r.skipped
    dask = _copy(plain_store, tmp_path, "dask")
    r = ann.annotate(dask, workers=2)  # a LocalCluster of 2 worker processes
    assert r.backend == "dask" and len(r.written) == len(partitions(dask))
    for root in (procs, dask):
        got = _all_annotations(root)
        for name in ann.ANNOTATIONS:
            assert_frame_equal(got[name], expected[name], obj=f"{root.name}/{name}")


def test_a_worker_dying_mid_run_loses_nothing_and_a_rerun_skips(plain_store, annotated, tmp_path, monkeypatch):
    expected = _all_annotations(annotated)
    n = len(partitions(plain_store))
    # the first attempt at each 2021 partition kills its worker process (os._exit) before writing
    procs = _copy(plain_store, tmp_path, "procs")
    monkeypatch.setenv(ann.FAULT_ENV, f"exit:{tmp_path / 'faults-procs'}:year=2021")
    r = ann.annotate(procs, backend="processes", workers=2, retries=1)
    assert len(r.written) == n and r.attempts > n
    # on Dask (threads, so the failure raises rather than exits): the scheduler retries each partition
    dask = _copy(plain_store, tmp_path, "dask")
    monkeypatch.setenv(ann.FAULT_ENV, f"raise:{tmp_path / 'faults-dask'}")
    r = ann.annotate(dask, workers=2, processes=False, retries=1)
    assert len(r.written) == n
    monkeypatch.delenv(ann.FAULT_ENV)
    for root in (procs, dask):
        got = _all_annotations(root)
        for name in ann.ANNOTATIONS:
            assert_frame_equal(got[name], expected[name], obj=f"{root.name}/{name}")
    again = ann.annotate(dask, workers=2, processes=False)
    assert again.written == () and len(again.skipped) == n


def test_chunked_tasks_give_the_partition_results_row_for_row(plain_store, annotated, tmp_path, monkeypatch):
    """Partitions cut into row-range chunks (2 documents a task here), annotated on the three
    backends — with every chunk and every merge failing once (on local processes: those of one
    year, by killing their worker process) — give the one-task-per-partition files; a rerun does nothing, and a chunk
    already staged is not redone."""
    expected = _all_annotations(annotated)
    n = len(partitions(plain_store))
    chunked = sum(c > 1 for _, c, _ in ann._plan(plain_store, partitions(plain_store), 2))
    assert chunked >= n - 1
    for backend, kw in (("inline", {}), ("processes", {"workers": 2}), ("dask", {"workers": 2})):
        root = _copy(plain_store, tmp_path, backend)
        # on local processes, the chunks and merges of 2021 kill their worker (each respawn costs ~1 s)
        fault = "exit:{}:year=2021" if backend == "processes" else "raise:{}"
        monkeypatch.setenv(ann.FAULT_ENV, fault.format(tmp_path / ("faults-" + backend)))
        r = ann.annotate(root, backend=backend, chunk_docs=2, retries=1, **kw)
        monkeypatch.delenv(ann.FAULT_ENV)
        assert len(r.written) == n and r.merges == chunked and max(r.task_docs) == 2 and min(r.task_docs) >= 1
        assert len(r.task_docs) > 2 * n and sum(r.task_docs) == N  # several similar tasks per partition
        failures = len(list((tmp_path / ("faults-" + backend)).iterdir()))  # one marker per failed task
        assert failures >= 2 if backend == "processes" else failures == len(r.task_docs) + r.merges
        if backend != "dask":  # the scheduler retries on its own and does not count
            assert r.attempts >= len(r.task_docs) + r.merges + failures
        assert not (root / "annotations" / ann.CHUNKS).exists()  # the staging is cleared
        got = _all_annotations(root)
        for name in ann.ANNOTATIONS:
            assert_frame_equal(got[name], expected[name], obj=f"{backend}/{name}")
        assert ann.annotate(root, chunk_docs=2).written == ()
    # a run that died after staging a chunk: that chunk is not annotated again
    root = _copy(plain_store, tmp_path, "resume")
    plan = ann._plan(root, partitions(root), 2)
    key, chunks, _ = plan[0]
    ver = ann.version()
    first = ann.run_task(str(root), key, ver, ann.ANNOTATIONS, 0, chunks)
    assert first["kind"] == "chunk" and not first["skipped"]
    assert ann.run_task(str(root), key, ver, ann.ANNOTATIONS, 0, chunks)["skipped"]
    with pytest.raises(StoreError, match=rf"1of{chunks}: this chunk of partition .* is not annotated"):
        ann.run_task(str(root), key, ver, ann.ANNOTATIONS, -1, chunks)
    r = ann.annotate(root, chunk_docs=2)
    assert len(r.written) == n and len(r.task_docs) == sum(c for _, c, _ in plan) - 1  # chunk 0 was not redone
    for name in ann.ANNOTATIONS:
        assert_frame_equal(ann.read_annotation(root, name), expected[name], obj=f"resume/{name}")


def test_without_retries_a_failure_is_reported_and_the_rest_kept(plain_store, tmp_path, monkeypatch):
    root = _copy(plain_store, tmp_path, "store")
    monkeypatch.setenv(ann.FAULT_ENV, f"raise:{tmp_path / 'faults'}")
    with pytest.raises(StoreError, match=r"partition\(s\) failed after 0 retries.*run 'araz store annotate"):
        ann.annotate(root, retries=0)
    monkeypatch.delenv(ann.FAULT_ENV)
    r = ann.annotate(root)  # the rerun does the missing ones only
    assert len(r.written) == len(partitions(root)) and not r.skipped


def test_a_new_partition_is_the_only_one_annotated_next_time(folder, tmp_path):
    root = tmp_path / "store"
    docs = list(araz.load_corpus(folder, cache=False))
    add_documents(root, docs[:20], max_docs=MAX_DOCS)
    first = ann.annotate(root, tables=["tone", "actors"])
    r = add_documents(root, docs[20:], max_docs=MAX_DOCS)
    second = ann.annotate(root, tables=["tone", "actors"])
    assert set(second.written) == set(r.written) and set(second.skipped) == set(first.written)


def test_bad_annotate_arguments(plain_store):
    with pytest.raises(StoreError, match="backend 'cloud' is unknown"):
        ann.annotate(plain_store, backend="cloud")
    with pytest.raises(StoreError, match=r"no annotation table\(s\) \['sentiment'\]"):
        ann.annotate(plain_store, tables=["sentiment"])
    with pytest.raises(StoreError, match="no 'tone' annotations yet; run 'araz store annotate"):
        queries.tone_over_time(plain_store)


# ---- DuckDB aggregates = the pandas path ---------------------------------------------------
@pytest.mark.parametrize("kw", [{}, {"freq": "M"}, {"by": None, "voice": None, "freq": "Q"},
                                {"by": "perspective", "voice": "author", "freq": "Y"}])
def test_tone_over_time_in_duckdb_equals_araz_tone(annotated, corpus, kw):
    ref = tone.over_time(corpus, **kw).sort_values(["start", "group", "voice", "end"], ignore_index=True)
    got = queries.tone_over_time(annotated, doc_ids=True, **kw)
    assert_frame_equal(got[ref.columns.tolist()], ref, check_dtype=False)
    # without doc_ids, from the per-document roll-up that annotate wrote: the same numbers
    assert queries.connect(annotated).execute("SELECT complete FROM araz_rollup").fetchone()[0]
    rolled = queries.tone_over_time(annotated, **kw)
    assert "doc_ids" not in rolled
    assert_frame_equal(rolled, got.drop(columns="doc_ids"), check_dtype=False)
    inside = got["n"] > 1
    assert (got.loc[inside, "score_low"] <= got.loc[inside, "score"]).all()
    assert (got.loc[inside, "score"] <= got.loc[inside, "score_high"]).all()


def test_comentions_equal_actors_cooccurrence(annotated, corpus, tmp_path):
    ref = actors.cooccurrence(corpus)
    got = queries.comentions(annotated)
    cols = ["source", "target", "source_label", "target_label", "weight", "n_docs"]
    assert_frame_equal(got[cols], ref[cols], check_dtype=False)
    raw = _copy(annotated, tmp_path, "no-rollup")
    shutil.rmtree(raw / "annotations" / "comention_docs")
    assert_frame_equal(queries.comentions(raw), got)
    for g, r in zip(got.itertuples(), ref.itertuples()):
        assert g.example in r.citations
    para = queries.comentions(annotated, unit="paragraph", outlets=["Synthetic Outlet 01"])
    ref_p = actors.cooccurrence(corpus.subset(corpus.documents.loc[corpus.documents["outlet"] == "Synthetic Outlet 01",
                                                                   "doc_id"]), unit="paragraph")
    assert_frame_equal(para[cols], ref_p[cols], check_dtype=False)


def test_mention_counts_equal_a_pandas_groupby(annotated, corpus, tmp_path):
    m = actors.mentions(corpus).merge(corpus.documents[["doc_id", "outlet", "published_start"]], on="doc_id")
    m["period"] = m["published_start"].dt.to_period("Q").dt.start_time.astype("datetime64[s]")
    ref = (m.groupby(["entity_id", "period", "outlet"]).agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique"))
           .reset_index().sort_values(["entity_id", "period", "outlet"], ignore_index=True))
    raw = _copy(annotated, tmp_path, "no-rollup")
    shutil.rmtree(raw / "annotations" / "actor_docs")  # the same counts from the mentions themselves
    for root in (annotated, raw):
        got = queries.actor_counts(root, freq="Q").sort_values(["entity_id", "period", "outlet"], ignore_index=True)
        assert_frame_equal(got[ref.columns.tolist()], ref, check_dtype=False)
    window = queries.corridor_counts(annotated, by="outlet", outlets=["Synthetic Outlet 01"], start="2022-01-01")
    c = araz.corridors.mentions(corpus).merge(corpus.documents, on="doc_id")
    c = c[(c["outlet"] == "Synthetic Outlet 01") & (c["published_end"] >= "2022-01-01")]
    assert window["n"].sum() == len(c)


def test_search_and_kwic_find_what_a_regex_finds(annotated, corpus):
    s = corpus.sentences
    want = s[s["text"].str.contains(r"(?i)\bcorridor\w*", regex=True)]
    rows, n = textsearch.search(annotated, "corridor*", limit=None, count=True)
    assert n == len(want) == len(rows) and set(rows["citation"]) == set(want["citation"])
    k = textsearch.kwic(annotated, "corridor*", window=3, limit=None)
    assert len(k) == int(want["text"].str.count(r"(?i)\bcorridor\w*").sum())
    assert (k["match"].str.lower().str.startswith("corridor")).all()
    assert all(len(x.split()) <= 3 for x in k["left"])
    with pytest.raises(araz.QueryError, match="empty"):
        textsearch.search(annotated, "  ")


# ---- the command -------------------------------------------------------------------------
def test_cli_build_annotate_info(folder, tmp_path, capsys):
    from araz.cli import main

    root = tmp_path / "store"
    assert main(["store", "build", str(folder), "--to", str(root)]) == 0
    assert f"{N} article(s) added" in capsys.readouterr().out
    assert main(["store", "annotate", str(root), "--tables", "tone", "--chunk-docs", "3"]) == 0
    assert "annotated" in capsys.readouterr().out
    assert main(["store", "info", str(root)]) == 0
    assert f"{N} documents" in capsys.readouterr().out
    assert main(["store", "annotate", str(tmp_path / "nope")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_three_plus_three_of_a_partition_is_the_whole_corpus_rows_of_its_documents(corpus):
    # why annotating 3+3 partition by partition is right: its rules read one document at a time
    from araz import formats

    whole = formats.three_plus_three(corpus)
    ids = corpus.doc_ids[1::2]
    part = formats.three_plus_three(corpus.subset(ids))
    for name in ("mentions", "membership", "proposer", "purpose"):
        mine = getattr(whole, name)
        mine = mine[mine["doc_id"].isin(ids)].reset_index(drop=True)
        assert len(mine) > 0
        assert_frame_equal(getattr(part, name), mine, obj=name)


def test_the_per_partition_search_index_finds_what_the_scan_finds(plain_store, tmp_path):
    from araz.store import index

    root = _copy(plain_store, tmp_path, "indexed")
    assert not index.ready(root)
    with pytest.raises(StoreError, match="no index for this partition; run araz.store.index.build_indexes"):
        index.search(root, "Baku")
    built = index.build_indexes(root)
    assert len(built) == len(partitions(root)) and index.ready(root)
    assert index.build_indexes(root) == []  # nothing left to build
    got = index.search(root, "Baku", limit=None)
    scan = textsearch.search(root, "Baku", limit=None)
    assert set(got["citation"]) == set(scan["citation"]) and len(got) > 0
    one = index.search(root, "Baku", outlets=["Synthetic Outlet 01"], start="2022-01-01", limit=None)
    want = textsearch.search(root, "Baku", outlets=["Synthetic Outlet 01"], start="2022-01-01", limit=None)
    assert set(one["citation"]) == set(want["citation"])
    k = index.kwic(root, "Baku", window=2, limit=5)
    assert len(k) >= 5 and (k["match"] == "Baku").all()


def test_one_document_for_the_reader(plain_store, corpus):
    fields, sentences = queries.document(plain_store, "synth-000007")
    assert fields["text"] == corpus["synth-000007"].text and fields["outlet"] == corpus["synth-000007"].outlet
    ref = corpus.sentences[corpus.sentences["doc_id"] == "synth-000007"].reset_index(drop=True)
    assert_frame_equal(sentences, ref, check_dtype=False)
    with pytest.raises(araz.CitationError, match="no document 'synth-999999' in this store"):
        queries.document(plain_store, "synth-999999")
