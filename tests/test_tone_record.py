"""The tone record (araz.tone.record), its features, the linear model and the out-of-article evaluation.

Fixtures are fictional: two invented states, Northland and Southland, reported by invented
outlets (Example Daily, Sample Times) at example.org.
"""
import importlib.util
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import araz
from araz.tone import crossval, features, model, record

ROOT = Path(__file__).resolve().parents[1]

TEMPLATES = {
    "coop": ["Northland and Southland signed a cooperation agreement on the new bridge.",
             "The two ministers praised the friendly partnership between Northland and Southland.",
             "Southland offered humanitarian aid to Northland after the floods.",
             "Officials in Northland welcomed the ceasefire and pledged support for dialogue."],
    "conf": ["Northland condemned the military drills held by Southland near the border.",
             "Southland accused Northland of espionage and expelled two diplomats.",
             "The dispute over the river escalated into clashes on Tuesday.",
             "Northland threatened sanctions against Southland over the dam."],
    "neutral": ["The delegation arrived in the capital of Northland on Monday morning.",
                "The report was published in three languages by the ministry.",
                "Northland has a population of about ten million people.",
                "The meeting took place in a hotel near the harbour of Southland."],
    "mixed": ["Southland praised the talks but warned of sanctions if the drills continue.",
              "The ministers welcomed the cooperation agreement, yet clashes continued on the border.",
              "Northland offered aid while condemning the attack on its convoy.",
              "Both sides pledged dialogue but accused each other of violations."],
}


