"""The explorer opened on a store: every view a DuckDB query of :mod:`araz.store.view`, and what it
shows equals what the in-memory path computes on the folder the store was built from.

The store is the shipped corpus plus one invented article (outlet "Example Daily") whose
title, author, url and text carry markup, built and annotated in ``tmp_path``.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import shutil

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import araz
from araz import actors, corridors, tone
from araz.paths import shipped
from araz.store import annotation as ann
from araz.store import index, view
from araz.store.building import build
from araz.store.layout import StoreError
from araz.widgets import explorer
from araz.widgets._explorer import Explorer
from araz.widgets._store_explorer import StoreExplorer, figure
from conftest import write_doc

SCRIPT = "<script>alert('pwned')</script>"
IMG = "<img src=x onerror=alert(1)>"
EVIL = "example-daily-2024-evil"
TONE_COLS = ["start", "end", "estimate", "n_docs", "n", "coop", "conf", "score", "n_coop", "n_conf", "labelling"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(shipped("corpus"), folder)
    write_doc(folder, f"{EVIL}.md", {
        "doc_id": EVIL, "title": f"Invented {SCRIPT}", "outlet": "Example Daily", "author": IMG,
        "published": "2024-05-01", "url": "javascript:alert(3)", "language": "en",
        "notes": "Invented for the kit's tests: a fictional article about fictional events."},
        f"Example officials in Tehran praised the Aras corridor {SCRIPT}. Baku replied {IMG} about Tehran.\n"
        "A second invented paragraph about the Aras corridor and Iran.")
    return folder


@pytest.fixture(scope="module")
def corpus(folder):
    return araz.load_corpus(folder, cache=False)


@pytest.fixture(scope="module")
def store(folder, tmp_path_factory):
    root = tmp_path_factory.mktemp("stores") / "store"
    build(folder, root)
    ann.annotate(root)
    return root


@pytest.fixture(scope="module")
def indexed(store, tmp_path_factory):
    root = tmp_path_factory.mktemp("stores") / "indexed"
    shutil.copytree(store, root)
    index.build_indexes(root)
    assert index.ready(root)
    return root


def _in_window(corpus, outlets=None, start=None, end=None):
    d = corpus.documents
    keep = pd.Series(True, index=d.index)
    if outlets:
        keep &= d["outlet"].isin(outlets)
    if start:
        keep &= d["published_end"] >= pd.Timestamp(start)
    if end:
        keep &= d["published_start"] <= pd.Timestamp(end)
    return d[keep]


def _matching(corpus, docs, pattern):
    s = corpus.sentences
    s = s[s["doc_id"].isin(docs["doc_id"]) & s["text"].str.contains(pattern, regex=True)]
    return s.merge(corpus.documents[["doc_id", "published_start"]], on="doc_id")


def _assert_matches_memory(app, corpus, outlets=None, start=None, end=None):
    """The results, the chart's data and the counts equal the in-memory path on the same documents."""
    docs = _in_window(corpus, outlets, start, end).sort_values(["published_start", "doc_id"])
    assert app.page.rows["doc_id"].tolist() == docs["doc_id"].tolist()[:20]
    sub = corpus.subset(docs["doc_id"])
    ref = tone.over_time(sub, by=None, voice=None, freq="M").sort_values(["start", "end"], ignore_index=True)
    got = app.selection.tone.sort_values(["start", "end"], ignore_index=True)
    assert_frame_equal(got[TONE_COLS], ref[TONE_COLS], check_dtype=False)
    for name, module in (("actors", actors), ("corridors", corridors)):
        want = module.mentions(sub).groupby("entity_id").agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique"))
        have = getattr(app.selection, name).set_index("entity_id")[["n", "n_docs"]]
        assert_frame_equal(have.sort_index(), want.sort_index(), check_dtype=False, check_names=False)


def test_first_paint_and_filters_match_the_in_memory_path(store, corpus):
    app = explorer(araz.open_store(store))
    assert isinstance(app, StoreExplorer)
    assert f"{len(corpus.documents)} documents" in app.header.value
    assert sorted(app.controls["outlets"].options, key=lambda o: o[1]) == sorted(
        (f"{o} ({n})", o) for o, n in corpus.documents["outlet"].value_counts().items())
    _assert_matches_memory(app, corpus)
    assert len(app.selection.tone) > 1 and (app.selection.tone["n"] > 0).all()
    assert bytes(app.chart.value).startswith(b"\x89PNG")
    # what the chart draws: each whole period's score with its n beside; documents dated by a
    # range across periods (their own rows) as dots; together every row of the table
    periods, ranges = view.chart_points(app.selection.tone, "M")
    assert len(periods) + len(ranges) == len(app.selection.tone) and len(periods) and len(ranges)
    assert (ranges["start"].dt.to_period("M") != ranges["end"].dt.to_period("M")).all()
    ax = figure(app.selection.tone, "M").axes[0]
    assert list(ax.lines[0].get_ydata()) == periods["score"].tolist()
    assert [t.get_text() for t in ax.texts] == [f"n={n}" for n in periods["n"].astype(int)]
    assert list(ax.collections[0].get_offsets()[:, 1]) == ranges["score"].tolist()

    pick = ["Alwaght", "Example Daily"]
    app.controls["outlets"].value = tuple(pick)
    _assert_matches_memory(app, corpus, outlets=pick)
    assert set(app.page.rows["outlet"]) == set(pick)

    app.controls["outlets"].value = ()
    app.controls["start"].value = dt.date(2024, 1, 1)
    app.controls["end"].value = dt.date(2025, 5, 31)
    _assert_matches_memory(app, corpus, start="2024-01-01", end="2025-05-31")
    assert 0 < len(app.page.rows) < len(corpus.documents)


