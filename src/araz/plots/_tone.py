"""Tone charts: tone over time by outlet (with n and date ranges), and tone through one article."""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

COOP_COLOR = "#2e7d32"
CONF_COLOR = "#c62828"
VOICE_STYLE = {  # line style, marker, marker face
    "author": ("-", "o", "full"),
    "quoted": ("--", "s", "none"),
    "all": ("-", "o", "full"),
}


def _num(ts) -> float:
    return mdates.date2num(pd.Timestamp(ts).to_pydatetime())


def tone_over_time(ax, corpus=None, by: str | None = "outlet", voice: str | None = "both", *,
                   lexicon=None, freq: str | None = None, warn: bool = True):
    """Draw the mean net tone of each outlet's sentences against publication date; return ``ax``.

    * one colour per group (``by``: outlet, perspective, … or ``None`` for all documents);
    * ``voice="both"`` draws the outlet's own voice (solid, filled circles) and the voices it
      quotes (dashed, hollow squares) apart; ``"author"`` / ``"quoted"`` draw one; ``None``
      pools them;
    * an exact date is a point; a date known only as a range is a horizontal bar over the
      whole range — never a point in its middle;
    * every point or bar is labelled with its n (sentences; documents when more than one);
    * when :func:`araz.tone.trend_warning` finds the corpus too small for a trend, the
      warning is printed on the chart.

    Numbers come from :func:`araz.tone.over_time` (net tone −1 conflict … +1 cooperation).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, araz
    >>> fig, ax = plt.subplots()
    >>> tone_over_time(ax, araz.load_corpus()) is ax
    True
    """
    from .. import tone
    from ..corpus import corpus_or_default

    corpus = corpus_or_default(corpus)
    data = tone.over_time(corpus, lexicon, by=by, voice=voice, freq=freq)
    groups = list(dict.fromkeys(data["group"]))
    cmap = _colors(len(groups))
    color = dict(zip(groups, cmap))
    day = 1.0
    for r in data.itertuples(index=False):
        ls, marker, fill = VOICE_STYLE.get(r.voice, VOICE_STYLE["all"])
        c = color[r.group]
        left = _num(r.start)
        right = _num(r.end) + day
        if r.end > r.start:
            ax.plot([left, right], [r.score, r.score], ls=ls, lw=3, color=c, alpha=0.75, solid_capstyle="butt")
            ax.plot([left, right], [r.score, r.score], ls="none", marker="|", ms=10, color=c)
            x_text = left
        else:
            ax.plot([left], [r.score], ls="none", marker=marker, ms=7, color=c, fillstyle=fill)
            x_text = left
        n_txt = f"n={r.n}" + (f" ({r.n_docs} docs)" if r.n_docs > 1 else "")
        ax.annotate(n_txt, (x_text, r.score), xytext=(2, 5), textcoords="offset points", fontsize=7, color=c)
    ax.axhline(0, color="0.6", lw=0.8)
    ax.set_ylim(-1.15, 1.25)
    ax.set_ylabel("net tone of sentences\n(−1 conflict … +1 cooperation)")
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_ha("right")
    handles = [Line2D([], [], color=color[g], lw=3, label=g) for g in groups]
    voices = list(dict.fromkeys(data["voice"]))
    if len(voices) > 1 or voices[:1] != ["all"]:
        for v in voices:
            ls, marker, fill = VOICE_STYLE.get(v, VOICE_STYLE["all"])
            handles.append(Line2D([], [], color="0.3", ls=ls, marker=marker, fillstyle=fill, label=f"{v} voice"))
    handles.append(Line2D([], [], color="0.3", lw=3, marker="|", ms=10, label="estimated date range"))
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    what = "all sentences" if voice in (None, "all") else ("own vs quoted voice" if voice == "both" else f"{voice} voice")
    ax.set_title(f"Tone over time by {by or 'corpus'} ({what}); source: araz.tone lexicon", fontsize=9)
    if warn:
        docs = corpus.documents
        spans = data[["start", "end"]].drop_duplicates()
        msg = tone.trend_warning(len(docs), len(spans), n_estimated=int(docs["date_estimate"].sum()))
        if msg:
            ax.text(0.01, 0.02, "⚠ " + "\n".join(textwrap.wrap(msg, 95)), transform=ax.transAxes, fontsize=7,
                    va="bottom", ha="left", color="#5d4037",
                    bbox={"boxstyle": "round", "facecolor": "#fff3cd", "edgecolor": "#d4a017"})
    return ax


