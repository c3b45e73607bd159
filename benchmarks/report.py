"""Summaries, targets (PASS/FAIL), the Markdown table, the scaling figure and the machine."""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GIB = 1024  # MiB


# ---- machine ------------------------------------------------------------------------------
def machine() -> dict:
    """CPU model, cores, RAM, Python, OS, load average and library versions."""
    info = {"python": platform.python_version(), "implementation": platform.python_implementation(),
            "os": platform.platform(), "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    if hasattr(os, "sched_getaffinity"):
        info["cores_available"] = len(os.sched_getaffinity(0))
    try:
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    import sqlite3

    info["sqlite"] = sqlite3.sqlite_version
    for dist in ("araz", "pandas", "numpy", "pyahocorasick", "vaderSentiment", "spacy", "matplotlib"):
        try:
            from importlib.metadata import version

            info[dist] = version(dist)
        except Exception:  # noqa: BLE001 - not installed
            info[dist] = None
    info["commit"] = os.environ.get("ARAZ_BENCH_COMMIT")  # set when running from an exported snapshot
    if not info["commit"]:
        try:
            info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                            cwd=Path(__file__).resolve().parents[1], timeout=10).stdout.strip() or None
        except (OSError, subprocess.SubprocessError):
            info["commit"] = None
    return info


def machine_line(m: dict) -> str:
    ram = f"{m.get('ram_gib')} GiB RAM" if m.get("ram_gib") else "RAM unknown"
    load = f", load average {m['load_average'][0]}" if m.get("load_average") else ""
    return (f"{m.get('cpu')}, {m.get('cores')} cores ({m.get('cores_available', m.get('cores'))} usable), "
            f"{ram}; {m.get('implementation', 'CPython')} {m.get('python')} on {m.get('os')}{load}; "
            f"SQLite {m.get('sqlite')}, pandas {m.get('pandas')}, spaCy {m.get('spacy')}, "
            f"vaderSentiment {m.get('vaderSentiment')}, pyahocorasick {m.get('pyahocorasick')}; commit {m.get('commit')}")


