"""Araz: a Jupyter teaching and briefing kit on Iran–Azerbaijan relations.

>>> import araz
>>> corpus = araz.load_corpus()
>>> corpus.cite("mehr-2021-korybko ¶1.1")[:22]
'Ms. Rafiga Mammadzadeh'
"""
from .corpus import Corpus, Document, Span, format_citation, load_corpus, parse_citation
from .errors import ArazError, CitationError, CorpusError, Issue, QueryError, ScopeError, TableError
from .validate import validate

__version__ = "0.1.0"
__all__ = [
    "load_corpus", "Corpus", "Document", "Span", "parse_citation", "format_citation", "validate",
    "ArazError", "CorpusError", "CitationError", "TableError", "QueryError", "ScopeError", "Issue",
]
