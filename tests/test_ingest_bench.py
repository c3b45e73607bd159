"""The import benchmark's code path on a few pages: correct output, not speed."""
from benchmarks import bench_import


def test_bench_import_small_run_imports_pages_and_finds_the_planted_copies(tmp_path):
    r = bench_import.run(60, seed=3, work=tmp_path)
    assert r["pages"] == 60 and r["wall_s"] > 0 and r["cpu_s"] > 0
    s = r["statuses"]
    assert "error" not in s and sum(s.values()) == 60
    assert s.get("imported", 0) >= 50
    assert s.get("duplicate", 0) + s.get("near-duplicate", 0) >= 1  # the planted copies are found
    line = bench_import.line(r)
    assert line.startswith(("PASS", "FAIL")) and "pages/s" in line and "CPU" in line
    import araz

    assert len(araz.load_corpus(tmp_path / "corpus", cache=False)) == 60 - s.get("duplicate", 0)


def test_synthetic_pages_are_fictional_and_varied(tmp_path):
    folder = bench_import.write_pages(tmp_path / "p", 12, seed=1)
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) == 12
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert all("Synthetic benchmark page; nothing here is real." in t for t in texts)
    assert sum("application/ld+json" in t for t in texts) == 4 and sum("article:published_time" in t for t in texts) == 4
