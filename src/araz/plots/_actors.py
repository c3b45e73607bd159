"""The actor co-occurrence network, drawn with matplotlib only (layouts in numpy)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ScopeError


def circular_layout(n: int) -> np.ndarray:
    """``n`` points evenly on the unit circle, the first at the top, clockwise."""
    if n == 0:
        return np.zeros((0, 2))
    angle = np.pi / 2 - 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(angle), np.sin(angle)])


def spring_layout(weights: np.ndarray, *, iterations: int = 200, seed: int = 0) -> np.ndarray:
    """Fruchterman–Reingold layout of a symmetric weight matrix; deterministic for a seed.

    Returns an ``(n, 2)`` array scaled into [-1, 1].
    """
    n = len(weights)
    if n <= 2:
        return circular_layout(n)
    rng = np.random.default_rng(seed)
    pos = circular_layout(n) + rng.normal(scale=0.05, size=(n, 2))
    w = np.sqrt(weights / weights.max()) if weights.max() > 0 else weights
    k = 1.5 * np.sqrt(1.0 / n)
    t = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=-1)
        np.fill_diagonal(dist, 1.0)
        dist = np.maximum(dist, 0.01)
        force = (k * k / dist**2)[..., None] * delta - (w * dist / k)[..., None] * delta
        disp = force.sum(axis=1) - 0.3 * pos * np.linalg.norm(pos, axis=1, keepdims=True)  # gravity
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
        t *= 0.98
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos


def network(ax, corpus, *, unit: str = "sentence", types=None, top: int | None = 15, min_weight: int = 1,
            layout: str = "circular", seed: int = 0, edges: pd.DataFrame | None = None):
    """Draw the co-occurrence network of the actors in ``corpus`` on ``ax``; return ``ax``.

    Nodes are the ``top`` most-mentioned actors (size: number of mentions); an edge joins two
    actors named in the same ``unit`` (sentence or paragraph), its width the number of such
    units (:func:`araz.actors.cooccurrence`). ``layout`` is ``"circular"`` or ``"spring"``
    (Fruchterman–Reingold, deterministic for ``seed``). Pass ``edges`` to draw a filtered
    edge table instead.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, araz
    >>> fig, ax = plt.subplots()
    >>> network(ax, araz.load_corpus(), top=8) is ax
    True
    """
    from .. import actors

    if layout not in ("circular", "spring"):
        raise ScopeError(f"layout must be 'circular' or 'spring', not {layout!r}")
    m = actors.mentions(corpus)
    if types is not None:
        m = m[m["entity_type"].isin([types] if isinstance(types, str) else list(types))]
    counts = m.groupby("entity_id").size().sort_values(ascending=False)
    e = actors.cooccurrence(corpus, unit=unit, types=types, min_weight=min_weight) if edges is None else edges
    connected = set(e["source"]) | set(e["target"])
    counts = counts[counts.index.isin(connected)]
    if top is not None:
        counts = counts.head(top)
    nodes = list(counts.index)
    ax.set_axis_off()
    if not nodes:
        ax.text(0.5, 0.5, "no actors named together", ha="center", va="center", transform=ax.transAxes)
        return ax
    index = {n: i for i, n in enumerate(nodes)}
    e = e[e["source"].isin(index) & e["target"].isin(index)]
    w = np.zeros((len(nodes), len(nodes)))
    for r in e.itertuples(index=False):
        i, j = index[r.source], index[r.target]
        w[i, j] = w[j, i] = r.weight
    pos = circular_layout(len(nodes)) if layout == "circular" else spring_layout(w, seed=seed)
    wmax = max(float(e["weight"].max()) if len(e) else 1.0, 1.0)
    for r in e.itertuples(index=False):
        a, b = pos[index[r.source]], pos[index[r.target]]
        ax.plot([a[0], b[0]], [a[1], b[1]], color="0.45", alpha=0.35 + 0.5 * r.weight / wmax,
                linewidth=0.6 + 5.4 * r.weight / wmax, zorder=1, solid_capstyle="round")
    labels = m.drop_duplicates("entity_id").set_index("entity_id")["label"]
    types_of = m.drop_duplicates("entity_id").set_index("entity_id")["entity_type"]
    palette = {"state": "#4C72B0", "person": "#DD8452", "organisation": "#55A868", "outlet": "#8172B3",
               "format": "#C44E52", "other": "#937860"}
    sizes = 80 + 1200 * counts.to_numpy() / counts.max()
    colors = [palette.get(types_of.get(n, "other"), "#937860") for n in nodes]
    ax.scatter(pos[:, 0], pos[:, 1], s=sizes, c=colors, zorder=2, edgecolors="white", linewidths=1.0)
    for n, (x, y) in zip(nodes, pos):
        ax.annotate(labels.get(n, n), (x, y), xytext=(0, 9 + 0.012 * float(counts[n]) ** 0.5 * 40),
                    textcoords="offset points", ha="center", fontsize=8, zorder=3)
    for t, c in palette.items():
        if t in set(types_of.reindex(nodes)):
            ax.scatter([], [], s=60, c=c, label=t)
    ax.legend(loc="lower left", fontsize=7, frameon=False, title="type", title_fontsize=7)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.3, 1.35)
    ax.set_aspect("equal")
    n_docs = corpus.documents.shape[0]
    ax.set_title(f"Actors named in the same {unit} ({n_docs} documents; edge width = {unit}s)", fontsize=9)
    return ax


__all__ = ["network", "circular_layout", "spring_layout"]
