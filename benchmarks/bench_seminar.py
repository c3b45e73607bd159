"""A simulated seminar on ``araz serve``: N students at once, as real websocket clients, plus real Chromium pages.

    make bench-seminar                                   # both scenarios below
    python -m benchmarks.bench_seminar --students 30 --n 10000 --shipped-students 100 --browsers 2

Scenario 1: ``--students`` (30) on the synthetic corpus of ``--n`` (10,000) articles
(``benchmarks/generate.py``). Scenario 2: ``--shipped-students`` (100) on the shipped corpus.
Each scenario starts ``araz serve`` on 127.0.0.1 (nothing else is contacted) and lets every
student run ``--rounds`` scripted sessions, with think time between actions as a person
would (uniform ``--think`` seconds):

    open (connect + hello) → filter by outlet and year → search (query + the filters)
    → open a document → tone chart → export (CSV made) → download (the file fetched over HTTP)

A student is a real client speaking the page's protocol (JSON over the websocket, as
``araz/serve/static/page.js`` does). Each answer is checked: ``ok``, and the total of a
selection equals what :mod:`araz.explore` computes in this process for the same filters
(every student's view correct). Meanwhile ``--browsers`` Chromium pages (Playwright,
``/usr/bin/chromium``) join while the others work: their first paint (page requested →
results shown) is timed and they run the same session through the page's controls.

Reported: per-action p50/p95 latency as the client sees it (ms), errors, total server
memory (RSS of the supervisor and its worker, sampled every second) over time, the
server's CPU time beside the wall time, and PASS/FAIL against the targets of issue 18.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIB = 2**30
TARGETS = {"memory_gib": 6.0, "p95_ms": 500.0, "first_paint_s": 5.0}
ACTIONS = ["open", "filter", "search", "read", "chart", "export", "download"]
QUERIES = ["cooperation", "Zangezur", "border*", '"3+3"', "Tehran AND Baku", "trade", "security", "corridor"]
CHROMIUM = os.environ.get("ARAZ_CHROMIUM") or "/usr/bin/chromium"


# ---- the server and its memory ---------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return out


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


class ServerUnderTest:
    def __init__(self, corpus: Path | None, max_visitors: int, cache: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        cmd = [sys.executable, "-m", "araz.serve", "--host", "127.0.0.1", "--port", str(self.port),
               "--max-visitors", str(max_visitors), "--idle-timeout", "30"]
        if corpus is not None:
            cmd += ["--corpus", str(corpus)]
        env = {**os.environ, "ARAZ_CACHE_DIR": str(cache), "MPLBACKEND": "Agg",
               "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.log: list[str] = []
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=cache, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: [self.log.append(x.rstrip()) for x in self.proc.stdout], daemon=True).start()
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()

    def wait_ready(self, timeout: float = 900) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("araz serve exited:\n" + "\n".join(self.log[-30:]))
            try:
                with urllib.request.urlopen(self.url + "health", timeout=2) as r:
                    json.loads(r.read())
                return time.perf_counter() - self.t0
            except OSError:
                time.sleep(0.5)
        raise TimeoutError("\n".join(self.log[-30:]))

    def total_rss(self) -> int:
        return sum(_rss(p) for p in _tree(self.proc.pid))

    def cpu_s(self) -> float:
        return sum(_cpu_s(p) for p in _tree(self.proc.pid))

    def sample_forever(self, every: float = 1.0) -> None:
        start = time.perf_counter()
        while not self._stop.is_set():
            self.samples.append((time.perf_counter() - start, self.total_rss()))
            self._stop.wait(every)

    def stop(self) -> None:
        self._stop.set()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ---- a student: a websocket client running the scripted session ----------------------------------
class Expect:
    """What each selection must total, from araz.explore in this process (the students' views are checked)."""

    def __init__(self, corpus):
        self.corpus = corpus
        self.lock = threading.Lock()
        self.memo: dict = {}

    def total(self, filters: dict) -> int:
        from araz import explore
        from araz.serve._visitor import _filters

        key = json.dumps(filters, sort_keys=True)
        with self.lock:
            if key not in self.memo:
                self.memo[key] = explore.count(self.corpus, _filters(filters))
            return self.memo[key]


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.read()


sizes: list[int] = []


async def student(i: int, url: str, plan: dict, expect: Expect, rounds: int, think: tuple[float, float],
                  times: dict, errors: list, rnd: random.Random) -> None:
    from websockets.asyncio.client import connect

    ws_url = url.replace("http://", "ws://") + "ws"
    for r in range(rounds):
        t = time.perf_counter()
        try:
            async with connect(ws_url, max_size=2**27, open_timeout=60) as ws:
                n = 0

                async def ask(action, **args):
                    nonlocal n
                    n += 1
                    await ws.send(json.dumps({"id": n, "action": action, **args}))
                    answer = json.loads(await asyncio.wait_for(ws.recv(), timeout=120))
                    if not answer.get("ok"):
                        raise RuntimeError(f"{action}: {answer.get('error') or answer}")
                    return answer

                hello = await ask("hello")
                times["open"].append((time.perf_counter() - t) * 1000)
                opts = hello["options"]
                outlet = rnd.choice(opts["outlets"])[0]
                year = rnd.choice(opts["years"])
                f = {"outlets": [outlet], "start": f"{year}-01-01", "end": f"{year}-12-31"}
                steps = [("filter", dict(f)), ("search", {**f, "query": rnd.choice(QUERIES)})]
                if rnd.random() < 0.5:  # half the class searches the whole corpus
                    steps[1] = ("search", {"query": rnd.choice(QUERIES)})
                first = None
                for name, filters in steps:
                    await asyncio.sleep(rnd.uniform(*think))
                    t = time.perf_counter()
                    a = await ask("select", filters=filters)
                    times[name].append((time.perf_counter() - t) * 1000)
                    want = await asyncio.get_running_loop().run_in_executor(None, expect.total, filters)
                    if a["total"] != want:
                        errors.append(f"student {i}: {name} {filters} showed {a['total']} rows, expected {want}")
                    if a["rows"]:
                        first = a["rows"][0]["citation"]
                if first is None:  # nothing matched the search: read from the outlet filter
                    first = (await ask("select", filters={"outlets": [outlet]}))["rows"][0]["citation"]
                for name, action, args in (("read", "read", {"citation": first}), ("chart", "chart", {}),
                                           ("export", "export", {"kind": "csv"})):
                    await asyncio.sleep(rnd.uniform(*think))
                    t = time.perf_counter()
                    a = await ask(action, **args)
                    times[name].append((time.perf_counter() - t) * 1000)
                    if name == "read" and first not in a["selected"]:
                        errors.append(f"student {i}: opened {first} but the page says {a['selected']}")
                    if name == "export":  # the browser then fetches the file over HTTP, as a download
                        t = time.perf_counter()
                        data = await asyncio.get_running_loop().run_in_executor(None, _fetch, url + a["url"])
                        times["download"].append((time.perf_counter() - t) * 1000)
                        sizes.append(len(data))
                        if len(data) != a["bytes"] or not data.startswith(b"# Araz explorer export"):
                            errors.append(f"student {i}: the CSV download is not the export ({len(data)} bytes)")
        except Exception as err:  # noqa: BLE001 - every failure is counted and shown
            errors.append(f"student {i} round {r}: {type(err).__name__}: {err}")
        await asyncio.sleep(rnd.uniform(*think))


# ---- a real page ---------------------------------------------------------------------------------------
def browser_page(url: str, k: int, outlet: str, out: dict, errors: list, delay: float) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        errors.append("browser: Playwright is not installed")
        return
    if not Path(CHROMIUM).exists():
        errors.append(f"browser: no Chromium at {CHROMIUM}")
        return
    time.sleep(delay)
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            ctx = b.new_context(accept_downloads=True)
            page = ctx.new_page()
            page.set_default_timeout(120_000)
            page_errors: list[str] = []
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(".araz-result")
            out.setdefault("first_paint_s", []).append(time.perf_counter() - t)
            page.select_option("#outlets", [outlet])
            deadline = time.monotonic() + 60
            while "in " not in page.locator("#status").inner_text() and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            page.fill("#query", "cooperation")
            page.press("#query", "Enter")
            while "'cooperation'" not in page.locator("#status").inner_text() and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            status = page.locator("#status").inner_text()
            if "matching" not in status and "no matches" not in status:
                errors.append(f"browser {k}: the page says {status!r}")
            if page.locator(".araz-open").count():
                page.locator(".araz-open").first.click()
                page.wait_for_selector("#reader .araz-doc")
            page.click("nav button[data-tab=chart]")
            page.wait_for_selector("#chart svg")
            page.click("nav button[data-tab=export]")
            with page.expect_download() as dl:
                page.click("#export-csv")
            if not Path(dl.value.path()).read_text(encoding="utf-8").startswith("# Araz explorer export"):
                errors.append(f"browser {k}: the CSV download is not an export")
            errors.extend(f"browser {k}: {e}" for e in page_errors)
            b.close()
    except Exception as err:  # noqa: BLE001
        errors.append(f"browser {k}: {type(err).__name__}: {err}")


# ---- one scenario ------------------------------------------------------------------------------------------
def _pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, max(0, round(q * (len(v) - 1))))] if v else float("nan")


