"""``araz import`` from files: main text, provenance and its evidence, languages, duplicates, bad input."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from araz.cli import main
from araz.corpus import load_corpus
from araz.ingest import COLUMNS, import_sources, provenance, undated
from araz.ingest.write import UNDATED_NOTE
from araz.validate import validate
from ingest_helpers import FIXTURES, PAGES, make_pdf

BOILERPLATE = ["NAV-MARKER", "COOKIE-BANNER-MARKER", "RELATED-MARKER", "COMMENT-MARKER", "SHARE-MARKER",
               "FOOTER-MARKER", "TRACKING-SCRIPT-MARKER", "Accept all cookies", "Related articles", "Share on Facebook"]


def _meta(path: str) -> dict:
    from araz.validate import read_document

    rec = read_document(Path(path))
    assert not [i for i in rec.issues if i.severity == "error"], rec.issues
    return {**rec.meta, "_text": rec.text}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The six fixture pages imported once into a fresh folder."""
    into = tmp_path_factory.mktemp("imported") / "corpus"
    report = import_sources([str(FIXTURES / p) for p in PAGES], into, perspective="Test perspective")
    return into, report


def test_report_has_exactly_the_issue_columns_and_one_row_per_page(imported):
    into, report = imported
    assert list(report.columns) == COLUMNS == ["source", "status", "doc_id", "path", "title", "outlet", "published", "language", "message"]
    assert len(report) == len(PAGES)
    assert set(report["status"]) <= {"imported", "duplicate", "near-duplicate", "error"}
    assert not (report["status"] == "error").any(), report[["source", "message"]].to_string()


def test_main_text_kept_and_boilerplate_gone(imported):
    into, report = imported
    row = report[report["source"].str.endswith("example-daily-jsonld.html")].iloc[0]
    text = _meta(row["path"])["_text"]
    assert "KEEP-MARKER-ONE" in text and "KEEP-MARKER-TWO" in text
    for junk in BOILERPLATE:
        assert junk not in text, junk
    # paragraphs stay paragraphs: the four <p> of the article are four lines, in order
    lines = text.strip().split("\n")
    assert len(lines) == 4
    assert lines[0].startswith("Officials from two fictional port authorities") and lines[3].startswith("This article is an invented")
    # the headline is the title, not repeated as a paragraph
    assert "Ferry talks resume on the Caspian" not in text


def test_json_ld_page_provenance_and_every_field(imported):
    into, report = imported
    row = report[report["source"].str.endswith("example-daily-jsonld.html")].iloc[0]
    assert row["status"] == "imported"
    m = _meta(row["path"])
    assert m["doc_id"] == row["doc_id"] == "example-daily-2025-03-14-ferry-talks-resume-on-the-caspian"
    assert Path(row["path"]).name == row["doc_id"] + ".md"
    assert m["title"] == "Ferry talks resume on the Caspian"
    assert m["outlet"] == "Example Daily"  # og:site_name, not the host
    assert m["author"] == "Lale Fictiona"
    assert str(m["published"]) == "2025-03-14"
    assert m["date_evidence"].startswith("JSON-LD datePublished 2025-03-14T09:30:00+04:00")
    assert "meta article:published_time" in m["date_evidence"] and "htmldate" in m["date_evidence"]
    assert m["url"] == "https://example.org/world/ferry-talks-resume"
    assert m["language"] == "en"
    assert m["source"].endswith("example-daily-jsonld.html")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", m["retrieved"])
    assert m["extractor"].startswith("trafilatura ") and "htmldate " in m["extractor"]
    assert m["perspective"] == "Test perspective"  # a default fills what the page does not say
    assert "sha256" in m and "near_duplicate_of" not in m


