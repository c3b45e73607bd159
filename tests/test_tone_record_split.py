"""The record's split across test rounds: round 1's test articles became dev (with their history),
a new held-out set is added with build.py --new-split, and the test part is scored only on demand.

Fixtures are the fictional Northland/Southland record of tests/test_tone_record.py.
"""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import araz
from araz.tone import crossval, record

from test_tone_record import ROOT, _load_build, make_record


def _load_report():
    import importlib.util

    spec = importlib.util.spec_from_file_location("tone_record_report", ROOT / "tools" / "tone_record" / "report.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---- the shipped record -------------------------------------------------------------
def test_no_shipped_article_is_in_both_parts_and_rounds_one_and_two_are_dev_with_their_history():
    a = record.load().articles
    assert a["article_id"].is_unique and set(a["split"]) <= set(record.SPLITS)
    r1, r2 = a["test_round"] == "1", a["test_round"] == "2"
    assert r1.sum() == 13 and (a.loc[r1, "split"] == "dev").all()
    assert r2.sum() == 27 and (a.loc[r2, "split"] == "dev").all()   # round 2 was looked at once, then merged
    assert set(a["test_round"]) <= {"", "1", "2", "3"}
    # a test article now is one never scored in an earlier round: it is unseen
    assert not ((a["split"] == "test") & (r1 | r2)).any()


def test_round_two_figures_are_kept_as_history_of_measure_v2_and_say_it_was_merged():
    rec = record.load()
    h = record.test_rounds()
    two = h[h["round"] == 2].set_index("method")
    assert set(two.index) == {"model", "rules", "vader"}
    assert (two["measure"] == "v2").all() and (two["n_articles"] == 27).all()
    assert (two["afterwards"] == "merged into dev on 2026-12-04 (round 3 is a new test set)").all()
    ids = set(rec.articles.loc[rec.articles["test_round"] == "2", "article_id"])
    assert (two["n"] == int(rec.coded["article_id"].isin(ids).sum())).all()


def test_round_one_figures_are_kept_as_history_of_measure_v1():
    rec = record.load()
    h = record.test_rounds()
    one = h[h["round"] == 1].set_index("method")
    assert set(one.index) == {"model", "rules", "vader"}
    assert (one["measure"] == "v1").all() and (one["n_articles"] == 13).all()
    assert one["afterwards"].str.contains("merged into dev").all()
    ids = set(rec.articles.loc[rec.articles["test_round"] == "1", "article_id"])
    n_sent = int(rec.coded["article_id"].isin(ids).sum())
    assert (one["n"] == n_sent).all()
    assert one.loc["model", "macro_f1"] > one.loc["vader", "macro_f1"]


def test_cross_validation_runs_over_every_dev_article():
    rec = record.load()
    v = crossval.evaluate(rec, seeds=False)
    dev = set(rec.articles.loc[rec.articles["split"] == "dev", "article_id"])
    assert set(v.folds["article_id"]) == dev & set(rec.coded["article_id"])
    assert "test" not in set(v.summary["part"])


# ---- build.py --new-split -------------------------------------------------------------
def test_new_articles_get_the_new_split_and_old_ones_keep_split_round_and_labels(tmp_path):
    build = _load_build()
    folder = make_record(tmp_path / "r", n_articles=12)
    old_a = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    old_s = pd.read_csv(folder / "sentences.csv", dtype=str, keep_default_na=False)
    old_a["test_round"] = ["1" if x == "test" else "" for x in old_a["split"]]
    old_a["split"] = "dev"                                                    # round 1 merged into dev
    arts = old_a.drop(columns=["test_round"]).assign(split="")
    new = arts.iloc[:3].assign(article_id=lambda d: d["article_id"] + "-new", url=lambda d: d["url"] + "-new")
    texts = _texts_of(folder)
    texts.update({aid + "-new": texts[aid] for aid in arts["article_id"].iloc[:3]})
    old_split = dict(zip(old_a["article_id"], old_a["split"]))
    old_round = dict(zip(old_a["article_id"], old_a["test_round"]))
    old_labels = {(r["article_id"], int(r["paragraph"]), int(r["sentence"]), r["sha1"]): r for r in old_s.to_dict("records")}
    a, s, f, problems, _ = build.build(pd.concat([arts, new], ignore_index=True), texts, None, {}, {}, {},
                                       old_split=old_split, redraw=False, new_split="test", old_round=old_round,
                                       old_labels=old_labels)
    assert not problems
    by = a.set_index("article_id")
    assert (by.loc[new["article_id"], "split"] == "test").all()
    assert (by.loc[new["article_id"], "test_round"] == "").all()
    assert by.loc[old_a["article_id"], "split"].eq("dev").all()
    assert by.loc[old_a["article_id"], "test_round"].tolist() == old_a["test_round"].tolist()
    assert set(by.loc[by["split"] == "dev"].index).isdisjoint(by.loc[by["split"] == "test"].index)
    # old sentences keep their labels (by position and hash); the new articles' are empty until coded
    old_rows = s[~s["article_id"].str.endswith("-new")]
    assert (old_rows["tone"].to_numpy() == old_s["tone"].to_numpy()).all()
    assert (s.loc[s["article_id"].str.endswith("-new"), "tone"] == "").all()


def test_without_new_split_a_new_article_is_drawn_and_redraw_cannot_be_combined(tmp_path):
    build = _load_build()
    folder = make_record(tmp_path / "r", n_articles=6)
    arts = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    texts = _texts_of(folder)
    a, *_ = build.build(arts, texts, None, {}, {}, {}, old_split={}, redraw=False)
    assert (a["split"].to_numpy() == record.draw_split(a).to_numpy()).all()
    with pytest.raises(ValueError, match="new_split must be one of"):
        build.build(arts, texts, None, {}, {}, {}, old_split={}, redraw=False, new_split="holdout")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "tone_record" / "build.py"), "--redraw", "--new-split",
                          "test", "--out", str(tmp_path / "x")], capture_output=True, text=True)
    assert out.returncode == 2 and "cannot be combined with --new-split" in out.stderr


