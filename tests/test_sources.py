"""Provenance cards and register markers (araz.sources)."""
from __future__ import annotations

import sys
import types

import pandas as pd
import pytest

import araz
from araz import sources
from araz.errors import CitationError

from conftest import make_corpus

UNDATED = {
    "note.md": ({"doc_id": "note", "title": "<script>alert('x')</script> Note", "outlet": "Example <b>Daily</b>",
                 "published": "2025-05/2025-06",
                 "date_evidence": "\"The summit ended yesterday with a joint statement.\" Reasoning (estimate): the summit is the one of May 2025.",
                 "notes": "<img src=x onerror=alert(1)>"},
                "The summit ended yesterday with a joint statement. The ministers said more talks would follow."),
    "plain.md": ({"doc_id": "plain", "title": "Plain", "outlet": "Plain Wire", "published": "2025-06-01"},
                 "Nothing dates this text."),
}


@pytest.fixture
def user(tmp_path):
    return araz.load_corpus(make_corpus(tmp_path, UNDATED))


# ---------------------------------------------------------------- the shipped corpus
@pytest.mark.parametrize("doc_id", ["mehr-2021-korybko", "anon-2025-pezeshkian-visit", "alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"])
def test_every_card_has_the_provenance_fields(corpus, doc_id):
    c = sources.card(corpus, doc_id)
    assert list(c) == sources.CARD_FIELDS
    assert c["outlet"] == corpus[doc_id].outlet and c["perspective"] == corpus[doc_id].perspective
    assert c["n_words"] > 100 and c["n_sentences"] >= c["n_paragraphs"] >= 1


@pytest.mark.parametrize("doc_id", ["mehr-2021-korybko", "anon-2025-pezeshkian-visit", "alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"])
def test_date_evidence_is_quoted_verbatim_with_its_citation(corpus, doc_id):
    c = sources.card(corpus, doc_id)
    assert c["date_estimate"] is True
    assert len(c["date_evidence_quotes"]) == 2
    for q in c["date_evidence_quotes"]:
        assert q["found"]
        cited = " ".join(corpus.cite(x) for x in q["citation"].split(" | "))
        assert q["quote"] in cited
    assert c["date_reasoning"] and not c["date_reasoning"].lower().startswith(("reasoning", "(estimate)", ":"))


def test_the_undated_april_article_is_dated_from_its_own_sentences(corpus):
    c = sources.card(corpus, "anon-2025-pezeshkian-visit")
    assert [q["citation"] for q in c["date_evidence_quotes"]] == ["anon-2025-pezeshkian-visit ¶4.1", "anon-2025-pezeshkian-visit ¶4.2"]
    assert "28 April 2025" in c["date_reasoning"]
    assert c["date_label"].endswith("(estimate)")


def test_cards_has_one_flat_row_per_document(corpus, tmp_path):
    df = sources.cards(corpus)
    assert list(df.columns) == sources.CARDS_COLUMNS
    assert df["doc_id"].tolist() == corpus.doc_ids
    for r in df.itertuples():
        assert len(r.date_evidence.split(" | ")) == len(r.date_evidence_citations.split(" | "))
    df.to_csv(tmp_path / "cards.csv", index=False)
    assert len(pd.read_csv(tmp_path / "cards.csv")) == 4


def test_unknown_fields_read_unknown(corpus):
    c = sources.card(corpus, "anon-2025-pezeshkian-visit")
    assert c["author"] == c["licence"] == "unknown"
    assert c["outlet"] == "caspian-alpine.org"   # identified from a published copy (see its notes), not stated


def test_card_of_an_unknown_document(corpus):
    with pytest.raises(CitationError, match="no document 'nope'"):
        sources.card(corpus, "nope")


def test_card_html_is_a_table_with_the_dating_sentences(corpus):
    h = sources.card_html(corpus, "alwaght-2025-araghchi-baku")
    assert h.startswith("<table") and h.endswith("</table>")
    assert "alwaght-2025-araghchi-baku ¶5.1" in h and "Reasoning:" in h


