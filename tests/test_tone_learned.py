"""Word cues learned from the tone record (araz.tone.learned): what is learned, and that the
cross-validation's learned features never saw the labels they are tested on.

Fixtures are fictional: invented sentences about Northland and Southland (example.org).
"""
import numpy as np
import pandas as pd
import pytest

import araz
from araz.tone import crossval, features, learned, model, record

from test_tone_record import make_record

COOP = ["The ministers signed a friendly accord today.", "Both sides signed a friendly memorandum.",
        "They signed the friendly treaty in the capital."]
CONF = ["The army detained two activists near the border.", "Police detained the reporter again.",
        "Guards detained three travellers at the crossing."]
NEUTRAL = ["The report was printed in three languages.", "The hall was printed on the city map.",
           "The statistics were printed on Monday."]


#: a toy record is tiny, so the prior is made small and every difference kept
SMALL = {"alpha0": 50.0, "z_min": 0.0}


def _toy(n_articles=6):
    texts, labels, groups = [], [], []
    for i in range(n_articles):
        for lab, pool in (("coop", COOP), ("conf", CONF), ("neutral", NEUTRAL)):
            texts.append(pool[i % 3] + f" Northlandia{i} said so.")   # an article-specific name
            labels.append(lab)
            groups.append(f"example-{i}")
    return texts, labels, groups


def test_learned_weights_point_to_the_label_a_word_is_used_with():
    lex = learn = learned.learn(*_toy(), **SMALL).set_index("word")
    assert lex.loc["signed", "w_coop"] > 0 and lex.loc["signed", "w_conf"] <= 0
    assert lex.loc["detained", "w_conf"] > 0 and lex.loc["detained", "w_coop"] <= 0
    assert learn["n_articles"].min() >= learned.MIN_ARTICLES


def test_words_of_fewer_than_three_articles_and_names_are_not_learned():
    texts, labels, groups = _toy()
    texts[0] = texts[0] + " Zebrafoo zebrafoo."                 # one article only
    lex = learned.learn(texts, labels, groups, **SMALL)
    assert "zebrafoo" not in set(lex["word"])
    # "Southland" is written with a capital inside sentences of many articles: a name, never a cue
    t2 = [t.replace(" said so", " met in Southland") if lab == "coop" else t for t, lab in zip(texts, labels)]
    assert not lex["word"].str.contains("northlandia").any()
    assert "southland" not in set(learned.learn(t2, labels, groups, **SMALL)["word"])
    # the same word written in lower case is a cue like any other (the test above can fail)
    t3 = [t.replace(" said so", " met in southland") if lab == "coop" else t for t, lab in zip(texts, labels)]
    assert "southland" in set(learned.learn(t3, labels, groups, **SMALL)["word"])


def test_apply_sums_the_weights_per_label_and_names_the_words():
    lex = learned.learn(*_toy(), **SMALL)
    out = learned.apply(lex, ["Officials detained a courier.", "Nothing here at all."])
    w = lex.set_index("word")
    assert out.loc[0, "lex_conf"] == pytest.approx(w.loc["detained", "w_conf"])
    assert "detained:conf" in out.loc[0, "lex_words"].split("|")
    assert out.loc[1, ["lex_coop", "lex_conf", "lex_mixed", "lex_neutral"]].abs().sum() == 0 and out.loc[1, "lex_words"] == ""


def test_folds_are_fixed_by_the_article_id():
    ids = [f"example-{i}" for i in range(40)]
    f = [learned.fold_of(a) for a in ids]
    assert f == [learned.fold_of(a) for a in ids] and set(f) <= set(range(learned.N_FOLDS))
    assert len(set(f)) == learned.N_FOLDS          # 40 articles reach every fold


def test_out_of_fold_features_never_see_their_own_fold_nor_the_outer_test_fold():
    texts, labels, groups = _toy(n_articles=30)
    base = learned.out_of_fold(texts, labels, groups, **SMALL)
    fold = base["fold"].to_numpy()
    k = 2
    # relabel every sentence of fold k at random: what the CV's fold k trains and tests on must not move,
    # nor any row's own out-of-fold value in fold k
    rng = np.random.default_rng(0)
    lab2 = np.array(labels, dtype=object)
    lab2[fold == k] = rng.choice(["coop", "conf", "neutral", "mixed"], size=int((fold == k).sum()))
    moved = learned.out_of_fold(texts, lab2, groups, **SMALL)
    cols_k = [f"lex{k}_{c}" for c in learned.CLASSES]
    np.testing.assert_allclose(moved[cols_k].to_numpy(), base[cols_k].to_numpy())
    own = [f"lex_{c}" for c in learned.CLASSES]
    np.testing.assert_allclose(moved.loc[fold == k, own].to_numpy(), base.loc[fold == k, own].to_numpy())
    # ... while the other folds' lexicons did learn from fold k (the test above can fail)
    other = [f"lex{(k + 1) % 5}_{c}" for c in learned.CLASSES]
    assert not np.allclose(moved.loc[fold != k, other].to_numpy(), base.loc[fold != k, other].to_numpy())


def test_the_record_stores_nested_learned_features_and_the_cv_reads_them(tmp_path):
    rec = record.load(make_record(tmp_path / "r", n_articles=24))
    t = rec.table()
    assert {"fold", "lex_coop", "lex0_conf", "lex4_neutral"} <= set(t.columns)
    assert (t["fold"].to_numpy() == [learned.fold_of(a) for a in t["article_id"]]).all()
    with pytest.raises(araz.ScopeError, match="n_splits=5"):
        crossval.evaluate(rec, n_splits=4, seeds=False)
    v2 = crossval.evaluate(rec, n_splits=4, seeds=False, learned=False)     # measure v2 needs no stored folds
    assert set(v2.summary["method"]) == {"model", "rules", "vader"}


def test_the_model_explains_a_label_with_the_learned_words_that_moved_it(tmp_path):
    rec = record.load(make_record(tmp_path / "r", n_articles=24))
    t = rec.table()
    m = model.fit(t, t["tone"])
    assert set(learned.LEARNED_FEATURES) <= set(m.coefficients.index)
    i = int(np.flatnonzero(t["lex_words"].fillna("") != "")[0])
    e = m.explain(t, i, top=len(m.coefficients))
    lex_rows = e[e["feature"].isin(list(learned.LEARNED_FEATURES))]
    assert len(lex_rows) and (lex_rows["words"] != "").all()
    first = t.loc[i, "lex_words"].split("|")[0].split(":")[0]
    assert first in lex_rows["words"].iloc[0]
    assert "learned words:" in m.describe(t, i) or lex_rows.index.min() >= 6


def test_a_features_frame_without_learned_columns_is_named():
    f = features.compute(["Northland signed an accord with Southland."], vader=False).drop(columns=["lex_coop"])
    with pytest.raises(araz.ScopeError, match="lex_coop"):
        model.design(f)
    assert "lex_coop" not in model.design(f, learned=False)


def test_corpus_features_use_the_shipped_learned_lexicon():
    lex = learned.load()
    assert len(lex) and lex["n_articles"].min() >= learned.MIN_ARTICLES and lex["word"].is_unique
    word = lex.sort_values("w_conf", ascending=False)["word"].iloc[0]
    f = features.compute([f"Officials said {word} yesterday in Example Town."], vader=False)
    assert f.loc[0, "lex_conf"] >= lex.set_index("word").loc[word, "w_conf"] - 1e-9
    off = features.compute(["Officials said nothing."], vader=False, learned=False)
    assert (off[list(learned.LEARNED_FEATURES)] == 0).all(axis=None)
