"""The class server in Chromium: two students at once, each seeing only their own work.

Two browser contexts (two students, no shared cookies or storage) use one ``araz serve``
at the same time: filters, search, a lexicon edit in the tone lab, the opened document and
the notes of one never appear in the other's page; downloads arrive in the browser and
the server's folder is unchanged.
"""
from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

import pytest

from .conftest import CHROMIUM_ARGS, Server, free_port, missing


@pytest.fixture(scope="module")
def class_server(tmp_path_factory):
    if missing():
        yield None
        return
    cwd = tmp_path_factory.mktemp("class")
    port = free_port()
    server = Server([sys.executable, "-m", "araz.serve", "--host", "127.0.0.1", "--port", str(port), "--max-visitors", "5"],
                    cwd=cwd, env={"ARAZ_CACHE_DIR": str(cwd / "cache"), "MPLBACKEND": "Agg"})
    server.wait_for(r"Araz class server on")
    yield {"url": f"http://127.0.0.1:{port}/", "cwd": cwd, "server": server}
    server.stop()


def _open(browser, url):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.wait_for_selector("#app:not([hidden])")
    page.wait_for_selector(".araz-result")
    return context, page, errors


def _status(page) -> str:
    return page.locator("#status").inner_text()


def _until(page, what: str, ok, timeout: float = 60):
    """Poll ``#what``'s text until ``ok(text)`` (the page's CSP forbids Playwright's eval-based waits)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = page.locator(f"#{what}").inner_text()
        if ok(text):
            return text
        page.wait_for_timeout(100)
    raise AssertionError(f"#{what} never matched; it says {text!r}")


def test_two_students_at_once_are_isolated(class_server, chromium):
    url, cwd = class_server["url"], class_server["cwd"]
    before = sorted(p.relative_to(cwd) for p in cwd.rglob("*") if "cache" not in p.parts)
    ca, a, errors_a = _open(chromium, url)
    cb, b, errors_b = _open(chromium, url)
    try:
        everything = _status(b)
        # A filters by outlet and searches; B's page does not move
        a.select_option("#outlets", ["Alwaght"])
        _until(a, "status", lambda t: "in 1 document" in t)
        a.fill("#query", "Zangezur")
        a.press("#query", "Enter")
        _until(a, "status", lambda t: "'Zangezur'" in t)
        assert "1 matching sentence in 1 document" in _status(a)
        b.fill("#query", "Baku")
        b.press("#query", "Enter")
        _until(b, "status", lambda t: "'Baku'" in t)
        assert "Zangezur" not in _status(b) and "in 1 document" not in _status(b)
        assert _status(a).startswith("1 matching sentence")  # A still sees their own search

        # A opens a document; B's reader stays empty
        a.locator(".araz-open").first.click()
        a.wait_for_selector("#reader .araz-doc")
        assert "alwaght" in a.locator("#picked").inner_text()
        assert b.locator("#reader .araz-doc").count() == 0 and b.locator("#picked").inner_text() == ""

        # A edits the lexicon in the tone lab: A's tone filter changes, B's does not
        b.click("#clear")
        _until(b, "status", lambda t: t == everything)
        b.select_option("#tone", ["coop"])
        _until(b, "status", lambda t: "matching" in t and t != everything)
        coop_b = _status(b)
        a.click("#clear")
        a.select_option("#tone", ["coop"])
        _until(a, "status", lambda t: t == coop_b)
        a.click("nav button[data-tab=lab]")
        a.fill("#lab-term", "Baku")
        a.select_option("#lab-class", "verbal_cooperation")
        a.fill("#lab-weight", "3")
        a.click("#lab-add")
        _until(a, "lab-status", lambda t: "your explorer now uses it" in t)
        _until(a, "status", lambda t: t != coop_b)
        assert _status(b) == coop_b
        b.click("#search")  # B asks again: still the shipped lexicon's labels
        b.wait_for_timeout(500)
        assert _status(b) == coop_b

        # notes are A's own; A's briefing note carries them, as a browser download
        a.click("nav button[data-tab=export]")
        a.fill("#notes", "Only student A wrote this.")
        a.locator("#notes").blur()
        with a.expect_download() as dl:
            a.click("#export-brief")
        path = dl.value.path()
        assert dl.value.suggested_filename == "araz-briefing.md"
        assert "Only student A wrote this." in Path(path).read_text(encoding="utf-8")
        b.click("nav button[data-tab=export]")
        assert b.input_value("#notes") == ""
        with b.expect_download() as dl:
            b.click("#export-brief")
        assert "Only student A wrote this." not in Path(dl.value.path()).read_text(encoding="utf-8")
        with b.expect_download() as dl:
            b.click("#export-csv")
        assert Path(dl.value.path()).read_text(encoding="utf-8").startswith("# Araz explorer export")
        with a.expect_download() as dl:
            a.click("#export-png")
        assert Path(dl.value.path()).read_bytes().startswith(b"\x89PNG")
        assert errors_a == [] and errors_b == []
    finally:
        ca.close()
        cb.close()
    after = sorted(p.relative_to(cwd) for p in cwd.rglob("*") if "cache" not in p.parts)
    assert after == before, "the page wrote something on the server"
    with urllib.request.urlopen(url + "health", timeout=5) as r:
        assert json.loads(r.read())["served"] >= 2


def test_a_page_survives_a_killed_server_worker(class_server, chromium):
    """The supervisor starts a new worker; the page reconnects by itself and replays its filters."""
    import os
    import signal
    import time

    url = class_server["url"]
    context, page, errors = _open(chromium, url)
    try:
        page.select_option("#outlets", ["Alwaght"])
        shown = _until(page, "status", lambda t: "in 1 document" in t)
        with urllib.request.urlopen(url + "health", timeout=5) as r:
            old = json.loads(r.read())["pid"]
        os.kill(old, signal.SIGKILL)
        _until(page, "connection", lambda t: "reconnecting" in t, timeout=30)
        _until(page, "connection", lambda t: t == "connected", timeout=180)
        assert _until(page, "status", lambda t: t == shown, timeout=60) == shown  # same filters, same answer
        with urllib.request.urlopen(url + "health", timeout=5) as r:
            assert json.loads(r.read())["pid"] != old
        assert [e for e in errors if "WebSocket" not in e] == []
    finally:
        context.close()
