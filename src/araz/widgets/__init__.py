"""Widgets: thin views over :mod:`araz.explore` and :mod:`araz.tone`.

* ``explorer(corpus=None)`` — filters (outlet, perspective, dates, actors, corridors, 3+3,
  tone, voice, full-text query), ranked results with a reader, compare, tone over time
  and export;
* ``tone_lab(corpus=None)`` — score a sentence, edit the lexicon in memory, watch the
  agreement with the hand labels change, save the edited lexicon.

Each returns an ipywidgets box; show it by leaving it last in a cell. Every piece of
document text or metadata is escaped before it enters HTML (:mod:`araz.widgets._html`).

>>> import araz
>>> from araz.widgets import explorer
>>> app = explorer(araz.load_corpus())
>>> app.controls["query"].value = "Zangezur"
>>> app.total
1
"""
from __future__ import annotations

__all__ = ["explorer", "tone_lab"]


def explorer(corpus=None, **kwargs):
    """The explorer (an ``ipywidgets.VBox``) on ``corpus`` (default: the shipped corpus)."""
    from ..corpus import corpus_or_default
    from ._explorer import Explorer

    return Explorer(corpus_or_default(corpus), **kwargs)


def tone_lab(corpus=None, **kwargs):
    """The tone lab (an ``ipywidgets.VBox``) on ``corpus`` (default: the shipped corpus)."""
    from ..corpus import corpus_or_default
    from ._tone_lab import ToneLab

    return ToneLab(corpus_or_default(corpus), **kwargs)
