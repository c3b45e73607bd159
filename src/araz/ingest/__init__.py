"""``araz import``: bring your own articles — saved pages, URLs, feeds, PDFs — into a corpus.

>>> from araz.ingest import import_sources          # doctest: +SKIP
>>> report = import_sources(["saved/", "https://example.org/feed.xml"], into="my_corpus",
...                         perspective="Azerbaijani media")  # doctest: +SKIP

One module per idea: :mod:`.sources` (what the user gave), :mod:`.fetch` (polite HTTP),
:mod:`.extract` (main text, metadata, the date and its evidence), :mod:`.feeds`,
:mod:`.pdf`, :mod:`.language`, :mod:`.duplicates`, :mod:`.ids`, :mod:`.write`,
:mod:`.importer` (the run and its report), :mod:`.provenance` (checking what was imported)
and :mod:`.cli` (the ``araz import`` command).
"""
from __future__ import annotations

from .importer import COLUMNS, STATUSES, import_sources
from .provenance import provenance, set_date, undated

__all__ = ["COLUMNS", "STATUSES", "import_sources", "provenance", "set_date", "undated"]
