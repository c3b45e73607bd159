"""araz.corridors: the corridor gazetteer, its waypoints, and who names which route in which words."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

import araz
from araz import corridors
from araz.paths import shipped

NAKHCHIVAN_ROUTES = ["zangezur-corridor", "tripp", "aras-corridor"]


# ---- the gazetteer tables ------------------------------------------------------------------
def test_every_route_of_the_issue_is_in_the_gazetteer():
    ids = set(corridors.load_corridors()["entity_id"])
    assert {"zangezur-corridor", "tripp", "aras-corridor", "instc", "instc-western-route",
            "rasht-astara-railway", "bri", "khudafarin-bridges", "khudafarin-dam", "astarachay-bridge"} <= ids


def test_every_route_names_its_source_and_states():
    c = corridors.load_corridors()
    assert (c["source"].str.len() > 10).all()
    assert c["states"].str.fullmatch(r"[A-Z]{3}(\|[A-Z]{3})*").all()
    assert c.set_index("entity_id").loc["aras-corridor", "states"] == "AZE|IRN"


def test_corridor_aliases_have_the_same_columns_as_actor_aliases():
    actor_cols = pd.read_csv(shipped("gazetteer", "actor_aliases.csv"), nrows=0).columns.tolist()
    assert corridors.aliases().columns.tolist() == actor_cols


def test_every_spelling_in_the_corpus_is_an_alias():
    a = set(corridors.aliases()["alias"])
    for spelling in ("Zangezur corridor", "Aras River Transit Corridor", "Araz Corridor", "North-South Corridor",
                     "Rasht–Astara railway", "Belt & Road Initiative", "BRI", "Khodaafrin dam", "Khudaferin",
                     "Friendship Bridge", "TRIPP", "Trump Route for International Peace and Prosperity", "INSTC"):
        assert spelling in a, spelling


def test_ambiguous_aliases_are_marked():
    a = corridors.aliases().set_index("alias")
    assert a.loc["Friendship Bridge", "ambiguous"]
    assert a.loc["western route", "ambiguous"]
    assert a.loc["Khudaferin", "ambiguous"]
    assert not a.loc["Aras River Transit Corridor", "ambiguous"]


def test_waypoints_are_real_places_in_order():
    w = corridors.waypoints("zangezur-corridor")
    assert w["place"].tolist() == ["Horadiz", "Zangilan", "Aghband", "Meghri", "Ordubad", "Julfa", "Nakhchivan"]
    assert w["order"].tolist() == list(range(1, 8))
    assert (w["label"] == "Zangezur corridor").all()


@pytest.mark.parametrize("place, lat, lon", [
    ("Baku", 40.41, 49.87), ("Nakhchivan", 39.21, 45.41), ("Meghri", 38.90, 46.25), ("Kars", 40.60, 43.10),
    ("Rasht", 37.28, 49.58), ("Bandar Abbas", 27.18, 56.27), ("Moscow", 55.76, 37.62), ("Mumbai", 19.08, 72.88),
])
def test_waypoint_coordinates_are_right(place, lat, lon):
    w = corridors.waypoints()
    rows = w[w["place"] == place]
    assert not rows.empty
    assert (abs(rows["lat"] - lat) < 0.05).all() and (abs(rows["lon"] - lon) < 0.05).all()


def test_astara_is_two_towns_a_river_apart():
    w = corridors.waypoints("astarachay-bridge").set_index("place")
    assert w.loc["Astara (Azerbaijan)", "country"] == "AZE" and w.loc["Astara (Iran)", "country"] == "IRN"
    assert w.loc["Astara (Azerbaijan)", "lat"] > w.loc["Astara (Iran)", "lat"]


def test_every_waypoint_lies_in_its_country_on_the_map():
    """Checks the coordinates against the Natural Earth borders (within ~3 km for border towns)."""
    from matplotlib.path import Path

    from araz.plots._map import _path, load_boundaries

    b = load_boundaries()
    for r in corridors.waypoints().itertuples():
        path = _path(b[r.country]["polygons"])
        near = any(path.contains_point((r.lon + dx, r.lat + dy)) for dx in (-0.03, 0, 0.03) for dy in (-0.03, 0, 0.03))
        assert near, f"{r.place} ({r.lat}, {r.lon}) is not in {r.country}"
    assert isinstance(path, Path)


def test_unknown_corridor_is_a_scope_error():
    with pytest.raises(araz.ScopeError, match="unknown corridor 'zangezur'"):
        corridors.waypoints("zangezur")


def test_a_bad_corridor_row_names_file_line_and_column(tmp_path):
    bad = tmp_path / "corridors.csv"
    text = shipped("gazetteer", "corridors.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines.append('new-route,New route,canal,AZE|IR,"A route.",somewhere,')
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(araz.TableError) as info:
        corridors.load_corridors(bad)
    msg = str(info.value)
    n = len(lines)
    assert f"corridors.csv, line {n}: field 'type': 'canal' is not allowed" in msg
    assert f"line {n}: field 'states': 'AZE|IR' does not match" in msg


def test_a_waypoint_of_an_unknown_route_names_its_line(tmp_path):
    bad = tmp_path / "waypoints.csv"
    shutil.copy(shipped("gazetteer", "waypoints.csv"), bad)
    with open(bad, "a", encoding="utf-8") as f:
        f.write("silk-road,1,Samarkand,39.65,66.96,UZB,Wikipedia,\n")
    n = len(bad.read_text(encoding="utf-8").splitlines())
    with pytest.raises(araz.TableError, match=rf"waypoints.csv, line {n}: field 'entity_id': 'silk-road' is not a corridor"):
        corridors.waypoints(path=bad)


def test_a_waypoint_out_of_range_names_its_line(tmp_path):
    bad = tmp_path / "waypoints.csv"
    bad.write_text("entity_id,order,place,lat,lon,country,source,note\n"
                   "aras-corridor,1,Aghband,138.9,46.57,AZE,Wikipedia,\n", encoding="utf-8")
    with pytest.raises(araz.TableError, match="line 2: field 'lat': 138.9 is above the maximum 90"):
        corridors.waypoints(path=bad)


def test_waypoints_numbered_with_a_gap_are_reported(tmp_path):
    bad = tmp_path / "waypoints.csv"
    bad.write_text("entity_id,order,place,lat,lon,country,source,note\n"
                   "aras-corridor,1,Aghband,38.9,46.57,AZE,Wikipedia,\n"
                   "aras-corridor,3,Julfa,38.96,45.63,AZE,Wikipedia,\n", encoding="utf-8")
    with pytest.raises(araz.TableError, match=r"line 3: field 'order': the waypoints of 'aras-corridor' are numbered \[1, 3\]"):
        corridors.waypoints(path=bad)


def test_an_alias_of_an_unknown_route_names_its_line(tmp_path):
    bad = tmp_path / "corridor_aliases.csv"
    bad.write_text("entity_id,alias,kind,lang,case_sensitive,ambiguous,note\n"
                   "zangezur-corridor,Zangezur corridor,name,en,false,false,\n"
                   "lapis-lazuli,Lapis Lazuli corridor,name,en,false,false,\n", encoding="utf-8")
    with pytest.raises(araz.TableError, match="corridor_aliases.csv, line 3: field 'entity_id': 'lapis-lazuli'"):
        corridors.aliases(bad)


# ---- mentions in the corpus ------------------------------------------------------------------
def test_mentions_have_the_documented_columns(corpus):
    m = corridors.mentions(corpus)
    assert m.columns[:10].tolist() == corridors.MENTION_COLUMNS
    assert "category" not in m.columns


def test_mentions_are_verbatim_at_their_offsets(corpus):
    for r in corridors.mentions(corpus).itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.surface
        assert r.surface in corpus.cite(r.citation)


@pytest.mark.parametrize("doc_id, entity_id, surface, citation", [
    ("alwaght-2025-araghchi-baku", "zangezur-corridor", "Zangezur Corridor", "alwaght-2025-araghchi-baku ¶16.2"),
    ("alwaght-2025-araghchi-baku", "aras-corridor", "Aras River Transit Corridor", "alwaght-2025-araghchi-baku ¶17.1"),
    ("alwaght-2025-araghchi-baku", "instc", "North-South Corridor", "alwaght-2025-araghchi-baku ¶18.1"),
    ("anon-2025-pezeshkian-visit", "aras-corridor", "Araz Corridor", "anon-2025-pezeshkian-visit ¶10.2"),
    ("anon-2025-pezeshkian-visit", "rasht-astara-railway", "Rasht–Astara railway", "anon-2025-pezeshkian-visit ¶10.2"),
    ("anon-2025-pezeshkian-visit", "khudafarin-bridges", "Friendship Bridge", "anon-2025-pezeshkian-visit ¶8.4"),
    ("mehr-2021-korybko", "khudafarin-dam", "Khodaafrin dam", "mehr-2021-korybko ¶1.15"),
    ("mehr-2021-korybko", "bri", "Belt & Road Initiative", "mehr-2021-korybko ¶1.11"),
])
def test_hand_checked_mentions(corpus, doc_id, entity_id, surface, citation):
    m = corridors.mentions(corpus)
    hit = m[(m.doc_id == doc_id) & (m.entity_id == entity_id) & (m.surface == surface)]
    assert hit["citation"].tolist() == [citation]


def test_the_dam_is_one_mention_not_a_dam_and_a_place(corpus):
    m = corridors.mentions(corpus)
    at = m[m.citation == "mehr-2021-korybko ¶1.15"]
    assert at["entity_id"].tolist() == ["khudafarin-dam"]


def test_financial_tribune_names_no_route(corpus):
    assert corridors.mentions(corpus.subset(["ftribune-2025-araghchi-baku"])).empty


def test_by_source_says_who_names_which_route_in_which_words(corpus):
    b = corridors.by_source(corpus).set_index(["doc_id", "entity_id"])
    assert b.loc[("anon-2025-pezeshkian-visit", "aras-corridor"), "surfaces"] == "“Araz Corridor” ×1"
    assert b.loc[("alwaght-2025-araghchi-baku", "aras-corridor"), "surfaces"] == "“Aras River Transit Corridor” ×1"
    bri = b.loc[("mehr-2021-korybko", "bri")]
    assert bri["n_mentions"] == 2 and bri["outlet"] == "Mehr News Agency"
    assert bri["citations"] == "mehr-2021-korybko ¶1.11"


def test_only_alwaght_names_all_three_routes_to_nakhchivan(corpus):
    b = corridors.by_source(corpus)
    routes = b[b.entity_id.isin(NAKHCHIVAN_ROUTES)].groupby("doc_id")["entity_id"].apply(set)
    assert routes["alwaght-2025-araghchi-baku"] == set(NAKHCHIVAN_ROUTES)
    assert routes["anon-2025-pezeshkian-visit"] == {"aras-corridor"}


def test_source_matrix_counts_by_outlet(corpus):
    mx = corridors.source_matrix(corpus, by="outlet")
    assert list(mx.columns) == ["Mehr News Agency", "caspian-alpine.org", "Alwaght", "Financial Tribune"]
    assert mx.loc["Zangezur corridor", "Alwaght"] == 1
    assert mx["Financial Tribune"].sum() == 0
    with pytest.raises(araz.ScopeError, match="by='author'"):
        corridors.source_matrix(corpus, by="author")


def test_a_user_corpus_without_routes_gives_empty_tables(tmp_path):
    from conftest import make_corpus

    c = araz.load_corpus(make_corpus(tmp_path, {"a.md": ({"title": "T", "outlet": "O", "published": "2024"}, "Nothing about roads.")}))
    assert corridors.mentions(c).empty
    assert corridors.by_source(c).empty
    assert corridors.source_matrix(c).empty


def test_a_user_corpus_finds_other_spellings(tmp_path):
    from conftest import make_corpus

    c = araz.load_corpus(make_corpus(tmp_path, {"a.md": (
        {"title": "T", "outlet": "O", "published": "2024"},
        "The Zangazur corridor and the INSTC were discussed. The North–South Transport Corridor matters.")}))
    b = corridors.by_source(c).set_index("entity_id")
    assert b.loc["zangezur-corridor", "surfaces"] == "“Zangazur corridor” ×1"
    assert b.loc["instc", "n_mentions"] == 2
