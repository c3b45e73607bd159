"""Word cues learned from the tone record: weighted log-odds with an informative Dirichlet prior.

The lexicon and the register lists were written by hand; the record's coders read tone in
words nobody listed. This module *learns* word cues from the coded sentences, in the open:
for each label (coop, conf, mixed, neutral) and each word or two-word sequence, the
weighted log-odds of the word in that label's sentences against all others, shrunk toward
the word's overall frequency by an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, "Fightin' Words", section 3.5.1):

    δ_w(c) = log[(y_cw + α_w) / (n_c + α_0 − y_cw − α_w)] − log[(y_rw + α_w) / (n_r + α_0 − y_rw − α_w)]
    σ²_w(c) ≈ 1 / (y_cw + α_w) + 1 / (y_rw + α_w),   z_w(c) = δ_w(c) / σ_w(c)

with ``y_cw`` the count of ``w`` in sentences of label ``c``, ``y_rw`` in the rest, ``n_c``,
``n_r`` their totals and ``α_w = α_0 · (share of w in the whole training part)``. A word's
weight for a label is ``δ`` where ``|z| ≥ Z_MIN`` (a clear difference), else 0. A sentence's
features are the sums of its distinct words' weights per label (``lex_coop`` …), so a model
coefficient on ``lex_conf`` reads "per unit of learned conflict cue", and the words behind it
can be named (``lex_words``).

Only words that can generalise are learned: a word must occur in at least
:data:`MIN_ARTICLES` different training articles (an article's own names and turns of phrase
are not cues), and words mostly written with a capital inside a sentence (names of people,
places, outlets) are left out. Nothing of the text is kept: the vocabulary holds words with
counts and weights (``data/lexicons/learned_words.csv``).

Honesty of the cross-validation (:func:`out_of_fold`): a sentence's learned features never
come from a lexicon that saw its own article's labels, and in fold ``k`` of the
cross-validation the training rows' features were learned without fold ``k`` as well
(nested), so the test fold's labels reach nothing the model is fitted on. Folds are fixed by
the article id's hash (:func:`fold_of`), so they stay the same when articles are added.

Performance: tokens come from one regular expression over the normalised sentence; the
lexicon is a dict look-up per token, so applying it is linear in the words (see :func:`apply`).

>>> lex = learn(["Tehran warned Baku over the drills.", "Baku warned of provocation.", "They warned again.",
...              "The sides signed a deal.", "Ministers signed the accord.", "They signed it."],
...             ["conf", "conf", "conf", "coop", "coop", "coop"], ["a", "b", "c", "a", "b", "c"], z_min=0)
>>> float(lex.set_index("word").loc["warned", "w_conf"]) > 0 > float(lex.set_index("word").loc["signed", "w_conf"])
True
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

#: the labels a weight is learned for (one against the rest)
CLASSES = ("coop", "conf", "mixed", "neutral")
#: a word is learned only when it occurs in at least this many different articles
MIN_ARTICLES = 3
#: strength of the informative prior (α_0, in words) and the |z| a weight needs to count
#: (chosen on the development folds among α_0 ∈ {100, 500, 1000, 2000, 5000, 20000} and
#: |z| ∈ {0, 1, 1.5, 1.96}: see data/tone_record/README.md, so the CV figure is optimistic by that choice)
ALPHA0 = 2000.0
Z_MIN = 1.0
#: folds of the cross-validation, fixed by the article id's hash
N_FOLDS = 5
#: the sentence feature columns, with what each means
LEARNED_FEATURES = {f"lex_{c}": f"sum of learned {c} weights of the sentence's words (record-learned, out of article)"
                    for c in CLASSES}

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_STOP_BIGRAM = frozenset("the a an of to in on and or for with by at from as is was be are were that this it its".split())


def fold_of(article_id: str, n_folds: int = N_FOLDS) -> int:
    """The article's cross-validation fold: its sha1's first 8 hex digits modulo ``n_folds``
    (stable when articles are added; no article is ever in two folds)."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8], 16) % n_folds


def tokens(text: str) -> set[str]:
    """The distinct cue candidates of a sentence: lower-cased words and two-word sequences
    (a sequence of two function words, "of the", is not a candidate)."""
    w = [t.replace("’", "'").casefold() for t in _TOKEN.findall(text)]
    w = [t for t in w if len(t) >= 2]
    big = [f"{a} {b}" for a, b in zip(w, w[1:]) if not (a in _STOP_BIGRAM and b in _STOP_BIGRAM)]
    return set(w) | set(big)


