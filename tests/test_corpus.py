"""The shipped corpus, loading, citations and the corpus DataFrames."""
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

import araz
from araz.paths import shipped

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# SHA-256 of each article's text exactly as given in shared/seeds.
TEXT_SHA256 = {
    "mehr-2021-korybko": "a4162d792e5a40ab65b969158e6ee91e04d45597caad535a92a3effac21dea8e",
    "anon-2025-pezeshkian-visit": "fc921913272714992debeb47cec666439ede519ac1b89cdf2fe308aa7a479e32",
    "alwaght-2025-araghchi-baku": "e08298c067cc07d0295fd6394ce4b61480d3c655e1946e9cc80740e1bca9661f",
    "ftribune-2025-araghchi-baku": "b5ef4c2bf7188149ab9c76b34f7de5431871c6ad69c0a250bc87487676753de2",
}
SENTENCES_PER_DOC = {
    "mehr-2021-korybko": 27,
    "anon-2025-pezeshkian-visit": 36,
    "alwaght-2025-araghchi-baku": 41,
    "ftribune-2025-araghchi-baku": 17,
}


def test_shipped_corpus_has_the_four_articles(corpus):
    assert len(corpus) == 4
    assert set(corpus.doc_ids) == set(TEXT_SHA256)


@pytest.mark.parametrize("doc_id,sha", TEXT_SHA256.items())
def test_article_text_is_kept_exactly(corpus, doc_id, sha):
    assert hashlib.sha256(corpus[doc_id].text.encode("utf-8")).hexdigest() == sha


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds is not next to the checkout")
def test_texts_match_the_seed_files(corpus):
    seed_hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    assert seed_hashes == set(TEXT_SHA256.values())


def test_required_provenance_is_present_and_nothing_is_invented(corpus):
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["mehr-2021-korybko", "outlet"] == "Mehr News Agency"
    assert docs.loc["mehr-2021-korybko", "author"] == "Andrew Korybko"
    # identified from an identical published copy, as the Financial Tribune text was; the notes say so
    assert docs.loc["anon-2025-pezeshkian-visit", "outlet"] == "caspian-alpine.org"
    assert docs.loc["anon-2025-pezeshkian-visit", "url"] == "https://caspian-alpine.org/from-border-tensions-to-strategic-vision/"
    for doc_id in ("anon-2025-pezeshkian-visit", "ftribune-2025-araghchi-baku"):
        assert "identified, not stated" in docs.loc[doc_id, "notes"]
    assert "not verified" in docs.loc["anon-2025-pezeshkian-visit", "notes"]   # the site's owner is inferred only
    assert docs.loc["anon-2025-pezeshkian-visit", "author"] == "unknown"
    assert docs.loc["alwaght-2025-araghchi-baku", "author"] == "unknown"
    # every inferred date is a range, marked as an estimate, with its evidence quoted verbatim
    for doc in corpus:
        assert doc.date_estimate and "/" in doc.published and "estimate" in doc.date_evidence
    from araz.validate import evidence_quotes
    for doc in corpus:
        quotes = evidence_quotes(doc.date_evidence)
        assert quotes, doc.doc_id
        for q in quotes:
            assert q in doc.text, (doc.doc_id, q)


@pytest.mark.parametrize("doc_id,n", SENTENCES_PER_DOC.items())
def test_sentence_counts_per_document(corpus, doc_id, n):
    assert (corpus.sentences["doc_id"] == doc_id).sum() == n


def test_the_2021_article_is_one_paragraph_and_its_first_sentence_is_whole(corpus):
    assert (corpus.paragraphs["doc_id"] == "mehr-2021-korybko").sum() == 1
    first = corpus.cite("mehr-2021-korybko ¶1.1")
    assert first.startswith("Ms. Rafiga Mammadzadeh, a journalist")
    assert "Mr. Seyed Abbas Mousavi about the prospects" in first
    assert first.endswith("after Nagorno-Karabakh's liberation.")


def test_quote_ending_with_full_stop_and_closing_mark_ends_a_sentence(corpus):
    assert corpus.cite("mehr-2021-korybko ¶1.6").endswith("once and for all.”")
    assert corpus.cite("mehr-2021-korybko ¶1.7").startswith("This proves")
    assert corpus.cite("ftribune-2025-araghchi-baku ¶4.1").endswith("resolved through dialogue.”")


