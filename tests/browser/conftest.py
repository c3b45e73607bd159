"""Real-browser tests: Playwright (Python) driving Debian's Chromium — never ``playwright install``.

* The browser is ``/usr/bin/chromium`` or the path in ``$ARAZ_CHROMIUM``. When it (or
  Playwright) is missing, every test here is **skipped** (set aside, counted as deselected) and
  one loud line in the pytest summary says how to install it (``apt-get install -y chromium``) —
  unless ``ARAZ_REQUIRE_BROWSER=1`` (set by ``.ci/run``), in which case each test **fails** with
  that message, so CI always runs them.
* Servers are started on free ports and stopped after their module: the explorer app
  (``python -m araz.app``), the same app on an injection corpus, and JupyterLab.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("ARAZ_CHROMIUM") or "/usr/bin/chromium"
REQUIRED = os.environ.get("ARAZ_REQUIRE_BROWSER", "") == "1"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL = "install it with `apt-get install -y chromium` (or set ARAZ_CHROMIUM=/path/to/chromium)"
_skipped: dict = {}


def missing() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (uv sync --all-extras)"
    return None


def pytest_collection_modifyitems(config, items):
    """Mark every test here ``browser``; without a browser, set them aside (one loud line says so)."""
    here = Path(__file__).parent
    ours = [item for item in items if here in Path(str(item.fspath)).parents]
    for item in ours:
        item.add_marker(pytest.mark.browser)
    reason = missing()
    if reason is None or REQUIRED or not ours:
        return
    _skipped.update(reason=reason, n=len(ours))
    items[:] = [item for item in items if item not in ours]
    config.hook.pytest_deselected(items=ours)


@pytest.fixture(autouse=True)
def _need_browser(request):
    """With ARAZ_REQUIRE_BROWSER=1 and no browser, every test here fails saying how to install one."""
    reason = missing()
    if reason is not None:
        pytest.fail(f"browser tests are required (ARAZ_REQUIRE_BROWSER=1) but {reason}; {INSTALL}", pytrace=False)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped:
        terminalreporter.write_line(
            f"!!! {_skipped['n']} BROWSER TESTS SKIPPED: {_skipped['reason']} — {INSTALL}, then run make test again !!!",
            red=True, bold=True)


# ---- servers ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A child process whose output is kept (for error messages) and that is stopped at the end."""

    def __init__(self, cmd: list[str], *, cwd: Path, env: dict | None = None):
        self.cmd = cmd
        self.lines: list[str] = []
        self.proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def log(self) -> str:
        return "\n".join(self.lines[-60:])

    def wait_for(self, pattern: str, timeout: float = 180) -> re.Match:
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                m = rx.search(line)
                if m:
                    return m
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.cmd[:4]} exited with {self.proc.returncode}:\n{self.log()}")
            time.sleep(0.1)
        raise TimeoutError(f"no line matching {pattern!r} after {timeout:.0f} s:\n{self.log()}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_app(tmp: Path, corpus: Path | None = None) -> tuple[Server, str, Path]:
    """``python -m araz.app`` on a free port; returns the server, its URL and its export folder."""
    port = free_port()
    exports = tmp / "exports"
    cmd = [sys.executable, "-m", "araz.app", "--port", str(port), "--exports", str(exports)]
    if corpus is not None:
        cmd += ["--corpus", str(corpus)]
    server = Server(cmd, cwd=tmp, env={"ARAZ_CACHE_DIR": str(tmp / "cache")})
    m = server.wait_for(r"(http://127\.0\.0\.1:\d+/)")
    return server, m.group(1), exports


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    if missing():
        yield None
        return
    server, url, exports = start_app(tmp_path_factory.mktemp("app"))
    yield {"url": url, "exports": exports, "server": server}
    server.stop()


INJECTION_TITLE = "Evil <script>alert('title')</script>"
INJECTION_TEXT = ("Tehran welcomed the Aras corridor <script>alert('text')</script>. "
                  "Baku replied <img src=x onerror=alert('img')> and "
                  "<a href=\"javascript:alert('link')\">read more</a> about Tehran.")


@pytest.fixture(scope="module")
def injection_server(tmp_path_factory):
    if missing():
        yield None
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import make_corpus

    tmp = tmp_path_factory.mktemp("injection")
    folder = make_corpus(tmp, {"evil.md": (
        {"title": INJECTION_TITLE, "outlet": "Evil <b>Daily</b>", "published": "2024-05-01",
         "url": "javascript:alert('url')", "author": "<img src=x onerror=alert('author')>"},
        INJECTION_TEXT + "\nA second paragraph about the Aras corridor.")})
    server, url, exports = start_app(tmp, folder)
    yield {"url": url, "exports": exports, "server": server}
    server.stop()


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    """JupyterLab on a copy of notebooks/06_explorer.ipynb (the original is never touched)."""
    if missing():
        yield None
        return
    tmp = tmp_path_factory.mktemp("lab")
    shutil.copy(ROOT / "notebooks" / "06_explorer.ipynb", tmp / "06_explorer.ipynb")
    port, token = free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
           f"--ServerApp.token={token}", f"--ServerApp.root_dir={tmp}", "--ServerApp.port_retries=0",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {"JUPYTER_CONFIG_DIR": str(tmp / "config"), "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"), "ARAZ_CACHE_DIR": str(tmp / "cache"),
           "MPLBACKEND": "Agg"}
    server = Server(cmd, cwd=tmp, env=env)
    server.wait_for(rf"http://127\.0\.0\.1:{port}/")
    yield {"url": f"http://127.0.0.1:{port}", "token": token, "folder": tmp, "server": server}
    server.stop()


# ---- the browser ----------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def chromium():
    if missing():
        yield None
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with its console errors, uncaught page errors and dialogs recorded."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

        def on_dialog(d):
            self.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", on_dialog)


@pytest.fixture
def watched(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield Watched(page)
    context.close()