# ---------------------------------------------------------------- actors and corridors, when installed
def fake_module(name, fn):
    mod = types.ModuleType(f"araz.{name}")
    mod.mentions = fn
    return mod


def test_card_lists_actors_and_corridors_when_those_analyses_exist(user, monkeypatch):
    df = pd.DataFrame({"doc_id": ["note", "note", "note"], "entity_id": ["iran", "iran", "azerbaijan"],
                       "label": ["Iran", "Iran", "Azerbaijan"]})
    monkeypatch.setitem(sys.modules, "araz.actors", fake_module("actors", lambda corpus: df))
    monkeypatch.setitem(sys.modules, "araz.corridors", fake_module("corridors", lambda corpus: df.iloc[0:0]))
    c = sources.card(user, "note")
    assert c["actors"] == [{"entity_id": "iran", "label": "Iran", "n": 2}, {"entity_id": "azerbaijan", "label": "Azerbaijan", "n": 1}]
    assert c["corridors"] == []
    assert sources.cards(user).set_index("doc_id").loc["note", "actors"] == "Iran (2); Azerbaijan (1)"


def test_a_broken_or_missing_analysis_leaves_the_card_usable(user, monkeypatch):
    def boom(corpus):
        raise RuntimeError("gazetteer missing")

    monkeypatch.setitem(sys.modules, "araz.actors", fake_module("actors", boom))
    monkeypatch.setitem(sys.modules, "araz.corridors", None)  # import fails
    c = sources.card(user, "note")
    assert c["actors"] is None and c["corridors"] is None
    assert "not available" in sources.card_html(user, "note")


# ---------------------------------------------------------------- a user corpus
def test_a_user_document_gets_its_card_and_evidence(user):
    c = sources.card(user, "note")
    assert c["date_evidence_quotes"] == [{"quote": "The summit ended yesterday with a joint statement.", "citation": "note ¶1.1", "found": True}]
    assert c["date_reasoning"] == "the summit is the one of May 2025."
    p = sources.card(user, "plain")
    assert p["date_evidence_quotes"] == [] and p["date_reasoning"] == "" and p["date_estimate"] is False


def test_evidence_not_in_the_text_is_reported_not_invented(tmp_path):
    folder = make_corpus(tmp_path, {"x.md": ({"doc_id": "x", "title": "X", "outlet": "O", "published": "2025",
                                             "date_evidence": "\"A sentence that is not in the text at all.\" Reasoning: none."},
                                            "Some other text here.")})
    c = sources.card(araz.load_corpus(folder), "x")
    assert c["date_evidence_quotes"] == [{"quote": "A sentence that is not in the text at all.", "citation": "", "found": False}]
    assert sources.cards(araz.load_corpus(folder)).loc[0, "date_evidence_citations"] == "not found"


def test_card_html_escapes_everything_from_the_document(user):
    h = sources.card_html(user, "note")
    assert "<script>" not in h and "&lt;script&gt;" in h
    assert "<img" not in h and "&lt;img src=x onerror=alert(1)&gt;" in h
    assert "<b>Daily</b>" not in h


# ---------------------------------------------------------------- register
def test_register_tells_the_news_report_from_the_opinion_column(corpus):
    r = sources.register(corpus).set_index("doc_id")
    assert list(r.reset_index().columns) == sources.REGISTER_COLUMNS
    ft, mehr = r.loc["ftribune-2025-araghchi-baku"], r.loc["mehr-2021-korybko"]
    assert ft["reporting_verbs_per_1k"] > mehr["reporting_verbs_per_1k"]
    assert mehr["evaluative_per_1k"] > ft["evaluative_per_1k"]
    assert r.loc["alwaght-2025-araghchi-baku", "headings"] == 3
    assert "visionary (1)" in mehr["evaluative_words"]


def test_register_of_a_user_corpus(user, tmp_path):
    r = sources.register(user).set_index("doc_id")
    assert r.loc["note", "reporting_verbs_per_1k"] > 0 and r.loc["plain", "evaluative_per_1k"] == 0
    r.to_csv(tmp_path / "r.csv")
