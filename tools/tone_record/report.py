"""Write data/tone_record/README.md (the data card) from the record: no number typed by hand.

    .venv/bin/python tools/tone_record/report.py            # cross-validation figures only
    .venv/bin/python tools/tone_record/report.py --final    # once, at the end: also the held-out test part,
                                                            # logged as a new round in test_rounds.csv
    .venv/bin/python tools/tone_record/report.py --check    # exit 1 when README.md is out of date

Figures that need the labels are written as a clearly marked placeholder until
sentences.csv has final labels.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import jinja2  # noqa: E402
import pandas as pd  # noqa: E402

from araz.tone import crossval, record  # noqa: E402

PENDING = "**[PLACEHOLDER — needs the final labels: fill sentences.csv, then run tools/tone_record/report.py]**"


def md(df: pd.DataFrame, floats: str = "{:.2f}") -> str:
    """A Markdown table (no extra dependency)."""
    cols = [str(c) for c in df.columns]
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        cells = [floats.format(v) if isinstance(v, float) else str(v) for v in row]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def context(rec: record.Record, final: bool, n_folds: int = 5) -> dict:
    a, s = rec.articles, rec.sentences
    halves = a["published"].map(record.half_year)
    # one column per test round whose articles have since joined development (rounds 1 and 2)
    merged = sorted({r for r, sp in zip(a["test_round"], a["split"]) if r and sp == "dev"}, key=int)
    per_half = (a.assign(half=halves).groupby("half")
                .agg(articles=("article_id", "size"), test_now=("split", lambda x: int((x == "test").sum())),
                     **{f"test_round_{r} (now dev)": ("test_round", lambda x, r=r: int((x == r).sum())) for r in merged})
                .reset_index())
    per_outlet = (a.merge(s.groupby("article_id").size().rename("sentences").reset_index(), on="article_id", how="left")
                  .groupby(["outlet", "side"]).agg(articles=("article_id", "size"), sentences=("sentences", "sum"))
                  .reset_index().sort_values(["side", "outlet"]))
    per_outlet["sentences"] = per_outlet["sentences"].fillna(0).astype(int)
    sides = a["side"].value_counts()
    ctx = {
        "first_half": halves.min(), "last_half": halves.max(), "n_articles": len(a), "n_sentences": len(s),
        "n_outlets": a["outlet"].nunique(), "n_month_dates": int((a["published"].str.len() == 7).sum()),
        "n_state": int(a["side"].isin(["Iranian state", "Azerbaijani state"]).sum()),
        "n_nonstate": int(a["side"].isin(["Iranian non-state", "Azerbaijani independent"]).sum()),
        "few_sides": ", ".join(f"{k} ({v})" for k, v in sides[sides < 5].items()) or "none",
        "per_side": md(sides.rename_axis("side").reset_index(name="articles")),
        "per_half": md(per_half), "per_outlet": md(per_outlet),
        "n_dev": int((a["split"] == "dev").sum()), "n_test": int((a["split"] == "test").sum()), "n_folds": n_folds,
        "n_round1": int((a["test_round"] == "1").sum()), "n_round2": int((a["test_round"] == "2").sum()),
        "n_round2_sentences": int(s["article_id"].isin(a.loc[a["test_round"] == "2", "article_id"]).sum()),
        "merged_rounds": " and ".join(merged) or "none",
    }
    rounds = record.test_rounds(rec.folder)
    ctx["test_rounds"] = (md(rounds, floats="{:.2f}") if len(rounds) else "(no test round scored yet)")
    ctx["next_round"] = _next_round(rounds)
    ctx["round_lines"] = _round_lines(rounds, a)
    ctx["next_look"] = _next_look(rounds, a)
    if len(rounds):   # the latest round's figures, for the card's prose (never typed by hand)
        last = rounds[rounds["round"] == rounds["round"].max()].set_index("method")
        ctx["last_round"] = {"model_f1": f"{last.loc['model', 'macro_f1']:.2f}",
                             "over_vader": f"{last.loc['model', 'macro_f1'] - last.loc['vader', 'macro_f1']:.2f}",
                             "recall_conf": f"{last.loc['model', 'recall_conf']:.2f}",
                             "recall_coop": f"{last.loc['model', 'recall_coop']:.2f}"}
    from araz.tone import learned as LW
    from araz.tone import model as M

    ctx["measure_version"] = M.MEASURE_VERSION
    try:
        lex = LW.load()
    except Exception:   # noqa: BLE001  (a record folder without the shipped lexicon: say so in the card)
        lex = pd.DataFrame(columns=LW.WORD_COLUMNS)
    ctx["n_learned"] = len(lex)
    top = []
    for c in LW.CLASSES:
        t = lex.sort_values([f"w_{c}", "n_articles", "word"], ascending=[False, False, True]).head(8)
        top.append({"label": c, "words": ", ".join(f"*{w}* {v:.2f} ({n})" for w, v, n in
                                                   zip(t["word"], t[f"w_{c}"], t["n_articles"]) if v > 0)})
    ctx["learned_top"] = md(pd.DataFrame(top)) if len(lex) else "(no learned lexicon yet)"
    coded = rec.coded
    if coded.empty:
        for k in ("agreement", "label_counts", "evaluation", "targets", "coefficients"):
            ctx[k] = PENDING
        return ctx
    ag = record.agreement(rec)
    ctx["agreement"] = md(ag)
    lc = pd.crosstab(coded["tone"], coded["voice"], margins=True, margins_name="all").reset_index()
    ctx["label_counts"] = md(lc)
    v = crossval.evaluate(rec, final=final, n_splits=n_folds)
    if final:
        _same_as_logged(v.summary, rounds)
    summ = v.summary.copy()
    ctx["evaluation"] = "\n\n".join([
        md(summ[["part", "method", "n", "macro_f1", "macro_f1_3", "recall_coop", "recall_conf", "recall_mixed",
                 "recall_neutral"]]),
        "Confusion matrix, model, cross-validation (rows: final hand label; columns: predicted):",
        md(v.confusion[("model", "cv")].reset_index()),
        ("Test part: " + ("scored above (once)." if final else
                          f"not yet looked at ({ctx['n_test']} articles with split test; the lead runs report.py --final "
                          "once, after the new test set is coded)." if ctx["n_test"] else
                          "none now: every article of the record is development; the next test set (round "
                          f"{_next_round(rounds)}) is being collected and coded, and joins with build.py --new-split test."))])
    t = v.targets.assign(met=v.targets["met"].map({True: "met", False: "NOT met"}))
    ctx["targets"] = "Targets of issue 16:\n\n" + md(t)
    ctx["coefficients"] = md(v.coefficients.reset_index().rename(columns={"index": "feature"}))
    return ctx


def _round_lines(rounds: pd.DataFrame, a: pd.DataFrame) -> str:
    """One line per logged test round, from test_rounds.csv: never typed by hand."""
    if rounds.empty:
        return "- (no test round scored yet)"
    out = []
    for n, r in rounds.groupby("round", sort=True):
        m = r.set_index("method")
        now = "now `dev` (merged after its look)" if r["afterwards"].iloc[0] else "the current test part"
        out.append(f"- Round {n} ({r['scored'].iloc[0]}, measure **{r['measure'].iloc[0]}**, {int(r['n_articles'].iloc[0])} "
                   f"articles, {int(m.loc['model', 'n'])} sentences; {now}): model macro-F1 "
                   f"{m.loc['model', 'macro_f1']:.2f}, rules {m.loc['rules', 'macro_f1']:.2f}, VADER "
                   f"{m.loc['vader', 'macro_f1']:.2f}; recall `coop` {m.loc['model', 'recall_coop']:.2f}, "
                   f"`conf` {m.loc['model', 'recall_conf']:.2f}.")
    return "\n".join(out)


def _next_look(rounds: pd.DataFrame, a: pd.DataFrame) -> str:
    """What the next honest figure on unseen articles needs, given the state of the test part."""
    test = a["split"] == "test"
    nxt = _next_round(rounds)
    if test.any() and (a.loc[test, "test_round"] == "").all():
        return (f"**The next look is round {nxt}**: {int(test.sum())} test articles are in the record and have not "
                "been scored; `report.py --final` scores them once with the frozen measure.")
    if test.any():
        return (f"**The test part has had its look.** Before a changed measure reports a figure on unseen articles, "
                f"the current test articles join development (`build.py --merge-round {nxt - 1}`) and a new test set "
                f"(round {nxt}), collected and coded by sessions that do not develop the measure, is added with "
                "`build.py --new-split test` and scored once.")
    return (f"**No test part now**: the next test set (round {nxt}) joins with `build.py --new-split test` and is "
            "scored once with `report.py --final`.")


def _next_round(rounds: pd.DataFrame) -> int:
    return int(rounds["round"].max()) + 1 if len(rounds) else 1


def scored(rec: record.Record) -> bool:
    """True when the test part exists and every test article was scored in a logged round: the card
    then shows that round's figures (re-rendering the card is not a new look at the test set)."""
    test = rec.articles["split"] == "test"
    return bool(test.any()) and bool((rec.articles.loc[test, "test_round"] != "").all())


