"""araz serve: per-visitor isolation, nothing executed, nothing written, limits that fail gracefully.

The Visitor tests call the actions directly; the server tests start ``araz serve`` (the
supervisor and its worker) on a free loopback port and speak to it as the page does:
JSON over a websocket.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from araz.serve._visitor import ACTIONS, Visitor
from conftest import make_corpus

ws_client = pytest.importorskip("websockets.sync.client")


# ---- one visitor, directly ----------------------------------------------------------------
def test_two_visitors_do_not_see_each_others_filters_lexicon_documents_or_notes(corpus):
    a, b = Visitor(corpus, "a"), Visitor(corpus, "b")
    ra = a.handle({"id": 1, "action": "select", "filters": {"outlets": ["Alwaght"], "query": "Zangezur"}})
    rb = b.handle({"id": 1, "action": "select", "filters": {}})
    assert ra["ok"] and rb["ok"] and ra["total"] == 1 and rb["total"] == len(corpus.sentences)
    assert a.filters.outlets == ("Alwaght",) and b.filters.outlets == ()
    cit = ra["rows"][0]["citation"]
    assert a.handle({"id": 2, "action": "read", "citation": cit})["selected"] == [cit]
    assert b.session.selected == []
    a.handle({"id": 3, "action": "notes", "text": "my note"})
    assert a.session.notes == "my note" and b.session.notes == ""
    coop = {"id": 4, "action": "select", "filters": {"tone": ["coop"]}}
    before = b.handle(coop)["total"]
    edit = a.handle({"id": 5, "action": "lab_edit", "op": "add", "term": "Baku", "cls": "verbal_cooperation", "weight": 3})
    assert edit["ok"], edit
    assert a.handle(coop)["total"] > before  # the edit relabels a's explorer…
    assert b.handle(coop)["total"] == before  # …and nobody else's
    a.handle({"id": 6, "action": "lab_edit", "op": "reset"})
    assert a.handle(coop)["total"] == before


def test_an_execute_request_or_any_unknown_action_is_refused_and_nothing_runs(corpus, tmp_path):
    v = Visitor(corpus)
    target = tmp_path / "pwned"
    jupyter = {"header": {"msg_type": "execute_request", "msg_id": "1"}, "channel": "shell",
               "content": {"code": f"open({str(target)!r}, 'w').write('x')", "silent": False}}
    for msg in (jupyter, {"id": 1, "action": "__import__", "name": "os"}, {"id": 2, "action": "eval"}, [1, 2], "x"):
        r = v.handle(msg)
        assert r["ok"] is False and "refused" in r["error"] or "JSON object" in r["error"]
    assert "execute_request" in v.handle(jupyter)["error"]
    assert not target.exists()
    assert set(ACTIONS) == {"hello", "select", "read", "chart", "export", "notes", "lab_score", "lab_edit"}


def test_bad_arguments_get_a_message_not_a_crash(corpus):
    v = Visitor(corpus)
    assert "list of names" in v.handle({"action": "select", "filters": {"outlets": "Alwaght"}})["error"]
    assert "date YYYY-MM-DD" in v.handle({"action": "select", "filters": {"start": "yesterday"}})["error"]
    assert "unknown outlet" in v.handle({"action": "select", "filters": {"outlets": ["Nowhere Daily"]}})["error"]
    assert "longer than" in v.handle({"action": "select", "filters": {"query": "x" * 5000}})["error"]
    assert "export kind" in v.handle({"action": "export", "kind": "../../etc/passwd"})["error"]
    assert not v.handle({"action": "read", "citation": "no-such-doc ¶1.1"})["ok"]


def test_exports_are_held_in_memory_for_one_download_and_nothing_is_written(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    v, other = Visitor(corpus), Visitor(corpus)
    v.handle({"action": "select", "filters": {"outlets": ["Alwaght"]}})
    v.handle({"action": "notes", "text": "Assessment. [[alwaght-2025-araghchi-baku ¶16.2]]"})
    got = {}
    for kind in ("csv", "png", "brief", "lexicon"):
        r = v.handle({"action": "export", "kind": kind})
        assert r["ok"] and r["url"].startswith("download/"), r
        token = r["url"].split("/")[1]
        assert other.take_download(token) is None  # another visitor cannot take it
        name, mime, data = v.take_download(token)
        assert len(data) == r["bytes"] and name == r["filename"]
        assert v.take_download(token) is None  # once
        got[kind] = data
    csv = got["csv"].decode()
    assert csv.startswith("# Araz explorer export") and "Alwaght" in csv and "Financial Tribune" not in csv
    assert got["png"].startswith(b"\x89PNG")
    assert got["brief"].decode().startswith("# Briefing note") and "Assessment." in got["brief"].decode()
    assert got["lexicon"].decode().startswith("term,class,weight,")
    assert list(tmp_path.iterdir()) == []


def test_a_lexicon_edit_holds_on_a_corpus_without_hand_labels(tmp_path):
    import araz

    folder = make_corpus(tmp_path, {"a.md": ({"title": "T", "outlet": "Example Daily", "published": "2024-05-01"},
                                             "Baku replied to Tehran. The talks went on.")})
    v = Visitor(araz.load_corpus(folder))
    coop = {"action": "select", "filters": {"tone": ["coop"]}}
    before = v.handle(coop)["total"]
    r = v.handle({"action": "lab_edit", "op": "add", "term": "replied", "cls": "verbal_cooperation", "weight": 2})
    assert r["ok"] and "no hand labels" in r["agreement"], r
    assert v.handle(coop)["total"] == before + 1


def test_document_text_reaches_the_page_escaped(tmp_path):
    import araz

    folder = make_corpus(tmp_path, {"evil.md": (
        {"title": "Evil <script>alert(1)</script>", "outlet": "Example <b>Daily</b>", "published": "2024-05-01"},
        "Tehran welcomed the Aras corridor <script>alert('text')</script> and <img src=x onerror=alert(2)>.")})
    v = Visitor(araz.load_corpus(folder))
    page = v.handle({"action": "select", "filters": {"query": "corridor"}})
    html = page["rows"][0]["html"] + v.handle({"action": "read", "citation": page["rows"][0]["citation"]})["html"]
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html
    # option names travel as data; the page puts them in with textContent, never as markup
    assert v.handle({"action": "hello"})["options"]["outlets"] == [["Example <b>Daily</b>", 1]]
    script = (Path(__file__).parents[1] / "src/araz/serve/static/page.js").read_text()
    assert "textContent = label" in script


# ---- the server -------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Running:
    def __init__(self, cwd: Path, *args: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.lines: list[str] = []
        env = {**os.environ, "ARAZ_CACHE_DIR": str(cwd / "cache"), "MPLBACKEND": "Agg"}
        self.proc = subprocess.Popen([sys.executable, "-m", "araz.serve", "--host", "127.0.0.1", "--port", str(self.port), *args],
                                     cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: [self.lines.append(x) for x in self.proc.stdout], daemon=True).start()
        self.wait_ready()

    def wait_ready(self, timeout: float = 120, other_than: int | None = None) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                h = self.health()
                if h["pid"] != other_than:
                    return h
            except (OSError, urllib.error.URLError, ValueError):
                pass
            assert self.proc.poll() is None, "".join(self.lines)
            time.sleep(0.2)
        raise TimeoutError("".join(self.lines))

    def health(self) -> dict:
        with urllib.request.urlopen(self.url + "/health", timeout=5) as r:
            return json.loads(r.read())

    def ws(self):
        return ws_client.connect(f"ws://127.0.0.1:{self.port}/ws", open_timeout=10, max_size=2**26)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def ask(conn, action: str, **args) -> dict:
    conn.send(json.dumps({"id": 1, "action": action, **args}))
    return json.loads(conn.recv(timeout=60))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("serve")
    s = Running(cwd, "--max-visitors", "3", "--idle-timeout", "0.05")  # 3 s
    yield s, cwd
    s.stop()


def test_refuses_an_execute_request_sent_by_hand_over_the_websocket(server):
    s, cwd = server
    with s.ws() as c:
        msg = {"header": {"msg_id": "x", "msg_type": "execute_request", "session": "s", "username": "u", "version": "5.3"},
               "parent_header": {}, "metadata": {}, "channel": "shell",
               "content": {"code": "import os; os.system('touch pwned')", "silent": False}}
        c.send(json.dumps(msg))
        answer = json.loads(c.recv(timeout=30))
        assert answer["ok"] is False and "refused" in answer["error"] and "runs no code" in answer["error"]
        assert ask(c, "hello")["ok"]  # the page still works
    assert not (cwd / "pwned").exists()
    for path in ("/static/../__init__.py", "/static/page.py", "/etc/passwd", "/static/%2e%2e/_web.py"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(s.url + path, timeout=5)
        assert err.value.code == 404


def test_a_full_class_gets_a_clear_page_not_a_hang(server):
    import contextlib

    s, _ = server
    with contextlib.ExitStack() as stack:
        conns = [stack.enter_context(s.ws()) for _ in range(3)]
        for c in conns:
            assert ask(c, "hello")["ok"]
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(s.url + "/", timeout=5)
        assert err.value.code == 503
        assert "class is full" in err.value.read().decode() and err.value.headers["Retry-After"] == "60"
        with s.ws() as extra:
            said = json.loads(extra.recv(timeout=10))
        assert said["event"] == "full" and "try again in a minute" in said["message"]
    deadline = time.monotonic() + 10
    while s.health()["visitors"] and time.monotonic() < deadline:
        time.sleep(0.1)
    with urllib.request.urlopen(s.url + "/", timeout=5) as r:
        assert r.status == 200 and b"Araz explorer" in r.read()


def test_idle_visitors_are_released(server):
    s, _ = server
    before = s.health()["released_idle"]
    with s.ws() as c:
        assert ask(c, "select", filters={"query": "Baku"})["ok"]
        said = json.loads(c.recv(timeout=15))  # nothing sent for 3 s
        assert said["event"] == "idle" and "Reload the page" in said["message"]
    h = s.health()
    assert h["visitors"] == 0 and h["released_idle"] == before + 1


def test_a_tab_closed_mid_search_affects_nobody_else(server):
    s, _ = server
    with s.ws() as other:
        with s.ws() as quitter:
            quitter.send(json.dumps({"id": 1, "action": "select", "filters": {"query": "Iran OR Baku OR corridor"}}))
            quitter.send(json.dumps({"id": 2, "action": "chart"}))
        r = ask(other, "select", filters={"outlets": ["Alwaght"]})
        assert r["ok"] and r["total"] > 0
    deadline = time.monotonic() + 10
    while s.health()["visitors"] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert s.health()["visitors"] == 0


def test_exports_over_the_websocket_leave_the_servers_folder_unchanged(server):
    s, cwd = server
    before = sorted(p.relative_to(cwd) for p in cwd.rglob("*"))
    with s.ws() as c:
        ask(c, "select", filters={"outlets": ["Alwaght"]})
        for kind in ("csv", "png", "brief", "lexicon"):
            r = ask(c, "export", kind=kind)
            assert r["ok"] and r["bytes"] > 100
            with urllib.request.urlopen(f"{s.url}/{r['url']}", timeout=10) as got:
                assert len(got.read()) == r["bytes"] and r["filename"] in got.headers["Content-Disposition"]
            with pytest.raises(urllib.error.HTTPError) as err:  # once only
                urllib.request.urlopen(f"{s.url}/{r['url']}", timeout=10)
            assert err.value.code == 404
    assert sorted(p.relative_to(cwd) for p in cwd.rglob("*")) == before
    assert not (cwd / "exports").exists()


def test_a_killed_worker_is_replaced_without_the_lecturer(server):
    s, _ = server
    old = s.health()["pid"]
    os.kill(old, 9)
    h = s.wait_ready(timeout=120, other_than=old)
    assert h["pid"] != old and s.proc.poll() is None
    with s.ws() as c:
        assert ask(c, "select", filters={"query": "Zangezur"})["total"] >= 1
    assert any("starting a new one" in line for line in s.lines)


def test_an_invalid_corpus_is_reported_and_nothing_is_served(tmp_path, capsys):
    from araz.cli import main

    folder = make_corpus(tmp_path, {"bad.md": ({"title": "No outlet", "published": "not a date"}, "Some text.")})
    assert main(["serve", "--corpus", str(folder), "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err
    assert "is not valid; nothing was served" in err and "bad.md" in err


def test_cli_rejects_bad_limits(capsys):
    from araz.cli import main

    assert main(["serve", "--max-visitors", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
    assert main(["serve", "--idle-timeout", "0"]) == 2
    assert "minutes" in capsys.readouterr().err


def test_the_page_can_live_under_a_proxys_path_prefix():
    from araz.serve import normalise_base_url
    from araz.serve._web import Hub, make_app

    assert normalise_base_url(None) == "/" and normalise_base_url("services/araz") == "/services/araz/"
    app = make_app(Hub(2, 60), "/services/araz/")
    paths = {rule.matcher.regex.pattern for rule in app.default_router.rules[0].target.rules}
    assert r"/services/araz/ws$" in paths and r"/services/araz/$" in paths
    script = (Path(__file__).parents[1] / "src/araz/serve/static/page.js").read_text()
    assert 'location.pathname.replace(/[^/]*$/, "") + "ws"' in script  # the websocket is found relative to the page


def test_a_page_of_another_site_cannot_open_a_visitors_websocket(server):
    s, _ = server
    with pytest.raises(Exception) as err:
        with ws_client.connect(f"ws://127.0.0.1:{s.port}/ws", origin="http://evil.example.org", open_timeout=10):
            pass
    assert "403" in str(err.value)
    with s.ws() as c:  # no Origin (a script, the benchmark) or the page's own origin: accepted
        assert ask(c, "hello")["ok"]


def test_a_worker_that_cannot_start_is_not_restarted_for_ever(monkeypatch, capsys):
    import araz.serve as serve

    monkeypatch.setattr(serve, "worker_command", lambda args: [sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"])
    monkeypatch.setattr(serve, "RESTART_PAUSE_S", 0.0)
    assert serve.main(["--port", str(_free_port()), "--host", "127.0.0.1"]) == 1
    out = capsys.readouterr()
    assert out.out.count("boom") == serve.MAX_FAILED_STARTS and "failed to start 3 times" in out.err
