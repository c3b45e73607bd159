"""The tone record over time: net tone per half-year with article-bootstrap intervals, n and shifts."""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from ._tone import VOICE_STYLE, _colors


def tone_record(ax, periods: pd.DataFrame, *, shifts: pd.DataFrame | None = None, title: str | None = None,
                source: str = "data/tone_record, hand-coded"):
    """Draw net tone per period (one line per group and voice) with its interval; return ``ax``.

    ``periods`` is :func:`araz.tone.over_time_record` (or :func:`araz.tone.shifts.period_tone`):
    a point per period at the period's start, a vertical bar for its interval (bootstrap
    over articles; none when the period has one article), its number of articles written
    beside it. Own voice solid with filled circles, quoted voice dashed with hollow
    squares; with several measures (``over_time_record(label=("tone", "model"))``) a side
    keeps its colour, hand-coded solid and the kit's measure dotted. ``shifts`` (:func:`araz.tone.record_shifts`) draws a dotted line at each
    shift that holds, labelled with the difference.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from araz.tone.shifts import period_tone
    >>> rows = [{"article_id": f"a{k}", "published": f"202{k % 3}-03-01", "tone": "coop"} for k in range(9)]
    >>> fig, ax = plt.subplots()
    >>> tone_record(ax, period_tone(pd.DataFrame(rows), voice="all")) is ax
    True
    """
    keys = list(dict.fromkeys(zip(periods["group"], periods["voice"])))
    # one colour per side (or outlet): with several measures, "<side> · <measure>" shares its side's colour
    base = {g: g.split(" · ")[0] if "measure" in periods else g for g in dict.fromkeys(periods["group"])}
    sides = list(dict.fromkeys(base.values()))
    side_color = dict(zip(sides, _colors(len(sides))))
    color = {g: side_color[b] for g, b in base.items()}
    offset = {k: i for i, k in enumerate(keys)}  # lines side by side (12 days apart), so intervals do not hide each other
    voices = set(periods["voice"])
    for g, v in keys:
        d = periods[(periods["group"] == g) & (periods["voice"] == v)].sort_values("start")
        x = mdates.date2num(pd.to_datetime(d["start"]).dt.to_pydatetime()) + 12 * offset[(g, v)]
        ls, marker, fill = VOICE_STYLE.get(v, VOICE_STYLE["all"])
        c = color[g]
        if "measure" in d and (d["measure"] != "tone").all():  # the kit's measures dotted, hand-coded solid
            ls = ":"
        ax.plot(x, d["net_tone"], ls=ls, marker=marker, fillstyle=fill, color=c, lw=1.2,
                label=f"{g} ({v})" if len(voices) > 1 else str(g))
        lo, hi = d["ci_low"].to_numpy(float), d["ci_high"].to_numpy(float)
        ok = ~np.isnan(lo)
        ax.vlines(x[ok], lo[ok], hi[ok], color=c, alpha=0.45, lw=2)
        for xi, yi, n in zip(x, d["net_tone"], d["n_articles"]):
            ax.annotate(str(n), (xi, yi), xytext=(3, 3), textcoords="offset points", fontsize=6, color=c)
    if shifts is not None:
        from ..tone.shifts import _period_start

        for r in shifts.itertuples(index=False):
            xs = mdates.date2num(_period_start(r.at).to_pydatetime())
            ax.axvline(xs, ls=":", color="0.3", lw=1)
            ax.annotate(f"shift {r.difference:+.2f}", (xs, 0.95), xycoords=("data", "axes fraction"), fontsize=7,
                        rotation=90, va="top", ha="right")
    ax.axhline(0, color="0.7", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("net tone (share coop − share conf)")
    ax.xaxis_date()
    ax.legend(fontsize=7, loc="lower left", ncol=2)
    if "measure" in periods and title is None:
        source = "data/tone_record; solid: hand-coded, dotted: " + ", ".join(
            sorted(set(periods["measure"]) - {"tone"})) + " (out of article)"
    ax.set_title(title or f"Tone over time, with 95% intervals resampled by article (n = articles)\nsource: {source}",
                 fontsize=9)
    return ax