def _same_as_logged(summary: pd.DataFrame, rounds: pd.DataFrame) -> None:
    """The test figures recomputed for the card must be the ones logged when the round was scored;
    if they differ, the measure changed after its one look at the test set, and a new test set is due."""
    if rounds.empty:
        return
    last = rounds[rounds["round"] == rounds["round"].max()].set_index("method")
    for r in summary[summary["part"] == "test"].itertuples():
        if r.method in last.index and abs(float(last.loc[r.method, "macro_f1"]) - float(r.macro_f1)) > 5e-4:
            raise SystemExit(f"the {r.method} macro-F1 on the test part is now {r.macro_f1:.4f}, but round "
                             f"{int(last['round'].iloc[0])} logged {float(last.loc[r.method, 'macro_f1']):.4f}: the "
                             "measure changed after the test set was looked at once. Collect and code a new test set "
                             "(build.py --new-split test), then report.py --final.")


def render(rec: record.Record, final: bool) -> str:
    tpl = jinja2.Template((Path(__file__).parent / "card.md.j2").read_text(encoding="utf-8"), keep_trailing_newline=True)
    return tpl.render(**context(rec, final))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=None)
    ap.add_argument("--final", action="store_true", help="also score the held-back test articles (once, at the end)")
    ap.add_argument("--check", action="store_true", help="exit 1 when README.md differs from what would be written")
    ap.add_argument("--again", action="store_true", help="with --final: score test articles that an earlier round scored")
    args = ap.parse_args(argv)
    rec = record.load(args.folder)
    out = rec.folder / "README.md"
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        text = render(rec, final=scored(rec))
        if current != text:
            print(f"{out} is out of date: run tools/tone_record/report.py", file=sys.stderr)
            return 1
        return 0
    if args.final:
        log_round(rec, again=args.again)
        rec = record.load(args.folder)
    out.write_text(render(rec, args.final or scored(rec)), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def log_round(rec: record.Record, *, again: bool = False) -> int:
    """Score the held-out test articles once and keep the figures: a new row per method in
    ``test_rounds.csv`` and the round's number in ``articles.csv`` (``test_round``).

    Refuses when every test article already carries a round (it was scored before) unless
    ``again``: a test set is looked at once.
    """
    import subprocess
    from datetime import date

    from araz.tone import model

    a = rec.articles
    test = a["split"] == "test"
    if not test.any():
        raise SystemExit("no article has split test: add the new test set first (tools/tone_record/build.py --new-split test)")
    if (a.loc[test, "test_round"] != "").all() and not again:
        raise SystemExit("every test article was scored in an earlier round (test_round set); a test set is looked at "
                         "once. Pass --again only if you mean to score it a second time (say so in the card).")
    rounds = record.test_rounds(rec.folder)
    n = int(rounds["round"].max()) + 1 if len(rounds) else 1
    v = crossval.evaluate(rec, final=True, seeds=False)
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = ""
    cols = ["macro_f1", "macro_f1_3", "recall_coop", "recall_conf", "recall_mixed", "recall_neutral"]
    new = [{"round": n, "scored": date.today().isoformat(), "measure": model.MEASURE_VERSION, "commit": commit,
            "n_articles": int(test.sum()), "afterwards": "", "method": r["method"], "n": int(r["n"]),
            **{c: round(float(r[c]), 4) for c in cols}}
           for r in v.summary[v.summary["part"] == "test"].to_dict("records")]
    out = pd.concat([rounds, pd.DataFrame(new)], ignore_index=True) if len(rounds) else pd.DataFrame(new)
    out.to_csv(rec.folder / "test_rounds.csv", index=False, lineterminator="\n")
    arts = pd.read_csv(rec.folder / "articles.csv", dtype=str, keep_default_na=False)
    if "test_round" not in arts:
        arts["test_round"] = ""
    arts.loc[(arts["split"] == "test") & (arts["test_round"] == ""), "test_round"] = str(n)
    arts.to_csv(rec.folder / "articles.csv", index=False, lineterminator="\n")
    print(f"test round {n} logged in {rec.folder / 'test_rounds.csv'}")
    return n


if __name__ == "__main__":
    sys.exit(main())
