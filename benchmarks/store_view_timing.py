"""Times araz.store.view's calls — what the store explorer runs per screen — on a store, 3 times each.

    flock /work/wt/cpu.lock .venv/bin/python benchmarks/store_view_timing.py /tmp/store-bench/s1m

Prints wall/CPU seconds (``perf_counter`` / ``process_time``) per call; figures in benchmarks/README.md.
Assumes the benchmarks' synthetic store (its outlets and years 2020-2026).
"""
import datetime as dt, sys, time, os
t0 = (time.perf_counter(), time.process_time())
from araz.store import view
root = sys.argv[1]
def clock(): return time.perf_counter(), time.process_time()
def since(t): return time.perf_counter() - t[0], time.process_time() - t[1]
t = clock(); paint = view.first_paint(root); w, c = since(t)
print(f"load {os.getloadavg()}; first_paint {w:.3f}/{c:.3f} (indexed={paint.indexed})")
con = paint.con
o = paint.outlets["outlet"].tolist()[:2]
F = view.Filters
cases = {
    "documents page, no filter": lambda: view.results(con, root, F()),
    "documents page, outlet + 2023 window": lambda: view.results(con, root, F(tuple(o), dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
    "search page 1 'corridor'": lambda: view.results(con, root, F(query="corridor")),
    "search page 3 'corridor'": lambda: view.results(con, root, F(query="corridor"), page=3),
    "search 'Baku' outlet + 2021 Q1": lambda: view.results(con, root, F(tuple(o[:1]), dt.date(2021, 1, 1), dt.date(2021, 3, 31), "Baku")),
    "select, no filter (M)": lambda: view.select(con, root, F()),
    "select, outlet + 2021-2022 (Q)": lambda: view.select(con, root, F(tuple(o[:1]), dt.date(2021, 1, 1), dt.date(2022, 12, 31), freq="Q")),
    "select, 2024-03-10..2024-08-20 (not whole months: per-document path)": lambda: view.select(con, root, F(None, dt.date(2024, 3, 10), dt.date(2024, 8, 20))),
    "select, outlet, 2024-03-10..2024-08-20 (per-document path)": lambda: view.select(con, root, F(tuple(o[:1]), dt.date(2024, 3, 10), dt.date(2024, 8, 20))),
}
for k, f in cases.items():
    r = []
    for _ in range(3):
        t = clock(); f(); r.append(since(t))
    print(f"{k:70s} " + "  ".join(f"{a:.3f}/{b:.3f}" for a, b in r), flush=True)
doc = view.results(con, root, F()).rows["doc_id"].iloc[0]
t = clock(); view.document(con, doc, "Baku"); w, c = since(t)
print(f"{'document (reader)':70s} {w:.3f}/{c:.3f}")
print(f"load {os.getloadavg()}")
