"""The explorer's state and queries: what a set of filters selects, and everything shown about it.

Every control of the explorer (``araz.widgets.explorer``) maps to a field of
:class:`Filters`; every view is a plain function of the corpus (or a visitor's
:class:`Session`) and the filters, so tests, notebooks and the class server call exactly
what the widgets call:

=============================  ====================================================
``select(corpus, filters)``    one page of ranked matches (+ ``attrs`` total, pages)
``selection(corpus, filters)`` every match, ranked (a :class:`Selection`)
``count(corpus, filters)``     how many sentences (or paragraphs) match
``kwic(corpus, filters)``      keyword in context for the query, on one page
``reader(corpus, citation)``   a document ready to render: card, mentions, tone
``compare(corpus, sources)``   two or more outlets or documents side by side
``tone_series / chart``        tone over time for the selection, n per point
``export_csv / export_png``    the selection to CSV, a figure to PNG (files)
``csv_bytes / png_bytes``      the same as bytes (browser downloads; nothing written)
``brief_markdown``             a cited briefing note on the selection, as Markdown
``options(corpus)``            what each control can offer (outlets, actors, dates…)
``Session(corpus)``            one person's state: edited lexicon, picked documents, notes
=============================  ====================================================

The package separates the shared, read-only data and the per-visitor state from the
views (``araz.widgets``): :mod:`.query` (filters and the query syntax), :mod:`.indexing`
(the :class:`Index`), :mod:`.selecting`, :mod:`.reading`, :mod:`.comparing`,
:mod:`.timeline`, :mod:`.export`, :mod:`.session`.

Speed: an :class:`Index` is built **once per corpus** (``corpus.cached``) and shared by
every session: numpy arrays that join each sentence with its document's outlet,
perspective and date range, its tone label and voice, and the sentences each actor,
corridor and the 3+3 format is mentioned in. A filter change is a handful of vectorised
comparisons; a query is one SQLite FTS5 lookup (cached); a page turn slices an already
ranked selection. A session with an edited lexicon reads a view of the index that shares
every array but the three tone arrays.

>>> import araz
>>> corpus = araz.load_corpus()
>>> page = select(corpus, {"query": "Zangezur"})
>>> page.attrs["total"] > 0 and "Zangezur" in page["text"].iloc[0]
True
"""
from __future__ import annotations

from .comparing import compare, compare_chart
from .export import MAX_DOWNLOAD_BYTES, brief_markdown, csv_bytes, export_csv, export_png, png_bytes
from .indexing import Index, index
from .query import (CATEGORIES, MAX_PAGE_SIZE, PAGE_SIZE, TONE_LABELS, UNITS, VOICES, Filters, ParsedQuery, Term,
                    parse_query)
from .reading import reader
from .selecting import RESULT_COLUMNS, Selection, count, kwic, options, select, selection, table
from .session import Session, lab_agreement, lab_score, session
from .timeline import chart, series_warning, tone_series

__all__ = [
    "Filters", "Selection", "Index", "index", "options", "select", "selection", "count", "kwic",
    "parse_query", "reader", "compare", "compare_chart", "tone_series", "chart", "table",
    "export_csv", "export_png", "csv_bytes", "png_bytes", "brief_markdown", "lab_score", "lab_agreement", "series_warning",
    "Session", "session", "TONE_LABELS", "VOICES", "UNITS",
]
