"""What every visitor shares: the corpus and its analyses, loaded once per server process."""
from __future__ import annotations

import os
import threading

_lock = threading.Lock()
_corpus = None


def corpus():
    """The shared corpus (``$ARAZ_CORPUS`` or the shipped one), loaded and analysed once."""
    global _corpus
    if _corpus is None:
        with _lock:
            if _corpus is None:
                from ..corpus import load_corpus

                _corpus = load_corpus(os.environ.get("ARAZ_CORPUS") or None)
    return _corpus


def warm() -> dict:
    """Load the corpus and build what the first visitor would otherwise wait for; return counts."""
    from .. import explore, search

    from ._visitor import Visitor

    c = corpus()
    ix = explore.index(c)  # tone labels and mentions are computed here
    ix.row_label_columns(ix.s_doc[:1])  # the per-sentence entity labels of large exports (~6 s at 10,000 articles)
    search.build_index(c)
    v = Visitor(c, "warm-up")  # imports matplotlib, builds its font cache, draws once
    for msg in ({"action": "hello"}, {"action": "select"}, {"action": "chart"}):
        v.handle(msg)
    v.close()
    return {"documents": len(c), "sentences": ix.n_sentences, "warnings": list(ix.warnings)}
