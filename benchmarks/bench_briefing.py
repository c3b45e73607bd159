"""Briefing-note speed at scale, for ``make bench`` (``benchmarks/steps.py`` calls :func:`run`).

A note with a **one-month scope** on a large corpus: the month is the calendar month holding the
corpus's median publication date (deterministic for a given corpus). Each operation builds the
note from scratch (``build_brief`` selects the documents and runs the analyses on them) and renders
it; the first build of the process is reported apart, because it also reads the corpus-wide
tables (claims ledger, events) that later builds reuse. Target (issue 9): under 10 s at N=10,000.

    python -c "import araz, benchmarks.bench_briefing as b; print(b.run(araz.load_corpus()))"
"""
from __future__ import annotations

import datetime as dt
import math
import statistics
import time

TOPIC = "Araghchi's visit to Baku and the corridor question"
BUILT = dt.date(2026, 1, 5)


def scope_month(corpus) -> tuple[str, str]:
    """``(start, end)`` of the month holding the median publication date (``YYYY-MM``, twice)."""
    starts = corpus.documents["published_start"].sort_values().reset_index(drop=True)
    month = starts.iloc[(len(starts) - 1) // 2].strftime("%Y-%m")
    return month, month


def _row(operation: str, seconds: list[float], **extra) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[max(0, math.ceil(0.95 * len(ms)) - 1)]
    return {"operation": operation, "median_ms": statistics.median(ms), "p95_ms": p95, "n": len(ms), **extra}


def run(corpus, *, repeat: int = 3, pdf_repeat: int = 2) -> list[dict]:
    """Time one-month briefing notes on ``corpus``; return rows ``operation, median_ms, p95_ms, n, documents``."""
    from araz.briefing import build_brief

    start, end = scope_month(corpus)

    def build():
        return build_brief(corpus, topic=TOPIC, start=start, end=end, built=BUILT)

    t = time.perf_counter()
    brief = build()
    cold = time.perf_counter() - t
    n_docs = len(brief.documents)
    label = f"one-month note ({start}, {n_docs:,} document{'s' if n_docs != 1 else ''})"
    rows = [_row(f"{label}: first build in the process", [cold], documents=n_docs)]

    for fmt, times in (("Markdown", repeat), ("HTML", repeat), ("PDF", pdf_repeat)):
        seconds = []
        for _ in range(times):
            t = time.perf_counter()
            b = build()
            if fmt == "Markdown":
                b.to_markdown()
            elif fmt == "HTML":
                b.to_html()
            else:
                b.pdf_bytes()
            seconds.append(time.perf_counter() - t)
        rows.append(_row(f"{label}: build + {fmt}", seconds, documents=n_docs))
    return rows
