"""The benchmark kit on tiny corpora: correct output, not speed (no timing assertions)."""
import json

import pytest

import araz
from benchmarks import generate, queries, report, steps
from benchmarks.run import Runner, main


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return generate.generate(tmp_path_factory.mktemp("synthetic") / "c", 30, seed=7)


def test_generator_writes_n_documents_in_the_user_corpus_format(synthetic):
    files = sorted(synthetic.rglob("*.md"))
    assert len(files) == 30
    assert files[0].read_text(encoding="utf-8").startswith("---\ndoc_id: synth-000001\n")
    assert [i for i in araz.validate(synthetic) if i.severity == "error"] == []
    corpus = araz.load_corpus(synthetic, cache=False)
    assert len(corpus) == 30 and corpus.warnings == []


def test_generated_articles_are_about_700_words_of_shipped_sentences(synthetic):
    corpus = araz.load_corpus(synthetic, cache=False)
    words = corpus.documents["n_words"]
    assert 500 <= words.median() <= 900
    shipped = set(araz.load_corpus().sentences["text"])
    body = corpus.sentences[~corpus.sentences["text"].isin(generate.shipped_pool().headings)]
    assert body["text"].isin(shipped).mean() > 0.9  # recombined, not invented


def test_generated_metadata_varies_and_says_it_is_synthetic(tmp_path):
    corpus = araz.load_corpus(generate.generate(tmp_path / "c", 300, seed=1), cache=False)
    docs = corpus.documents
    assert docs["outlet"].nunique() > 10 and docs["perspective"].nunique() > 5
    assert docs["outlet"].str.startswith("Synthetic Outlet").all()
    assert docs["notes"].str.contains("Synthetic benchmark document").all()
    assert docs["date_estimate"].any() and not docs["date_estimate"].all()  # some dates are ranges
    assert docs["published_start"].min().year >= 2020 and docs["published_end"].max().year <= 2026


def test_generator_is_deterministic_and_reuses_a_finished_folder(tmp_path):
    a = generate.generate(tmp_path / "a", 12, seed=3)
    b = generate.generate(tmp_path / "b", 12, seed=3)
    read = lambda f: {p.name: p.read_bytes() for p in f.rglob("*.md")}  # noqa: E731
    assert read(a) == read(b)
    assert read(generate.generate(tmp_path / "c", 12, seed=4)) != read(a)
    stamp = (a / generate.STAMP).stat().st_mtime_ns
    generate.generate(a, 12, seed=3)
    assert (a / generate.STAMP).stat().st_mtime_ns == stamp


def test_query_workload_has_at_least_50_varied_valid_queries():
    outlets = ["Synthetic Outlet 01", "Synthetic Outlet 02"]
    qs = queries.workload(outlets, ["iran", "azerbaijan"], n=60)
    assert len(qs) == 60
    assert {q.kind for q in qs} == {"keyword", "phrase", "prefix", "and"}
    assert any(q.outlets for q in qs) and any(q.start for q in qs) and any(q.actors for q in qs)
    corpus = araz.load_corpus()
    for q in qs:  # every query is valid syntax for araz.search (filters left out: shipped outlets differ)
        araz.search.search(corpus, q.fts())
        assert q.patterns()


def test_pandas_patterns_mean_what_the_query_means():
    assert queries.Query("phrase", ("South Caucasus",)).patterns()[0].search("the south  Caucasus region")
    assert queries.Query("prefix", ("corrid",)).patterns()[0].search("Corridors")
    assert not queries.Query("keyword", ("Aras",)).patterns()[0].search("Arasbaran")


def test_a_step_reports_timings_counts_and_peak_memory(synthetic):
    out = steps.run_step({"step": "load", "corpus": str(synthetic)})
    assert set(out["timings"]) == {"load_corpus"} and all(v >= 0 for v in out["timings"]["load_corpus"])
    assert out["info"]["documents"] == 30 and out["peak_rss_mb"] > 10