def names(texts) -> set[str]:
    """Words written with a capital in most of their occurrences after a sentence's first word:
    names of people, places and outlets, which are not tone cues."""
    cap, total = Counter(), Counter()
    for t in texts:
        for tok in _TOKEN.findall(t)[1:]:
            k = tok.replace("’", "'").casefold()
            total[k] += 1
            cap[k] += tok[0].isupper()
    return {k for k, n in total.items() if cap[k] > n / 2}


def learn(texts, labels, groups, *, min_articles: int = MIN_ARTICLES, alpha0: float = ALPHA0,
          z_min: float = Z_MIN) -> pd.DataFrame:
    """The learned lexicon from coded sentences: one row per word kept.

    Columns ``word, n_articles, n_sentences`` (in the training sentences), then per label
    ``w_<label>`` (δ where ``|z| ≥ z_min``, else 0) and ``z_<label>``. Rows whose weights are
    all 0 are dropped. ``groups`` are the article ids (for ``min_articles``).
    """
    texts, labels, groups = list(texts), np.asarray(list(labels), dtype=object), list(groups)
    toks = [tokens(t) for t in texts]
    banned = names(texts)
    arts: dict[str, set] = {}
    for ts, g in zip(toks, groups):
        for w in ts:
            arts.setdefault(w, set()).add(g)
    vocab = sorted(w for w, a in arts.items() if len(a) >= min_articles and not (set(w.split()) & banned))
    index = {w: i for i, w in enumerate(vocab)}
    counts = np.zeros((len(CLASSES), len(vocab)))
    cls = {c: i for i, c in enumerate(CLASSES)}
    for ts, lab in zip(toks, labels):
        if lab not in cls:
            continue
        ids = [index[w] for w in ts if w in index]
        np.add.at(counts[cls[lab]], ids, 1)
    total = counts.sum(axis=0)
    out = pd.DataFrame({"word": vocab, "n_articles": [len(arts[w]) for w in vocab], "n_sentences": total.astype(int)})
    if not len(vocab):
        for c in CLASSES:
            out[f"w_{c}"] = out[f"z_{c}"] = pd.Series(dtype=float)
        return out
    alpha = alpha0 * total / total.sum()
    for c, i in cls.items():
        y_c, y_r = counts[i], total - counts[i]
        n_c, n_r = y_c.sum(), y_r.sum()
        delta = (np.log((y_c + alpha) / (n_c + alpha0 - y_c - alpha))
                 - np.log((y_r + alpha) / (n_r + alpha0 - y_r - alpha)))
        z = delta / np.sqrt(1 / (y_c + alpha) + 1 / (y_r + alpha))
        out[f"w_{c}"] = np.where(np.abs(z) >= z_min, delta, 0.0)
        out[f"z_{c}"] = z
    keep = (out[[f"w_{c}" for c in CLASSES]].abs() > 0).any(axis=1)
    return out[keep].reset_index(drop=True)


def apply(lexicon: pd.DataFrame, texts, *, top: int = 3) -> pd.DataFrame:
    """Per sentence: :data:`LEARNED_FEATURES` (sums of the weights of its distinct learned words)
    and ``lex_words``: its ``top`` learned words with the largest weight on any label, each with
    the label it weighs most toward (``summoned:conf|detained:conf``), for explanations.

    Performance: one pass of the token regex per sentence, dict look-ups of the words and only
    of the two-word sequences whose first word starts one in the lexicon; the sums are one sparse
    matrix product (sentences × words) @ (words × labels) instead of a small numpy sum per
    sentence (which cost ~4× more at 300,000 sentences).
    """
    from scipy import sparse

    texts = list(texts)
    vocab = lexicon["word"].tolist()
    index = {w: i for i, w in enumerate(vocab)}
    W = lexicon[[f"w_{c}" for c in CLASSES]].to_numpy(dtype=float).reshape(len(vocab), len(CLASSES))
    strength = np.abs(W).max(axis=1) if len(vocab) else np.zeros(0)
    best = [CLASSES[j] for j in (W.argmax(axis=1) if len(vocab) else [])]
    pairs: dict[str, dict[str, int]] = {}   # first word -> second word -> column of the two-word sequence
    for j, w in enumerate(vocab):
        if " " in w:
            a, b = w.split(" ", 1)
            pairs.setdefault(a, {})[b] = j
    rows: list[int] = []
    cols: list[int] = []
    words = []
    for i, t in enumerate(texts):
        toks = [w for w in _TOKEN.findall(t.replace("’", "'").casefold()) if len(w) >= 2]
        ids = {index[w] for w in toks if w in index}
        for a, b in zip(toks, toks[1:]):
            nxt = pairs.get(a)
            if nxt is not None and b in nxt:
                ids.add(nxt[b])
        if ids:
            rows.extend([i] * len(ids))
            cols.extend(ids)
            hit = sorted(ids, key=lambda j: (-strength[j], vocab[j]))[:top]
            words.append("|".join(f"{vocab[j]}:{best[j]}" for j in hit))
        else:
            words.append("")
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocab)))
    out = pd.DataFrame(np.asarray(m @ W).reshape(len(texts), len(CLASSES)), columns=list(LEARNED_FEATURES))
    out["lex_words"] = words
    return out


