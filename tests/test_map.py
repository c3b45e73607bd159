"""araz.plots.corridor_map: an offline map from the committed Natural Earth boundary file."""
from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.path import Path  # noqa: E402

import araz  # noqa: E402
from araz.paths import shipped  # noqa: E402
from araz.plots import corridor_map  # noqa: E402
from araz.plots._map import _path, load_boundaries  # noqa: E402

BAKU, NAKHCHIVAN, YEREVAN, TEHRAN = (49.87, 40.41), (45.41, 39.21), (44.51, 40.18), (51.39, 35.69)


@pytest.fixture
def ax():
    fig, ax = plt.subplots(figsize=(8, 5))
    yield ax
    plt.close(fig)


def _patch(ax, gid):
    found = [p for p in ax.patches if p.get_gid() == gid]
    assert found, f"no patch {gid}"
    return found[0]


def test_boundary_file_is_small_geojson_with_provenance():
    path = shipped("geo", "caucasus.geojson")
    assert path.stat().st_size < 600_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert "Natural Earth" in data["metadata"]["source"]
    assert (shipped("geo", "PROVENANCE.md")).exists()


def test_the_six_states_and_two_seas_are_there():
    b = load_boundaries()
    for key in ("AZE", "ARM", "GEO", "IRN", "TUR", "RUS", "caspian-sea", "black-sea"):
        assert key in b and b[key]["focus"]
    assert b["caspian-sea"]["kind"] == b["black-sea"]["kind"] == "sea"
    assert _path(b["caspian-sea"]["polygons"]).contains_point((51.0, 41.0))
    assert _path(b["black-sea"]["polygons"]).contains_point((34.0, 43.0))


def test_nakhchivan_is_a_separate_polygon_of_azerbaijan():
    polys = load_boundaries()["AZE"]["polygons"]
    with_baku = [i for i, p in enumerate(polys) if Path(p[0]).contains_point(BAKU)]
    with_nakhchivan = [i for i, p in enumerate(polys) if Path(p[0]).contains_point(NAKHCHIVAN)]
    assert len(with_baku) == 1 and len(with_nakhchivan) == 1
    assert with_baku != with_nakhchivan
    # and Armenia lies between them
    assert _path(load_boundaries()["ARM"]["polygons"]).contains_point(YEREVAN)


def test_map_draws_nakhchivan_as_its_own_ring_in_the_azerbaijan_patch(ax):
    corridor_map(ax)
    aze = _patch(ax, "country:AZE").get_path()
    rings = aze.to_polygons(closed_only=True)
    assert sum(Path(r).contains_point(NAKHCHIVAN) for r in rings) == 1
    assert sum(Path(r).contains_point(BAKU) for r in rings) == 1
    assert not any(Path(r).contains_point(NAKHCHIVAN) and Path(r).contains_point(BAKU) for r in rings)
    assert not _patch(ax, "country:ARM").get_path().contains_point(NAKHCHIVAN)
    assert any("Nakhchivan" in t.get_text() for t in ax.texts)


def test_countries_and_seas_are_labelled(ax):
    corridor_map(ax)
    texts = {t.get_text() for t in ax.texts}
    assert {"AZERBAIJAN", "ARMENIA", "GEORGIA", "IRAN", "TURKEY", "RUSSIA", "Caspian Sea"} <= texts


def test_each_corridor_is_drawn_through_its_waypoints_with_a_legend(ax):
    corridor_map(ax, ["zangezur-corridor", "aras-corridor", "khudafarin-dam"])
    lines = {line.get_gid(): line for line in ax.lines if line.get_gid()}
    assert set(lines) == {"corridor:zangezur-corridor", "corridor:aras-corridor", "corridor:khudafarin-dam"}
    w = araz.corridors.waypoints("aras-corridor")
    assert list(lines["corridor:aras-corridor"].get_xdata()) == w["lon"].tolist()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Zangezur corridor", "Aras corridor (Araz corridor)", "Khudafarin (Khoda Afarin) dam"]
    assert {"Aghband", "Ordubad", "Meghri"} <= {t.get_text() for t in ax.texts}


def test_routes_without_waypoints_are_named_not_drawn(ax):
    corridor_map(ax, ["bri", "aras-corridor"])
    assert any(t.get_text() == "Not drawn (no waypoints): Belt and Road Initiative (BRI)" for t in ax.texts)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Aras corridor (Araz corridor)"]


def test_with_a_corpus_only_mentioned_routes_are_drawn_with_counts(ax, corpus):
    corridor_map(ax, corpus=corpus, extent="region")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Belt and Road Initiative (BRI)" not in " ".join(legend)  # mentioned, but has no waypoints
    assert "Zangezur corridor — 1 mention" in legend
    assert not any(label.startswith("Astarachay") for label in legend)  # never mentioned


def test_the_function_returns_the_axes_and_sets_the_extent(ax):
    assert corridor_map(ax, extent="aras") is ax
    assert ax.get_xlim() == (44.8, 48.2)
    corridor_map(ax, extent=(40, 50, 35, 45))
    assert ax.get_ylim() == (35, 45)


def test_routes_outside_the_extent_are_left_out(ax):
    corridor_map(ax, ["instc", "btk-railway"], extent="aras")
    assert ax.get_legend() is None


@pytest.mark.parametrize("kwargs, message", [
    ({"corridors": ["silk-road"]}, "unknown corridor 'silk-road'"),
    ({"extent": "europe"}, "extent 'europe' is not known"),
    ({"extent": (50, 40, 35, 45)}, "the minimum must be below the maximum"),
])
def test_bad_arguments_are_scope_errors(ax, kwargs, message):
    with pytest.raises(araz.ScopeError, match=message):
        corridor_map(ax, **kwargs)


def test_the_map_renders_to_png(ax, tmp_path):
    corridor_map(ax, ["zangezur-corridor", "tripp", "aras-corridor"])
    out = tmp_path / "map.png"
    ax.figure.savefig(out, dpi=60)
    assert out.stat().st_size > 10_000
