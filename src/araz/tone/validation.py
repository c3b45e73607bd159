"""Hand labels of a corpus and the agreement of our labels and VADER's with them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import Corpus, corpus_or_default
from ..errors import CitationError, Issue, ScopeError, TableError
from .sentences import _memo
from .baseline import score_vader
from .rules import LABELS
from .sentences import score_sentences


def load_labels(corpus: Corpus | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Return the hand-coded labels of a corpus: ``citation, label, voice, split, coder, note, text``.

    The shipped corpus uses ``data/annotations/tone_labels.csv``; a user corpus may bring
    ``<folder>/annotations/tone_labels.csv``. Rows are checked against the schema and
    against the corpus: a citation that points nowhere, or a text that no longer matches
    the sentence, is a :class:`araz.TableError` naming the line.

    >>> import araz
    >>> from araz import tone
    >>> tone.load_labels(araz.load_corpus())["split"].value_counts().to_dict()
    {'tune': 73, 'test': 48}
    """
    from ..tables import read_table

    corpus = corpus_or_default(corpus)
    if path is None:
        path = corpus.annotation_file("tone_labels.csv")
        if path is None or not Path(path).exists():
            raise ScopeError("this corpus has no hand labels: code sentences following data/lexicons/CODEBOOK.md "
                             "and save them as <corpus folder>/annotations/tone_labels.csv "
                             "(columns citation,label,voice,split,coder,note,text)")

    def compute():
        df = read_table(path, "tone_labels")
        lines = df.attrs.get("lines", [None] * len(df))
        issues = []
        index = corpus.sentences.set_index("citation")["text"]
        for line, cit, txt in zip(lines, df["citation"], df["text"]):
            if cit not in index.index:
                try:
                    corpus.locate(cit)
                    msg = f"'{cit}' is a paragraph, not a sentence"
                except CitationError as exc:
                    msg = str(exc)
                issues.append(Issue(str(path), line, "citation", f"{msg}; fix the citation or remove the row"))
            elif txt and txt != index[cit]:
                issues.append(Issue(str(path), line, "text", f"no longer matches the sentence at {cit}; re-code it and copy the new text"))
        if issues:
            raise TableError(issues)
        return df

    return _memo(corpus, ("labels", str(path)), compute).copy()


@dataclass(frozen=True)
class Validation:
    """Agreement of our labels and VADER's with the hand labels.

    * ``summary``: ``method, split, n, accuracy, macro_f1``;
    * ``per_class``: ``method, split, label, precision, recall, f1, support``;
    * ``confusion``: ``{(method, split): DataFrame}`` — rows are hand labels, columns predictions;
    * ``voice``: ``split, n, accuracy`` — automatic voice against the hand-coded voice;
    * ``errors``: sentences where ours disagrees with the hand label (``citation, split,
      hand_label, label, vader_label, terms, text``).
    """

    summary: pd.DataFrame
    per_class: pd.DataFrame
    confusion: dict
    voice: pd.DataFrame
    errors: pd.DataFrame = field(repr=False)

    def macro_f1(self, method: str = "ours", split: str = "test") -> float:
        s = self.summary
        return float(s.loc[(s["method"] == method) & (s["split"] == split), "macro_f1"].iloc[0])

    def __str__(self) -> str:
        lines = ["Agreement with the hand labels (macro-F1 over coop, conf, mixed, neutral)"]
        for r in self.summary.itertuples(index=False):
            lines.append(f"  {r.method:<6} {r.split:<5} n={r.n:<4} accuracy {r.accuracy:.2f}  macro-F1 {r.macro_f1:.2f}")
        for r in self.voice.itertuples(index=False):
            lines.append(f"  voice  {r.split:<5} n={r.n:<4} accuracy {r.accuracy:.2f}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def _metrics(truth: np.ndarray, pred: np.ndarray) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    conf = pd.crosstab(pd.Categorical(truth, categories=LABELS), pd.Categorical(pred, categories=LABELS),
                       rownames=["hand"], colnames=["predicted"], dropna=False)
    conf = conf.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0)
    rows = []
    for lab in LABELS:
        tp = int(conf.loc[lab, lab])
        p_all = int(conf[lab].sum())
        t_all = int(conf.loc[lab].sum())
        prec = tp / p_all if p_all else 0.0
        rec = tp / t_all if t_all else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append({"label": lab, "precision": prec, "recall": rec, "f1": f1, "support": t_all})
    per = pd.DataFrame(rows)
    acc = float((truth == pred).mean()) if len(truth) else float("nan")
    return {"n": len(truth), "accuracy": acc, "macro_f1": float(per["f1"].mean())}, per, conf


def validate(corpus: Corpus | None = None, lexicon=None, *, record=None, final: bool = False, n_splits: int = 5):
    """Return a :class:`Validation`: accuracy, macro-F1, per-class precision/recall and
    confusion matrices for our lexicon and for VADER, on the held-back ``test`` split, the
    ``tune`` split and ``all`` hand-labelled sentences; plus voice agreement.

    With ``record`` (``True`` for ``data/tone_record/``, a folder, or a loaded
    :class:`araz.tone.record.Record`) it evaluates **out of article** on the 2020–2025
    tone record instead and returns a :class:`araz.tone.crossval.RecordValidation`
    (``print`` it): grouped cross-validation by article over the development part — the
    rules, the linear model and VADER side by side — plus, with ``final=True``, the
    held-back test articles (look once, at the end), the seed sentences, and the targets.

    >>> import araz
    >>> from araz import tone
    >>> v = tone.validate(araz.load_corpus())
    >>> v.macro_f1("ours", "test") > v.macro_f1("vader", "test")
    True
    """
    if record is not None and record is not False:
        from . import record as R
        from .crossval import evaluate

        rec = record if isinstance(record, R.Record) else R.load(None if record is True else record)
        return evaluate(rec, n_splits=n_splits, final=final)
    corpus = corpus_or_default(corpus)
    hand = load_labels(corpus)
    ours = score_sentences(corpus, lexicon)[["citation", "label", "voice", "terms", "text"]]
    vad = score_vader(corpus)[["citation", "vader_label"]]
    d = hand[["citation", "label", "voice", "split"]].rename(columns={"label": "hand_label", "voice": "hand_voice"})
    d = d.merge(ours, on="citation", how="inner").merge(vad, on="citation", how="inner")
    summary, per_class, confusion, voice = [], [], {}, []
    for split in ("test", "tune", "all"):
        sub = d if split == "all" else d[d["split"] == split]
        if sub.empty:
            continue
        for method, col in (("ours", "label"), ("vader", "vader_label")):
            m, per, cm = _metrics(sub["hand_label"].to_numpy(), sub[col].to_numpy())
            summary.append({"method": method, "split": split, **m})
            per_class.append(per.assign(method=method, split=split))
            confusion[(method, split)] = cm
        voice.append({"split": split, "n": len(sub), "accuracy": float((sub["hand_voice"] == sub["voice"]).mean())})
    per_class = pd.concat(per_class, ignore_index=True)[["method", "split", "label", "precision", "recall", "f1", "support"]]
    errors = d[d["hand_label"] != d["label"]][["citation", "split", "hand_label", "label", "vader_label", "terms", "text"]]
    return Validation(pd.DataFrame(summary), per_class, confusion, pd.DataFrame(voice), errors.reset_index(drop=True))
