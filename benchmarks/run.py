"""``python -m benchmarks``: generate corpora, run every step in fresh processes, write the report.

    python -m benchmarks                          # N = 1,000 and 10,000
    python -m benchmarks --n 100000 --repeat 1    # one size (make bench N=100000)
    python -m benchmarks --sizes 1000 --steps load,match,ruler
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from . import report
from .steps import MARK

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "out"
ALL_STEPS = ["load", "validate", "pipeline", "reopen", "match", "ruler", "tone", "vader", "search", "pandas",
             "explorer", "briefing"]
PEERS = {"ruler", "vader", "pandas"}


def _cpu() -> int | None:
    """The CPU every child is pinned to ("one core"): the last one this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(os.sched_getaffinity(0))
    return None


class Runner:
    """Runs one step in a fresh child process and returns its JSON record."""

    def __init__(self, work: Path, cpu: int | None, verbose: bool = False):
        self.work = work
        self.cpu = cpu
        self.verbose = verbose

    def child(self, spec: dict, cache_dir: Path | None = None, timeout: float | None = None) -> dict:
        env = dict(os.environ)
        # this checkout's araz (src/) and benchmarks, also when run from a git worktree
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        env["ARAZ_PROGRESS"] = "0"
        env.setdefault("MPLBACKEND", "Agg")
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = "1"
        own_cache = cache_dir is None
        if own_cache:  # a cold start: an empty annotation cache nobody else uses
            cache_dir = self.work / f"cache-{uuid.uuid4().hex[:12]}"
        env["ARAZ_CACHE_DIR"] = str(cache_dir)
        spec = {**spec, "cpu": self.cpu}
        try:
            proc = subprocess.run([sys.executable, "-m", "benchmarks.steps", json.dumps(spec)], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"step": spec["step"], "error": f"timed out after {timeout:.0f} s"}
        finally:
            if own_cache:
                shutil.rmtree(cache_dir, ignore_errors=True)
        for line in reversed(proc.stdout.splitlines()):
            if line.startswith(MARK):
                return json.loads(line[len(MARK):])
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-12:]
        return {"step": spec["step"], "error": f"exit code {proc.returncode}: " + " | ".join(tail)}


def _say(bar, text: str) -> None:
    """A line of news: above the progress bar on a terminal, a plain line in a log."""
    if bar.show:
        bar.write(text)
    else:
        print(text, file=sys.stderr, flush=True)


def _plan(steps: list[str], n: int, peer_max: int) -> list[str]:
    return [s for s in steps if not (s in PEERS and n > peer_max)]


def measure_size(n: int, corpus: Path, steps: list[str], runner: Runner, *, repeat: int, long_s: float,
                 peer_max: int, queries: int, seed: int, bar) -> dict:
    """Every step at one corpus size: ``{step: summary}``."""
    out: dict = {}
    for step in steps:
        if step in PEERS and n > peer_max:
            out[step] = {"skipped": f"peers run up to N={peer_max:,} (--peer-max)"}
            continue
        spec = {"step": step, "corpus": str(corpus), "queries": queries, "seed": seed, "n": n}
        warm = None
        if step == "reopen":
            warm = runner.work / f"cache-warm-{n}"
            shutil.rmtree(warm, ignore_errors=True)
            bar.set_label(f"N={n:,} reopen: first open (untimed)")
            first = runner.child({**spec, "step": "pipeline"}, cache_dir=warm)
            if "skipped" in first or "error" in first:
                out[step] = report.summarise([first])
                bar.update(repeat)
                _say(bar, f"  N={n:,} {step}: {out[step]['skipped']}")
                continue
        runs = []
        for i in range(repeat):
            bar.set_label(f"N={n:,} {step} (run {i + 1}/{repeat})")
            r = runner.child(spec, cache_dir=warm)
            runs.append(r)
            bar.update()
            if "skipped" in r or "error" in r:
                bar.update(repeat - i - 1)
                break
            if i == 0 and max((t[0] for t in r["timings"].values()), default=0) > long_s:
                bar.update(repeat - 1)
                break
        if warm is not None:
            shutil.rmtree(warm, ignore_errors=True)
        out[step] = report.summarise(runs)
        s = out[step]
        if "skipped" in s:
            _say(bar, f"  N={n:,} {step}: not measured — {s['skipped']}")
        else:
            parts = []
            if s["wall"]:
                name = "total" if "total" in s["wall"] else max(s["wall"], key=s["wall"].get)
                parts.append(f"{name} {s['wall'][name]:.3f} s (CPU {s['cpu'][name]:.3f} s)")
            if "p95_ms" in s:
                parts.append(f"queries median {s['median_ms']:.1f} ms / p95 {s['p95_ms']:.1f} ms")
            if s.get("page_p95_ms") is not None:
                parts.append(f"every match (limit=None) p95 {s['page_p95_ms']:.1f} ms")
            _say(bar, f"  N={n:,} {step}: {', '.join(parts)} (peak {s['peak_mb']:,.0f} MiB, {s['runs']} run(s))")
    return out