def test_meta_tag_evidence_and_defaults_never_overwrite(tmp_path):
    report = import_sources([str(FIXTURES / "azerbaijani.html")], tmp_path / "c", outlet="Default Outlet",
                            perspective="Azerbaijani media")
    m = _meta(report.loc[0, "path"])
    assert m["outlet"] == "Nümunə Xəbər"  # the page says it: the default does not replace it
    assert m["perspective"] == "Azerbaijani media"
    assert m["date_evidence"].startswith("meta article:published_time 2025-06-03T09:00:00+04:00")
    assert m["language"] == "az"
    assert m["doc_id"].startswith("numune-xeber-2025-06-03-uydurma-serhed-korpusu")


def test_visible_dateline_is_the_evidence_when_no_metadata(imported):
    into, report = imported
    row = report[report["source"].str.endswith("plain-dateline.html")].iloc[0]
    m = _meta(row["path"])
    assert str(m["published"]) == "2025-04-07"
    assert m["date_evidence"].startswith("visible dateline “Greenvale, 7 April 2025")
    assert "PLAIN-KEEP-ONE" in m["_text"] and "PLAIN-KEEP-TWO" in m["_text"]
    assert "Front page" not in m["_text"] and "Subscribe" not in m["_text"]
    assert m["outlet"] == "unknown"  # no site name, no URL, no default: said so, not invented
    assert "author" not in m


def test_no_date_is_said_and_left_for_the_user(imported):
    into, report = imported
    row = report[report["source"].str.endswith("no-date.html")].iloc[0]
    assert row["status"] == "imported"
    assert "no date found" in row["message"] and "set the real date" in row["message"]
    m = _meta(row["path"])
    retrieved_day = m["retrieved"][:10]
    assert m["published"] == f"1991/{retrieved_day}"  # an honest range, marked as an estimate
    assert m["date_evidence"].startswith("no publication date found")
    assert "Reasoning (estimate)" in m["date_evidence"]
    assert UNDATED_NOTE in m["notes"]
    assert "-undated-" in m["doc_id"]
    corpus = load_corpus(into)
    doc = corpus[m["doc_id"]]
    assert doc.date_estimate and doc.date_label.endswith("(estimate)")
    assert undated(corpus) == [m["doc_id"]]


def test_persian_and_azerbaijani_pages_are_imported_and_tone_is_not_measured(imported):
    into, report = imported
    fa = report[report["source"].str.endswith("persian.html")].iloc[0]
    az = report[report["source"].str.endswith("azerbaijani.html")].iloc[0]
    assert (fa["language"], az["language"]) == ("fa", "az")
    assert "tone not measured (Persian)" in fa["message"]
    assert "tone not measured (Azerbaijani)" in az["message"]
    m = _meta(fa["path"])
    assert m["outlet"] == "روزنامه نمونه" and "PERSIAN-KEEP" in m["_text"]
    assert re.fullmatch(r"outlet-2025-06-02-t[0-9a-f]{8}", m["doc_id"])  # no ASCII words: a stable hash slug
    cards = provenance(load_corpus(into)).set_index("doc_id")
    assert cards.loc[fa["doc_id"], "tone"] == "tone not measured (Persian)"
    assert cards.loc[az["doc_id"], "tone"] == "tone not measured (Azerbaijani)"
    en = report[report["language"] == "en"]["doc_id"]
    assert (cards.loc[en, "tone"] == "measured").all()


def test_azerbaijani_cyrillic_text(tmp_path):
    report = import_sources([str(FIXTURES / "azerbaijani-cyrillic.txt")], tmp_path / "c")
    assert report.loc[0, "status"] == "imported", report.loc[0, "message"]
    assert report.loc[0, "language"] == "az-Cyrl"
    assert report.loc[0, "title"] == "Уйдурма көрпү һаггында гыса мәтн"


def test_near_duplicate_names_the_earlier_document(imported):
    into, report = imported
    first = report[report["source"].str.endswith("example-daily-jsonld.html")].iloc[0]
    reprint = report[report["source"].str.endswith("sample-times-reprint.html")].iloc[0]
    assert reprint["status"] == "near-duplicate"
    assert f"near-duplicate of {first['doc_id']}" in reprint["message"]
    m = _meta(reprint["path"])
    assert m["near_duplicate_of"] == first["doc_id"]
    assert m["outlet"] == "Sample Times"
    # written and loadable, counted as a document
    assert reprint["doc_id"] in load_corpus(into)