def scenario(name: str, corpus_folder: Path | None, students: int, browsers: int, rounds: int,
             think: tuple[float, float], seed: int) -> dict:
    import araz

    cache = Path(tempfile.mkdtemp(prefix="araz-seminar-"))
    corpus = araz.load_corpus(str(corpus_folder) if corpus_folder else None)
    expect = Expect(corpus)
    server = ServerUnderTest(corpus_folder, max_visitors=students + browsers + 5, cache=cache)
    ready_s = server.wait_ready()
    idle_rss = server.total_rss()
    cpu0, wall0 = server.cpu_s(), time.perf_counter()
    sampler = threading.Thread(target=server.sample_forever, daemon=True)
    sampler.start()
    times: dict = {a: [] for a in ACTIONS}
    errors: list[str] = []
    browser_out: dict = {}
    outlets = [o for o, _ in expect.corpus.documents["outlet"].value_counts().items()][:3]
    threads = [threading.Thread(target=browser_page, args=(server.url, k, outlets[k % len(outlets)], browser_out, errors,
                                                           2.0 + 3.0 * k), daemon=True) for k in range(browsers)]
    for th in threads:
        th.start()

    async def run_all():
        rnd = random.Random(seed)
        tasks = []
        for i in range(students):
            tasks.append(asyncio.create_task(student(i, server.url, {}, expect, rounds, think, times, errors,
                                                     random.Random(rnd.random()))))
            await asyncio.sleep(0.05)  # the class arrives within a couple of seconds
        await asyncio.gather(*tasks)

    sizes.clear()
    asyncio.run(run_all())
    for th in threads:
        th.join(timeout=300)
    wall = time.perf_counter() - wall0
    cpu = server.cpu_s() - cpu0
    peak = max([r for _, r in server.samples] + [server.total_rss()])
    server.stop()
    rows = [{"action": a, "n": len(times[a]), "p50_ms": round(_pct(times[a], 0.5), 1),
             "p95_ms": round(_pct(times[a], 0.95), 1), "max_ms": round(max(times[a]), 1) if times[a] else None}
            for a in ACTIONS]
    step = max(1, len(server.samples) // 12)
    return {
        "scenario": name, "documents": len(corpus), "sentences": int(len(corpus.sentences)), "students": students,
        "browsers": browsers, "rounds": rounds, "think_s": list(think), "ready_s": round(ready_s, 1),
        "idle_rss_gib": round(idle_rss / GIB, 3), "peak_rss_gib": round(peak / GIB, 3),
        "per_visitor_mib": round((peak - idle_rss) / 2**20 / max(1, students + browsers), 2),
        "rss_timeline": [(round(t, 1), round(r / GIB, 3)) for t, r in server.samples[::step]],
        "wall_s": round(wall, 1), "server_cpu_s": round(cpu, 1), "actions": rows, "errors": errors,
        "first_paint_s": [round(x, 2) for x in browser_out.get("first_paint_s", [])],
        "download_mb": {"median": round(statistics.median(sizes) / 2**20, 2) if sizes else None,
                        "max": round(max(sizes) / 2**20, 2) if sizes else None},
    }


def verdicts(result: dict, memory_target: bool) -> list[str]:
    lines = []
    worst = max((r["p95_ms"] for r in result["actions"] if r["n"]), default=float("nan"))
    tag = f"{result['students']} students on {result['documents']:,} articles"
    if memory_target:
        ok = result["peak_rss_gib"] <= TARGETS["memory_gib"]
        lines.append(f"{'PASS' if ok else 'FAIL'} memory, {tag}: {result['peak_rss_gib']:.2f} GiB total server RSS (target ≤ {TARGETS['memory_gib']:g} GiB)")
    ok = worst <= TARGETS["p95_ms"]
    lines.append(f"{'PASS' if ok else 'FAIL'} latency, {tag}: worst action p95 {worst:.0f} ms (target ≤ {TARGETS['p95_ms']:.0f} ms)")
    n_err = len(result["errors"])
    lines.append(f"{'PASS' if n_err == 0 else 'FAIL'} errors, {tag}: {n_err} (target 0)")
    fp = result["first_paint_s"]
    if fp:
        ok = max(fp) <= TARGETS["first_paint_s"]
        lines.append(f"{'PASS' if ok else 'FAIL'} first paint while the class works, {tag}: {max(fp):.2f} s (target ≤ {TARGETS['first_paint_s']:g} s)")
    return lines


def table(result: dict) -> str:
    out = [f"**{result['scenario']}** — {result['students']} students (websocket) + {result['browsers']} Chromium pages, "
           f"{result['rounds']} sessions each, think time {result['think_s'][0]:g}–{result['think_s'][1]:g} s; "
           f"{result['documents']:,} documents / {result['sentences']:,} sentences",
           "", "| action | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    out += [f"| {r['action']} | {r['n']} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} |" for r in result["actions"]]
    out += ["", f"server ready after {result['ready_s']} s; RSS idle {result['idle_rss_gib']:.2f} GiB, peak "
            f"{result['peak_rss_gib']:.2f} GiB (≈ {result['per_visitor_mib']} MiB per visitor); "
            f"run wall {result['wall_s']} s, server CPU {result['server_cpu_s']} s; "
            f"first paint {', '.join(f'{x:.2f} s' for x in result['first_paint_s']) or '—'}; "
            f"CSV downloads median {result['download_mb']['median']} MB, max {result['download_mb']['max']} MB; "
            f"errors {len(result['errors'])}",
            "", "RSS over time (s, GiB): " + ", ".join(f"{t:g}: {r:.2f}" for t, r in result["rss_timeline"])]
    return "\n".join(out)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.bench_seminar")
    p.add_argument("--n", type=int, default=10_000, help="synthetic articles for scenario 1 (default 10,000)")
    p.add_argument("--students", type=int, default=30)
    p.add_argument("--shipped-students", type=int, default=100, help="students on the shipped corpus (0: skip)")
    p.add_argument("--browsers", type=int, default=2)
    p.add_argument("--rounds", type=int, default=2, help="scripted sessions per student")
    p.add_argument("--think", default="1,4", help="think time between actions, seconds min,max (default 1,4)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "seminar.json"))
    args = p.parse_args(argv)
    think = tuple(float(x) for x in args.think.split(","))
    results, lines = [], []
    if args.students:
        from benchmarks.generate import default_folder, generate

        folder = default_folder(args.n)
        generate(folder, args.n)
        r = scenario(f"{args.n:,} synthetic articles", folder, args.students, args.browsers, args.rounds, think, args.seed)
        results.append(r)
        lines += verdicts(r, memory_target=True)
        print(table(r), "\n", flush=True)
    if args.shipped_students:
        r = scenario("the shipped corpus", None, args.shipped_students, args.browsers, args.rounds, think, args.seed + 1)
        results.append(r)
        lines += verdicts(r, memory_target=False)
        print(table(r), "\n", flush=True)
    for r in results:
        for e in r["errors"][:10]:
            print("error:", e)
    print("\n".join(lines))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0 if all(not line.startswith("FAIL") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
