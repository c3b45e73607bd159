"""Context features: what the *other* sentences of the same article and paragraph look like.

Many sentences coders read as cooperative or confrontational carry no cue word of their own
("The ties between the two peoples are deep."; "He was detained in Tabriz."): their tone comes
from the article around them. A sentence-level model cannot see that; these features let it, and
stay explainable ("the other sentences of this article lean to conflict: 0.8 conflict-cue
weight on average").

Every feature is computed from the sentence-level features of the *other* sentences only (never
from labels, never from the sentence itself), so it is text-free and works the same on the
record (grouped by ``article_id``) and on a user's corpus (grouped by ``doc_id``). Without a
group column every sentence stands alone and the context is 0.

Performance: the article and paragraph keys are turned into integer codes once
(``pd.factorize``), then every column is one ``np.bincount`` (group sums) and the mean over the
others is ``(group sum - own value) / (group size - 1)``: linear in the number of sentences, no
loop over articles, no pairwise work. 300,000 sentences (about 10,000 articles) take about 0.2 s
of CPU, against about 1 s with a pandas ``groupby().transform`` per column (string keys).

>>> import pandas as pd
>>> x = pd.DataFrame({"cue_coop": [1.0, 0.0, 0.0], "cue_conf": [0.0, 2.0, 0.0],
...                   "rule_coop_label": [1.0, 0.0, 0.0], "rule_conf_label": [0.0, 1.0, 0.0]})
>>> c = others(x, groups=["a", "a", "b"], paragraphs=[1, 1, 1])
>>> c["article_conf"].tolist()   # sentence 1 sees sentence 2's conflict cue; the lone sentence sees nothing
[2.0, 0.0, 0.0]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: the context features, with what each means (all "of the other sentences", never the sentence's own)
CONTEXT_FEATURES = {
    "article_coop": "mean cooperation-cue weight (lexicon + register) of the article's other sentences",
    "article_conf": "mean conflict-cue weight (lexicon + register) of the article's other sentences",
    "article_rules_coop": "share of the article's other sentences the lexicon rules call coop",
    "article_rules_conf": "share of the article's other sentences the lexicon rules call conf",
    "paragraph_coop": "mean cooperation-cue weight of the paragraph's other sentences (0 when alone)",
    "paragraph_conf": "mean conflict-cue weight of the paragraph's other sentences (0 when alone)",
}


def group_keys(feats: pd.DataFrame):
    """The article and paragraph of each row: ``article_id`` (the record) or ``doc_id`` (a corpus)."""
    col = "article_id" if "article_id" in feats else "doc_id" if "doc_id" in feats else None
    if col is None:
        return None, None
    par = feats["paragraph"].to_numpy() if "paragraph" in feats else np.ones(len(feats), dtype=int)
    return feats[col].to_numpy(), par


def _mean_of_others(v: np.ndarray, codes: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Per row: the mean of ``v`` over the other rows with the same code (0 when it is alone)."""
    s = np.bincount(codes, weights=v)[codes]
    return np.where(size > 1, (s - v) / np.maximum(size - 1, 1), 0.0)


def others(x: pd.DataFrame, groups, paragraphs) -> pd.DataFrame:
    """:data:`CONTEXT_FEATURES` from a sentence-level design with columns ``cue_coop, cue_conf,
    rule_coop_label, rule_conf_label`` (see :func:`araz.tone.model.design`)."""
    out = pd.DataFrame(0.0, index=x.index, columns=list(CONTEXT_FEATURES))
    if groups is None or len(x) == 0:
        return out
    art = pd.factorize(np.asarray(groups))[0]
    par = pd.factorize(pd.MultiIndex.from_arrays([art, np.asarray(paragraphs)]))[0]
    n_art, n_par = np.bincount(art)[art], np.bincount(par)[par]
    for side in ("coop", "conf"):
        cue = x[f"cue_{side}"].to_numpy(dtype=float)
        out[f"article_{side}"] = _mean_of_others(cue, art, n_art)
        out[f"article_rules_{side}"] = _mean_of_others(x[f"rule_{side}_label"].to_numpy(dtype=float), art, n_art)
        out[f"paragraph_{side}"] = _mean_of_others(cue, par, n_par)
    return out


__all__ = ["CONTEXT_FEATURES", "others", "group_keys"]
