"""Two or more outlets or documents side by side."""
from __future__ import annotations

from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from ..errors import ScopeError
from .indexing import index
from .query import TONE_LABELS, VOICES, _EPOCH, Filters
from .selecting import selection


# ---------------------------------------------------------------------------
# Compare
# ---------------------------------------------------------------------------
def compare(corpus, sources: Iterable[str], *, by: str | None = None,
            filters: Filters | Mapping | None = None, top: int = 12) -> dict[str, pd.DataFrame]:
    """Two or more sources side by side: outlets (``by="outlet"``) or documents (``by="doc"``).

    ``by`` is guessed when omitted (documents when every source is a doc_id). ``filters``
    restrict what is compared (e.g. a date range or a query); their ``outlets``/``doc_ids``
    are replaced by each source in turn. Returns a dict of DataFrames, one column per source:

    * ``summary``: documents, sentences, words, first and last publication date;
    * ``actors``: mentions of the ``top`` actors most mentioned across the sources (rows: label);
    * ``corridors``: mentions of every corridor and of the 3+3 format;
    * ``tone``: sentences per tone label for each voice (rows: voice, label), with ``share``
      columns (the fraction of that source's sentences in that voice).

    >>> import araz
    >>> c = compare(araz.load_corpus(), ["Alwaght", "Financial Tribune"])
    >>> c["summary"].loc["documents"].tolist()
    [1, 1]
    """
    if isinstance(sources, str):
        raise ScopeError("compare needs two or more sources: a list of outlets or of doc_ids")
    sources = list(dict.fromkeys(str(s) for s in sources))
    if len(sources) < 2:
        raise ScopeError(f"compare needs two or more sources (outlets or doc_ids), got {len(sources)}")
    ix = index(corpus)
    if by is None:
        if all(s in ix.doc_row for s in sources):
            by = "doc"
        elif all(s in ix.outlets for s in sources):
            by = "outlet"
        else:
            unknown = [s for s in sources if s not in ix.doc_row and s not in ix.outlets]
            raise ScopeError(f"{', '.join(map(repr, unknown)) or 'the sources'}: give either outlets "
                             f"({', '.join(ix.outlets[:8])}…) or doc_ids, not a mix")
    if by not in ("outlet", "doc"):
        raise ScopeError(f"by is {by!r}; use 'outlet' or 'doc'")
    base = Filters.of(filters).replace(unit="sentence")
    summary, actor_cols, corr_cols, tone_rows = {}, {}, {}, []
    for src in sources:
        f = base.replace(outlets=(src,), doc_ids=()) if by == "outlet" else base.replace(doc_ids=(src,), outlets=())
        rows = selection(corpus, f).rows
        docs = np.unique(ix.s_doc[rows])
        dstart = ix.d_start[docs].min() if len(docs) else None
        dend = ix.d_end[docs].max() if len(docs) else None
        summary[src] = {
            "documents": int(len(docs)), "sentences": int(len(rows)), "words": int(ix.s_len[rows].sum()),
            "first date": str(_EPOCH + int(dstart)) if dstart is not None else "",
            "last date": str(_EPOCH + int(dend)) if dend is not None else "",
        }
        mpos = np.flatnonzero(np.isin(ix.m_row, rows))
        ents = pd.Series(ix.m_entity[mpos], dtype=object)
        cats = pd.Series(ix.m_category[mpos], dtype=object)
        actor_cols[src] = ents[cats.values == "actor"].map(ix.entity_label).value_counts()
        corr_cols[src] = ents[cats.values != "actor"].map(ix.entity_label).value_counts()
        for vcode, voice in enumerate(VOICES):
            in_voice = rows[ix.s_voice[rows] == vcode]
            counts = np.bincount(ix.s_tone[in_voice][ix.s_tone[in_voice] >= 0], minlength=len(TONE_LABELS))
            for lcode, lab in enumerate(TONE_LABELS):
                tone_rows.append((src, voice, lab, int(counts[lcode]), len(in_voice)))
    summ = pd.DataFrame(summary)[sources]
    actors = pd.DataFrame(actor_cols).reindex(columns=sources).fillna(0).astype(int)
    if len(actors):
        actors = actors.loc[actors.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]]
    actors.index.name = "actor"
    corridors = pd.DataFrame(corr_cols).reindex(columns=sources).fillna(0).astype(int)
    if len(corridors):
        corridors = corridors.loc[corridors.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    corridors.index.name = "corridor or format"
    t = pd.DataFrame(tone_rows, columns=["source", "voice", "label", "n", "in_voice"])
    tone = t.pivot_table(index=["voice", "label"], columns="source", values="n", sort=False).reindex(columns=sources)
    share = (t.assign(share=lambda d: np.where(d["in_voice"] > 0, d["n"] / d["in_voice"].clip(lower=1), 0.0))
             .pivot_table(index=["voice", "label"], columns="source", values="share", sort=False)
             .reindex(columns=sources).round(3))
    share.columns = [f"{c} share" for c in share.columns]
    tone = pd.concat([tone.astype(int), share], axis=1)
    return {"summary": summ, "actors": actors, "corridors": corridors, "tone": tone, "by": pd.DataFrame({"by": [by]})}


def compare_chart(ax, result: dict[str, pd.DataFrame]):
    """Draw the tone of each compared source (share of sentences per label, own voice vs quoted); return ``ax``."""
    tone = result["tone"]
    counts = tone[[c for c in tone.columns if not str(c).endswith(" share")]]
    sources = list(counts.columns)
    colours = {"coop": "#2b8cbe", "conf": "#d7301f", "mixed": "#9e6ebd", "neutral": "#bdbdbd"}
    bars, names = [], []
    for s in sources:
        for voice in VOICES:
            names.append(f"{s}\n({voice})")
            col = counts[s]
            vals = np.array([col.get((voice, lab), 0) for lab in TONE_LABELS], float)
            bars.append(vals)
    y = np.arange(len(names))
    left = np.zeros(len(names))
    data = np.array(bars) if bars else np.zeros((0, len(TONE_LABELS)))
    totals = data.sum(axis=1) if len(data) else np.zeros(0)
    for j, lab in enumerate(TONE_LABELS):
        share = np.divide(data[:, j], totals, out=np.zeros_like(totals), where=totals > 0) if len(data) else []
        ax.barh(y, share, left=left, color=colours[lab], label=lab)
        left = left + share
    for yi, n in zip(y, totals):
        ax.text(1.01, yi, f"n={int(n)}", va="center", fontsize=8, transform=ax.get_yaxis_transform())
    ax.set_yticks(y, names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of sentences")
    ax.set_title("Tone by source and voice (lexicon labels)")
    ax.legend(ncols=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.08), frameon=False)
    return ax


