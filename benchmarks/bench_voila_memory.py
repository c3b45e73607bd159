"""Memory of the Voilà app (``make app``: a kernel per visitor), for comparison with ``araz serve``.

    python -m benchmarks.bench_voila_memory [CORPUS] [PAGES]

Starts ``python -m araz.app`` on a free loopback port, opens PAGES (default 3) Chromium pages one
after another and prints, after each first paint, the RSS of the whole process tree (Voilà and
its kernels). Used for the "Why one process" table in ``benchmarks/README.md``.
"""
import os
import socket
import subprocess
import sys
import time

from benchmarks.bench_seminar import _rss, _tree
from playwright.sync_api import sync_playwright
corpus = sys.argv[1] if len(sys.argv) > 1 else ""
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 3
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
cache = "/tmp/voila-measure-cache"
env = {**os.environ, "ARAZ_CACHE_DIR": os.environ.get("ARAZ_CACHE_DIR", cache), "MPLBACKEND": "Agg"}
cmd = [sys.executable, "-m", "araz.app", "--port", str(port), "--exports", "/tmp/voila-measure-exports"] + (["--corpus", corpus] if corpus else [])
p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
for line in p.stdout:
    if "http://127.0.0.1" in line:
        break
time.sleep(3)
base = sum(_rss(x) for x in _tree(p.pid))
print("server tree before pages (incl. 1 preheated kernel):", round(base / 2**20), "MiB", flush=True)
with sync_playwright() as pw:
    b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
    ctxs = []
    for k in range(pages):
        c = b.new_context(); pg = c.new_page(); pg.set_default_timeout(600_000)
        t = time.time(); pg.goto(f"http://127.0.0.1:{port}/"); pg.wait_for_selector(".araz-explorer")
        tree = _tree(p.pid)
        total = sum(_rss(x) for x in tree)
        print(f"page {k+1}: first paint {time.time()-t:.1f} s; processes {len(tree)}; total RSS {total/2**20:.0f} MiB", flush=True)
        ctxs.append(c)
    b.close()
p.terminate(); p.wait()
