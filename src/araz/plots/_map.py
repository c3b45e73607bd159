"""The corridor map: country borders, seas and routes, drawn offline with plain matplotlib.

Borders come from ``data/geo/caucasus.geojson`` (Natural Earth 1:10m, public domain, clipped and
simplified by ``tools/geo/make_boundaries.py``; see ``data/geo/PROVENANCE.md``). Nothing is
downloaded; no cartopy or geopandas. Coordinates are plain longitude/latitude, with the aspect
ratio set for the map's mid-latitude so that shapes look right.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.transforms import offset_copy

from ..errors import ScopeError
from ..paths import shipped

EXTENTS = {
    # lon_min, lon_max, lat_min, lat_max
    "caucasus": (41.3, 51.2, 36.0, 43.9),
    "aras": (44.8, 48.2, 38.3, 40.0),
    "region": (26.0, 76.0, 17.0, 58.0),
}
FOCUS_COLOURS = {"AZE": "#f3e2b6", "ARM": "#e6cfc6", "GEO": "#d5e5c3", "IRN": "#e4dcc9",
                 "TUR": "#ddd6e6", "RUS": "#d9e1e8"}
OTHER_LAND = "#eeeeea"
WATER = "#cfe3f2"
BORDER = "#6b6b6b"
ROUTE_COLOURS = ["#c0392b", "#1f5fa8", "#1e8449", "#8e44ad", "#d35400", "#117a65", "#7d6608",
                 "#2c3e50", "#a93226", "#5b2c6f", "#196f3d", "#b9770e"]
ROUTE_STYLES = ["-", "--", "-", "-.", "-", ":", "-", "--", "-", "-.", "-", ":"]
ATTRIBUTION = "Borders: Natural Earth 1:10m (public domain), simplified. Routes: schematic, through the waypoints in data/gazetteer/waypoints.csv."


@lru_cache(maxsize=1)
def load_boundaries() -> dict:
    """Return the boundary file as ``{id: {"name", "kind", "focus", "label", "exclaves", "polygons"}}``.

    ``polygons`` is a list of polygons; each polygon is a list of rings (exterior first, then
    holes), each ring an ``(n, 2)`` array of longitude, latitude. Ids are ISO 3166-1 alpha-3
    codes for countries and ``caspian-sea`` / ``black-sea`` for the seas.

    >>> b = load_boundaries()
    >>> len(b["AZE"]["polygons"]) >= 2   # mainland Azerbaijan and Nakhchivan
    True
    """
    data = json.loads(shipped("geo", "caucasus.geojson").read_text(encoding="utf-8"))
    out = {}
    for feature in data["features"]:
        p = feature["properties"]
        geom = feature["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        out[p["id"]] = {
            "name": p["name"], "kind": p["kind"], "focus": bool(p.get("focus")),
            "label": (p["label_lon"], p["label_lat"]), "exclaves": p.get("exclaves", []),
            "polygons": [[np.asarray(ring, dtype=float) for ring in poly] for poly in polys],
        }
    return out


def _path(polygons) -> Path:
    verts, codes = [], []
    for poly in polygons:
        for ring in poly:
            if len(ring) < 3:
                continue
            verts.extend(ring.tolist())
            verts.append(ring[0].tolist())
            codes.extend([Path.MOVETO] + [Path.LINETO] * (len(ring) - 1) + [Path.CLOSEPOLY])
    return Path(np.asarray(verts), codes)


def _extent(extent) -> tuple[float, float, float, float]:
    if isinstance(extent, str):
        if extent not in EXTENTS:
            raise ScopeError(f"extent '{extent}' is not known; use one of {', '.join(EXTENTS)} "
                             "or a tuple (lon_min, lon_max, lat_min, lat_max)")
        return EXTENTS[extent]
    try:
        x0, x1, y0, y1 = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise ScopeError("extent must be a name or a tuple (lon_min, lon_max, lat_min, lat_max)") from None
    if not (x0 < x1 and y0 < y1):
        raise ScopeError(f"extent {extent}: the minimum must be below the maximum")
    return x0, x1, y0, y1


def _visible_label(entry, box) -> tuple[float, float] | None:
    """Where to write a name: its label point if in view, else a point of the visible part."""
    x0, x1, y0, y1 = box
    lx, ly = entry["label"]
    path = _path(entry["polygons"])
    if x0 < lx < x1 and y0 < ly < y1 and path.contains_point((lx, ly)):
        return lx, ly
    gx, gy = np.meshgrid(np.linspace(x0, x1, 32)[1:-1], np.linspace(y0, y1, 32)[1:-1])
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    # the polygon with the largest visible part (mainland rather than an exclave)
    inside = max((grid[_path([poly]).contains_points(grid)] for poly in entry["polygons"]), key=len)
    if len(inside) < 25:  # too little of it in view to be worth a name
        return None
    centre = inside.mean(axis=0)
    best = inside[np.argmin(((inside - centre) ** 2).sum(axis=1))]
    return float(best[0]), float(best[1])


def _segment_in_box(a, b, box) -> bool:
    """Liang–Barsky: does the segment a–b cross the rectangle?"""
    x0, x1, y0, y1 = box
    (ax_, ay), (bx, by) = a, b
    dx, dy = bx - ax_, by - ay
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, ax_ - x0), (dx, x1 - ax_), (-dy, ay - y0), (dy, y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def _in_view(wp, box) -> bool:
    pts = list(zip(wp["lon"], wp["lat"]))
    if len(pts) == 1:
        return _segment_in_box(pts[0], pts[0], box)
    return any(_segment_in_box(a, b, box) for a, b in zip(pts[:-1], pts[1:]))


def _shifts(routes: dict) -> dict:
    """Offsets in points so that routes sharing a segment are drawn side by side (first on top)."""
    segs = {e: {frozenset(((round(a[0], 3), round(a[1], 3)), (round(b[0], 3), round(b[1], 3))))
                for a, b in zip(pts[:-1], pts[1:])} for e, pts in routes.items()}
    ids = list(routes)
    group = {e: i for i, e in enumerate(ids)}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if segs[a] & segs[b]:
                old, new = group[b], group[a]
                group = {e: (new if g == old else g) for e, g in group.items()}
    out = {}
    for g in set(group.values()):
        members = [e for e in ids if group[e] == g]
        for j, e in enumerate(members):
            out[e] = ((len(members) - 1) / 2 - j) * 2.4
    return out


def _select_corridors(corridors, corpus):
    from .. import corridors as cor

    table = cor.load_corridors()
    counts = None
    if corpus is not None:
        counts = cor.mentions(corpus)["entity_id"].value_counts()
    if corridors is None:
        ids = list(table["entity_id"])
        if counts is not None:
            ids = [e for e in ids if e in counts.index]
    else:
        if hasattr(corridors, "columns"):
            ids = list(dict.fromkeys(corridors["entity_id"]))
        elif isinstance(corridors, str):
            ids = [corridors]
        else:
            ids = list(corridors)
        unknown = [e for e in ids if e not in set(table["entity_id"])]
        if unknown:
            raise ScopeError(f"unknown corridor {', '.join(map(repr, unknown))}; known: {', '.join(table['entity_id'])}")
    return table.set_index("entity_id").loc[ids].reset_index(), counts


def corridor_map(ax, corridors=None, corpus=None, *, extent="caucasus", places: bool = True,
                 legend: bool = True, attribution: bool = True):
    """Draw borders, seas, country names and the corridors through their waypoints; return ``ax``.

    * ``corridors``: ``None`` (all routes that have waypoints), a list of ``entity_id`` s, or a
      DataFrame with an ``entity_id`` column (e.g. a filtered :func:`araz.corridors.load_corridors`).
    * ``corpus``: when given, only the routes this corpus mentions are drawn, and the legend
      says how many mentions each has.
    * ``extent``: ``"caucasus"`` (default), ``"aras"`` (the Aras valley and Nakhchivan),
      ``"region"`` (Moscow to Mumbai) or ``(lon_min, lon_max, lat_min, lat_max)``.
    * ``places``: label the waypoints; ``legend``: one legend entry per route.

    Routes without waypoints (an initiative such as the BRI) cannot be drawn; they are named
    in a note under the legend; routes entirely outside the extent are left out. Lines are
    schematic: straight segments between real places (the Aras corridor, for example, runs on
    the Iranian bank of the river, which its waypoints on the Azerbaijani side do not show).
    Routes that share a stretch are drawn side by side, a few points apart, the first on top.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> ax = corridor_map(plt.figure().gca(), ["aras-corridor", "zangezur-corridor"])
    >>> ax.get_title()
    'Corridors and routes'
    """
    from .. import corridors as cor

    box = _extent(extent)
    x0, x1, y0, y1 = box
    boundaries = load_boundaries()
    ax.set_facecolor(WATER)
    for key, entry in boundaries.items():
        if entry["kind"] == "sea":
            colour, z = WATER, 1
        else:
            colour, z = (FOCUS_COLOURS.get(key, OTHER_LAND) if entry["focus"] else OTHER_LAND), 2
        patch = PathPatch(_path(entry["polygons"]), facecolor=colour, edgecolor=BORDER if entry["kind"] == "country" else "none",
                          linewidth=0.6, zorder=z)
        patch.set_gid(f"{entry['kind']}:{key}")
        ax.add_patch(patch)
    for key, entry in boundaries.items():
        where = _visible_label(entry, box)
        if where is None:
            continue
        if entry["kind"] == "sea":
            ax.text(*where, entry["name"], ha="center", va="center", fontsize=8.5, style="italic",
                    color="#2e5d87", zorder=3)
        elif entry["focus"]:
            ax.text(*where, entry["name"].upper(), ha="center", va="center", fontsize=8.5,
                    fontweight="bold", color="#555555", alpha=0.8, zorder=3)
            for ex in entry["exclaves"]:
                ex_x, ex_y = ex["label_lon"], ex["label_lat"]
                if x0 < ex_x < x1 and y0 < ex_y < y1 and (x1 - x0) < 20:
                    ax.text(ex_x, ex_y - 0.18, f"{ex['name']}\n({entry['name']})", ha="center", va="top",
                            fontsize=7, style="italic", color="#555555", zorder=3)
        else:
            ax.text(*where, entry["name"], ha="center", va="center", fontsize=7, color="#777777", zorder=3)

    chosen, counts = _select_corridors(corridors, corpus)
    points = cor.waypoints()
    handles, missing, labelled = [], [], set()
    drawn = [e for e in chosen["entity_id"]
             if (points["entity_id"] == e).any() and _in_view(points[points["entity_id"] == e], box)]
    shifts = _shifts({e: list(zip(points.loc[points["entity_id"] == e, "lon"], points.loc[points["entity_id"] == e, "lat"]))
                      for e in drawn})
    for i, row in chosen.iterrows():
        eid = row["entity_id"]
        wp = points[points["entity_id"] == eid]
        if wp.empty:
            missing.append(row["label"])
            continue
        if eid not in drawn:  # entirely outside this extent
            continue
        k = drawn.index(eid)
        colour, style = ROUTE_COLOURS[k % len(ROUTE_COLOURS)], ROUTE_STYLES[k % len(ROUTE_STYLES)]
        trans = offset_copy(ax.transData, fig=ax.figure, x=0, y=shifts[eid], units="points")
        label = row["label"] + (f" — {int(counts[eid])} mention{'s' if counts[eid] != 1 else ''}" if counts is not None else "")
        if len(wp) == 1:
            ax.plot(wp["lon"], wp["lat"], marker="*", markersize=13, color=colour, markeredgecolor="white",
                    linestyle="none", zorder=6, transform=trans, gid=f"corridor:{eid}")
            handles.append(Line2D([], [], marker="*", markersize=11, color=colour, linestyle="none", label=label))
        else:
            ax.plot(wp["lon"], wp["lat"], linestyle=style, linewidth=2.4, color=colour, marker="o",
                    markersize=3.5, zorder=5, transform=trans, gid=f"corridor:{eid}", solid_capstyle="round")
            handles.append(Line2D([], [], linestyle=style, linewidth=2.4, color=colour, label=label))
        if places:
            for _, p in wp.iterrows():
                spot = (round(p["lon"], 2), round(p["lat"], 2))
                if p["place"] in labelled or spot in labelled or not (x0 < p["lon"] < x1 and y0 < p["lat"] < y1):
                    continue
                labelled.update((p["place"], spot))
                ax.annotate(p["place"], (p["lon"], p["lat"]), xytext=(3, 3), textcoords="offset points",
                            fontsize=7, color="#222222", zorder=7)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    ax.tick_params(labelsize=7)
    ax.set_title("Corridors and routes")
    if legend and handles:
        leg = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5,
                        frameon=False, title="route" + (" (mentions in the corpus)" if counts is not None else ""),
                        title_fontsize=8)
        leg.set_zorder(8)
    if missing:
        ax.text(1.01, 0.02, "Not drawn (no waypoints): " + "; ".join(missing), transform=ax.transAxes,
                fontsize=7, va="bottom", ha="left", wrap=True)
    if attribution:
        ax.text(0.0, -0.12, ATTRIBUTION, transform=ax.transAxes, fontsize=6, color="#555555", va="top")
    return ax


__all__ = ["corridor_map", "load_boundaries", "EXTENTS"]
