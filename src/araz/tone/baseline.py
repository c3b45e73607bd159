"""The baseline: VADER (a general sentiment lexicon) on the same sentences, mapped to our labels."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from ..corpus import Corpus, corpus_or_default
from ..errors import ScopeError
from . import rules as R
from .sentences import _memo, score_sentences


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_label(compound, pos, neg) -> np.ndarray:
    """Map VADER scores to coop/conf/mixed/neutral with the documented thresholds.

    ``mixed`` when both ``pos`` and ``neg`` reach :data:`VADER_MIXED`; else ``coop`` when
    ``compound >= R.VADER_POS`` (0.05, VADER's own threshold), ``conf`` when
    ``compound <= R.VADER_NEG`` (−0.05), ``neutral`` in between.
    """
    compound, pos, neg = (np.asarray(x, dtype=float) for x in (compound, pos, neg))
    lab = np.full(compound.shape, "neutral", dtype=object)
    lab[compound >= R.VADER_POS] = "coop"
    lab[compound <= R.VADER_NEG] = "conf"
    lab[(pos >= R.VADER_MIXED) & (neg >= R.VADER_MIXED)] = "mixed"
    return lab


def score_vader(corpus: Corpus | None = None) -> pd.DataFrame:
    """Return VADER's scores for every sentence, mapped to our labels.

    Columns: ``citation, compound, pos, neu, neg, vader_label``.

    >>> import araz
    >>> from araz import tone
    >>> v = tone.score_vader(araz.load_corpus()).set_index("citation")
    >>> row = v.loc["alwaght-2025-araghchi-baku ¶11.1"]
    >>> float(row["compound"]), row["vader_label"]
    (0.25, 'mixed')
    """
    corpus = corpus_or_default(corpus)

    def compute():
        sia = _vader()
        rows = [sia.polarity_scores(t) for t in corpus.sentences["text"]]
        df = pd.DataFrame(rows, columns=["compound", "pos", "neu", "neg"])
        df.insert(0, "citation", corpus.sentences["citation"].to_numpy())
        df["vader_label"] = vader_label(df["compound"], df["pos"], df["neg"])
        return df

    return _memo(corpus, ("vader", R.VADER_POS, R.VADER_NEG, R.VADER_MIXED), compute, persist=True).copy()


def compare(corpus: Corpus | None = None, lexicon=None) -> pd.DataFrame:
    """Return ours beside VADER, one row per sentence.

    Columns: ``citation, text, voice, label, score, terms, vader_label, compound, agree``
    and, when the corpus has hand labels, ``hand_label, split``.

    >>> import araz
    >>> from araz import tone
    >>> tone.compare(araz.load_corpus())[["label", "vader_label", "hand_label"]].shape
    (121, 3)
    """
    corpus = corpus_or_default(corpus)
    s = score_sentences(corpus, lexicon)[["citation", "text", "voice", "label", "score", "terms"]]
    v = score_vader(corpus)[["citation", "vader_label", "compound"]]
    out = s.merge(v, on="citation", how="left")
    out["agree"] = out["label"] == out["vader_label"]
    from .validation import load_labels  # validation imports this module

    try:
        h = load_labels(corpus)[["citation", "label", "split"]].rename(columns={"label": "hand_label"})
        out = out.merge(h, on="citation", how="left")
    except ScopeError:
        pass
    return out