def test_headings_are_paragraphs_of_their_own(corpus):
    assert corpus.cite("alwaght-2025-araghchi-baku ¶10") == "Yes to cooperation, no to confrontation"
    heads = corpus.paragraphs[corpus.paragraphs["is_heading"]]["text"].tolist()
    assert "Common interests in joint corridor" in heads


def test_every_sentence_renders_its_citation_and_resolves_to_its_offsets(corpus):
    for row in corpus.sentences.itertuples():
        assert row.citation == f"{row.doc_id} ¶{row.paragraph}.{row.sentence}"
        span = corpus.locate(row.citation)
        assert corpus[row.doc_id].text[span.start:span.end] == row.text == span.text


def test_paragraph_citation_returns_the_paragraph(corpus):
    assert corpus.cite("ftribune-2025-araghchi-baku ¶2").startswith("The meetings focused")


@pytest.mark.parametrize("bad,message", [
    ("mehr-2021-korybko 1.2", "is not a citation"),
    ("nosuch ¶1.1", "no document 'nosuch'"),
    ("mehr-2021-korybko ¶9", "has 1 paragraph, not 9"),
    ("mehr-2021-korybko ¶1.99", "has 27 sentences, not 99"),
])
def test_bad_citations_raise_clear_errors(corpus, bad, message):
    with pytest.raises(araz.CitationError, match=message):
        corpus.cite(bad)


def test_documents_frame_has_dates_and_counts(corpus):
    docs = corpus.documents
    assert str(docs["published_start"].dtype).startswith("datetime64")
    ft = docs.set_index("doc_id").loc["ftribune-2025-araghchi-baku"]
    assert ft["published_start"].date().isoformat() == "2025-12-08"
    assert ft["n_sentences"] == 17


def test_iteration_and_indexing(corpus):
    ids = [d.doc_id for d in corpus]
    assert corpus[ids[0]].doc_id == ids[0]
    assert "mehr-2021-korybko" in corpus


def test_load_from_another_directory(tmp_path):
    out = subprocess.run([sys.executable, "-c", "import araz; print(len(araz.load_corpus()))"],
                         cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "4"


def test_installed_wheel_carries_the_corpus(tmp_path):
    """Build the wheel, unpack it, and load the shipped corpus from it (not from the checkout)."""
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
                   cwd=root, check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("araz-*.whl"))
    import zipfile
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    code = "import araz, araz.paths; print(araz.paths.data_dir()); print(len(araz.load_corpus()))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"}, check=True)
    where, n = out.stdout.split()
    assert where.startswith(str(tmp_path / "site")) and n == "4"


def test_subset_keeps_only_the_named_documents(corpus):
    sub = corpus.subset(["mehr-2021-korybko"])
    assert len(sub) == 1 and set(sub.sentences["doc_id"]) == {"mehr-2021-korybko"}


def test_tables_are_what_splitting_paragraph_by_paragraph_gives(tmp_path):
    from araz.text import is_heading, split_paragraphs, split_sentences

    from conftest import make_corpus

    meta = {"title": "x", "outlet": "y", "published": "2024-01-02"}
    folder = make_corpus(tmp_path, {
        "a.md": (meta, "A heading\n\n  Mr. Smith met Dr. Jones. They spoke!  Then?\nOne more.  \n"),
        "b.md": ({**meta, "published": "2024-01-01"}, "Only one sentence here.\nU.S. talks began. The end."),
    })
    corpus = araz.load_corpus(folder)
    paragraphs, sentences = [], []
    for doc in corpus:
        for p, (a, b) in enumerate(split_paragraphs(doc.text), start=1):
            text = doc.text[a:b]
            paragraphs.append((doc.doc_id, p, a, b, text, is_heading(text), f"{doc.doc_id} ¶{p}"))
            for s, (x, y) in enumerate(split_sentences(text, a), start=1):
                sentences.append((doc.doc_id, p, s, x, y, doc.text[x:y], f"{doc.doc_id} ¶{p}.{s}"))
    assert list(corpus.paragraphs.itertuples(index=False, name=None)) == paragraphs
    assert list(corpus.sentences.itertuples(index=False, name=None)) == sentences
    assert corpus.documents["n_sentences"].tolist() == [3, 5]
    assert corpus.documents["n_words"].tolist() == [len(d.text.split()) for d in corpus]


def test_an_empty_corpus_has_empty_tables():
    from araz.corpus import Corpus

    empty = Corpus([])
    assert len(empty.documents) == len(empty.paragraphs) == len(empty.sentences) == 0
    assert list(empty.sentences.columns) == ["doc_id", "paragraph", "sentence", "start", "end", "text", "citation"]