def test_missing_module_is_reported_as_skipped_not_an_error(synthetic, monkeypatch):
    monkeypatch.setitem(steps.STEPS, "load", lambda spec, rec: steps._need("araz.not_written_yet"))
    assert "not there yet" in steps.run_step({"step": "load", "corpus": str(synthetic)})["skipped"]


def test_entity_ruler_peer_uses_the_same_aliases():
    pytest.importorskip("spacy")
    rows = [{"entity_id": "iran", "alias": "Tehran", "case_sensitive": "false", "table": "ACTOR"},
            {"entity_id": "sco", "alias": "SCO", "case_sensitive": "true", "table": "ACTOR"}]
    doc = steps.entity_ruler(rows)("TEHRAN joined the SCO, not the sco.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("TEHRAN", "iran"), ("SCO", "sco")]


def test_child_process_runs_a_step_and_returns_json(synthetic, tmp_path):
    r = Runner(tmp_path, cpu=None).child({"step": "load", "corpus": str(synthetic)})
    assert r["info"]["documents"] == 30 and "load_corpus" in r["timings"]
    bad = Runner(tmp_path, cpu=None).child({"step": "load", "corpus": str(tmp_path / "missing")})
    assert "error" in bad and "CorpusError" in bad["error"]


def fake_size(wall, cpu=None):
    cpu = wall if cpu is None else cpu
    run = lambda names, lat=None: {"timings": {k: [v, v] for k, v in names.items()}, "info": {}, "peak_rss_mb": 500.0,  # noqa: E731
                                  **({"latencies": lat} if lat else {})}
    return {
        "pipeline": report.summarise([run({"total": wall})]),
        "reopen": report.summarise([run({"total": wall / 10})]),
        "match": report.summarise([run({"gazetteer.mentions": 1.0})]),
        "ruler": report.summarise([run({"EntityRuler": 20.0})]),
        "tone": report.summarise([run({"tone.score_sentences": 2.0})]),
        "vader": report.summarise([run({"VADER": 4.0})]),
        "search": report.summarise([run({"index build": 1.0}, [0.01] * 60)]),
        "pandas": report.summarise([run({}, [0.05] * 60)]),
    }


def test_targets_are_judged_pass_and_fail():
    sizes = {10_000: fake_size(8.0)}
    checks = {c.target: c for c in report.checks(sizes, None)}
    assert checks["load + actors + corridors + tone"].result == "PASS"
    assert checks["matching vs spaCy EntityRuler (CPU time)"].result == "PASS"  # 20×
    assert checks["tone vs VADER (CPU time)"].result == "FAIL"  # 2×
    assert checks["reopening an unchanged corpus"].result == "PASS"
    assert checks["search query p95 (default call: best 100, ranked, with the count of all matches)"].measured == pytest.approx(10.0)
    assert "FAIL" in report.checks({10_000: fake_size(12.0)}, None)[0].line()


def test_percentile_matches_numpy():
    import numpy as np

    xs = [5.0, 1.0, 3.0, 2.0, 4.0, 10.0]
    assert report.pct(xs, 95) == pytest.approx(np.percentile(xs, 95))


def test_report_writes_table_and_figure(tmp_path):
    sizes = {1_000: fake_size(1.0), 10_000: fake_size(9.0)}
    checks = report.checks(sizes, None)
    md = report.markdown(sizes, None, report.machine(), checks, {"date": "today", "repeat": 3, "long_s": 30})
    assert "| step | N=1,000 | N=10,000 |" in md and "## Targets" in md and "Machine:" in md
    assert report.figure(sizes, tmp_path / "scaling.png").stat().st_size > 1000


def test_command_line_end_to_end_on_a_tiny_corpus(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--sizes", "20", "--repeat", "1", "--steps", "load,validate", "--out", str(out),
                 "--corpus-dir", str(tmp_path / "corpora"), "--no-import"]) == 0
    data = json.loads((out / "results.json").read_text())
    assert data["sizes"]["20"]["load"]["info"]["documents"] == 20
    assert (out / "results.md").exists() and (out / "scaling.png").exists()
    assert "Wrote" in capsys.readouterr().out
