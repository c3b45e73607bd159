"""The timeline chart: dated events and the documents' publication dates on one time axis."""
from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pandas as pd

EVENT_COLOR = "#3b6ea5"
DOC_COLOR = "#c0504d"
MIN_BAR_DAYS = 1.0


def _bar(ax, y, start, end, *, color, hatch=None, alpha=0.85, height=0.6):
    """Draw a span from ``start`` to the end of ``end`` (both days included) as a horizontal bar."""
    left = mdates.date2num(pd.Timestamp(start).to_pydatetime())
    right = mdates.date2num((pd.Timestamp(end) + pd.Timedelta(days=1)).to_pydatetime())
    width = max(right - left, MIN_BAR_DAYS)
    return ax.barh(y, width, left=left, height=height, color=color, alpha=alpha, hatch=hatch,
                   edgecolor=color, linewidth=0.8)


def timeline(ax, corpus=None, events=None, *, start=None, end=None, label_events: bool = True, max_label: int = 60):
    """Draw events and the documents' publication dates on one time axis; return ``ax``.

    * events (from :func:`araz.timeline.events` unless ``events`` is given): a day is a short
      bar one day wide with a dot on it, a month or a range a bar spanning it — an uncertain
      or multi-day date is never collapsed to a point;
    * publication dates of the documents (:func:`araz.timeline.publications`): hatched bars
      over the estimated range, a bar one day wide for an exact date;
    * ``start`` / ``end`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) zoom the axis; rows
      outside are left out.

    One row per event (oldest at the top), then one row per document. The title says where
    the numbers come from.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, araz
    >>> fig, ax = plt.subplots()
    >>> timeline(ax, araz.load_corpus()) is ax
    True
    """
    from ..corpus import load_corpus
    from ..dates import parse_bound
    from ..timeline import events as load_events
    from ..timeline import publications

    corpus = load_corpus() if corpus is None else corpus
    ev = load_events(corpus) if events is None else events.copy()
    pubs = publications(corpus)
    lo = parse_bound(start, first=True, name="start")
    hi = parse_bound(end, first=False, name="end")
    if lo and hi and hi < lo:
        from ..errors import ScopeError

        raise ScopeError(f"end {end} is before start {start}")

    def keep(df):
        m = pd.Series(True, index=df.index)
        if lo:
            m &= df["end"] >= pd.Timestamp(lo)
        if hi:
            m &= df["start"] <= pd.Timestamp(hi)
        return df[m]

    ev, pubs = keep(ev), keep(pubs)
    labels = []
    y = 0
    for r in ev.itertuples():
        _bar(ax, y, r.start, r.end, color=EVENT_COLOR)
        if r.precision == "day":
            ax.plot(mdates.date2num(pd.Timestamp(r.start).to_pydatetime()), y, "o", color=EVENT_COLOR, ms=4)
        text = r.event if len(r.event) <= max_label else r.event[: max_label - 1] + "…"
        labels.append(f"{text} ({r.date})")
        y += 1
    first_doc = y
    for r in pubs.itertuples():
        _bar(ax, y, r.start, r.end, color=DOC_COLOR, hatch="///" if r.date_estimate else None, alpha=0.55)
        kind = "estimated" if r.date_estimate else "published"
        labels.append(f"{r.outlet}: {r.doc_id} ({kind} {r.published})")
        y += 1
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels if label_events else [""] * len(labels), fontsize=8)
    for tick in ax.get_yticklabels()[first_doc:]:
        tick.set_color(DOC_COLOR)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    if first_doc and first_doc < len(labels):
        ax.axhline(first_doc - 0.5, color="0.6", lw=0.8, ls="--")
    ax.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if lo or hi:
        left = mdates.date2num(dt.datetime.combine(lo, dt.time())) if lo else None
        right = mdates.date2num(dt.datetime.combine(hi, dt.time()) + dt.timedelta(days=1)) if hi else None
        ax.set_xlim(left=left, right=right)
    ax.grid(axis="x", color="0.9")
    ax.set_axisbelow(True)
    ax.set_title(f"{len(ev)} events (blue; events.csv) and {len(pubs)} publication dates (red, hatched = estimate)", fontsize=9)
    return ax


__all__ = ["timeline"]
