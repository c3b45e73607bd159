"""``araz serve``: the explorer and the tone lab for a whole class, from one process.

    araz serve [--corpus DIR] [--port N] [--host ADDR] [--max-visitors N] [--idle-timeout MIN]

One worker process (:mod:`araz.serve._web`) loads the corpus and its analyses **once**
and serves every student from them; each open page is a :class:`~._visitor.Visitor` with
its own :class:`araz.explore.Session` (filters, search, tone-lab lexicon and the labels it
gives, opened documents, notes), so nothing one student does is seen by another. The
page is plain HTML and a small script speaking JSON over a websocket (:mod:`._visitor`
lists every action; there is no other): no kernel, no code from the visitor is ever
run, no file is read or written on their behalf, exports are browser downloads.

This command is the worker's supervisor: it checks the corpus, starts the worker, prints
the URL to share and starts a new worker if one dies (the pages reconnect and replay their
state by themselves); Ctrl+C or SIGTERM stops everything. Why one process rather than a
Voilà kernel per student, with the measurements: ``benchmarks/README.md`` ("class server").
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

RESTART_PAUSE_S = 1.0
MAX_FAILED_STARTS = 3


def build_parser(p: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    p = p or argparse.ArgumentParser(prog="araz serve")
    p.description = "Serve the explorer and the tone lab to a whole class (one process, one shared corpus)."
    p.add_argument("--corpus", default=None, help="a folder of documents (default: the shipped corpus)")
    p.add_argument("--port", type=int, default=8870, help="port to serve on (default 8870)")
    p.add_argument("--host", default="0.0.0.0",
                   help="address to listen on (default 0.0.0.0: every network of this computer, for a LAN; "
                        "127.0.0.1 behind a reverse proxy)")
    p.add_argument("--max-visitors", type=int, default=40, help="open pages at once; the next one sees 'the class is full' (default 40)")
    p.add_argument("--idle-timeout", type=float, default=30.0, help="minutes without a click before a visitor's state is released (default 30)")
    p.add_argument("--base-url", default=os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/"),
                   help="path prefix the page is served under, for a proxy that keeps it (default /; "
                        "$JUPYTERHUB_SERVICE_PREFIX when run as a JupyterHub service)")
    p.add_argument("--workers", type=int, default=4, help=argparse.SUPPRESS)
    return p


def register(subparsers) -> None:
    """Add ``araz serve`` to the ``araz`` command."""
    p = subparsers.add_parser("serve", help="serve the explorer to a whole class (araz.serve)")
    build_parser(p)
    p.set_defaults(func=run)


def _lan_address() -> str | None:
    """This computer's address on the local network (no packet is sent: a UDP connect only picks a route)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
    except OSError:
        return None


def normalise_base_url(base: str | None) -> str:
    """``/`` or ``/some/prefix/`` (behind a proxy that does not strip its prefix, e.g. a JupyterHub service)."""
    base = "/" + (base or "").strip("/")
    return base if base == "/" else base + "/"


def worker_command(args) -> list[str]:
    return [sys.executable, "-m", "araz.serve._web", "--port", str(args.port), "--host", args.host,
            "--max-visitors", str(args.max_visitors), "--idle-timeout", str(args.idle_timeout),
            "--workers", str(args.workers), "--base-url", args.base_url]


def run(args) -> int:
    from ..app import _port_free  # stdlib only: the supervisor stays small (it counts in the server's memory)

    if not 0 < args.port < 65536:
        print(f"araz serve: --port {args.port} is not a port; use a number from 1024 to 65535", file=sys.stderr)
        return 2
    if args.max_visitors < 1:
        print("araz serve: --max-visitors must be at least 1", file=sys.stderr)
        return 2
    if args.idle_timeout <= 0:
        print("araz serve: --idle-timeout is in minutes and must be more than 0, e.g. --idle-timeout 30", file=sys.stderr)
        return 2
    env = dict(os.environ)
    env.setdefault("MPLBACKEND", "Agg")
    env["ARAZ_CORPUS"] = ""
    if args.corpus:
        # validated in a child process, so that the supervisor never holds the corpus in memory
        check = subprocess.run([sys.executable, "-m", "araz.app", "--check", "--corpus", args.corpus],
                               env=env, capture_output=True, text=True)
        if check.returncode != 0:
            print(f"araz serve: the corpus at {args.corpus} is not valid; nothing was served:", file=sys.stderr)
            print(check.stderr.replace("araz app:", "").rstrip().replace("make app again", "araz serve again"), file=sys.stderr)
            return 1
        env["ARAZ_CORPUS"] = str(Path(args.corpus).expanduser().resolve())
    if not _port_free(args.host, args.port):
        print(f"araz serve: port {args.port} is already in use; choose another, e.g. --port {args.port + 1}", file=sys.stderr)
        return 1

    stopping = False

    def stop(signum, _frame):
        nonlocal stopping
        stopping = True
        raise KeyboardInterrupt

    previous = {}
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            previous[sig] = signal.signal(sig, stop)
    proc = None
    starts = 0
    failed_to_start = 0  # a worker that dies before it listens is not restarted for ever
    try:
        while not stopping:
            starts += 1
            proc = subprocess.Popen(worker_command(args), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True, bufsize=1)
            listening = False
            for line in proc.stdout:
                print(line.rstrip("\n"), flush=True)
                if "listening on" in line:
                    listening = True
                    failed_to_start = 0
                    host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
                    lan = _lan_address() if args.host in ("0.0.0.0", "::") else None
                    where = args.corpus or "the shipped corpus"
                    base = normalise_base_url(args.base_url)
                    print(f"\nAraz class server on {where}: http://{host}:{args.port}{base}"
                          + (f"  — share http://{lan}:{args.port}{base} with the class" if lan else "")
                          + f"  (up to {args.max_visitors} at once; Ctrl+C stops it)\n", flush=True)
            code = proc.wait()
            if stopping:
                break
            if not listening:
                failed_to_start += 1
                if failed_to_start >= MAX_FAILED_STARTS:
                    print(f"araz serve: the worker failed to start {failed_to_start} times in a row (exit code {code}); "
                          "see its messages above. Nothing is served.", file=sys.stderr, flush=True)
                    return 1
            print(f"araz serve: the worker stopped (exit code {code}); starting a new one "
                  f"(start {starts + 1}) — open pages reconnect by themselves", file=sys.stderr, flush=True)
            time.sleep(RESTART_PAUSE_S)
    except KeyboardInterrupt:
        pass
    finally:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def main(argv=None) -> int:
    return run(build_parser().parse_args(argv))


__all__ = ["register", "run", "main", "build_parser"]
