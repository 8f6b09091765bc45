#!/usr/bin/env python3
"""Write Qantar's stress dataset: every first-level unit of the world and a year of synthetic
statuses and events, to measure Qantar on data far bigger than its own.

usage: generate.py GPKG OUTDIR [--events 100000] [--places 5000] [--seed 1] [--units N]

GPKG is Natural Earth v4.1 as shipped in Debian's qgis-common 3.22.16
(usr/share/qgis/resources/data/world_map.gpkg, layer states_provinces, public domain);
generate.sh fetches it. The outlines are Natural Earth's; the statuses, places and events are
invented (seeded, so the same arguments give the same bytes). Standard library only.
"""

import argparse
import csv
import json
import math
import random
import sqlite3
import struct
from datetime import datetime, timedelta
from pathlib import Path

YEAR = 2030
KINDS = ["protest", "clash", "violence", "government", "emergency", "security",
         "communications", "international", "casualties"]


def wkb_polygons(data, pos=0):
    """The polygons (lists of rings of (lon, lat)) of a WKB Polygon or MultiPolygon at pos,
    and the position after it."""
    endian = "<" if data[pos] == 1 else ">"
    (kind,) = struct.unpack_from(endian + "I", data, pos + 1)
    pos += 5
    dims = 2
    base = kind & 0xFFFF
    if kind & 0x80000000 or kind & 0x40000000:  # EWKB-style Z / M flags
        dims += bool(kind & 0x80000000) + bool(kind & 0x40000000)
        base = kind & 0xFFFF
    elif base > 1000:
        dims = {1: 3, 2: 3, 3: 4}[base // 1000]
        base %= 1000
    if base == 3:
        (nrings,) = struct.unpack_from(endian + "I", data, pos)
        pos += 4
        rings = []
        for _ in range(nrings):
            (n,) = struct.unpack_from(endian + "I", data, pos)
            pos += 4
            values = struct.unpack_from(endian + "d" * (n * dims), data, pos)
            pos += 8 * n * dims
            rings.append([(values[i * dims], values[i * dims + 1]) for i in range(n)])
        return [rings], pos
    if base == 6:
        (count,) = struct.unpack_from(endian + "I", data, pos)
        pos += 4
        polygons = []
        for _ in range(count):
            more, pos = wkb_polygons(data, pos)
            polygons.extend(more)
        return polygons, pos
    raise ValueError(f"WKB geometry type {kind} is not a polygon")


def gpkg_polygons(blob):
    """The polygons of a GeoPackage geometry blob (its header, then WKB); [] when empty.
    Raises ValueError for what is not a polygon, so that the caller can count it."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope_bytes = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 7)
    if envelope_bytes is None:
        raise ValueError(f"unknown envelope code {(flags >> 1) & 7}")
    if flags & 0x10:  # an empty geometry
        return []
    return wkb_polygons(blob, 8 + envelope_bytes)[0]


def ring_area(ring):
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))


def inside(polygons, x, y):
    """Even-odd point in polygon over every ring (holes included)."""
    result = False
    for rings in polygons:
        for ring in rings:
            j = len(ring) - 1
            for i in range(len(ring)):
                (xi, yi), (xj, yj) = ring[i], ring[j]
                if (yi > y) != (yj > y) and x < xi + (y - yi) * (xj - xi) / (yj - yi):
                    result = not result
                j = i
    return result


def point_in(rng, polygons, tries=200):
    """A random point inside the largest polygon and out of its holes, or None. The point is
    rounded as written before it is tested, so that it stays inside."""
    rings = max(polygons, key=lambda p: abs(ring_area(p[0])))
    xs = [x for x, _ in rings[0]]
    ys = [y for _, y in rings[0]]
    for _ in range(tries):
        x = round(rng.uniform(min(xs), max(xs)), 5)
        y = round(rng.uniform(min(ys), max(ys)), 5)
        if inside([rings], x, y):
            return x, y
    return None


def minute(rng, start_day, end_day):
    day = rng.randint(start_day, end_day)
    t = datetime(YEAR, 1, 1) + timedelta(days=day, minutes=rng.randrange(0, 24 * 60, 10))
    return t.strftime("%Y-%m-%dT%H:%M")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gpkg")
    ap.add_argument("outdir")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--places", type=int, default=5_000)
    ap.add_argument("--units", type=int, default=0, help="only the first N units (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

    db = sqlite3.connect(args.gpkg)
    rows = db.execute(
        "SELECT fid, name, admin, adm0_a3, geom FROM states_provinces ORDER BY fid").fetchall()
    if args.units:
        rows = rows[: args.units]
    units, features = [], []
    skipped = {"units with no geometry": 0, "units not a polygon": 0,
               "degenerate polygon": 0, "degenerate hole": 0}
    for fid, name, admin, a3, blob in rows:
        try:
            polygons = gpkg_polygons(blob) if blob else []
        except (ValueError, KeyError, struct.error):
            skipped["units not a polygon"] += 1
            continue
        # The coordinates as written: the places are tested against these.
        polygons = [[[(round(x, 5), round(y, 5)) for x, y in ring] for ring in p]
                    for p in polygons]
        # A ring needs four points (the last repeats the first); a polygon, its exterior.
        kept = []
        for p in polygons:
            if not p or len(p[0]) < 4:
                skipped["degenerate polygon"] += 1
                continue
            holes = [ring for ring in p[1:] if len(ring) >= 4]
            skipped["degenerate hole"] += len(p) - 1 - len(holes)
            kept.append([p[0]] + holes)
        polygons = kept
        if not polygons:
            skipped["units with no geometry"] += 1
            continue
        uid = f"{a3 or 'XXX'}-{fid}"  # fid is the table's key, so the id is unique
        label = f"{name or uid} ({admin})" if admin else (name or uid)
        coords = [[[list(point) for point in ring] for ring in p] for p in polygons]
        features.append({
            "type": "Feature",
            "properties": {"id": uid, "name": label},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        })
        units.append((uid, polygons))
    if not units:
        raise SystemExit(f"{args.gpkg}: no polygon in layer states_provinces")
    with open(out / "regions.geojson", "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False,
                  separators=(",", ":"))

    # Statuses: about a third of the units, one to three periods each over the year.
    periods = []
    for uid, _ in units:
        if rng.random() > 1 / 3:
            continue
        day = 0
        for _ in range(rng.randint(1, 3)):
            start = day + rng.randint(0, 100)
            length = rng.randint(2, 60)
            if start + length > 360:
                break
            periods.append({
                "unit": uid,
                "status": rng.choice(["emergency", "emergency", "curfew"]),
                "declared": minute(rng, start, start),
                "lifted": minute(rng, start + length, start + length),
                "sources": ["stress"],
            })
            day = start + length + 1
    with open(out / "periods.json", "w", encoding="utf-8") as f:
        json.dump({"periods": periods}, f, indent=0)

    with open(out / "sources.json", "w", encoding="utf-8") as f:
        json.dump({"sources": [{
            "id": "stress", "kind": "analysis", "language": "en",
            "title": "Synthetic events and statuses made by benches/stress/generate.py",
        }]}, f, indent=1)

    # Places: points inside units chosen uniformly, so that small islands get places as often
    # as large provinces do (the harder case for a point-in-unit test).
    places = []
    while len(places) < args.places:
        uid, polygons = units[rng.randrange(len(units))]
        p = point_in(rng, polygons)
        if p:
            places.append((f"Place {len(places) + 1}", p, rng.choice(KINDS)))
    with open(out / "events.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "time", "lat", "lon", "location", "kind", "title",
                    "description", "source", "url"])
        for i in range(args.events):
            # A few places see most events, as in real data: the first places of a Pareto draw.
            if rng.random() < 0.3:
                index = min(int(rng.paretovariate(1.2)) - 1, len(places) - 1)
            else:
                index = rng.randrange(len(places))
            name, (lon, lat), usual = places[index]
            kind = usual if rng.random() < 0.7 else rng.choice(KINDS)
            day = datetime(YEAR, 1, 1) + timedelta(days=rng.randrange(365))
            time = ""  # date-only: the event belongs to the whole day
            if rng.random() < 0.6:
                time = f"{rng.randrange(24):02}:{rng.randrange(0, 60, 5):02}"
            w.writerow([f"e{i + 1}", day.strftime("%Y-%m-%d"), time, lat, lon, name, kind,
                        f"Synthetic {kind} event {i + 1}", f"An invented {kind} event at {name}.",
                        "Synthetic", f"https://example.org/stress/{i + 1}"])

    manifest = {
        "id": "stress-world",
        "version": "1.0.0",
        "name": {"en": "Stress test: the world's first-level units, a synthetic year"},
        "description": "Natural Earth admin-1 outlines with invented statuses and events, "
                       "for benchmarks only.",
        "time_zone": {"utc_offset": "+00:00", "label": {"en": "UTC"}},
        "window": {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"},
        "statuses": [
            {"id": "emergency", "names": {"en": "State of emergency"}, "colour": "#e35d23"},
            {"id": "curfew", "names": {"en": "Curfew"}, "colour": "#7b4fa0"},
        ],
        "files": {
            "regions": {"file": "regions.geojson", "id_property": "id", "name_property": "name"},
            "events": "events.csv",
            "periods": "periods.json",
            "sources": "sources.json",
        },
        "attribution": "Outlines: Natural Earth (public domain) · Statuses and events: synthetic",
        "default_instant": f"{YEAR}-06-01T12:00",
    }
    with open(out / "dataset.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
    print(f"{out}: {len(units)} units, {len(periods)} periods, {len(places)} places, "
          f"{args.events} events")
    if any(skipped.values()):
        print("skipped: " + ", ".join(f"{what}: {n}" for what, n in skipped.items() if n))


if __name__ == "__main__":
    main()