def _texts_of(folder: Path) -> dict:
    """The fixture's texts are in memory only; rebuild them from the sentences' templates by hash."""
    from test_tone_record import TEMPLATES

    by_hash = {record.sentence_hash(t): t for ts in TEMPLATES.values() for t in ts}
    s = pd.read_csv(folder / "sentences.csv", dtype=str, keep_default_na=False)
    out = {}
    for aid, g in s.groupby("article_id", sort=False):
        paras = g.groupby(g["paragraph"].astype(int))["sha1"].apply(lambda h: " ".join(by_hash[x] for x in h))
        out[aid] = "\n".join(paras.tolist())
    return out


# ---- scoring the test part once -------------------------------------------------------------
def test_final_without_test_articles_says_how_to_add_them(tmp_path):
    folder = make_record(tmp_path / "r", n_articles=8)
    a = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    a["split"] = "dev"
    a.to_csv(folder / "articles.csv", index=False)
    rec = record.load(folder)
    with pytest.raises(araz.ScopeError, match="--new-split test"):
        crossval.evaluate(rec, seeds=False, final=True)


def test_a_test_round_is_logged_once_with_its_articles(tmp_path):
    report = _load_report()
    folder = make_record(tmp_path / "r", n_articles=12)
    a = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    a["split"] = ["test" if i % 4 == 0 else "dev" for i in range(len(a))]   # three held-out articles
    a.to_csv(folder / "articles.csv", index=False)
    rec = record.load(folder)
    n_test = 3
    assert report.log_round(rec) == 1
    h = record.test_rounds(folder)
    assert set(h["method"]) == {"model", "rules", "vader"} and (h["n_articles"] == n_test).all()
    a = record.load(folder).articles
    assert (a.loc[a["split"] == "test", "test_round"] == "1").all() and (a.loc[a["split"] == "dev", "test_round"] == "").all()
    with pytest.raises(SystemExit, match="looked at once"):
        report.log_round(record.load(folder))


def test_the_card_of_a_scored_round_shows_the_logged_figures_and_refuses_a_changed_measure(tmp_path):
    report = _load_report()
    folder = make_record(tmp_path / "r", n_articles=12)
    a = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    a["split"] = ["test" if i % 4 == 0 else "dev" for i in range(len(a))]
    a.to_csv(folder / "articles.csv", index=False)
    assert not report.scored(record.load(folder))           # test part present, not yet looked at
    report.log_round(record.load(folder))
    rec = record.load(folder)
    assert report.scored(rec)
    card = report.render(rec, final=report.scored(rec))     # re-rendering is not a new look: same figures
    logged = record.test_rounds(folder).set_index("method")
    assert "Test part: scored above (once)." in card
    assert f"| test | model | {int(logged.loc['model', 'n'])} | {logged.loc['model', 'macro_f1']:.2f} |" in card
    # the measure changes after its one look: the card can no longer be rendered with the old round
    h = record.test_rounds(folder)
    m = h["method"] == "model"
    h.loc[m, "macro_f1"] = h.loc[m, "macro_f1"].map(lambda f: f - 0.05 if f >= 0.05 else f + 0.05)
    h.to_csv(folder / "test_rounds.csv", index=False, lineterminator="\n")
    with pytest.raises(SystemExit, match="new test set"):
        report.render(record.load(folder), final=True)


def test_a_scored_round_joins_development_and_an_unscored_one_is_refused(tmp_path):
    report, build = _load_report(), _load_build()
    folder = make_record(tmp_path / "r", n_articles=12)
    a = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    a["split"] = ["test" if i % 4 == 0 else "dev" for i in range(len(a))]
    a.to_csv(folder / "articles.csv", index=False)
    old_split = dict(zip(a["article_id"], a["split"]))
    unscored = {aid: "" for aid in a["article_id"]}
    with pytest.raises(SystemExit, match="never scored"):     # an unseen test set is never merged by accident
        build.merge_round(old_split, unscored, 1, folder, None)
    report.log_round(record.load(folder))
    a = record.load(folder).articles
    rounds = dict(zip(a["article_id"], a["test_round"]))
    new = build.merge_round(old_split, rounds, 1, folder, "merged into dev on 2026-12-04 (round 2 is a new test set)")
    assert set(new.values()) == {"dev"} and set(new) == set(old_split)
    h = record.test_rounds(folder)
    assert (h.loc[h["round"] == 1, "afterwards"] == "merged into dev on 2026-12-04 (round 2 is a new test set)").all()