def rewrite_report(out: Path) -> int:
    """Render ``results.md`` and ``scaling.png`` again from ``results.json``."""
    data = json.loads((out / "results.json").read_text())
    sizes = {n: {k: v for k, v in d.items() if k != "_meta"} for n, d in report.to_int_keys(data["sizes"]).items()}
    checks = report.checks(sizes, data.get("import"))
    (out / "results.md").write_text(report.markdown(sizes, data.get("import"), data["machine"], checks, data["meta"]),
                                    encoding="utf-8")
    report.figure(sizes, out / "scaling.png")
    print("\n".join(c.line() for c in checks))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description="Araz at scale, against the tools a user would pick instead.")
    ap.add_argument("--n", type=int, help="one corpus size (overrides --sizes)")
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per step, each in a fresh process (median reported)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where results.md, results.json and scaling.png go")
    ap.add_argument("--steps", default=",".join(ALL_STEPS), help=f"subset of: {','.join(ALL_STEPS)}")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--words", type=int, default=700, help="words per synthetic article")
    ap.add_argument("--queries", type=int, default=60, help="search queries per run (at least 50)")
    ap.add_argument("--peer-max", type=int, default=10_000, help="largest N at which the peers (spaCy, VADER, pandas) run")
    ap.add_argument("--long", type=float, default=30.0, dest="long_s", help="a step whose first run takes longer runs once")
    ap.add_argument("--corpus-dir", type=Path, help="where the synthetic corpora are kept (default: the temp folder)")
    ap.add_argument("--fresh", action="store_true", help="regenerate the corpora even if they exist")
    ap.add_argument("--pin", action="store_true", help="pin every child to one CPU (default: single-threaded, not pinned;"
                    " on a shared machine pinning adds waiting)")
    ap.add_argument("--no-import", action="store_true", help="skip timing `import araz`")
    ap.add_argument("--no-ingest", action="store_true", help="skip timing `araz import` on 1,000 saved pages (benchmarks/bench_import.py)")
    ap.add_argument("--no-merge", action="store_true", help="do not keep other sizes from an earlier results.json")
    ap.add_argument("--report-only", action="store_true", help="measure nothing: rewrite results.md and scaling.png from results.json")
    args = ap.parse_args(argv)
    if args.report_only:
        return rewrite_report(args.out)

    if (ROOT / "src" / "araz").is_dir() and str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))  # measure this checkout's araz (e.g. a git worktree)
    from araz.progress import Progress

    from .generate import default_folder, generate

    sizes = [args.n] if args.n else [int(x) for x in args.sizes.split(",") if x.strip()]
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = set(steps) - set(ALL_STEPS)
    if unknown:
        ap.error(f"unknown step(s) {', '.join(sorted(unknown))}; choose from {', '.join(ALL_STEPS)}")
    if args.queries < 50:
        ap.error("--queries must be at least 50")
    mach = report.machine()
    print(f"Machine: {report.machine_line(mach)}", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="araz-bench-run-"))
    runner = Runner(work, _cpu() if args.pin else None)
    total = sum(len(_plan(steps, n, args.peer_max)) * args.repeat for n in sizes) + (0 if args.no_import else args.repeat)
    results: dict = {}
    import_summary = None
    try:
        with Progress(total, "benchmarks", show=None, min_total=0) as bar:
            if not args.no_import:
                runs = []
                for i in range(args.repeat):
                    bar.set_label(f"import araz (run {i + 1}/{args.repeat})")
                    runs.append(runner.child({"step": "import"}))
                    bar.update()
                import_summary = report.summarise(runs)
                if "wall" in import_summary:
                    _say(bar, f"  import araz: {import_summary['wall']['import araz']:.3f} s")
            for n in sizes:
                folder = (args.corpus_dir / f"corpus-n{n}-seed{args.seed}-w{args.words}") if args.corpus_dir else default_folder(n, args.seed, args.words)
                bar.set_label(f"N={n:,}: writing the synthetic corpus")
                generate(folder, n, seed=args.seed, words=args.words, reuse=not args.fresh, show_progress=False)
                results[n] = measure_size(n, folder, steps, runner, repeat=args.repeat, long_s=args.long_s,
                                          peer_max=args.peer_max, queries=args.queries, seed=args.seed, bar=bar)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    args.out.mkdir(parents=True, exist_ok=True)
    meta = {"date": dt.datetime.now().isoformat(timespec="seconds"), "repeat": args.repeat, "long_s": args.long_s,
            "commit": mach.get("commit")}
    store = args.out / "results.json"
    stamp = {"date": meta["date"], "commit": meta["commit"]}
    merged = {n: {**{k: {**v, **stamp} for k, v in steps_.items()}, "_meta": meta} for n, steps_ in results.items()}
    if store.exists() and not args.no_merge:  # keep sizes and steps measured earlier on this machine
        try:
            old = json.loads(store.read_text())
            if old.get("machine", {}).get("cpu") == mach.get("cpu") and old.get("machine", {}).get("python") == mach.get("python"):
                for k, v in report.to_int_keys(old.get("sizes", {})).items():
                    merged[k] = {**v, **merged.get(k, {})}
                if import_summary is None:
                    import_summary = old.get("import")
        except (OSError, ValueError):
            pass
    store.write_text(json.dumps({"machine": mach, "meta": meta, "import": import_summary,
                                 "sizes": {str(k): v for k, v in sorted(merged.items())}}, indent=1, default=str))
    sizes_view = {n: {k: v for k, v in d.items() if k != "_meta"} for n, d in merged.items()}
    meta = {**meta, "per_size": {n: d.get("_meta", {}) for n, d in merged.items()}}
    checks = report.checks(sizes_view, import_summary)
    md = report.markdown(sizes_view, import_summary, mach, checks, meta)
    (args.out / "results.md").write_text(md, encoding="utf-8")
    fig = report.figure(sizes_view, args.out / "scaling.png")
    print("\n".join(c.line() for c in checks))
    if not args.no_ingest:  # araz import (issue 17): its own fresh process and PASS/FAIL line
        env = {**os.environ, "ARAZ_PROGRESS": "0", "OMP_NUM_THREADS": "1"}
        pages = str(min(1000, max(sizes)))  # 1,000 saved pages (fewer only for a tiny trial run)
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_import", "--n", pages, "--json", str(args.out / "import.json")],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        print(proc.stdout.strip() or "FAIL  araz import benchmark did not run: " + " | ".join(proc.stderr.strip().splitlines()[-5:]))
    print(f"\nWrote {args.out / 'results.md'}" + (f" and {fig}" if fig else ""))
    return 0