#: the lexicon learned on all development articles of the record (tools/tone_record/build.py)
SHIPPED = ("lexicons", "learned_words.csv")
WORD_COLUMNS = ["word", "n_articles", "n_sentences", *(f"w_{c}" for c in CLASSES)]


def load(path=None) -> pd.DataFrame:
    """The shipped learned lexicon (``data/lexicons/learned_words.csv``, schema ``learned_words``),
    or the one at ``path``; read once per path (it is small)."""
    from pathlib import Path

    from ..paths import shipped

    path = Path(path) if path is not None else shipped(*SHIPPED)
    return _load(str(path), path.stat().st_mtime if path.exists() else 0.0)


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> pd.DataFrame:
    from pathlib import Path

    from ..errors import ScopeError
    from ..tables import read_table

    if not Path(path).exists():
        raise ScopeError(f"{path} is missing: the learned word cues are made by tools/tone_record/build.py from the "
                         "tone record's texts (or pass learned=False to araz.tone.features.compute)")
    return read_table(path, "learned_words")


def write(lexicon: pd.DataFrame, path) -> None:
    """Write a learned lexicon as ``learned_words.csv`` (weights rounded to 4 decimals)."""
    out = lexicon[WORD_COLUMNS].copy()
    for c in CLASSES:
        out[f"w_{c}"] = out[f"w_{c}"].round(4)
    out.sort_values("word").to_csv(path, index=False, lineterminator="\n")


def out_of_fold(texts, labels, groups, *, n_folds: int = N_FOLDS, **kw) -> pd.DataFrame:
    """The stored learned features of the record's development rows, never from their own article.

    Columns ``fold`` (:func:`fold_of`), ``lex_<label>`` and ``lex_words`` from the lexicon learned
    without the row's fold (what the model fitted on all development articles trains on), and,
    for each outer fold ``k``, ``lex<k>_<label>``: for a row of fold ``k``, the lexicon learned
    without fold ``k``; for a row of another fold ``j``, the lexicon learned without folds ``j``
    and ``k`` (what the cross-validation's fold ``k`` trains and tests on: the test fold's labels
    reach none of it).
    """
    texts, labels, groups = list(texts), np.asarray(list(labels), dtype=object), list(groups)
    fold = np.array([fold_of(g, n_folds) for g in groups])
    cols = list(LEARNED_FEATURES)
    out = pd.DataFrame({"fold": fold})
    base = np.zeros((len(texts), len(cols)))
    words = [""] * len(texts)
    cache: dict[frozenset, pd.DataFrame] = {}

    def lex_without(drop: frozenset) -> pd.DataFrame:
        if drop not in cache:
            tr = ~np.isin(fold, list(drop))
            cache[drop] = learn([t for t, m in zip(texts, tr) if m], labels[tr], [g for g, m in zip(groups, tr) if m], **kw)
        return cache[drop]

    for j in range(n_folds):
        rows = np.flatnonzero(fold == j)
        f = apply(lex_without(frozenset({j})), [texts[i] for i in rows])
        base[rows] = f[cols].to_numpy()
        for i, w in zip(rows, f["lex_words"]):
            words[i] = w
    for c, v in zip(cols, base.T):
        out[c] = v
    out["lex_words"] = words
    for k in range(n_folds):
        per = np.zeros((len(texts), len(cols)))
        for j in range(n_folds):
            rows = np.flatnonzero(fold == j)
            f = apply(lex_without(frozenset({j, k})), [texts[i] for i in rows])
            per[rows] = f[cols].to_numpy()
        for c, v in zip(cols, per.T):
            out[c.replace("lex_", f"lex{k}_")] = v
    return out


__all__ = ["learn", "apply", "out_of_fold", "load", "write", "fold_of", "tokens", "names", "CLASSES", "LEARNED_FEATURES", "MIN_ARTICLES"]