def _load_build():
    spec = importlib.util.spec_from_file_location("tone_record_build", ROOT / "tools" / "tone_record" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_record(folder: Path, n_articles: int = 24, seed: int = 7, noise: float = 0.1) -> Path:
    """Write a fictional record: texts in memory only, tables in ``folder``."""
    rng = random.Random(seed)
    build = _load_build()
    arts, texts, items, a_lab, b_lab, final = [], {}, [], {}, {}, {}
    for i in range(n_articles):
        year, half = 2020 + (i % 12) // 2, i % 2
        aid = f"example-{year}-{half + 1}-{i:02d}"
        arts.append({"article_id": aid, "url": f"https://example.org/{aid}", "outlet": rng.choice(["Example Daily", "Sample Times"]),
                     "side": rng.choice(["Northland state", "Southland independent"]),
                     "published": f"{year}-{1 + 6 * half:02d}-1{i % 9}", "date_evidence": "invented for a test",
                     "title": f"Invented report {i}", "title_evidence": "invented", "notes": "fictional"})
        paras = []
        for p in range(4):
            while True:  # a repeated line counts once (a headline printed twice): keep paragraphs distinct
                labs = [rng.choice(list(TEMPLATES)) for _ in range(2)]
                sents = [rng.choice(TEMPLATES[lab]) for lab in labs]
                if " ".join(sents) not in paras:
                    break
            paras.append(" ".join(sents))
            for s, (lab, sent) in enumerate(zip(labs, sents), 1):
                iid = f"{aid}-{p + 1}.{s}"
                items.append({"item_id": iid, "article_id": aid, "paragraph": p + 1, "sentence": s, "text": sent})
                other = lab if rng.random() > noise else rng.choice(list(TEMPLATES))
                a_lab[iid] = {"tone": lab, "voice": "author", "dyad": "none"}
                b_lab[iid] = {"tone": other, "voice": "author", "dyad": "none"}
                final[iid] = {"tone": lab, "voice": "author", "dyad": "none",
                              "reason": "" if other == lab else "coder B missed the main clause"}
        texts[aid] = "\n".join(paras)
    a, s, f, problems, _ = build.build(pd.DataFrame(arts), texts, pd.DataFrame(items), a_lab, b_lab, final,
                                    old_split={}, redraw=True)
    assert not problems, problems
    folder.mkdir(parents=True, exist_ok=True)
    a.to_csv(folder / "articles.csv", index=False)
    s.to_csv(folder / "sentences.csv", index=False)
    f.to_csv(folder / "sentence_features.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    return record.load(make_record(tmp_path_factory.mktemp("record")))


# ---- normalisation and hashes ------------------------------------------------------
def test_normalised_sentences_ignore_typography_but_not_words():
    a = "Northland’s  “corridor” — rejected"
    assert record.sentence_hash(a) == record.sentence_hash("northland's \"corridor\" - rejected")
    assert record.sentence_hash(a) != record.sentence_hash("Northland’s “corridor” — accepted")
    assert len(record.sentence_hash(a)) == 40


def test_segment_counts_positions_as_araz_splits_them():
    text = "Example Daily\nNorthland met Southland on Monday. They signed a cooperation agreement today.\nBy a staff writer of the"
    segs = record.segment(text)
    # the one-word line is left out, the cut last line too; positions are 1-based
    assert [(s.paragraph, s.sentence) for s in segs] == [(2, 1), (2, 2)]
    assert segs[1].text.startswith("They signed")


# ---- the shipped record: integrity -------------------------------------------------
def test_shipped_record_loads_and_holds_no_text():
    r = record.load()
    assert len(r.articles) >= 60 and len(r.sentences) >= 800
    assert r.sentences["sha1"].str.fullmatch(r"[0-9a-f]{40}").all()
    assert set(r.articles["split"]) <= {"dev", "test"}
    text_like = [c for c in r.sentences.columns if c in ("text", "sentence_text", "paragraph_text")]
    assert not text_like
    assert r.features["n_words"].min() >= 4


def test_shipped_record_spans_every_half_year_from_2020_h2():
    r = record.load()
    halves = r.articles["published"].map(record.half_year).value_counts()
    for y in range(2020, 2026):
        for h in (1, 2):
            if (y, h) >= (2020, 2):
                assert halves.get(f"{y}-H{h}", 0) >= 3, f"{y}-H{h}"


def test_shipped_labels_are_in_the_codebooks_sets():
    s = record.load().sentences
    for who in ("coder_a_", "coder_b_", ""):
        assert set(s[f"{who}tone"]) <= {"", *record.TONES}
        assert set(s[f"{who}voice"]) <= {"", *record.VOICES}
        assert s[f"{who}dyad"].map(lambda d: d == "" or bool(record.DYAD_RE.fullmatch(d))).all()


def test_round_one_test_articles_were_drawn_in_every_half_year_and_are_now_dev():
    a = record.load().articles
    r1 = a["test_round"] == "1"
    per = a[r1].groupby(a.loc[r1, "published"].map(record.half_year)).size()
    assert set(per.index) == set(a["published"].map(record.half_year)) and (per >= 1).all()
    # the articles that existed at round 1: every article not added by a later round
    then = a[~a["test_round"].isin(["2", "3"])]
    assert 0.1 <= r1.sum() / len(then) <= 0.3
    assert (a.loc[r1, "split"] == "dev").all()
    # the round-1 draw is reproducible from the articles that existed then
    dev = then
    assert ((record.draw_split(dev) == "test") == (dev["test_round"] == "1")).all()


# ---- bad input is named ------------------------------------------------------------
def _corrupt(folder: Path, name: str, col: str, value: str) -> Path:
    df = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    df.loc[0, col] = value
    df.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_a_bad_hash_is_reported_with_file_and_line(tmp_path):
    folder = _corrupt(make_record(tmp_path / "r", n_articles=4), "sentences", "sha1", "not-a-hash")
    with pytest.raises(araz.TableError, match=r"sentences.csv, line 2: field 'sha1'"):
        record.load(folder)


def test_a_label_outside_the_codebook_is_reported(tmp_path):
    folder = _corrupt(make_record(tmp_path / "r", n_articles=4), "sentences", "coder_a_tone", "hostile")
    with pytest.raises(araz.TableError, match=r"field 'coder_a_tone': 'hostile' is not allowed"):
        record.load(folder)


def test_a_bad_dyad_is_reported(tmp_path):
    folder = _corrupt(make_record(tmp_path / "r", n_articles=4), "sentences", "dyad", "IRN->AZE")
    with pytest.raises(araz.TableError, match=r"field 'dyad'"):
        record.load(folder)


def test_a_date_outside_the_period_is_reported(tmp_path):
    folder = _corrupt(make_record(tmp_path / "r", n_articles=4), "articles", "published", "2019-05-01")
    with pytest.raises(araz.TableError, match=r"articles.csv, line 2: field 'published'"):
        record.load(folder)


def test_a_disagreement_without_a_reason_is_reported(tmp_path):
    folder = make_record(tmp_path / "r", n_articles=4)
    df = pd.read_csv(folder / "sentences.csv", dtype=str, keep_default_na=False)
    df.loc[0, ["coder_a_tone", "coder_b_tone", "tone", "reason"]] = ["coop", "conf", "coop", ""]
    df.to_csv(folder / "sentences.csv", index=False)
    with pytest.raises(araz.TableError, match="write a one-line adjudication reason"):
        record.load(folder)


def test_sentences_of_an_unknown_article_are_reported(tmp_path):
    folder = _corrupt(make_record(tmp_path / "r", n_articles=4), "sentences", "article_id", "nowhere-2021")
    with pytest.raises(araz.TableError, match="'nowhere-2021' is not in articles.csv"):
        record.load(folder)


# ---- agreement ------------------------------------------------------------------------
def test_alpha_is_one_for_identical_coders_and_lower_with_noise(rec):
    ag = record.agreement(rec).set_index("field")
    assert ag.loc["tone", "n"] == len(rec.sentences)
    assert ag.loc["tone", "alpha"] < 1.0 and ag.loc["tone", "n_disagree"] > 0
    same = record.Record(rec.articles, rec.sentences.assign(coder_b_tone=rec.sentences["coder_a_tone"]), rec.features, rec.folder)
    assert record.agreement(same).set_index("field").loc["tone", "alpha"] == pytest.approx(1.0)


# ---- features and the model ---------------------------------------------------------
def test_features_split_cue_weight_by_quad_class_and_flip():
    f = features.compute(["Northland said no to confrontation with Southland.",
                          "Southland may impose sanctions, officials reportedly said."], vader=False)
    assert f.loc[0, "w_vcoop"] > 0 and f.loc[0, "w_vconf"] == 0 and f.loc[0, "n_flipped"] == 1
    assert f.loc[1, "w_mconf"] > 0 and f.loc[1, "n_hedges"] == 2
    assert [t.split(":")[1] for t in f.loc[0, "terms"].split("|")] == ["f"]  # the lexicon term, flagged flipped


def test_model_explanation_adds_up_to_the_margin(rec):
    t = rec.table()
    m = model.fit(t, t["tone"])
    e = m.explain(t, t.index[0], top=100)
    assert e["contribution"].sum() == pytest.approx(e.attrs["margin"])
    assert e.attrs["label"] == m.predict(t.loc[[t.index[0]]])[0]
    assert set(m.coefficients.index) == set(model.MODEL_FEATURES)


def test_the_model_never_reads_the_hand_coded_voice(rec):
    t = rec.table()
    flipped = t.assign(voice=np.where(t["voice"] == "author", "quoted", "author"))
    pd.testing.assert_frame_equal(model.design(t), model.design(flipped))


def test_model_rejects_unknown_labels(rec):
    t = rec.table()
    with pytest.raises(araz.ScopeError, match="not tone labels"):
        model.fit(t, ["hostile"] * len(t))


# ---- out-of-article evaluation --------------------------------------------------------
def test_no_article_is_on_both_sides_of_a_fold(rec):
    v = crossval.evaluate(rec, seeds=False)
    assert v.folds["article_id"].is_unique
    cv = v.predictions[v.predictions["part"] == "cv"]
    assert cv.groupby("article_id")["fold"].nunique().max() == 1
    assert set(cv["article_id"]) <= set(rec.articles.loc[rec.articles["split"] == "dev", "article_id"])


def test_the_test_part_is_scored_only_when_asked(tmp_path):
    folder = make_record(tmp_path / "r", n_articles=12)
    a = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    a["split"] = ["test" if i % 4 == 0 else "dev" for i in range(len(a))]   # three held-out articles
    a.to_csv(folder / "articles.csv", index=False)
    rec = record.load(folder)
    v = crossval.evaluate(rec, seeds=False)
    assert "test" not in set(v.summary["part"])
    v = crossval.evaluate(rec, seeds=False, final=True)
    test_ids = set(v.predictions.loc[v.predictions["part"] == "test", "article_id"])
    assert test_ids == set(rec.articles.loc[rec.articles["split"] == "test", "article_id"]) & set(rec.coded["article_id"])


def test_evaluation_reports_rules_model_and_vader_side_by_side(rec):
    v = araz.tone.validate(record=rec)
    assert set(v.summary["method"]) == {"model", "rules", "vader"}
    cv = v.summary[v.summary["part"] == "cv"].set_index("method")
    n_mixed = int((rec.coded["tone"] == "mixed").sum())
    assert (cv["n"] == len(rec.coded[rec.coded["article_id"].isin(v.folds["article_id"])])).all()
    for (method, part), cm in v.confusion.items():
        assert int(cm.to_numpy().sum()) == int(v.summary.set_index(["method", "part"]).loc[(method, part), "n"])
    assert n_mixed > 0
    text = str(v)
    assert "targets:" in text and "macro-F1" in text


def test_metrics_three_class_leaves_out_hand_coded_mixed():
    s, per, cm = crossval.metrics(["coop", "conf", "mixed", "neutral"], ["coop", "conf", "coop", "mixed"])
    assert s["macro_f1_3"] == pytest.approx((1 + 1 + 0) / 3)
    assert per.set_index("label").loc["mixed", "recall"] == 0


def test_the_shipped_record_without_labels_says_so():
    r = record.load()
    if len(r.coded):
        pytest.skip("the record is coded")
    with pytest.raises(araz.ScopeError, match="no coded sentences yet"):
        crossval.evaluate(r)


def test_the_data_card_is_generated_from_the_record():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "tools" / "tone_record" / "report.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_disagreements_cite_the_sentence_and_what_the_measure_saw(rec):
    v = crossval.evaluate(rec, seeds=False)
    d = crossval.disagreements(v, rec, method="rules")
    cv = v.predictions[v.predictions["part"] == "cv"]
    assert len(d) == int((cv["hand"] != cv["rules"]).sum())
    assert (d["hand"] != d["rules"]).all()
    assert d["citation"].str.fullmatch(r"example-\S+ ¶\d+\.\d+").all() and d["url"].str.startswith("https://example.org/").all()


def test_over_time_record_sets_hand_labels_beside_the_measures(rec):
    t = araz.tone.over_time_record(rec, label=("tone", "rules"), by=None, voice="all", n_boot=200)
    assert set(t["measure"]) == {"tone", "rules"} and set(t["group"]) == {"all · tone", "all · rules"}
    hand = t[t["measure"] == "tone"]
    assert hand["n_sentences"].sum() == len(rec.coded) and (hand["n_articles"] >= 1).all()
    s = araz.tone.record_shifts(rec, by=None, only_holding=False)
    assert {"at", "difference", "drivers", "p_value"} <= set(s.columns)
    for drivers in s["drivers"]:
        assert all("https://example.org/" in d for d in drivers)


def test_the_record_chart_draws_a_line_per_side_and_measure_with_n(rec):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import araz.plots

    t = araz.tone.over_time_record(rec, label=("tone", "rules"), by="side", voice="all", n_boot=100)
    fig, ax = plt.subplots()
    assert araz.plots.tone_record(ax, t) is ax
    assert len(ax.get_lines()) == t["group"].nunique() + 1      # + the zero line
    assert len(ax.texts) == len(t)                               # every point says its n
    assert "dotted: rules" in ax.get_title()
    plt.close(fig)


def test_a_refetched_text_is_checked_and_aligned_by_hash(tmp_path, capsys):
    build = _load_build()
    folder = make_record(tmp_path / "r", n_articles=3)
    # "re-fetched" sentences: only the cooperative and conflictual templates, with curly apostrophes
    texts_list = [t.replace("'", "’") for t in TEMPLATES["coop"] + TEMPLATES["conf"]]
    sent = pd.DataFrame({"sha1": [record.sentence_hash(t) for t in texts_list]})
    code = build.check(folder, sent, 0.99, texts_list, tmp_path / "aligned.csv")
    out = pd.read_csv(tmp_path / "aligned.csv", dtype=str, keep_default_na=False)
    found = out["text"] != ""
    assert found.any() and (out.loc[found, "sha1"] == out.loc[found, "text"].map(record.sentence_hash)).all()
    assert code == (0 if found.mean() >= 0.99 else 1)
    assert "shipped sentence hashes found again" in capsys.readouterr().out


def test_label_spelling_is_made_canonical_but_labels_are_not_changed(tmp_path):
    build = _load_build()
    f = tmp_path / "coder.csv"
    f.write_text("item_id,tone,voice,dyad,note\nx-1.1,Coop,Author,irn=aze,\nx-1.2,conf,quoted,IRN>AZE,\nx-1.3,neutral,author,None,\n",
                 encoding="utf-8")
    got = build.read_labels([f])
    assert got["x-1.1"] == {"tone": "coop", "voice": "author", "dyad": "AZE=IRN"}
    assert got["x-1.2"]["dyad"] == "IRN>AZE" and got["x-1.3"]["dyad"] == "none"
