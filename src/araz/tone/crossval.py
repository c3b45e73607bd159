"""Out-of-article evaluation on the tone record: grouped cross-validation, then the test part once.

An article's sentences share an outlet, an author, a topic and a wording; a measure tuned
on some of them and tested on the others looks better than it is on a new article. So
the folds are drawn **by article**: an article's fold is fixed by its id's hash
(:func:`araz.tone.learned.fold_of`, 5 folds), so no article is ever on both sides and the
folds stay the same when articles are added. The learned word cues (measure v3) are read from
the record's stored out-of-fold columns: in fold ``k`` every row's ``lex_…`` comes from
``lex<k>_…``, learned without fold ``k`` and without the row's own fold (nested), so the test
fold's labels reach nothing the model is fitted on.
Three measures are scored on the same sentences in the same run:

* ``rules`` — the lexicon rules as they ship (nothing is fitted);
* ``model`` — the logistic regression of :mod:`araz.tone.model`, refitted in every fold on
  the other folds' articles;
* ``vader`` — VADER's scores stored in the record's features, mapped by the documented
  thresholds (:func:`araz.tone.vader_label`).

The development part (``split == "dev"``: every article of rounds so far, including those
held out in test rounds 1 and 2 and merged into dev afterwards) is cross-validated; the
held-out ``test`` part (a new set of articles coded after the measure was frozen, added with
``tools/tone_record/build.py --new-split test``) is scored once by the model fitted on all
dev articles (``final=True``) — look at it once, at the end. The shipped seed sentences
(``data/annotations/tone_labels.csv``) are scored by the same fitted model.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import ScopeError
from .rules import LABELS

#: the issue's targets (out of article)
TARGETS = {"macro_f1": 0.65, "recall_coop": 0.60, "recall_conf": 0.60, "above_vader": 0.20, "seeds_macro_f1": 0.65}
LABELS3 = ("coop", "conf", "neutral")


def metrics(truth, pred) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """Macro-F1 over the 4 labels, macro-F1 over 3 (sentences hand-coded ``mixed`` left
    out; a predicted ``mixed`` then counts as an error), per-class precision/recall/F1 and
    the confusion matrix (rows: hand labels, columns: predictions)."""
    from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

    truth = np.asarray(truth, dtype=object)
    pred = np.asarray(pred, dtype=object)
    labels = list(LABELS)
    p, r, f, s = precision_recall_fscore_support(truth, pred, labels=labels, zero_division=0)
    per = pd.DataFrame({"label": labels, "precision": p, "recall": r, "f1": f, "support": s})
    keep = truth != "mixed"
    f3 = f1_score(truth[keep], pred[keep], labels=list(LABELS3), average="macro", zero_division=0) if keep.any() else np.nan
    cm = pd.DataFrame(confusion_matrix(truth, pred, labels=labels), index=pd.Index(labels, name="hand"),
                      columns=pd.Index(labels, name="predicted"))
    summary = {"n": int(len(truth)), "accuracy": float((truth == pred).mean()) if len(truth) else np.nan,
               "macro_f1": float(f.mean()), "macro_f1_3": float(f3),
               **{f"recall_{lab}": float(x) for lab, x in zip(labels, r)}}
    return summary, per, cm


@dataclass(frozen=True)
class RecordValidation:
    """The out-of-article figures.

    * ``summary``: ``method, part, n, accuracy, macro_f1, macro_f1_3, recall_coop, recall_conf, recall_mixed, recall_neutral``
      (``part`` = ``cv`` for the grouped cross-validation over dev, ``test``, ``seeds``);
    * ``per_class``: ``method, part, label, precision, recall, f1, support``;
    * ``confusion``: ``{(method, part): DataFrame}``;
    * ``predictions``: one row per evaluated sentence (``article_id, paragraph, sentence, part, fold, hand, rules, model, vader``);
    * ``folds``: ``article_id, fold`` (grouped: each article in exactly one fold);
    * ``coefficients``: the model fitted on all dev articles (feature × class);
    * ``targets``: ``target, value, threshold, met``.
    """

    summary: pd.DataFrame
    per_class: pd.DataFrame
    confusion: dict
    predictions: pd.DataFrame = field(repr=False)
    folds: pd.DataFrame = field(repr=False)
    coefficients: pd.DataFrame = field(repr=False)
    targets: pd.DataFrame = field(repr=False)

    def __str__(self) -> str:
        lines = ["Tone record, out of article (grouped by article) — macro-F1 over coop/conf/mixed/neutral; "
                 "3-class without mixed"]
        for r in self.summary.itertuples(index=False):
            lines.append(f"  {r.method:<6} {r.part:<6} n={r.n:<4} macro-F1 {r.macro_f1:.2f}  3-class {r.macro_f1_3:.2f}  "
                         f"recall coop {r.recall_coop:.2f} conf {r.recall_conf:.2f} mixed {r.recall_mixed:.2f} "
                         f"neutral {r.recall_neutral:.2f}")
        for (method, part), cm in self.confusion.items():
            if method != "vader":
                lines.append(f"confusion, {method} {part} (rows hand, columns predicted):")
                lines.extend("  " + ln for ln in cm.to_string().splitlines())
        lines.append("targets:")
        for r in self.targets.itertuples(index=False):
            lines.append(f"  {'met' if r.met else 'NOT met':<8} {r.target}: {r.value:.2f} (target {r.threshold})")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def _vader_labels(t: pd.DataFrame) -> np.ndarray:
    from .baseline import vader_label

    return vader_label(t["vader_compound"], t["vader_pos"], t["vader_neg"])


def folds_by_article(articles, n_splits: int = 5) -> pd.DataFrame:
    """``article_id, fold``: each article's fold from its id's hash (:func:`araz.tone.learned.fold_of`),
    so a fold never splits an article and stays the same when articles are added (measure v3;
    v1 and v2 used ``GroupKFold``, which reshuffles when the record grows)."""
    from .learned import fold_of

    a = pd.Series(articles).drop_duplicates().reset_index(drop=True)
    if a.nunique() < 2:
        raise ScopeError(f"grouped cross-validation needs at least 2 articles; the development part has {a.nunique()}")
    fold = np.array([fold_of(x, n_splits) for x in a], dtype=int)
    return pd.DataFrame({"article_id": a, "fold": fold})


def evaluate(rec=None, *, n_splits: int = 5, final: bool = False, seeds: bool = True, C: float | None = None,
             with_vader: bool = False, **fit_kw) -> RecordValidation:
    """Cross-validate by article over the record's dev part; with ``final`` also score the test part.

    ``C`` and ``fit_kw`` (``context``, ``offsets``, ``balanced``, ``learned``) go to
    :func:`araz.tone.model.fit` (default: the shipped settings), so a change can be compared on
    the same folds (``learned=False`` is measure v2 on these folds). With the learned word cues,
    ``n_splits`` must be the number of folds the record stores them for (5).
    """
    from . import model as M
    from . import record as R

    rec = R.load() if rec is None else rec
    if C is not None:
        fit_kw["C"] = C
    t = rec.table()
    if t.empty:
        raise ScopeError("the tone record has no coded sentences yet: fill the tone column of "
                         "data/tone_record/sentences.csv (tools/tone_record/build.py --final …)")
    dev = t[t["split"] == "dev"].reset_index(drop=True)
    folds = folds_by_article(dev["article_id"], n_splits)
    fold = dev["article_id"].map(dict(zip(folds["article_id"], folds["fold"]))).to_numpy()
    learned = fit_kw.get("learned", True)
    if learned:
        from .learned import LEARNED_FEATURES, N_FOLDS

        if n_splits != N_FOLDS or "fold" not in dev or (dev["fold"].to_numpy() != fold).any():
            raise ScopeError(f"the record's learned word features are stored out of fold for {N_FOLDS} folds by "
                             f"article hash; cross-validate with n_splits={N_FOLDS}, rebuild the features with "
                             "tools/tone_record/build.py, or pass learned=False")
    model_pred = np.empty(len(dev), dtype=object)
    for k in np.unique(fold):
        tr, te = fold != k, fold == k
        dk = dev
        if learned:   # fold k's nested out-of-fold values: learned without fold k and without each row's own fold
            dk = dev.assign(**{c: dev[c.replace("lex_", f"lex{k}_")] for c in LEARNED_FEATURES})
        m = M.fit(dk[tr], dk.loc[tr, "tone"], with_vader=with_vader, **fit_kw)
        model_pred[te] = m.predict(dk[te])
    keys = ["article_id", "paragraph", "sentence"]
    preds = dev[keys].assign(part="cv", fold=fold, hand=dev["tone"].to_numpy(), rules=dev["rule_label"].to_numpy(),
                             model=model_pred, vader=_vader_labels(dev))
    full = M.fit(dev, dev["tone"], with_vader=with_vader, **fit_kw)
    if final:
        test = t[t["split"] == "test"].reset_index(drop=True)
        if test.empty:
            raise ScopeError("final=True scores the held-out test articles, but the record has none with split 'test' "
                             "and final labels: add them with tools/tone_record/build.py --new-split test (see "
                             "data/tone_record/README.md), or leave final=False for the development figures")
        if len(test):
            preds = pd.concat([preds, test[keys].assign(
                part="test", fold=-1, hand=test["tone"].to_numpy(), rules=test["rule_label"].to_numpy(),
                model=full.predict(test), vader=_vader_labels(test))], ignore_index=True)
    if seeds:
        preds = pd.concat([preds, _seed_predictions(full)], ignore_index=True)
    summary, per_class, confusion = [], [], {}
    for part, sub in preds.groupby("part", sort=False):
        for method in ("model", "rules", "vader"):
            s, per, cm = metrics(sub["hand"], sub[method])
            summary.append({"method": method, "part": part, **s})
            per_class.append(per.assign(method=method, part=part))
            confusion[(method, part)] = cm
    summary = pd.DataFrame(summary)
    per_class = pd.concat(per_class, ignore_index=True)[["method", "part", "label", "precision", "recall", "f1", "support"]]
    return RecordValidation(summary, per_class, confusion, preds, folds, full.coefficients, _targets(summary))


def disagreements(v: RecordValidation, rec=None, *, method: str = "model", part: str = "cv") -> pd.DataFrame:
    """The sentences where ``method`` and the hand label differ, with what the measure saw.

    Columns: ``citation`` (``article_id ¶p.s``), ``outlet, side, published, url, hand``, the
    three measures' labels, ``terms`` (matched lexicon terms with flags), ``quad_class,
    intensity, n_hedges, auto_voice``. The text is not stored: read it at ``url``.
    """
    from . import record as R

    rec = R.load() if rec is None else rec
    p = v.predictions
    p = p[(p["part"] == part) & (p["hand"] != p[method])]
    keys = ["article_id", "paragraph", "sentence"]
    t = rec.table()[keys + ["outlet", "side", "published", "url", "terms", "quad_class", "intensity", "n_hedges",
                            "auto_voice"]]
    out = p.merge(t, on=keys, how="left")
    out.insert(0, "citation", out["article_id"] + " ¶" + out["paragraph"].astype(str) + "." + out["sentence"].astype(str))
    return out[["citation", "outlet", "side", "published", "url", "hand", "rules", "model", "vader", "terms",
                "quad_class", "intensity", "n_hedges", "auto_voice"]].reset_index(drop=True)


def _seed_predictions(model) -> pd.DataFrame:
    """The fitted model on the shipped seed sentences, beside their hand labels."""
    from ..corpus import load_corpus
    from .features import for_corpus
    from .validation import load_labels

    corpus = load_corpus()
    f = for_corpus(corpus, vader=True)
    hand = load_labels(corpus).set_index("citation")["label"]
    f = f[f["citation"].isin(hand.index)].reset_index(drop=True)
    return pd.DataFrame({"article_id": f["doc_id"], "paragraph": 0, "sentence": 0, "part": "seeds", "fold": -1,
                         "hand": f["citation"].map(hand).to_numpy(), "rules": f["rule_label"].to_numpy(),
                         "model": model.predict(f), "vader": _vader_labels(f), "citation": f["citation"]})


def _targets(summary: pd.DataFrame) -> pd.DataFrame:
    def get(method, part, col):
        s = summary[(summary["method"] == method) & (summary["part"] == part)]
        return float(s[col].iloc[0]) if len(s) else np.nan

    part = "test" if ((summary["part"] == "test").any()) else "cv"
    rows = [
        (f"model macro-F1 ({part})", get("model", part, "macro_f1"), TARGETS["macro_f1"]),
        (f"model recall coop ({part})", get("model", part, "recall_coop"), TARGETS["recall_coop"]),
        (f"model recall conf ({part})", get("model", part, "recall_conf"), TARGETS["recall_conf"]),
        (f"model minus VADER macro-F1 ({part})", get("model", part, "macro_f1") - get("vader", part, "macro_f1"),
         TARGETS["above_vader"]),
        ("model macro-F1 (seeds)", get("model", "seeds", "macro_f1"), TARGETS["seeds_macro_f1"]),
    ]
    if part == "test":
        rows.insert(0, ("model macro-F1 (cv)", get("model", "cv", "macro_f1"), TARGETS["macro_f1"]))
    return pd.DataFrame([{"target": a, "value": v, "threshold": th, "met": bool(v >= th)} for a, v, th in rows])


__all__ = ["evaluate", "metrics", "folds_by_article", "disagreements", "RecordValidation", "TARGETS"]
