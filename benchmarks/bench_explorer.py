"""Explorer latency: filter change, query, page turn and open-in-reader, through ``araz.explore``.

The widgets call exactly these functions, so their latency is the explorer's latency on the
Python side (the browser adds its rendering of at most one page of rows). The target
(issue 8): every interaction under 100 ms p95 on 10,000 articles, under 300 ms on 100,000.

    from benchmarks.bench_explorer import run
    rows = run(corpus)          # [{"operation", "median_ms", "p95_ms", "n"}, ...]

or ``python -m benchmarks.bench_explorer PATH`` for a table. Every timed call starts from an
empty per-filter cache (a filter set the user has not chosen before); the query rows also
start from an empty query cache. Building the index (once per corpus) is reported apart.
"""
from __future__ import annotations

import random
import statistics
import sys
import time

TARGET_MS = {10_000: 100.0, 100_000: 300.0}
QUERIES = ["Iran", "cooperation", "Zangezur", '"Zangezur corridor"', "corrid*", "Tehran AND Baku",
           "security NOT Israel", '"3+3"', "Aras OR Araz", "border*", "terrorism", "trade AND transit"]


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def _row(operation: str, times: list[float]) -> dict:
    times = sorted(times)
    p95 = times[min(len(times) - 1, max(0, round(0.95 * (len(times) - 1))))]
    return {"operation": operation, "median_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2),
            "n": len(times)}


def _filter_sets(corpus, rnd: random.Random, k: int) -> list[dict]:
    from araz import explore

    opts = explore.options(corpus)
    outlets = opts["outlets"]["value"].tolist()
    persp = opts["perspectives"]["value"].tolist()
    actors = opts["actors"]["entity_id"].tolist()[:30]
    corridors = opts["corridors"]["entity_id"].tolist()
    months = opts["months"]
    sets = []
    for i in range(k):
        f: dict = {}
        if outlets and rnd.random() < 0.6:
            f["outlets"] = rnd.sample(outlets, min(len(outlets), rnd.randint(1, 3)))
        if persp and rnd.random() < 0.3:
            f["perspectives"] = rnd.sample(persp, 1)
        if actors and rnd.random() < 0.6:
            f["actors"] = rnd.sample(actors, min(len(actors), rnd.randint(1, 2)))
            f["entity_match"] = rnd.choice(["any", "all"])
        if corridors and rnd.random() < 0.3:
            f["corridors"] = rnd.sample(corridors, 1)
        if rnd.random() < 0.2:
            f["three_plus_three"] = True
        if opts["tone"] and rnd.random() < 0.4:
            f["tone"] = rnd.sample(["coop", "conf", "mixed", "neutral"], rnd.randint(1, 2))
        if opts["tone"] and rnd.random() < 0.3:
            f["voice"] = [rnd.choice(["author", "quoted"])]
        if len(months) > 2 and rnd.random() < 0.4:
            a, b = sorted(rnd.sample(range(len(months)), 2))
            f["start"], f["end"] = months[a], months[b]
        if rnd.random() < 0.2:
            f["unit"] = "paragraph"
        sets.append(f)
    return sets


def run(corpus, *, repeat: int = 30, seed: int = 0) -> list[dict]:
    """Time the explorer's interactions on ``corpus``; return one row per operation.

    Rows: ``operation`` (index build, filter change, query, page turn, open in reader, and the
    whole first render of the explorer's state), ``median_ms``, ``p95_ms``, ``n`` (timed calls).
    """
    from araz import explore

    rnd = random.Random(seed)
    rows = []
    t = time.perf_counter()
    ix = explore.index(corpus)
    ix._search_index()
    rows.append(_row("build index (once per corpus)", [(time.perf_counter() - t) * 1000]))

    def cold():
        ix._selection_cache.clear()

    # filter change: a set of filters not seen before, first page
    times = []
    for f in _filter_sets(corpus, rnd, repeat):
        cold()
        times.append(_ms(lambda: explore.select(corpus, f, page=1)))
    rows.append(_row("filter change", times))

    # query: a new query (empty query caches), with and without other filters
    times = []
    outlets = explore.options(corpus)["outlets"]["value"].tolist()
    for i in range(repeat):
        q = QUERIES[i % len(QUERIES)]
        f = {"query": q}
        if i % 2 and outlets:
            f["outlets"] = [rnd.choice(outlets)]
        cold()
        ix._query_cache.clear()
        ix._term_cache.clear()
        ix._df_cache.clear()
        times.append(_ms(lambda: explore.select(corpus, f, page=1)))
    rows.append(_row("query", times))

    # page turn: same filters, another page
    times = []
    for i in range(repeat):
        f = {"query": QUERIES[i % 3]} if i % 2 else {}
        sel = explore.selection(corpus, f)
        pages = sel.pages()
        page = rnd.randint(1, pages)
        times.append(_ms(lambda: explore.select(corpus, f, page=page)))
    rows.append(_row("page turn", times))

    # open in reader: a random result, with the query highlighted
    times = []
    cits = corpus.sentences["citation"]
    for i in range(repeat):
        cit = cits.iloc[rnd.randrange(len(cits))]
        q = QUERIES[i % len(QUERIES)] if i % 2 else None
        times.append(_ms(lambda: explore.reader(corpus, cit, query=q)))
    rows.append(_row("open in reader", times))
    return rows


def passes(rows: list[dict], n_docs: int) -> list[str]:
    """PASS/FAIL lines against the issue's targets (100 ms p95 at 10k, 300 ms at 100k)."""
    target = TARGET_MS[100_000] if n_docs > 30_000 else TARGET_MS[10_000]
    out = []
    for r in rows:
        if r["operation"].startswith("build"):
            continue
        ok = r["p95_ms"] < target
        out.append(f"{'PASS' if ok else 'FAIL'}  explorer {r['operation']}: p95 {r['p95_ms']:.1f} ms "
                   f"(median {r['median_ms']:.1f}, n={r['n']}) on {n_docs:,} documents; target < {target:.0f} ms")
    return out


def main(argv=None) -> int:
    import araz

    argv = sys.argv[1:] if argv is None else argv
    corpus = araz.load_corpus(argv[0] if argv else None)
    rows = run(corpus)
    for r in rows:
        print(f"{r['operation']:<32} median {r['median_ms']:>9.2f} ms   p95 {r['p95_ms']:>9.2f} ms   n={r['n']}")
    lines = passes(rows, len(corpus))
    print("\n".join(lines))
    return 0 if all(line.startswith("PASS") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
