"""Tone over time with honest uncertainty, and shifts reported only when they hold.

Sentences of one article are not independent draws (one author, one occasion), so every
interval here is a **bootstrap over articles**: resample the period's articles with
replacement, keep all their sentences, recompute. Each point carries its ``n_articles``
and ``n_sentences``; own voice (``author``) and quoted voice are kept apart, since a
period full of quoted threats says something else than an outlet's own hostility.

**Net tone** of a set of sentences = share labelled ``coop`` − share labelled ``conf``
(``mixed`` and ``neutral`` count 0), from −1 (all conflict) to +1 (all cooperation).

**Shift test** (:func:`shifts`): candidate change points come from a change-point search
over the period series (ruptures, binary segmentation, least-squares cost, at most
``max_shifts``, each segment at least ``min_size`` periods). A search always finds its
"best" split, even in noise, so a candidate must pass two checks before it is reported:

1. a **permutation test over articles** that accounts for the search: the articles are
   shuffled across the periods (each period keeps its number of articles) and the largest
   before/after difference over every admissible split is recomputed; the p-value is the
   share of shuffles at least as large as the observed largest difference. It is computed
   over the whole series and over the candidate's window (the segments before and after
   it); the larger of the two must be below ``alpha / (number of candidates)`` (Bonferroni);
2. the **bootstrap interval over articles** of the difference (after − before) at level
   ``1 − alpha / (number of candidates)`` must exclude 0.

Each shift lists the articles that drive it: those whose removal would shrink the
difference most (leave one article out), as citations.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ScopeError

NET = {"coop": 1.0, "conf": -1.0, "mixed": 0.0, "neutral": 0.0}
PERIOD_COLUMNS = ["group", "voice", "period", "start", "net_tone", "ci_low", "ci_high", "n_articles", "n_sentences",
                  "share_coop", "share_conf"]


def period_of(dates: pd.Series, freq: str = "half") -> pd.Series:
    """Period labels: ``half`` → '2022-H1', ``Y`` → '2022', ``Q`` → '2022Q1'."""
    d = pd.to_datetime(dates.astype(str), format="mixed")
    if freq == "half":
        return d.dt.year.astype(str) + "-H" + np.where(d.dt.month <= 6, "1", "2")
    if freq in ("Y", "Q", "M"):
        return d.dt.to_period(freq).astype(str)
    raise ScopeError(f"freq='{freq}' is not a period; use 'half', 'Y', 'Q' or 'M'")


def _period_start(period: str) -> pd.Timestamp:
    if "-H" in period:
        y, h = period.split("-H")
        return pd.Timestamp(int(y), 1 if h == "1" else 7, 1)
    return pd.Period(period).start_time


def _article_sums(df: pd.DataFrame) -> pd.DataFrame:
    """Per article: number of sentences and summed net values (what a bootstrap resamples)."""
    return df.groupby("article_id", sort=True).agg(n=("net", "size"), s=("net", "sum"),
                                                   c=("is_coop", "sum"), f=("is_conf", "sum"))


def _boot(n: np.ndarray, s: np.ndarray, rng, n_boot: int) -> np.ndarray:
    """Bootstrap means over articles: resample article indices, mean = Σ sums / Σ counts."""
    k = len(n)
    idx = rng.integers(0, k, size=(n_boot, k))
    return s[idx].sum(axis=1) / n[idx].sum(axis=1)


def _prepare(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    need = {"article_id", "published", label}
    missing = need - set(frame.columns)
    if missing:
        raise ScopeError(f"the frame needs columns {sorted(need)}; missing {sorted(missing)}")
    bad = set(frame[label].dropna()) - set(NET)
    if bad:
        raise ScopeError(f"column '{label}' holds {sorted(bad)}; expected coop, conf, mixed, neutral")
    d = frame[frame[label].isin(list(NET))].copy()
    d["net"] = d[label].map(NET).astype(float)
    d["is_coop"] = (d[label] == "coop").astype(int)
    d["is_conf"] = (d[label] == "conf").astype(int)
    return d


def _periods(frame: pd.DataFrame, label: str, by: str | None, voice: str, freq: str) -> pd.DataFrame:
    """The sentences with their ``period``, ``group`` and the ``voice`` asked for (``apart`` keeps both)."""
    d = _prepare(frame, label)
    d["period"] = period_of(d["published"], freq)
    d["group"] = d[by].astype(str) if by else "all"
    if voice == "all":
        d["voice"] = "all"
    elif voice in ("author", "quoted"):
        d = d[d["voice"] == voice]
    elif voice != "apart":
        raise ScopeError(f"voice='{voice}' is unknown; use 'apart', 'all', 'author' or 'quoted'")
    return d


def period_tone(frame: pd.DataFrame, *, label: str = "tone", by: str | None = None, voice: str = "apart",
                freq: str = "half", n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Net tone per period (and group, and voice) with a bootstrap interval over articles.

    ``frame``: one row per sentence with ``article_id, published`` (YYYY-MM-DD or YYYY-MM),
    the label column, ``voice`` (for ``voice='apart'``) and the ``by`` column (e.g.
    ``side`` or ``outlet``). ``voice``: ``apart`` (author and quoted separately), ``all``,
    ``author`` or ``quoted``. Columns: :data:`PERIOD_COLUMNS`.
    """
    d = _periods(frame, label, by, voice, freq)
    rng = np.random.default_rng(seed)
    q = ((1 - level) / 2, 1 - (1 - level) / 2)
    rows = []
    for (g, v, p), sub in d.groupby(["group", "voice", "period"], sort=True):
        a = _article_sums(sub)
        n, s = a["n"].to_numpy(float), a["s"].to_numpy(float)
        boots = _boot(n, s, rng, n_boot) if len(a) > 1 else np.full(1, s.sum() / n.sum())
        lo, hi = np.quantile(boots, q) if len(a) > 1 else (np.nan, np.nan)
        rows.append({"group": g, "voice": v, "period": p, "start": _period_start(p), "net_tone": s.sum() / n.sum(),
                     "ci_low": lo, "ci_high": hi, "n_articles": len(a), "n_sentences": int(n.sum()),
                     "share_coop": a["c"].sum() / n.sum(), "share_conf": a["f"].sum() / n.sum()})
    return pd.DataFrame(rows, columns=PERIOD_COLUMNS)