def test_imported_folder_validates_and_loads(imported):
    into, report = imported
    assert [i for i in validate(into) if i.severity == "error"] == []
    assert [i for i in validate(into) if i.severity == "warning"] == []  # the new fields are known fields
    corpus = load_corpus(into)
    assert sorted(corpus.doc_ids) == sorted(report["doc_id"])
    extra = corpus[report.loc[0, "doc_id"]].extra
    assert set(extra) >= {"source", "retrieved", "extractor"}


def test_rerun_changes_nothing(imported):
    into, report = imported
    before = {p.name: p.read_bytes() for p in into.iterdir()}
    again = import_sources([str(FIXTURES / p) for p in PAGES], into, perspective="Test perspective")
    assert (again["status"] == "duplicate").all(), again[["source", "status", "message"]]
    assert again["doc_id"].tolist() == report["doc_id"].tolist()
    assert all(m.startswith("same text as ") and "not written again" in m for m in again["message"])
    assert {p.name: p.read_bytes() for p in into.iterdir()} == before


def test_same_text_twice_in_one_run_is_written_once(tmp_path):
    page = FIXTURES / "example-daily-jsonld.html"
    copy = tmp_path / "saved" / "copy of page.html"
    copy.parent.mkdir()
    copy.write_bytes(page.read_bytes().replace(b"</p>\n    <p>", b"</p><p>"))  # other layout, same text
    report = import_sources([str(page), str(copy)], tmp_path / "c")
    assert report["status"].tolist() == ["imported", "duplicate"]
    assert report.loc[1, "doc_id"] == report.loc[0, "doc_id"]
    assert len(list((tmp_path / "c").glob("*.md"))) == 1


def test_ids_never_collide_and_files_are_never_overwritten(tmp_path):
    into = tmp_path / "c"
    into.mkdir()
    taken = into / "example-daily-2025-03-14-ferry-talks-resume-on-the-caspian.md"
    taken.write_text("a note of the user's, not a document\n", encoding="utf-8")
    report = import_sources([str(FIXTURES / "example-daily-jsonld.html")], into)
    assert report.loc[0, "doc_id"] == "example-daily-2025-03-14-ferry-talks-resume-on-the-caspian-2"
    assert taken.read_text(encoding="utf-8") == "a note of the user's, not a document\n"


def test_folder_source_is_searched_recursively_and_skips_saved_assets(tmp_path):
    saved = tmp_path / "saved"
    (saved / "sub" / "page_files").mkdir(parents=True)
    (saved / "sub" / "page.html").write_bytes((FIXTURES / "plain-dateline.html").read_bytes())
    (saved / "sub" / "page_files" / "widget.html").write_text("<html><body><p>an ad frame</p></body></html>")
    (saved / "sub" / "page_files" / "logo.png").write_bytes(b"\x89PNG\r\n")
    report = import_sources([str(saved)], tmp_path / "c")
    assert report["status"].tolist() == ["imported"]
    assert report.loc[0, "source"].endswith("page.html")


def test_pdf_with_text_layer(tmp_path):
    pdf = make_pdf(tmp_path / "barges.pdf")
    report = import_sources([str(pdf)], tmp_path / "c", outlet="Canal Gazette")
    row = report.iloc[0]
    assert row["status"] == "imported", row["message"]
    m = _meta(row["path"])
    assert m["title"] == "Grain barges return to the invented canal" and m["author"] == "Canal Desk"
    assert m["outlet"] == "Canal Gazette" and m["extractor"].startswith("pypdf ")
    paras = m["_text"].strip().split("\n")
    assert len(paras) == 4 and all(f"PDF-KEEP-{i}" in p for i, p in zip(range(1, 5), paras))
    assert "/" in str(m["published"])  # WeasyPrint writes no /CreationDate: undated, and said so
    assert "no date found" in row["message"]


