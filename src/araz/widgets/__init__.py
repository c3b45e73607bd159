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


def explorer(corpus=None, *, importing: bool | None = None, store=None, **kwargs):
    """The explorer (an ``ipywidgets.VBox``) on ``corpus`` (default: the shipped corpus).

    On a store (``corpus`` is what :func:`araz.open_store` returns, or ``store=`` its folder)
    it is the :class:`~araz.widgets._store_explorer.StoreExplorer`: every view a DuckDB query
    over the store's Parquet files, so an archive is never loaded into memory.

    On your own folder (``araz.load_corpus("path")``) it comes with an import panel above it
    (``importing=None`` means: a folder corpus, not the class server's downloads mode, and
    importing not turned off with ``ARAZ_IMPORT=off``): imported articles are written into that
    folder and appear in the explorer at once. ``importing=False`` leaves the panel out.
    """
    from ..corpus import corpus_or_default
    from ..store.reader import StoreCorpus
    from ._explorer import Explorer
    from ._import_panel import import_allowed

    if store is not None or isinstance(corpus, StoreCorpus):
        from ._store_explorer import StoreExplorer

        return StoreExplorer(store if store is not None else corpus, **kwargs)
    corpus = corpus_or_default(corpus)
    if importing is None:
        importing = (getattr(corpus, "root", None) is not None and not getattr(corpus, "is_shipped", True)
                     and not kwargs.get("downloads") and import_allowed())
    if importing:
        from ._workspace import Workspace

        return Workspace(corpus, **kwargs)
    return Explorer(corpus, **kwargs)


def tone_lab(corpus=None, **kwargs):
    """The tone lab (an ``ipywidgets.VBox``) on ``corpus`` (default: the shipped corpus)."""
    from ..corpus import corpus_or_default
    from ._tone_lab import ToneLab

    return ToneLab(corpus_or_default(corpus), **kwargs)