@pytest.mark.parametrize("which", ["scan", "index"])
def test_query_pages_and_reader(store, indexed, corpus, which):
    app = StoreExplorer(indexed if which == "index" else store)
    app.controls["query"].value = "Iran"
    assert app.page.via == which
    want = _matching(corpus, corpus.documents, r"(?i)\bIran\b")
    assert len(want) > 20
    first = app.page.rows["citation"].tolist()
    assert len(first) == 20 and app.page.has_next and app.prev_button.disabled
    app.next_button.click()
    assert app.page.page == 2 and not app.prev_button.disabled
    seen = first + app.page.rows["citation"].tolist()
    while app.page.has_next:
        app.turn(1)
        seen += app.page.rows["citation"].tolist()
    assert sorted(seen) == sorted(want["citation"]) and len(seen) == len(set(seen))
    app.turn(-1)
    assert app.page.page >= 1
    # with a filter, only that outlet's sentences
    app.controls["outlets"].value = ("Financial Tribune",)
    ft = _matching(corpus, _in_window(corpus, ["Financial Tribune"]), r"(?i)\bIran\b")
    assert sorted(app.page.rows["citation"]) == sorted(ft["citation"])
    # the reader: the document's sentences, the query marked
    app.open_row(0)
    doc_id = app.page.rows["doc_id"].iloc[0]
    assert app.doc["fields"]["doc_id"] == doc_id and app.tabs.selected_index == 1
    shown = [t for _, sents in app.doc["paragraphs"] for _, t, _ in sents]
    assert shown == corpus.sentences.loc[corpus.sentences["doc_id"] == doc_id, "text"].tolist()
    assert "<mark class='araz-q'>Iran</mark>" in app.reader.value


def test_the_header_says_how_search_runs_and_how_to_build_the_index(store, indexed, tmp_path):
    assert "search through the store's index" in html.unescape(StoreExplorer(indexed).header.value)
    text = html.unescape(StoreExplorer(store).header.value)
    assert "no search index: a search scans the sentences" in text
    assert f"araz.store.index.build_indexes({str(store)!r}, workers=2)" in text
    # an index missing for one partition (articles added since it was built): said, and search still works
    part = tmp_path / "part"
    shutil.copytree(indexed, part)
    first = sorted((part / "index").rglob("*.sqlite"))[0]
    first.unlink()
    n = len(list((part / "index").rglob("*.sqlite")))
    app = StoreExplorer(part)
    assert f"no search index for 1 of {n + 1} partitions" in html.unescape(app.header.value)
    app.controls["query"].value = "Iran"
    assert app.page.via == "scan" and len(app.page.rows) == 20


def test_document_markup_is_escaped(store):
    app = StoreExplorer(store)
    app.controls["outlets"].value = ("Example Daily",)
    app.controls["query"].value = "Aras corridor"
    assert len(app.page.rows) == 2 and set(app.page.rows["doc_id"]) == {EVIL}
    app.open_row(0)
    for fragment in (app.results.value, app.reader.value):
        body = re.sub(r"<style>.*?</style>", "", fragment, flags=re.S)
        assert "<script" not in body.lower() and "<img" not in body.lower()
        assert not re.search(r"href=['\"]?\s*javascript:", body, re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", app.reader.value, flags=re.S)))
    assert SCRIPT in text and IMG in text and "javascript:alert(3)" in text  # shown as text, not run
    app.controls["query"].value = ""  # the documents list shows the title
    assert SCRIPT in html.unescape(app.results.value) and "<script" not in app.results.value


def test_a_store_without_annotations_says_what_to_run(folder, tmp_path):
    root = tmp_path / "plain"
    build(folder, root)
    app = explorer(store=root)
    assert len(app.page.rows) > 0
    assert "run 'araz store annotate STORE'" in html.unescape(app.chart_note.value)
    assert app.selection.tone.empty and "annotate" in html.unescape(app.counts.value)


def test_bad_input(tmp_path, store):
    with pytest.raises(StoreError, match=r"nowhere.*no such folder.*araz store build"):
        explorer(store=tmp_path / "nowhere")
    app = StoreExplorer(store)
    app.controls["query"].value = "corrid* *"
    assert "no letters before '*'" in html.unescape(app.status.value) and app.page is None
    app.controls["query"].value = ""
    app.controls["start"].value, app.controls["end"].value = dt.date(2025, 1, 1), dt.date(2024, 1, 1)
    for shown in (app.status.value, app.chart_note.value):
        assert "the date window ends (2024-01-01) before it starts (2025-01-01)" in html.unescape(shown)
    assert app.page is None and app.selection is None
    with pytest.raises(araz.CitationError, match="no document 'nope' in this store"):
        view.document(app.con, "nope")


def test_a_corpus_still_gets_the_in_memory_explorer(corpus):
    assert isinstance(explorer(corpus, importing=False), Explorer)
