"""Tone over time for a selection: the series (n per point, ranges for inferred dates) and its chart."""
from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from .indexing import index
from .query import _EPOCH, Filters
from .selecting import selection


# ---------------------------------------------------------------------------
# Tone over time
# ---------------------------------------------------------------------------
def tone_series(corpus, filters: Filters | Mapping | None = None, *, max_points: int = 400) -> pd.DataFrame:
    """Tone over time for the selection: one row per (outlet, publication date or range).

    Columns: ``outlet, start, end`` (dates; a range for inferred dates, never a fake
    point), ``estimate`` (bool), ``documents, n`` (sentences), ``score`` (mean tone
    score), ``coop, conf`` (share of sentences labelled so). With more than
    ``max_points`` groups, exact dates are grouped by month per outlet.
    """
    ix = index(corpus)
    sel = selection(corpus, Filters.of(filters).replace(unit="sentence"))
    rows = sel.sentence_rows
    cols = ["outlet", "start", "end", "estimate", "documents", "n", "score", "coop", "conf"]
    if len(rows) == 0:
        return pd.DataFrame(columns=cols)
    # per document first (numpy, linear in the selection), then group the documents
    nd = len(ix.doc_ids)
    doc = ix.s_doc[rows]
    n = np.bincount(doc, minlength=nd)
    score = ix.s_score[rows]
    ok = ~np.isnan(score)
    s_sum = np.bincount(doc[ok], weights=score[ok], minlength=nd)
    s_n = np.bincount(doc[ok], minlength=nd)
    coop = np.bincount(doc, weights=(ix.s_tone[rows] == 0), minlength=nd)
    conf = np.bincount(doc, weights=(ix.s_tone[rows] == 1), minlength=nd)
    d = np.flatnonzero(n)
    df = pd.DataFrame({
        "outlet": np.array(ix.outlets, object)[ix.d_outlet[d]], "start": ix.d_start[d], "end": ix.d_end[d],
        "estimate": ix.documents["date_estimate"].to_numpy(bool)[d], "documents": 1, "n": n[d],
        "s_sum": s_sum[d], "s_n": s_n[d], "coop": coop[d], "conf": conf[d],
    })
    keys = ["outlet", "start", "end", "estimate"]
    if df[keys].drop_duplicates().shape[0] > max_points:
        start = (_EPOCH + df["start"].to_numpy()).astype("datetime64[M]")
        end = (_EPOCH + df["end"].to_numpy()).astype("datetime64[M]")
        same = start == end  # a range that crosses months keeps its own row
        df.loc[same, "start"] = start.astype("datetime64[D]").astype(np.int64)[same]
        df.loc[same, "end"] = ((end + 1).astype("datetime64[D]") - 1).astype(np.int64)[same]
    g = df.groupby(keys, sort=True)[["documents", "n", "s_sum", "s_n", "coop", "conf"]].sum().reset_index()
    g["score"] = np.where(g["s_n"] > 0, g["s_sum"] / g["s_n"].clip(lower=1), np.nan)
    g["coop"] = g["coop"] / g["n"]
    g["conf"] = g["conf"] / g["n"]
    g["start"] = (_EPOCH + g["start"].to_numpy(np.int64)).astype("datetime64[ns]")
    g["end"] = (_EPOCH + g["end"].to_numpy(np.int64)).astype("datetime64[ns]")
    g["documents"] = g["documents"].astype(int)
    g["n"] = g["n"].astype(int)
    return g[cols]


def series_warning(series: pd.DataFrame) -> str:
    """The tone module's small-corpus warning for this series ("" when the data are enough)."""
    if series.empty:
        return ""
    n_docs = int(series["documents"].sum())
    n_periods = int(series[["start", "end"]].drop_duplicates().shape[0])
    n_est = int(series.loc[series["estimate"], "documents"].sum())
    try:
        from ..tone import trend_warning
    except ImportError:  # pragma: no cover - tone is part of the kit
        return "" if n_docs >= 60 else f"Only {n_docs} documents: an anecdote, not a trend."
    return trend_warning(n_docs, n_periods, n_estimated=n_est) or ""


def chart(ax, corpus, filters: Filters | Mapping | None = None):
    """Draw tone over time for the selection on ``ax`` (n per point, ranges for inferred dates); return ``ax``.

    Each point is the mean tone score of the selected sentences of one outlet at one
    publication date; a horizontal bar shows an inferred date range; the label gives n.
    The small-corpus warning of the tone module is written on the chart.
    """
    import matplotlib.dates as mdates

    series = tone_series(corpus, filters)
    ax.axhline(0, color="#999999", lw=0.8)
    if series.empty or series["score"].isna().all():
        ax.text(0.5, 0.5, "no matches" if series.empty else "no tone scores for this selection",
                ha="center", va="center", transform=ax.transAxes, fontsize=12, color="#666666")
        ax.set_xticks([])
        ax.set_yticks([])
        return ax
    cmap = {o: f"C{i % 10}" for i, o in enumerate(sorted(series["outlet"].unique()))}
    label_points = len(series) <= 40
    for outlet, part in series.groupby("outlet", sort=True):
        mid = part["start"] + (part["end"] - part["start"]) / 2
        x = mdates.date2num(mid)
        xerr = [(mdates.date2num(mid) - mdates.date2num(part["start"])),
                (mdates.date2num(part["end"]) - mdates.date2num(mid))]
        ax.errorbar(x, part["score"], xerr=xerr, fmt="none", ecolor=cmap[outlet], elinewidth=2, alpha=0.6, capsize=2)
        ax.scatter(x, part["score"], s=np.clip(12 + 4 * part["n"].to_numpy(), 14, 160), color=cmap[outlet],
                   alpha=0.85, label=outlet if len(cmap) <= 12 else None, zorder=3)
        if label_points:
            for xi, yi, n in zip(x, part["score"], part["n"]):
                ax.annotate(f"n={n}", (xi, yi), textcoords="offset points", xytext=(4, 4), fontsize=7)
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_ylabel("mean tone score (+ cooperation, − confrontation)")
    n_s, n_d = int(series["n"].sum()), int(series["documents"].sum())
    ax.set_title(f"Tone over time: {n_s:,} sentences in {n_d:,} document{'s' if n_d != 1 else ''}", fontsize=10)
    if len(cmap) <= 12:
        ax.legend(fontsize=7, loc="best")
    warning = series_warning(series)
    if warning:
        ax.text(0.01, 0.01, "⚠ " + warning, transform=ax.transAxes, fontsize=7, color="#a94400",
                va="bottom", ha="left", wrap=True)
    return ax