def _colors(n: int):
    import matplotlib

    cmap = matplotlib.colormaps["tab10"]
    return [cmap(i % 10) for i in range(n)]


def tone_by_paragraph(ax, corpus=None, doc_id: str | None = None, *, lexicon=None, unit: str = "auto"):
    """Draw how tone moves through one article, paragraph by paragraph; return ``ax``.

    Green bars rise with the cooperation weight of each unit, red bars fall with its conflict
    weight; black dots (right axis) give the mean net tone; each unit is labelled with its n
    (sentences) and how many of them are quoted speech. ``unit="auto"`` uses sentences for
    an article of one or two paragraphs (a wall of text), paragraphs otherwise.

    Also callable as ``tone_by_paragraph(ax, "doc_id")`` on the shipped corpus.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, araz
    >>> fig, ax = plt.subplots()
    >>> tone_by_paragraph(ax, araz.load_corpus(), "ftribune-2025-araghchi-baku") is ax
    True
    """
    from .. import tone
    from ..corpus import corpus_or_default
    from ..errors import ScopeError

    if isinstance(corpus, str) and doc_id is None:
        corpus, doc_id = None, corpus
    corpus = corpus_or_default(corpus)
    if doc_id is None:
        raise ScopeError(f"say which article to draw: doc_id is one of {', '.join(corpus.doc_ids)}")
    doc = corpus[doc_id]
    if unit not in ("auto", "paragraph", "sentence"):
        raise ScopeError(f"unit '{unit}' is unknown; use 'auto', 'paragraph' or 'sentence'")
    s = tone.score_sentences(corpus, lexicon)
    s = s[s["doc_id"] == doc_id]
    n_par = int(s["paragraph"].nunique())
    if unit == "auto":
        unit = "sentence" if n_par <= 2 else "paragraph"
    if unit == "sentence":
        d = s.assign(n=1, quoted=(s["voice"] == "quoted").astype(int))
        labels = [f"{p}.{q}" for p, q in zip(d["paragraph"], d["sentence"])]
    else:
        d = tone.by_paragraph(corpus, lexicon)
        d = d[d["doc_id"] == doc_id]
        q = s[s["voice"] == "quoted"].groupby("paragraph").size()
        d = d.assign(quoted=d["paragraph"].map(q).fillna(0).astype(int))
        labels = [f"¶{p}" + (" (h)" if h else "") for p, h in zip(d["paragraph"], d["is_heading"])]
    x = np.arange(len(d))
    ax.bar(x, d["coop"], color=COOP_COLOR, alpha=0.8, label="cooperation weight")
    ax.bar(x, -d["conf"], color=CONF_COLOR, alpha=0.8, label="conflict weight")
    top = float(max(d["coop"].max() if len(d) else 0, 1))
    bottom = float(max(d["conf"].max() if len(d) else 0, 1))
    for xi, n, qn, c in zip(x, d["n"], d["quoted"], d["coop"]):
        txt = f"n={n}" if unit == "paragraph" else ""
        if qn:
            txt += ("\n" if txt else "") + (f"{qn} q" if unit == "paragraph" else "q")
        if txt:
            ax.annotate(txt, (xi, c), xytext=(0, 2), textcoords="offset points", ha="center", fontsize=6, color="0.3")
    ax.set_ylim(-bottom * 1.25, top * 1.45)
    ax.axhline(0, color="0.5", lw=0.8)
    ax.set_xticks(x)
    ax.set_xticklabels(labels, fontsize=7 if len(x) < 30 else 5, rotation=90 if len(x) > 20 else 0)
    ax.set_ylabel("summed weight of matched terms")
    ax.set_xlabel("paragraph (h = heading)" if unit == "paragraph" else "sentence (¶p.s; q = quoted voice)")
    ax2 = ax.twinx()
    ax2.plot(x, d["score"], "o-", color="black", ms=4, lw=0.8, label="net tone")
    ax2.set_ylim(-1.15, 1.15)
    ax2.set_ylabel("net tone (−1 … +1)")
    title = doc.title if len(doc.title) <= 70 else doc.title[:69] + "…"
    ax.set_title(f"{title}\n{doc.outlet}, {doc.date_label}; source: araz.tone lexicon", fontsize=8)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=7, loc="upper right", frameon=False)
    return ax