def test_pdf_creation_date_is_used_and_labelled_as_the_file_s(tmp_path):
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "a.pdf")))
    w.add_metadata({"/CreationDate": "D:20250320120000Z"})
    with open(tmp_path / "dated.pdf", "wb") as f:
        w.write(f)
    row = import_sources([str(tmp_path / "dated.pdf")], tmp_path / "c").iloc[0]
    assert row["published"] == "2025-03-20"
    evidence = _meta(row["path"])["date_evidence"]
    assert evidence.startswith("PDF /CreationDate 2025-03-20T12:00:00") and "when the file was made" in evidence


def _error(report: pd.DataFrame, suffix: str) -> str:
    rows = report[report["source"].str.endswith(suffix)]
    assert len(rows) == 1, report[["source", "status"]]
    assert rows.iloc[0]["status"] == "error"
    assert rows.iloc[0]["message"].startswith(rows.iloc[0]["source"])  # names the source
    assert rows.iloc[0]["doc_id"] == "" and rows.iloc[0]["path"] == ""
    return rows.iloc[0]["message"]


def test_every_bad_input_gets_an_error_row_and_nothing_else_is_lost(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "renamed.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "empty.html").write_bytes(b"   \n")
    (bad / "stub.html").write_bytes((FIXTURES / "paywall-stub.html").read_bytes())
    (bad / "latin1.html").write_bytes("<html><body><p>Caf\u00e9 \u00e0 Portville</p></body></html>".encode("latin-1"))
    (bad / "plain.html").write_bytes(b"just some words, no markup at all\n" * 20)
    (bad / "big.html").write_bytes(b"<html><body>" + b"<p>x</p>" * 2000 + b"</body></html>")
    make_pdf(bad / "scan.pdf", text=False)
    (bad / "not-a-feed.xml").write_bytes((FIXTURES / "not-a-feed.xml").read_bytes())
    (bad / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    good = FIXTURES / "example-daily-jsonld.html"
    sources = sorted(str(p) for p in bad.iterdir()) + [str(good), str(tmp_path / "missing.html")]
    report = import_sources(sources, tmp_path / "c", max_bytes=10_000)
    assert "binary data, not an HTML page" in _error(report, "renamed.html")
    assert "is empty" in _error(report, "empty.html")
    assert "paywall or a cookie-consent stub" in _error(report, "stub.html")
    assert "cannot be decoded as utf-8: byte" in _error(report, "latin1.html")
    assert "is not HTML" in _error(report, "plain.html")
    assert "over the limit of 10,000" in _error(report, "big.html")
    assert "has no text layer" in _error(report, "scan.pdf") and "OCR" in _error(report, "scan.pdf")
    assert "is not an RSS or Atom feed" in _error(report, "not-a-feed.xml")
    assert "araz import reads saved web pages" in _error(report, "photo.jpg")
    assert "does not exist" in _error(report, "missing.html")
    # one bad file loses nothing else
    assert report[report["source"] == str(good)]["status"].tolist() == ["imported"]
    assert len(report) == len(sources)
    assert [p.name for p in (tmp_path / "c").iterdir()] == [report[report["status"] == "imported"]["doc_id"].iloc[0] + ".md"]


def test_text_and_markdown_files(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Notes on the invented canal\n\n" + "The fictional Northfield canal reopened after repairs. " * 12
                    + "\n\nA second paragraph about barges and locks, all invented for tests. " * 2, encoding="utf-8")
    report = import_sources([str(note)], tmp_path / "c")
    row = report.iloc[0]
    assert row["status"] == "imported" and row["title"] == "Notes on the invented canal"
    assert len(_meta(row["path"])["_text"].strip().split("\n")) == 3  # blank-line separated blocks


def test_unknown_default_is_refused(tmp_path):
    from araz.errors import ScopeError

    with pytest.raises(ScopeError, match="unknown default.*publisher.*outlet, perspective, licence, author"):
        import_sources([], tmp_path, publisher="x")


def test_cli_prints_the_table_and_exits_1_after_importing_the_rest(tmp_path, capsys):
    into = tmp_path / "c"
    code = main(["import", str(FIXTURES / "example-daily-jsonld.html"), str(FIXTURES / "paywall-stub.html"),
                 "--into", str(into), "--perspective", "Test"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "imported" in out and "example-daily-2025-03-14-ferry-talks-resume-on-the-caspian" in out
    assert "1 imported, 0 near-duplicate, 0 duplicate, 1 error" in out
    assert "paywall-stub.html has only" in err and "FAILED: 1 source" in err
    assert main(["validate", str(into)]) == 0
    assert main(["import", str(FIXTURES / "example-daily-jsonld.html"), "--into", str(into)]) == 0
    assert "0 imported, 0 near-duplicate, 1 duplicate, 0 error" in capsys.readouterr().out


def test_set_date_fixes_a_missing_date_and_keeps_the_text(tmp_path):
    from araz.errors import CorpusError
    from araz.ingest import set_date

    report = import_sources([str(FIXTURES / "no-date.html")], tmp_path / "c")
    path = Path(report.loc[0, "path"])
    before = _meta(str(path))
    with pytest.raises(CorpusError, match="published.*2025-13-01"):
        set_date(path, "2025-13-01", "x")
    set_date(path, "2025-04", "The museum's opening month, from its own leaflet (an invented example).")
    after = _meta(str(path))
    assert after["_text"] == before["_text"] and after["sha256"] == before["sha256"]
    assert str(after["published"]) == "2025-04" and after["date_evidence"].startswith("The museum's opening month")
    assert "notes" not in after and after["source"] == before["source"] and after["doc_id"] == before["doc_id"]
    assert undated(load_corpus(tmp_path / "c")) == []
    assert [i for i in validate(tmp_path / "c") if i.severity == "error"] == []


def test_a_declared_charset_is_honoured(tmp_path):
    page = (FIXTURES / "plain-dateline.html").read_text(encoding="utf-8")
    page = page.replace("<head>", "<head><meta charset='windows-1252'>").replace("Apple and pear", "Café owners, apple and pear")
    (tmp_path / "cp1252.html").write_bytes(page.encode("cp1252"))
    row = import_sources([str(tmp_path / "cp1252.html")], tmp_path / "c").iloc[0]
    assert row["status"] == "imported", row["message"]
    assert "Café owners" in _meta(row["path"])["_text"]


def test_cli_shows_a_progress_bar_when_asked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ARAZ_PROGRESS", "1")
    assert main(["import", str(FIXTURES / "plain-dateline.html"), "--into", str(tmp_path / "c")]) == 0
    err = capsys.readouterr().err
    assert "import" in err and "1/1" in err


def test_the_kit_works_on_an_imported_folder(imported, tmp_path):
    """What a user does next with an imported folder: actors, corridors, tone, the explorer, a briefing note."""
    from araz import actors, corridors, tone
    from araz.widgets import explorer

    into, report = imported
    corpus = load_corpus(into)
    found = set(actors.mentions(corpus)["entity_id"])
    assert "caspian-sea" in found  # the fixture pages' places and actors are found
    assert list(corridors.mentions(corpus).columns)  # runs on the imported texts
    scored = tone.by_document(corpus).set_index("doc_id")
    english = corpus.documents.set_index("doc_id")["language"].eq("en")
    assert scored.loc[english[english].index, "measured"].all()
    assert not scored.loc[english[~english].index, "measured"].any()
    app = explorer(corpus, importing=False)
    assert app.total == len(corpus.sentences)
    app.controls["outlets"].value = (report.loc[0, "outlet"],)
    assert 0 < app.total < len(corpus.sentences)
    out = tmp_path / "note.md"
    assert main(["brief", str(into), "--topic", "ferry talks", "--format", "md", "--out", str(out)]) == 0
    note = out.read_text(encoding="utf-8")
    assert "Briefing note" in note and any(d in note for d in corpus.doc_ids)