SHIFT_COLUMNS = ["group", "voice", "at", "before", "after", "difference", "ci_low", "ci_high", "level", "p_value",
                 "n_articles_before", "n_articles_after", "holds", "drivers"]


def shifts(frame: pd.DataFrame, *, label: str = "tone", by: str | None = None, voice: str = "all", freq: str = "half",
           max_shifts: int = 2, min_size: int = 2, n_boot: int = 2000, n_perm: int = 1000, alpha: float = 0.05, seed: int = 0,
           only_holding: bool = True, n_drivers: int = 3, cite=None) -> pd.DataFrame:
    """Change points in net tone that hold under article-bootstrap intervals (see the module text).

    Columns: :data:`SHIFT_COLUMNS` — ``at`` is the first period after the change;
    ``before``/``after`` the segments' net tone; ``difference`` after − before with its
    interval; ``drivers`` the articles that drive it (``cite(article_id)`` formats each,
    default the id). ``only_holding=False`` also returns the candidates that do not hold.
    """
    import ruptures as rpt

    d = _periods(frame, label, by, voice, freq)
    rng = np.random.default_rng(seed)
    cite = cite or str
    rows = []
    for (g, v), sub in d.groupby(["group", "voice"], sort=True):
        periods = sorted(sub["period"].unique())
        if len(periods) < 2 * min_size:
            continue
        series = sub.groupby("period")["net"].mean().reindex(periods).to_numpy().reshape(-1, 1)
        k = min(max_shifts, len(periods) // min_size - 1)
        if k < 1:
            continue
        bkps = rpt.Binseg(model="l2", min_size=min_size, jump=1).fit(series).predict(n_bkps=k)[:-1]
        bounds = [0, *bkps, len(periods)]
        # the whole series first: with no change anywhere, no candidate may pass (the
        # windows below are chosen by the search, so they alone would be too lenient)
        p_global = _scan_p(sub, periods, min_size, n_perm, rng)
        lvl = 1 - alpha / max(len(bkps), 1)
        for j, b in enumerate(bkps):
            before_p = set(periods[bounds[j]:b])
            after_p = set(periods[b:bounds[j + 2]])
            A = _article_sums(sub[sub["period"].isin(before_p)])
            B = _article_sums(sub[sub["period"].isin(after_p)])
            mb = A["s"].sum() / A["n"].sum()
            ma = B["s"].sum() / B["n"].sum()
            diff = ma - mb
            boots = (_boot(B["n"].to_numpy(float), B["s"].to_numpy(float), rng, n_boot)
                     - _boot(A["n"].to_numpy(float), A["s"].to_numpy(float), rng, n_boot))
            lo, hi = np.quantile(boots, [(1 - lvl) / 2, 1 - (1 - lvl) / 2])
            window = sub[sub["period"].isin(before_p | after_p)]
            p_value = max(p_global, _scan_p(window, sorted(before_p | after_p), min_size, n_perm, rng))
            holds = bool(lo > 0 or hi < 0) and p_value < alpha / max(len(bkps), 1) and len(A) > 1 and len(B) > 1
            drivers = _drivers(A, B, diff, n_drivers)
            rows.append({"group": g, "voice": v, "at": periods[b], "before": mb, "after": ma, "difference": diff,
                         "ci_low": lo, "ci_high": hi, "level": lvl, "p_value": p_value, "n_articles_before": len(A),
                         "n_articles_after": len(B), "holds": holds, "drivers": [cite(x) for x in drivers]})
    out = pd.DataFrame(rows, columns=SHIFT_COLUMNS)
    return out[out["holds"]].reset_index(drop=True) if only_holding else out


def _scan_p(window: pd.DataFrame, periods: list, min_size: int, n_perm: int, rng) -> float:
    """Permutation p-value of the largest before/after difference over the admissible splits.

    Articles are the units shuffled: each keeps its sentences (count ``n``, net sum ``s``),
    each period keeps its number of articles. Done for all shuffles at once with cumulative
    sums over the article order (periods sorted), so 1,000 shuffles cost milliseconds.
    """
    a = window.groupby("article_id").agg(n=("net", "size"), s=("net", "sum"), period=("period", "first"))
    pos = {p: i for i, p in enumerate(periods)}
    a = a.assign(k=a["period"].map(pos)).sort_values("k")
    n, s, k = a["n"].to_numpy(float), a["s"].to_numpy(float), a["k"].to_numpy()
    T = len(periods)
    # split after period t (t = min_size-1 … T-min_size-1): articles with k <= t are "before"
    cut = np.array([np.searchsorted(k, t, side="right") for t in range(min_size - 1, T - min_size)])
    if len(cut) == 0 or len(n) < 2:
        return 1.0

    def stat(order: np.ndarray) -> np.ndarray:  # order: (P, articles) -> max |diff| per row
        cn, cs = np.cumsum(n[order], axis=1), np.cumsum(s[order], axis=1)
        bn, bs = cn[:, cut - 1], cs[:, cut - 1]
        an, as_ = cn[:, -1:] - bn, cs[:, -1:] - bs
        with np.errstate(invalid="ignore", divide="ignore"):
            d = np.abs(as_ / an - bs / bn)
        return np.nanmax(np.where(np.isfinite(d), d, np.nan), axis=1)

    observed = stat(np.arange(len(n))[None, :])[0]
    perms = np.argsort(rng.random((n_perm, len(n))), axis=1)
    null = stat(perms)
    return float((1 + np.sum(null >= observed - 1e-12)) / (1 + n_perm))


def _drivers(A: pd.DataFrame, B: pd.DataFrame, diff: float, n: int) -> list[str]:
    """Articles whose removal shrinks |difference| most (leave one article out)."""
    infl = {}
    for side, other, sign in ((A, B, -1), (B, A, 1)):
        tot_n, tot_s = side["n"].sum(), side["s"].sum()
        other_mean = other["s"].sum() / other["n"].sum()
        for aid, r in side.iterrows():
            if tot_n - r["n"] <= 0:
                continue
            without = (tot_s - r["s"]) / (tot_n - r["n"])
            d_wo = sign * (without - other_mean)
            infl[aid] = abs(diff) - abs(d_wo)
    return [a for a, v in sorted(infl.items(), key=lambda kv: -kv[1]) if v > 0][:n]


__all__ = ["period_tone", "shifts", "period_of", "NET", "PERIOD_COLUMNS", "SHIFT_COLUMNS"]


# ---------------------------------------------------------------------------------------
# The tone record
# ---------------------------------------------------------------------------------------
def _record_frame(rec, label: str) -> tuple[pd.DataFrame, str]:
    """The record's coded sentences with the chosen label in column ``label_used``."""
    from . import record as R

    rec = R.load() if rec is None else rec
    t = rec.table()
    if t.empty:
        raise ScopeError("the tone record has no coded sentences yet (data/tone_record/sentences.csv, column tone)")
    if label == "tone":
        t["label_used"] = t["tone"]
    elif label == "rules":
        t["label_used"] = t["rule_label"]
    elif label == "model":
        # out of article: cross-validated predictions on dev, the dev-fitted model on test
        from .crossval import evaluate

        p = evaluate(rec, final=True, seeds=False).predictions
        key = ["article_id", "paragraph", "sentence"]
        t = t.merge(p[key + ["model"]].rename(columns={"model": "label_used"}), on=key, how="left")
    else:
        raise ScopeError(f"label='{label}' is unknown; use 'tone' (hand-coded), 'rules' or 'model'")
    t["voice"] = t["voice"].where(t["voice"] != "", t["auto_voice"])  # hand voice; automatic where none
    return t, "label_used"


def over_time_record(rec=None, *, label: str | tuple = "tone", by: str | None = "side", voice: str = "apart",
                     freq: str = "half", n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Net tone of the 2020–2025 tone record per period, by the outlet's side (or ``outlet``,
    or None), own and quoted voice apart, with article-bootstrap intervals (:func:`period_tone`).

    ``label``: ``tone`` (the adjudicated hand labels), ``rules`` (the lexicon rules) or
    ``model`` (the linear model, out of article), or several of them, e.g.
    ``("tone", "model")``: the rows then carry a ``measure`` column and ``group`` reads
    "<side> · <measure>", so :func:`araz.plots.tone_record` draws hand-coded tone and the
    kit's measure side by side. Voice is the hand-coded voice.
    """
    from . import record as R

    if not isinstance(label, str):
        rec = R.load() if rec is None else rec
        parts = []
        for lab in label:
            p = over_time_record(rec, label=lab, by=by, voice=voice, freq=freq, n_boot=n_boot, seed=seed)
            parts.append(p.assign(measure=lab, group=p["group"] + " · " + lab))
        return pd.concat(parts, ignore_index=True)
    t, col = _record_frame(rec, label)
    return period_tone(t, label=col, by=by, voice=voice, freq=freq, n_boot=n_boot, seed=seed)


def record_shifts(rec=None, *, label: str = "tone", by: str | None = None, voice: str = "all", **kw) -> pd.DataFrame:
    """:func:`shifts` on the tone record; drivers are cited as ``article_id (outlet, date) url``."""
    from . import record as R

    rec = R.load() if rec is None else rec
    t, col = _record_frame(rec, label)
    meta = rec.articles.set_index("article_id")

    def cite(aid):
        r = meta.loc[aid]
        return f"{aid} ({r['outlet']}, {r['published']}) {r['url']}"

    return shifts(t, label=col, by=by, voice=voice, cite=cite, **kw)


__all__ += ["over_time_record", "record_shifts"]
