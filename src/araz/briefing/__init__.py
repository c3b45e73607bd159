"""Briefing notes: from the corpus to a cited note in Markdown, HTML and PDF.

>>> import araz, datetime
>>> from araz.briefing import build_brief
>>> brief = build_brief(araz.load_corpus(), topic="Araghchi's December 2025 visit to Baku",
...                     start="2025-12-01", end="2025-12-31", built=datetime.date(2026, 1, 5))
>>> brief.to_markdown().startswith("# Briefing note: Araghchi")
True

* :func:`build_brief` selects the documents in scope (see :mod:`araz.briefing._scope`) and
  assembles eight sections from the kit's analyses: scope, **key points** (3–7 verbatim
  quotes chosen by a fixed rule, see :mod:`araz.briefing._keypoints`), actors, corridors
  and the 3+3 format, tone (with n and the small-corpus warning, and a chart), where sources
  disagree (claims ledger and contested names), timeline, and a sources annex.
* ``notes=`` adds the analyst's assessment: Markdown with ``[[doc_id ¶p.s]]`` or
  ``[[doc_id ¶p.s | "exact words"]]``, resolved into numbered footnotes holding the cited
  sentence verbatim (:func:`resolve_notes`); a citation that does not resolve or a quote
  that is not at its place raises :class:`NotesError` naming the line.
* :meth:`Brief.to_markdown`, :meth:`Brief.to_html` (one self-contained file, document text
  escaped), :meth:`Brief.to_pdf` (WeasyPrint). Each takes ``template_dir=`` to use your own
  Jinja2 templates (``brief.md.j2``, ``brief.html.j2``, ``brief.css``; files you do not
  provide come from ``araz/briefing/templates``).
* The same inputs give the same output: the build date is the ``built`` parameter.
"""
from __future__ import annotations

from ._build import Brief, build_brief
from ._keypoints import select_key_points, topic_words
from ._notes import Footnote, Notes, NotesError, find_quote, resolve_notes
from ._render import TEMPLATES, OutputError, PdfUnavailable, md_unescape

__all__ = ["build_brief", "Brief", "resolve_notes", "Notes", "Footnote", "NotesError", "OutputError",
           "PdfUnavailable", "TEMPLATES", "find_quote", "select_key_points", "topic_words", "md_unescape"]
