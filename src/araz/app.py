"""The explorer as a web page with no code cells: ``python -m araz.app --port 8866 [--corpus PATH]``.

``make app`` runs this. It checks a user corpus first and stops with the validation report
when anything is wrong (nothing is served); otherwise it starts Voilà on the packaged
notebook ``araz/_app/explorer.ipynb`` (the notebook's code is hidden), waits until the page
answers and prints its URL. Exports from the page go to ``./exports`` (``--exports``).

The corpus and the export folder reach the notebook's kernel through the environment
variables ``ARAZ_CORPUS`` and ``ARAZ_EXPORT_DIR``.
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

NOTEBOOK = Path(__file__).with_name("_app") / "explorer.ipynb"
SHARE = Path(__file__).with_name("_app") / "share" / "jupyter"  # the "araz" Voilà template (offline page)


def notebook_path() -> Path:
    """The packaged Voilà notebook (works from a source checkout and from an installed wheel)."""
    return NOTEBOOK


def check_corpus(path: str) -> list[str]:
    """Validate a user corpus; return the report lines of every error (empty when it is valid)."""
    from .validate import validate

    issues = validate(path)
    errors = [i for i in issues if i.severity == "error"]
    if not errors:
        return []
    files = len({i.path for i in errors})
    lines = [str(i) for i in issues]
    lines.append(f"FAILED: {len(errors)} problem{'s' if len(errors) != 1 else ''} in {files} file{'s' if files != 1 else ''}; "
                 f"fix them (araz validate {path}) and run make app again. Nothing was served.")
    return lines


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _wait_for(host: str, port: int, proc: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def command(port: int, host: str = "127.0.0.1") -> list[str]:
    """The Voilà command line that serves the explorer."""
    return [sys.executable, "-m", "voila", str(notebook_path()), f"--port={port}", f"--Voila.ip={host}",
            "--no-browser", "--Voila.port_retries=0", "--strip_sources=True", "--theme=light",
            "--VoilaConfiguration.show_tracebacks=False", "--preheat_kernel=True", "--pool_size=1",
            "--template=araz",
            # JupyterLab-only front-end extensions in the same environment (Jupytext's "open as notebook")
            # cannot load outside JupyterLab and would put an error on every explorer page.
            '--VoilaConfiguration.extension_denylist=["jupyterlab-jupytext"]']


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m araz.app",
                                description="Serve the Araz explorer as a web page (Voilà, no code cells).")
    p.add_argument("--port", type=int, default=8866, help="port to serve on (default 8866)")
    p.add_argument("--corpus", default=None, help="a folder of documents (default: the shipped corpus)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this computer only)")
    p.add_argument("--exports", default="exports", help="folder for CSV/PNG exports (default ./exports)")
    p.add_argument("--check", action="store_true", help="only validate the corpus and exit")
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if not 0 < args.port < 65536:
        print(f"araz app: --port {args.port} is not a port; use a number from 1024 to 65535, e.g. make app PORT=8866",
              file=sys.stderr)
        return 2
    corpus = ""
    if args.corpus:
        report = check_corpus(args.corpus)
        if report:
            print(f"araz app: the corpus at {args.corpus} is not valid:", file=sys.stderr)
            for line in report:
                print(f"  {line}", file=sys.stderr)
            return 1
        corpus = str(Path(args.corpus).expanduser().resolve())
    if args.check:
        print(f"OK: {args.corpus or 'the shipped corpus'} is valid")
        return 0
    if not notebook_path().exists():
        print(f"araz app: the explorer notebook is missing ({notebook_path()}); reinstall the package", file=sys.stderr)
        return 1
    if not _port_free(args.host, args.port):
        print(f"araz app: port {args.port} is already in use; choose another, e.g. make app PORT={args.port + 1}",
              file=sys.stderr)
        return 1
    try:
        import voila  # noqa: F401
    except ImportError:
        print("araz app: Voilà is not installed; run `uv sync --all-extras` (it is the 'app' extra)", file=sys.stderr)
        return 1
    env = dict(os.environ)
    env["ARAZ_CORPUS"] = corpus
    env["ARAZ_EXPORT_DIR"] = str(Path(args.exports).expanduser().resolve())
    env.setdefault("MPLBACKEND", "Agg")
    env["JUPYTER_PATH"] = os.pathsep.join([str(SHARE), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    proc = subprocess.Popen(command(args.port, args.host), env=env)

    def stop(signum, _frame):  # a terminated app takes its Voilà server (and kernels) with it
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, stop)
    try:
        if _wait_for(args.host, args.port, proc, timeout=120):
            print(f"\nAraz explorer on {args.corpus or 'the shipped corpus'}: http://{args.host}:{args.port}/  "
                  "(open it in a browser; Ctrl+C stops it)\n", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return 0


if __name__ == "__main__":
    sys.exit(main())
