"""The import panel: its state from plain functions, and the widget driven by setting values."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from araz.widgets._import_panel import (OFF_MESSAGE, UPLOADS, ImportPanel, import_allowed, panel_state,
                                        parse_urls, report_html, save_uploads)
from ingest_helpers import FIXTURES


def test_parse_urls_reports_bad_lines():
    urls, problems = parse_urls("# list\nhttps://example.org/a\n\nexample.org/b\n http://example.org/c \n")
    assert urls == ["https://example.org/a", "http://example.org/c"]
    assert problems == ["line 4: 'example.org/b' is not an http(s):// URL"]


def test_panel_state():
    assert panel_state(enabled=False, urls_text="https://example.org", n_files=2, into="c") == {
        "can_run": False, "message": OFF_MESSAGE, "kind": "empty", "urls": []}
    s = panel_state(enabled=True, urls_text="", n_files=0, into="c")
    assert not s["can_run"] and s["message"].startswith("Pick files or paste URLs")
    s = panel_state(enabled=True, urls_text="https://example.org/a", n_files=2, into="c")
    assert s["can_run"] and s["message"] == "Ready to import 2 files and 1 URL into c."
    s = panel_state(enabled=True, urls_text="not a url", n_files=1, into="c")
    assert not s["can_run"] and s["kind"] == "error" and "line 1" in s["message"]


def test_save_uploads_never_escapes_the_folder_nor_overwrites(tmp_path):
    ups = [{"name": "../../etc/passwd.html", "content": memoryview(b"<html>1</html>")},
           {"name": "page.html", "content": b"<html>2</html>"}, {"name": "page.html", "content": b"<html>3</html>"}]
    paths = save_uploads(ups, tmp_path / "up")
    assert [p.name for p in paths] == ["passwd.html", "page.html", "page-2.html"]
    assert all(p.parent == tmp_path / "up" for p in paths)
    assert [p.read_bytes() for p in paths] == [b"<html>1</html>", b"<html>2</html>", b"<html>3</html>"]


def test_report_html_escapes_everything():
    report = pd.DataFrame([{"source": "<script>alert(1)</script>.html", "status": "error", "doc_id": "", "path": "",
                            "title": "<b>t</b>", "outlet": "", "published": "", "language": "", "message": "x <img src=x>"}])
    out = report_html(report)
    assert "<script>alert" not in out and "&lt;script&gt;" in out and "<img" not in out and "<b>t</b>" not in out
    assert "0 imported, 0 near-duplicate, 0 duplicate, 1 error" in out


def test_panel_imports_uploads_and_urls_and_calls_back(tmp_path):
    got = []
    panel = ImportPanel(tmp_path / "corpus", on_imported=got.append, enabled=True)
    assert panel.controls["run"].disabled  # nothing picked yet
    panel.controls["files"].value = (
        {"name": "ferry.html", "type": "text/html", "size": 1,
         "content": memoryview((FIXTURES / "example-daily-jsonld.html").read_bytes()), "last_modified": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)},
        {"name": "stub.html", "type": "text/html", "size": 1,
         "content": memoryview((FIXTURES / "paywall-stub.html").read_bytes()), "last_modified": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)})
    panel.controls["perspective"].value = "Test perspective"
    assert not panel.controls["run"].disabled and "Ready to import 2 files" in panel.status.value
    panel.controls["run"].click()
    report = panel.report
    assert report["status"].tolist() == ["imported", "error"]
    assert "1 new document" in panel.status.value and "1 source could not be imported" in panel.status.value
    assert "ferry-talks-resume" in panel.output.value and "paywall" in panel.output.value
    assert len(got) == 1 and [p.name for p in got[0]] == [report.loc[0, "doc_id"] + ".md"]
    assert (tmp_path / "corpus" / UPLOADS / "ferry.html").exists()  # kept, in a folder the corpus does not read
    import araz

    assert len(araz.load_corpus(tmp_path / "corpus")) == 1
    assert panel.controls["files"].value == () and panel.controls["urls"].value == ""


def test_panel_can_be_turned_off(tmp_path, monkeypatch):
    panel = ImportPanel(tmp_path / "c", enabled=False)
    assert all(c.disabled for c in panel.controls.values())
    assert "Importing is turned off here" in panel.status.value
    panel.controls["urls"].value = "https://example.org/a"
    assert panel.run().empty and not (tmp_path / "c").exists()
    monkeypatch.setenv("ARAZ_IMPORT", "off")
    assert not import_allowed() and not ImportPanel(tmp_path / "c").enabled
    monkeypatch.delenv("ARAZ_IMPORT")
    assert import_allowed()


def test_explorer_on_a_folder_imports_and_shows_the_new_documents(tmp_path):
    import shutil

    import araz
    from araz.widgets import explorer
    from araz.widgets._workspace import Workspace

    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(araz.paths.shipped("corpus", "mehr-2021-korybko.md"), folder)
    app = explorer(araz.load_corpus(folder))
    assert isinstance(app, Workspace) and app.total > 0
    before = set(app.explorer.options["outlets"]["value"])
    old = app.explorer
    app.panel.controls["files"].value = (
        {"name": "ferry.html", "type": "text/html", "size": 1,
         "content": memoryview((FIXTURES / "example-daily-jsonld.html").read_bytes()),
         "last_modified": dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)},)
    app.panel.controls["run"].click()
    assert app.explorer is not old and app.children[-1] is app.explorer
    after = set(app.explorer.options["outlets"]["value"])
    assert len(after - before) == 1  # the imported page's outlet is now a filter
    assert "2 documents" in app.reload_status.value
    app.controls["outlets"].value = tuple(after - before)  # delegated to the new explorer
    assert app.total > 0


def test_the_shipped_corpus_and_the_class_server_get_no_import_panel():
    import araz
    from araz.widgets import explorer
    from araz.widgets._explorer import Explorer

    assert isinstance(explorer(araz.load_corpus()), Explorer)


def test_the_reader_says_tone_not_measured_for_a_document_not_in_english(tmp_path):
    import araz
    from araz.ingest import import_sources
    from araz.widgets import explorer

    into = tmp_path / "corpus"
    import_sources([str(FIXTURES / "persian.html"), str(FIXTURES / "example-daily-jsonld.html")], into)
    corpus = araz.load_corpus(into)
    app = explorer(corpus, importing=False)
    langs = corpus.documents.set_index("doc_id")["language"]
    for doc_id, lang in langs.items():
        app.read(corpus.sentences.loc[corpus.sentences["doc_id"] == doc_id, "citation"].iloc[0])
        if lang == "en":
            assert "tint:" in app.reader.value and "not measured" not in app.reader.value
        else:
            assert "tone not measured (Persian)" in app.reader.value and "tint:" not in app.reader.value
    app.controls["tone"].value = ("neutral",)  # a document whose tone is not measured is never 'neutral'
    shown = set(app.page["doc_id"]) if app.total else set()
    assert not shown & set(langs[langs != "en"].index)
