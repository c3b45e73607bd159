"""Context features (araz.tone.context): a sentence's context is read from the *other* sentences
of its article and paragraph, the same way for the record and for a user's corpus.

Sentences are invented (Northland/Southland, Example Daily).
"""
import numpy as np
import pandas as pd
import pytest

from araz.tone import context, features, model

ART = ["Northland and Southland signed a cooperation agreement on the new bridge.",
       "Southland accused Northland of espionage and expelled two diplomats.",
       "The delegation arrived in the capital on Monday morning.",
       "Officials in Northland welcomed the ceasefire and pledged support for dialogue."]


def _frame(ids, paras):
    f = features.compute(ART, groups=ids, paragraphs=paras, vader=False)
    return f.assign(doc_id=ids, paragraph=paras)


def test_context_is_the_mean_of_the_other_sentences_never_the_own():
    f = _frame(["a", "a", "a", "b"], [1, 1, 2, 1])
    x = model.design(f)
    own = model.design(f, context=False)
    cue_conf = own["verbal_conf"] + own["material_conf"] + own["register_vconf"] + own["register_mconf"]
    # sentence 0 sees sentences 1 and 2 of its article; sentence 3 is alone in article b
    assert x.loc[0, "article_conf"] == pytest.approx((cue_conf[1] + cue_conf[2]) / 2)
    assert x.loc[3, ["article_coop", "article_conf", "paragraph_coop", "paragraph_conf"]].eq(0).all()
    assert x.loc[0, "paragraph_conf"] == pytest.approx(cue_conf[1])     # paragraph 1 of a: sentences 0 and 1
    assert x.loc[2, "paragraph_conf"] == 0                               # alone in its paragraph
    assert x.loc[0, "article_rules_conf"] == pytest.approx(own.loc[[1, 2], "rule_conf_label"].mean())


def test_a_record_table_and_a_corpus_frame_get_the_same_context():
    f = _frame(["a", "a", "a", "b"], [1, 1, 2, 1])
    rec_like = f.drop(columns=["doc_id"]).assign(article_id=["a", "a", "a", "b"])
    pd.testing.assert_frame_equal(model.design(f), model.design(rec_like))


def test_without_articles_or_for_a_lone_row_there_is_no_context():
    f = features.compute(ART, vader=False)                  # no doc_id: each sentence stands alone
    x = model.design(f)
    assert (x[list(context.CONTEXT_FEATURES)] == 0).all().all()


def test_explanation_of_a_sentence_reads_its_article():
    f = _frame(["a"] * 4, [1, 1, 1, 1])
    m = model.fit(pd.concat([f] * 5, ignore_index=True).assign(doc_id=np.repeat([f"d{i}" for i in range(5)], 4)),
                  ["coop", "conf", "neutral", "coop"] * 5)
    e = m.explain(f, 2, top=100)
    assert e["contribution"].sum() == pytest.approx(e.attrs["margin"])
    ctx_rows = e[e["feature"].isin(list(context.CONTEXT_FEATURES))]
    assert len(ctx_rows) and (ctx_rows["value"] != 0).any()
    assert "other sentences" in " ".join(ctx_rows["meaning"])
    # the same sentence alone has no context, so its explanation differs
    alone = m.explain(f.loc[2])
    assert not alone["feature"].isin([f for f in context.CONTEXT_FEATURES if f.startswith("article")]).any()


def test_the_two_sides_form_labels_by_which_sides_stand():
    f = pd.concat([_frame(["a"] * 4, [1] * 4)] * 5, ignore_index=True).assign(doc_id=np.repeat([f"d{i}" for i in range(5)], 4))
    labels = ["coop", "conf", "neutral", "mixed"] * 5
    m = model.fit(f, labels, form="sides")
    assert m.form == "sides" and set(m.classes) == {"coop", "conf", "mixed", "neutral"}
    c = m.coefficients
    assert (c["neutral"] == 0).all() and np.allclose(c["mixed"], c["coop"] + c["conf"])
    s = m.scores(f)
    s_coop, s_conf = s["coop"], s["conf"]
    expect = np.where((s_coop > 0) & (s_conf > 0), "mixed", np.where(s_coop > 0, "coop", np.where(s_conf > 0, "conf", "neutral")))
    assert (m.predict(f) == expect).all()
    with pytest.raises(Exception, match="form must be"):
        model.fit(f, labels, form="tree")
