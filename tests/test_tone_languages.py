"""A document not in English is "tone not measured": kept with empty scores, never neutral,
left out of the aggregates with a count (araz.tone + araz.languages)."""
import araz
from araz import tone
from conftest import make_corpus

EN = "Example Daily reported that Iran and Azerbaijan signed a cooperation agreement. Baku condemned the drills."
FA = "گفتگوها خوب پیش رفت. تهران و باکو توافق کردند."


def _corpus(tmp_path):
    folder = make_corpus(tmp_path, {
        "en1.md": ({"title": "t", "outlet": "Example Daily", "published": "2025-01-01", "language": "en"}, EN),
        "fa1.md": ({"title": "t", "outlet": "Example Daily", "published": "2025-01-02", "language": "fa"}, FA),
        "fa2.md": ({"title": "t", "outlet": "Example Weekly", "published": "2025-02-02", "language": "fa"}, FA)})
    return araz.load_corpus(folder)


def test_sentences_of_a_non_english_document_keep_rows_with_empty_scores_and_a_note(tmp_path):
    s = tone.score_sentences(_corpus(tmp_path))
    fa = s[s["doc_id"].str.startswith("fa")]
    en = s[s["doc_id"] == "en1"]
    assert len(fa) >= 2 and not fa["measured"].any() and en["measured"].all()
    assert fa[["coop", "conf", "score", "intensity"]].isna().all().all()  # never a neutral 0
    assert (fa["label"] == "").all() and (fa["note"] == "tone not measured (Persian)").all()
    assert set(en["label"]) >= {"coop", "conf"} and (en["note"] == "").all()


def test_per_document_and_paragraph_tables_keep_unmeasured_documents(tmp_path):
    c = _corpus(tmp_path)
    d = tone.by_document(c).set_index("doc_id")
    assert set(d.index) == {"en1", "fa1", "fa2"}
    assert d.loc[["fa1", "fa2"], ["score", "n_coop", "n_neutral"]].isna().all().all()
    assert d.loc["fa1", "note"] == "tone not measured (Persian)" and d.loc["en1", "n_coop"] >= 1
    p = tone.by_paragraph(c)
    assert p.loc[p["doc_id"] == "fa1", "score"].isna().all() and not p.loc[p["doc_id"] == "fa1", "measured"].any()


def test_over_time_and_by_outlet_leave_them_out_and_say_how_many(tmp_path):
    c = _corpus(tmp_path)
    t = tone.over_time(c, voice=None)
    assert "fa1" not in " ".join(t["doc_ids"]) and int(t["n_docs"].sum()) == 1
    assert t.attrs["n_docs_not_measured"] == 2 and "2 document(s)" in t.attrs["note"]
    o = tone.by_outlet(c)
    assert o["outlet"].tolist() == ["Example Daily"] and int(o["n_docs"].sum()) == 1
    assert o.attrs["n_docs_not_measured"] == 2


def test_an_english_corpus_is_unchanged_and_notes_nothing():
    c = araz.load_corpus()
    s = tone.score_sentences(c)
    assert s["measured"].all() and (s["note"] == "").all() and s["score"].notna().all()
    assert tone.over_time(c).attrs["n_docs_not_measured"] == 0
