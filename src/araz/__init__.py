"""Araz: a Jupyter teaching and briefing kit on Iran–Azerbaijan relations.

>>> import araz
>>> corpus = araz.load_corpus()
>>> corpus.cite("mehr-2021-korybko ¶1.1")[:22]
'Ms. Rafiga Mammadzadeh'

Submodules load on first use (``araz.tone``, ``araz.actors``…), so ``import araz`` stays fast.
"""
from __future__ import annotations

import importlib

import pandas as _pd

# pandas 3 keeps text in Arrow buffers whenever pyarrow is installed (the archive store needs pyarrow).
# The kit builds, caches and matches its tables as Python str objects (cache.py reads and writes the
# object array behind a column; gazetteer and tone index into it without copying), so Arrow-backed text
# would be copied to Python objects at each of those steps and lone surrogates would not even load.
# Text columns made while araz is imported therefore use pandas' Python storage.
_pd.set_option("mode.string_storage", "python")

from .corpus import Corpus, Document, Span, format_citation, load_corpus, parse_citation
from .errors import ArazError, CitationError, CorpusError, Issue, QueryError, ScopeError, TableError
from .validate import validate

__version__ = "0.1.0"
_SUBMODULES = {
    "actors", "briefing", "cache", "claims", "corpus", "corridors", "dates", "errors", "exercises", "explore",
    "formats", "gazetteer", "paths", "plots", "progress", "search", "sources", "tables", "text", "timeline",
    "tone", "widgets", "store", "ingest", "serve", "languages",
}
__all__ = [
    "load_corpus", "Corpus", "Document", "Span", "parse_citation", "format_citation", "validate",
    "ArazError", "CorpusError", "CitationError", "TableError", "QueryError", "ScopeError", "Issue", "open_store",
]


def open_store(path):
    """A Parquet store (``araz store build``) as a lazy :class:`Corpus`: see :mod:`araz.store`."""
    from .store.reader import open_store as _open  # on first use: ``import araz`` stays fast
    return _open(path)


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'araz' has no attribute '{name}'")


def __dir__():
    return sorted(set(__all__) | _SUBMODULES | {"__version__"})