# ---- summaries ------------------------------------------------------------------------------
def pct(values: list[float], q: float) -> float:
    """Percentile ``q`` (0–100) by linear interpolation (numpy's default)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summarise(runs: list[dict]) -> dict:
    """Median over runs of every timing (wall and CPU), max peak memory, query percentiles."""
    ok = [r for r in runs if "skipped" not in r and "error" not in r]
    if not ok:
        bad = runs[0] if runs else {}
        return {"skipped": bad.get("skipped") or bad.get("error") or "not run"}
    names = list(ok[0]["timings"])
    s = {
        "runs": len(ok),
        "wall": {n: statistics.median(r["timings"][n][0] for r in ok if n in r["timings"]) for n in names},
        "cpu": {n: statistics.median(r["timings"][n][1] for r in ok if n in r["timings"]) for n in names},
        "peak_mb": max(r["peak_rss_mb"] for r in ok),
        "setup_mb": max((r.get("setup_rss_mb") or 0) for r in ok),
        "info": ok[-1].get("info", {}),
    }
    if ok[0].get("latencies") is not None:
        s["median_ms"] = statistics.median(statistics.median(r["latencies"]) * 1000 for r in ok)
        s["p95_ms"] = statistics.median(pct(r["latencies"], 95) * 1000 for r in ok)
        s["queries"] = len(ok[0]["latencies"])
    if ok[0].get("page_latencies"):
        s["page_median_ms"] = statistics.median(statistics.median(r["page_latencies"]) * 1000 for r in ok)
        s["page_p95_ms"] = statistics.median(pct(r["page_latencies"], 95) * 1000 for r in ok)
    if ok[0].get("rows") is not None:
        s["rows"] = ok[-1]["rows"]
    return s


# ---- targets --------------------------------------------------------------------------------
@dataclass
class Check:
    target: str
    n: int | None
    measured: float | None
    limit: float
    unit: str
    higher_is_better: bool = False
    note: str = ""
    cpu: float | None = None  # the same measure in CPU time (a shared machine inflates wall time)

    def _ok(self, v: float) -> bool:
        return v >= self.limit if self.higher_is_better else v <= self.limit

    @property
    def result(self) -> str:
        if self.measured is None:
            return "NOT MEASURED"
        return "PASS" if self._ok(self.measured) else "FAIL"

    def fmt(self, v: float | None) -> str:
        if v is None:
            return "—"
        if self.unit == "×":
            return f"{v:.1f}×"
        if self.unit == "ms":
            return f"{v:,.1f} ms"
        if self.unit == "MiB":
            return f"{v:,.0f} MiB"
        return f"{v:,.2f} s"

    def line(self) -> str:
        cmp = "≥" if self.higher_is_better else "≤"
        where = f"N={self.n:,}" if self.n else "any N"
        notes = [self.note] if self.note else []
        if self.cpu is not None and self.measured is not None:
            notes.append(f"CPU time {self.fmt(self.cpu)}" + (" would pass" if self.result == "FAIL" and self._ok(self.cpu) else ""))
        note = f"  ({'; '.join(notes)})" if notes else ""
        return f"{self.result:<12} {self.target} at {where}: {self.fmt(self.measured)} (target {cmp} {self.fmt(self.limit)}){note}"


def _wall(sizes: dict, n: int, step: str, name: str, kind: str = "wall") -> float | None:
    s = sizes.get(n, {}).get(step)
    if not s or "skipped" in s:
        return None
    return s[kind].get(name)


def _cpu(sizes: dict, n: int, step: str, name: str) -> float | None:
    return _wall(sizes, n, step, name, "cpu")


def ratio(sizes: dict, n: int, peer: tuple[str, str], ours: tuple[str, str], kind: str = "cpu") -> float | None:
    """How many times faster ours is than the peer (CPU time by default: robust on a shared machine)."""
    p, o = _wall(sizes, n, *peer, kind), _wall(sizes, n, *ours, kind)
    return p / o if p is not None and o else None


def is_interaction(row: dict) -> bool:
    """An explorer row the 100 ms target applies to (not the once-per-corpus index build)."""
    op = str(row.get("operation", "")).lower()
    return not ("once per corpus" in op or op.startswith("build"))


def _pick(sizes: dict, want: int) -> tuple[int | None, str]:
    """The size to judge a target at: ``want`` if measured, else the nearest measured one."""
    if want in sizes:
        return want, ""
    if not sizes:
        return None, ""
    near = min(sizes, key=lambda n: abs(n - want))
    return near, f"measured at N={near:,}; the target is for N={want:,}"


def checks(sizes: dict, import_summary: dict | None) -> list[Check]:
    """Every target of issue 6 (and the explorer / briefing speed targets), judged."""
    out: list[Check] = []
    n, note = _pick(sizes, 10_000)
    if n is not None:
        out.append(Check("load + actors + corridors + tone", n, _wall(sizes, n, "pipeline", "total"), 10, "s", note=note,
                         cpu=_cpu(sizes, n, "pipeline", "total")))
        out.append(Check("matching vs spaCy EntityRuler (CPU time)", n, ratio(sizes, n, ("ruler", "EntityRuler"), ("match", "gazetteer.mentions")), 10, "×", True, note))
        out.append(Check("tone vs VADER (CPU time)", n, ratio(sizes, n, ("vader", "VADER"), ("tone", "tone.score_sentences")), 3, "×", True, note))
        out.append(Check("reopening an unchanged corpus", n, _wall(sizes, n, "reopen", "total"), 1, "s", note=note,
                         cpu=_cpu(sizes, n, "reopen", "total")))
        pipe = sizes.get(n, {}).get("pipeline", {})
        out.append(Check("peak memory (load + actors + corridors + tone)", n, pipe.get("peak_mb"), 1.5 * GIB, "MiB", note=note))
    for want, limit in ((10_000, 100), (100_000, 300)):
        n, note = _pick(sizes, want)
        if n is None or (want == 100_000 and n != want):
            continue
        s = sizes.get(n, {}).get("search", {})
        page = f"every match returned (limit=None): p95 {s['page_p95_ms']:,.1f} ms" if s.get("page_p95_ms") is not None else ""
        out.append(Check("search query p95 (default call: best 100, ranked, with the count of all matches)", n, s.get("p95_ms"), limit, "ms",
                         note="; ".join(x for x in (note, page) if x)))
        for row in (sizes.get(n, {}).get("explorer", {}) or {}).get("rows", []):
            if not is_interaction(row):
                continue
            out.append(Check(f"explorer: {row.get('operation')} p95", n, row.get("p95_ms"), limit, "ms", note=note))
    n, note = _pick(sizes, 10_000)
    if n is not None:
        for row in (sizes.get(n, {}).get("briefing", {}) or {}).get("rows", []):
            out.append(Check(f"briefing: {row.get('operation')}", n, (row.get("median_ms") or 0) / 1000, 10, "s", note=note))
    if import_summary and "skipped" not in import_summary:
        out.append(Check("import araz (fresh process)", None, import_summary["wall"]["import araz"], 1, "s",
                         cpu=import_summary["cpu"]["import araz"]))
    return out


# ---- Markdown ---------------------------------------------------------------------------------
STEP_ROWS = [  # (step, timing name, label, peer step, peer timing name, peer label)
    ("load", "load_corpus", "load + validate (`load_corpus`)", None, None, None),
    ("validate", "validate", "validate only (`araz.validate`)", None, None, None),
    ("pipeline", "load_corpus", "pipeline: load", None, None, None),
    ("pipeline", "actors.mentions", "pipeline: `actors.mentions`", None, None, None),
    ("pipeline", "corridors.mentions", "pipeline: `corridors.mentions`", None, None, None),
    ("pipeline", "tone.score_sentences", "pipeline: `tone.score_sentences`", None, None, None),
    ("pipeline", "total", "**load + actors + corridors + tone**", None, None, None),
    ("reopen", "total", "**reopen unchanged** (new process, same pipeline)", None, None, None),
    ("match", "gazetteer.mentions", "actor + corridor matching (`gazetteer.mentions`)", "ruler", "EntityRuler", "spaCy EntityRuler"),
    ("tone", "tone.score_sentences", "tone (`tone.score_sentences`)", "vader", "VADER", "VADER"),
    ("search", "index build", "search index build", None, None, None),
]


def _s(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v * 1000:,.0f} ms" if v < 1 else f"{v:,.2f} s"


def _wc(wall: float | None, cpu: float | None) -> str:
    """``wall (CPU)``."""
    return "—" if wall is None else f"{_s(wall)} ({_s(cpu)})"


def markdown(sizes: dict, import_summary: dict | None, mach: dict, checks_: list[Check], meta: dict) -> str:
    ns = sorted(sizes)
    L = ["# Araz benchmarks", ""]
    L.append(f"Machine: {machine_line(mach)}.  ")
    L.append(f"Run: {meta.get('date')}; sizes {', '.join(f'{n:,}' for n in ns)}; each step in a fresh single-threaded process (BLAS threads = 1), "
             f"median of up to {meta.get('repeat')} runs (a step whose first run takes over {meta.get('long_s')} s runs once); "
             "wall time by `time.perf_counter`, CPU time by `time.process_time`; ratios against the peers use CPU time; "
             "peak memory = max `ru_maxrss` of the child process (interpreter + imports + corpus + step).")
    older = sorted({(n, step, s.get("date"), s.get("commit")) for n in ns for step, s in sizes[n].items()
                    if isinstance(s, dict) and s.get("date") and s.get("date") != meta.get("date")})
    if older:
        L.append("Kept from earlier runs: " + "; ".join(f"N={n:,} {step} ({d}, commit {c})" for n, step, d, c in older) + ".")
    L += ["", "## Targets", "", "```"] + [c.line() for c in checks_] + ["```", ""]
    L += ["## Times: wall (CPU), median", ""]
    if import_summary and "skipped" not in import_summary:
        L += [f"`import araz` in a fresh process: {_wc(import_summary['wall']['import araz'], import_summary['cpu']['import araz'])}.", ""]
    head = "| step | " + " | ".join(f"N={n:,}" for n in ns) + " |"
    L += [head, "|---|" + "---:|" * len(ns)]
    for step, name, label, peer, pname, plabel in STEP_ROWS:
        cells = []
        for n in ns:
            s = sizes[n].get(step)
            if not s or "skipped" in s:
                cells.append("—")
                continue
            cell = _wc(s["wall"].get(name), s["cpu"].get(name))
            if peer:
                pv, pc = _wall(sizes, n, peer, pname), _cpu(sizes, n, peer, pname)
                r = ratio(sizes, n, (peer, pname), (step, name))
                cell += f" · {plabel} {_wc(pv, pc)}" + (f" · **{r:.1f}×** (CPU)" if r else "")
            cells.append(cell)
        L.append(f"| {label} | " + " | ".join(cells) + " |")
    for step, label, pre in (("search", "query latency, median / p95 (`araz.search` default: best 100 + total)", ""),
                             ("search", "query latency, median / p95 (`araz.search`, `limit=None`: every match)", "page_"),
                             ("pandas", "query latency, median / p95 (pandas `str.contains`)", "")):
        cells = []
        for n in ns:
            s = sizes[n].get(step)
            ok = s and "skipped" not in s and s.get(f"{pre}median_ms") is not None
            cells.append(f"{s[pre + 'median_ms']:,.1f} / {s[pre + 'p95_ms']:,.1f} ms" if ok else "—")
        L.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for n in ns:
        s, p = sizes[n].get("search"), sizes[n].get("pandas")
        ok = s and p and "skipped" not in s and "skipped" not in p and s.get("median_ms")
        cells.append(f"**{p['median_ms'] / s['median_ms']:.1f}×** (p95 {p['p95_ms'] / s['p95_ms']:.1f}×)" if ok else "—")
    L.append("| search vs pandas, ratio of medians | " + " | ".join(cells) + " |")
    L += ["", "## Peak memory (MiB, whole child process)", ""]
    L += ["| step | " + " | ".join(f"N={n:,}" for n in ns) + " |", "|---|" + "---:|" * len(ns)]
    for step in ("load", "pipeline", "reopen", "match", "ruler", "tone", "vader", "search", "pandas"):
        cells = []
        for n in ns:
            s = sizes[n].get(step)
            cells.append("—" if not s or "skipped" in s else f"{s['peak_mb']:,.0f}")
        L.append(f"| {step} | " + " | ".join(cells) + " |")
    rows = [(n, kind, r) for n in ns for kind in ("explorer", "briefing")
            for r in ((sizes[n].get(kind) or {}).get("rows") or [])]
    if rows:
        L += ["", "## Explorer and briefing (their own `benchmarks/bench_*.py`)", "",
              "| N | module | operation | median | p95 | n |", "|---:|---|---|---:|---:|---:|"]
        for n, kind, r in rows:
            L.append(f"| {n:,} | {kind} | {r.get('operation')} | {r.get('median_ms', float('nan')):,.1f} ms | "
                     f"{r.get('p95_ms', float('nan')):,.1f} ms | {r.get('n')} |")
    skipped = [(n, step, s["skipped"]) for n in ns for step, s in sizes[n].items() if isinstance(s, dict) and "skipped" in s]
    if skipped:
        L += ["", "## Not measured", ""] + [f"- N={n:,} {step}: {why}" for n, step, why in skipped]
    L += ["", "## Work done (both sides did the same work)", ""]
    for n in ns:
        bits = []
        for step in ("load", "match", "ruler", "tone", "vader", "search", "pandas"):
            s = sizes[n].get(step)
            if s and "skipped" not in s and s.get("info"):
                bits.append(f"{step}: " + ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in s["info"].items()))
        L.append(f"- N={n:,}: " + "; ".join(bits))
    return "\n".join(L) + "\n"


# ---- figure ----------------------------------------------------------------------------------
SERIES = [  # (step, timing, label)
    ("load", "load_corpus", "load + validate"),
    ("pipeline", "total", "load + actors + corridors + tone"),
    ("reopen", "total", "reopen unchanged"),
    ("match", "gazetteer.mentions", "matching (araz)"),
    ("ruler", "EntityRuler", "matching (spaCy EntityRuler)"),
    ("tone", "tone.score_sentences", "tone (araz)"),
    ("vader", "VADER", "tone (VADER)"),
    ("search", "index build", "search index build"),
]


def figure(sizes: dict, path: Path) -> Path | None:
    """Time against corpus size (log–log): batch steps in seconds, query latency in ms."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ns = sorted(sizes)
    if not ns:
        return None
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5))
    for step, name, label in SERIES:
        pts = [(n, _wall(sizes, n, step, name)) for n in ns]
        pts = [(n, v) for n, v in pts if v]
        if pts:
            style = "--" if step in ("ruler", "vader") else "-"
            ax1.plot(*zip(*pts), style, marker="o", label=label)
    ax1.axhline(10, color="grey", lw=0.8, ls=":")
    ax1.text(ns[0], 10, " 10 s budget", va="bottom", fontsize=8, color="grey")
    ax1.set(xscale="log", yscale="log", xlabel="articles (~700 words each)", ylabel="seconds (median, wall)",
            title="Batch work against corpus size")
    if ax1.get_legend_handles_labels()[0]:
        ax1.legend(fontsize=8)
    for step, key, label in (("search", "p95_ms", "araz.search p95"), ("search", "median_ms", "araz.search median"),
                             ("search", "page_p95_ms", "araz.search every match (limit=None) p95"),
                             ("pandas", "p95_ms", "pandas str.contains p95"), ("pandas", "median_ms", "pandas str.contains median")):
        pts = [(n, sizes[n][step][key]) for n in ns if sizes[n].get(step) and key in sizes[n][step]]
        if pts:
            ax2.plot(*zip(*pts), "--" if step == "pandas" else "-", marker="o", label=label)
    for kind in ("explorer",):
        ops = sorted({r.get("operation") for n in ns for r in ((sizes[n].get(kind) or {}).get("rows") or [])
                      if is_interaction(r)})
        for op in ops:
            pts = [(n, r["p95_ms"]) for n in ns for r in ((sizes[n].get(kind) or {}).get("rows") or []) if r.get("operation") == op]
            if pts:
                ax2.plot(*zip(*pts), ":", marker=".", label=f"explorer: {op} p95")
    ax2.axhline(100, color="grey", lw=0.8, ls=":")
    ax2.set(xscale="log", yscale="log", xlabel="articles (~700 words each)", ylabel="milliseconds",
            title="Interactive latency against corpus size")
    if ax2.get_legend_handles_labels()[0]:
        ax2.legend(fontsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def to_int_keys(sizes: dict) -> dict:
    return {int(k): v for k, v in sizes.items()}


if __name__ == "__main__":  # pragma: no cover
    print(machine_line(machine()), file=sys.stdout)
