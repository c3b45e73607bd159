"""The pieces of araz.ingest on their own: duplicates, ids, language, sources, the writer."""
from pathlib import Path

from araz.ingest.duplicates import Index, normalise, text_key
from araz.ingest.ids import ascii_slug, make_id
from araz.ingest.language import detect
from araz.ingest.sources import discover
from araz.ingest.write import render
from araz.validate import read_document

STORY = ("The invented harbour office of Portville said on Friday that the ferry would sail twice a week "
         "from the spring, carrying passengers, cars and small trucks across the water, and that tickets "
         "would be sold online and at the quay. Engineers will inspect the vessel in the coming weeks.")


def test_normalised_text_ignores_case_punctuation_and_layout():
    assert normalise("Ferry,  talks\nRESUME!") == "ferry talks resume"
    assert text_key("Ferry talks resume.") == text_key("ferry   talks\nresume")
    assert text_key("Ferry talks resume.") != text_key("Ferry talks stall.")


def test_index_exact_near_and_new():
    ix = Index()
    m, key, mh = ix.check(STORY)
    assert m.kind == "new"
    ix.add("first", "first.md", key, mh)
    assert ix.check(STORY.upper())[0].kind == "duplicate"
    reprint = "Agency copy, reprinted by another invented outlet. " + STORY + " More on this story later."
    near = ix.check(reprint)[0]
    assert near.kind == "near-duplicate" and near.doc_id == "first" and 0.5 <= near.similarity < 1
    other = ("A completely different invented story about orchards, frost and apple growers in a fictional valley, "
             "who counted the damage after a cold night and asked the council for help with wind machines.")
    assert ix.check(other)[0].kind == "new"


def test_ids_are_readable_ascii_and_never_collide():
    assert ascii_slug("Nümunə Xəbər: körpü!") == "numune-xeber-korpu"
    taken = {"example-daily-2025-03-14-ferry-talks"}
    assert make_id("Example Daily", "2025-03-14", "Ferry talks", "x", taken) == "example-daily-2025-03-14-ferry-talks-2"
    assert make_id("روزنامه نمونه", None, "پل", "متن", set(), host="example.org") .startswith("example-org-undated-t")
    assert make_id(None, None, None, "متن", set()) .startswith("unknown-undated-t")


def test_language_tags():
    assert detect("Iran and Azerbaijan agreed to study a new ferry across the Caspian Sea next spring.") == "en"
    assert detect("Иран и Азербайджан договорились изучить новый паром через Каспийское море.") == "ru"
    assert detect("") == "unknown"


def test_discover_sorts_sources_and_reports_what_it_cannot_read(tmp_path):
    (tmp_path / "list.txt").write_text("https://example.org/a\n# note\nhttps://example.org/b\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Plain notes, not a list of URLs.\n", encoding="utf-8")
    items = discover([str(tmp_path / "list.txt"), str(tmp_path / "notes.txt"), "https://example.org/c",
                      str(tmp_path / "x.docx"), str(tmp_path)])
    kinds = [(i.kind, Path(i.location).name if i.kind != "url" else i.location) for i in items]
    assert kinds[:5] == [("url", "https://example.org/a"), ("url", "https://example.org/b"), ("text", "notes.txt"),
                         ("url", "https://example.org/c"), ("bad", "x.docx")]
    assert items[4].problem.startswith("does not exist")
    assert items[0].via.endswith("list.txt")


def test_written_file_reads_back_exactly(tmp_path):
    meta = {"doc_id": "d", "title": "It's: a 'quoted' title", "outlet": "yes", "published": "2025-03-14",
            "date_evidence": "JSON-LD datePublished 2025-03-14", "notes": "line one\nline two", "sha256": "ignored"}
    content, sha = render(meta, "First paragraph.\nSecond paragraph.")
    p = tmp_path / "d.md"
    p.write_text(content, encoding="utf-8")
    rec = read_document(p)
    assert not [i for i in rec.issues if i.severity == "error"], rec.issues
    assert rec.meta["title"] == "It's: a 'quoted' title" and rec.meta["outlet"] == "yes"  # not YAML's True
    assert rec.meta["notes"] == "line one line two" and rec.meta["sha256"] == sha == rec.sha256
    assert rec.text == "First paragraph.\nSecond paragraph.\n"


def test_docstring_examples_run():
    import doctest
    import importlib

    for name in ("araz.languages", "araz.ingest.language", "araz.ingest.provenance"):
        mod = importlib.import_module(name)  # (araz.ingest.provenance the attribute is the function)
        result = doctest.testmod(mod)
        assert result.failed == 0 and result.attempted > 0, mod.__name__
