"""araz.claims.name_mentions, made fast (an Aho-Corasick pass, then each concept's regex only where
a form begins), finds what the regex scan it replaced found: same rows, same order, same dtypes.

``reference_name_mentions`` is that scan, copied from src/araz/claims.py as it was before
(commit 6821e06), without the per-corpus cache: the specification, checked on the shipped
corpus, on the benchmarks' synthetic articles and on an invented table whose forms overlap,
nest, share a prefix, sit next to word characters and belong to two concepts at once.
"""
from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import araz
from araz.claims import MENTION_COLUMNS, _concept_pattern, _names_table, citation_at, name_mentions
from conftest import make_corpus


def reference_name_mentions(corpus, table=None) -> pd.DataFrame:
    tab = _names_table(table)
    rows = []
    for concept, grp in tab.groupby("concept", sort=False):
        variant_of = {}
        for r in grp.itertuples():
            for f in r.match.split("|"):
                if f.strip():
                    variant_of.setdefault(f.strip(), (r.name_id, r.variant))
        pat = _concept_pattern(list(variant_of))
        for doc in corpus:
            for m in pat.finditer(doc.text):
                nid, variant = variant_of[m.group(0)]
                rows.append({"concept": concept, "name_id": nid, "variant": variant, "doc_id": doc.doc_id,
                             "outlet": doc.outlet, "citation": citation_at(corpus, doc.doc_id, m.start()),
                             "start": m.start(), "end": m.end(), "surface": m.group(0)})
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return out.sort_values(["concept", "name_id", "doc_id", "start"], kind="stable").reset_index(drop=True)


def assert_same(corpus, table=None) -> pd.DataFrame:
    got = name_mentions(corpus, table)
    assert_frame_equal(got, reference_name_mentions(corpus, table), check_exact=True)
    return got


def test_the_shipped_corpus(corpus):
    got = assert_same(corpus)
    assert got["concept"].nunique() > 5


def test_synthetic_articles():
    from benchmarks.synthetic_store import synthetic_documents

    got = assert_same(araz.Corpus(list(synthetic_documents(120, seed=11)), progress=False))
    assert len(got) > 1000 and got["name_id"].nunique() > 10


def _table(rows):
    return pd.DataFrame([dict(zip(["name_id", "concept", "variant", "match", "listed_as"], r), source="", note="")
                         for r in rows])


@pytest.mark.parametrize("text", [
    "Example Bay and Example Bay Bridge; Example Bayside is not it. ExampleBay neither. Bay Bridge-Example Bay.",
    "Ёлка-Bridge Ёлка Bridge Bridge Bridges Bay Bay Bay Bay. Ёлка Bridge Bay",
    "Zed Zed Zed-Zed Zed. A Zed Zed Zed Zed Zed",
    "",
])
def test_invented_overlapping_forms(tmp_path, text):
    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "Invented", "outlet": "Example Daily", "published": "2024-02-02"}, text or "Nothing here."),
        "b.md": ({"title": "Invented 2", "outlet": "Example Weekly", "published": "2024-03-03"}, (text + " ") * 3 if text else "Nothing here either."),
    })
    table = _table([
        ("bay", "the invented bay", "short", "Example Bay|Bay", "corpus"),
        ("bay-bridge", "the invented bay", "long", "Example Bay Bridge|Bay Bridge", "corpus"),
        ("bridge", "the invented bridge", "any", "Bridge|Ёлка Bridge|Ёлка-Bridge", "corpus"),
        ("zed", "a repeated word", "one", "Zed", "corpus"),
        ("zed2", "a repeated word", "two", "Zed Zed", "corpus"),
        ("bay-again", "the bay, twice listed", "same", "Bay|Example Bay", "corpus"),
    ])
    got = assert_same(araz.load_corpus(folder, cache=False), table)
    if text:
        assert len(got) > 4
