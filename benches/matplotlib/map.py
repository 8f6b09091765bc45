#!/usr/bin/env python3
"""The map `qantar export --at 2022-01-06 --out q.png` draws, with geopandas and matplotlib.

A comparison script for BENCHMARKS.md: it reads the same dataset files (units.geojson and
context.geojson with geopandas, cities/events/periods with json), works out the same state at
the instant and draws the same 1920x1080 map in Web Mercator (EPSG:3857): the neighbouring
countries, seas, lakes and rivers as context, the 17 units filled by their status, their
borders, city markers sized by the events so far, region, city, country and water names placed
without overlaps, a title panel, a legend, a scale bar and the attribution. It is not meant to
be pixel-identical to Qantar's PNG, only to do the same work.

    python map.py --at 2022-01-06 --out m.png

The instant is read as Qantar reads it: `2022-01-06T13:00` is a minute on the dataset's clock
(Nur-Sultan time, UTC+6, unless the text carries its own offset) and a bare date, `2022-01-06`,
is the end of that day (23:59).

Status: a period holds from its `declared` minute up to, not including, its `lifted` minute.
A bound given as an interval (`{"earliest", "latest"}`) is uncertain inside it: before its
`earliest` the change has certainly not happened, from its `latest` on it certainly has. A unit
whose declaration is uncertain at the instant is drawn hatched (neither in nor out), as Qantar
draws it; a unit whose status began or ended on the shown day gets a dashed outline.
"""

from __future__ import annotations

import argparse
import json
import math
import os
from datetime import date, datetime, timedelta, timezone

import geopandas as gpd
import matplotlib
import numpy as np
import shapely

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import lines, patheffects
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle, FancyBboxPatch
from matplotlib.transforms import IdentityTransform

# Dash patterns below are in points, not in multiples of the line width.
matplotlib.rcParams["lines.scale_dashes"] = False

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEODATA = os.path.normpath(os.path.join(HERE, "..", "..", "geodata"))

WIDTH, HEIGHT, DPI = 1920, 1080, 100
PT = 72.0 / DPI  # matplotlib points per output pixel


def dashes(on_px: float, off_px: float):
    return (0, (on_px * PT, off_px * PT))


# Room left around the country: left, top (for the title), right, bottom, in pixels.
INSETS = (28.0, 84.0, 28.0, 40.0)

# Qantar's classroom style, in pixels at 1920x1080.
BACKGROUND = "#e6ecf0"
LAND, LAND_BORDER = "#e1dcd2", "#b3ab9d"
WATER, RIVER = "#adcbe3", "#86b0d3"
SPECIAL, SPECIAL_BORDER = "#cdc8c0", "#8f887d"
UNIT_FILL, STATUS_FILL, UNIT_BORDER = "#fdfaf2", "#e35d23", "#6f6457"
CHANGED = "#141f4d"
SEVERITY_BLUES = ["#ffffff", "#7cb3dc", "#246bb3", "#081d4a"]
MARKER_IDLE, MARKER_OUTLINE = "#d9d9d9", "#14141e"
TEXT, TEXT_MUTED, WATER_TEXT = "#1b1b22", "#5b5852", "#2f5f88"
HALO = (1.0, 1.0, 1.0, 220 / 255)
PANEL, PANEL_BORDER = (1.0, 1.0, 1.0, 236 / 255), "#9a9388"
MARKER_MIN_RADIUS = 4.5
# A line of DejaVu Sans, ascender to descender, in ems.
LINE_HEIGHT = (1901 + 483) / 2048

# Qantar's nine kinds and their severities, used when dataset.json declares none.
DEFAULT_SEVERITY = {
    "violence": 3,
    "casualties": 3,
    "clash": 2,
    "protest": 1,
    "security": 0,
    "emergency": 0,
    "government": 0,
    "communications": 0,
    "international": 0,
}
PARTS_OF_DAY = {"night": (0, 6), "morning": (6, 12), "afternoon": (12, 18), "evening": (18, 24)}


# --- time -----------------------------------------------------------------------------------


class Clock:
    """The dataset's clock: a fixed UTC offset, as dataset.json gives it."""

    def __init__(self, meta: dict):
        tz = meta.get("time_zone", {})
        offset = tz.get("utc_offset", "+06:00")
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset.lstrip("+-").split(":")
        self.offset = timedelta(hours=int(hours), minutes=int(minutes)) * sign
        self.tz = timezone(self.offset)
        label = tz.get("label", {})
        self.label = label.get("en", "") if isinstance(label, dict) else str(label)
        whole = int(self.offset.total_seconds() // 3600)
        rest = int(abs(self.offset.total_seconds()) % 3600 // 60)
        self.utc = f"UTC{whole:+d}" + (f":{rest:02d}" if rest else "")

    def parse(self, text: str) -> tuple[datetime, bool]:
        """An instant on this clock (as a naive datetime) and whether it carried a time."""
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time()), False
        t = datetime.fromisoformat(text)
        if t.tzinfo is not None:
            t = t.astimezone(self.tz).replace(tzinfo=None)
        return t, True

    def when(self, text: str) -> datetime:
        """`--at`: a minute, or a bare date meaning the end of that day (23:59)."""
        t, timed = self.parse(text)
        return t if timed else t + timedelta(hours=23, minutes=59)


def bound(value, clock: Clock) -> tuple[datetime, datetime]:
    """A declared or lifted bound as the interval [earliest, latest) it may lie in."""
    if isinstance(value, str):
        t = clock.parse(value)[0]
        return t, t
    if "at" in value:
        t = clock.parse(value["at"])[0]
        return t, t
    return clock.parse(value["earliest"])[0], clock.parse(value["latest"])[0]


def standing(period: dict, t: datetime, clock: Clock) -> str:
    """'in', 'uncertain' or 'out' at t."""
    d0, d1 = bound(period["declared"], clock)
    if t < d0:
        return "out"
    if t < d1:
        return "uncertain"
    if period.get("lifted") is None:
        return "in"
    l0, l1 = bound(period["lifted"], clock)
    if t < l0:
        return "in"
    if t < l1:
        return "uncertain"
    return "out"


def changed_on_day(period: dict, t: datetime, day_start: datetime, clock: Clock) -> bool:
    """True when the declaration or the lifting may fall between the day's start and t."""
    bounds = [period["declared"]] + ([period["lifted"]] if period.get("lifted") else [])
    for b in bounds:
        e0, e1 = bound(b, clock)
        if e0 <= t and (e0 >= day_start or e1 > day_start):
            return True
    return False


def event_times(ev: dict, clock: Clock) -> tuple[datetime, datetime, datetime]:
    """An event's earliest instant, the instant by which it had certainly begun, and its end."""
    start, timed = clock.parse(ev["start"])
    part = PARTS_OF_DAY.get(ev.get("time_of_day", ""))
    earliest = start + timedelta(hours=part[0]) if (not timed and part) else start
    if ev.get("latest"):
        certain = clock.parse(ev["latest"])[0]
    elif timed:
        certain = start
    else:
        certain = start + timedelta(hours=part[1] if part else 24)
    end = clock.parse(ev["end"])[0] if ev.get("end") else start
    return earliest, certain, end


# --- data -----------------------------------------------------------------------------------


def name(value, lang: str = "en") -> str:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()), "")
    return "" if value is None else str(value)


def point(value):
    """A `label` property ([lon, lat], however the reader returned it), or None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        value = json.loads(value)
    return float(value[0]), float(value[1])


def load(geodata: str):
    with open(os.path.join(geodata, "dataset.json"), encoding="utf-8") as f:
        meta = json.load(f)
    files = meta.get("files", {})

    def path(key: str, default: str) -> str:
        return os.path.join(geodata, files.get(key, default))

    units = gpd.read_file(path("units", "units.geojson"))
    context = gpd.read_file(path("context", "context.geojson"))
    with open(path("cities", "cities.json"), encoding="utf-8") as f:
        cities = json.load(f)["cities"]
    with open(path("events", "events.json"), encoding="utf-8") as f:
        events = json.load(f)["events"]
    with open(path("periods", "periods.json"), encoding="utf-8") as f:
        periods = json.load(f)["periods"]
    return meta, units, context, cities, events, periods


# --- drawing --------------------------------------------------------------------------------


class Canvas:
    """The figure, the map axes filling it, and the Web Mercator -> pixel transform."""

    def __init__(self, bounds):
        # Fit the country's box into the canvas inside the insets, centred in them.
        x0, y0, x1, y1 = bounds
        left, top, right, bottom = INSETS
        avail_w, avail_h = WIDTH - left - right, HEIGHT - top - bottom
        self.scale = min(avail_w / (x1 - x0), avail_h / (y1 - y0))  # pixels per metre
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        px, py = left + avail_w / 2, top + avail_h / 2  # where the centre goes (y down)
        self.x0 = cx - px / self.scale
        self.y_top = cy + py / self.scale
        self.fig = plt.figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor=BACKGROUND)
        ax = self.fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_facecolor(BACKGROUND)
        ax.set_xlim(self.x0, self.x0 + WIDTH / self.scale)
        ax.set_ylim(self.y_top - HEIGHT / self.scale, self.y_top)
        ax.set_aspect("equal")
        ax.set_autoscale_on(False)
        self.ax = ax
        self.renderer = self.fig.canvas.get_renderer()
        self.px = IdentityTransform()  # display pixels, origin bottom left

    def pixel(self, x: float, y: float) -> tuple[float, float]:
        """Web Mercator metres to pixels from the top left."""
        return (x - self.x0) * self.scale, (self.y_top - y) * self.scale

    def metres(self, px, py):
        """Pixels from the top left to Web Mercator metres (numbers or arrays)."""
        return self.x0 + px / self.scale, self.y_top - py / self.scale

    def text_size(self, text: str, size_px: float, bold=False, italic=False):
        prop = font(size_px, bold, italic)
        width = self.renderer.get_text_width_height_descent(text, prop, ismath=False)[0]
        return width, size_px * LINE_HEIGHT

    def text(self, x, y, s, size_px, color=TEXT, bold=False, italic=False, halo=True, **kw):
        """Text at pixel (x, y) from the top left, anchored by ha/va."""
        t = self.fig.text(
            x,
            HEIGHT - y,
            s,
            transform=self.px,
            fontproperties=font(size_px, bold, italic),
            color=color,
            **kw,
        )
        if halo:
            t.set_path_effects([patheffects.withStroke(linewidth=3.0 * PT, foreground=HALO)])
        return t

    def rect(self, x0, y0, x1, y1, face, edge=None, lw=0.0, radius=0.0, **kw):
        r = FancyBboxPatch(
            (x0, HEIGHT - y1),
            x1 - x0,
            y1 - y0,
            boxstyle=f"round,pad=0,rounding_size={radius}" if radius else "square,pad=0",
            transform=self.px,
            facecolor=face,
            edgecolor=edge or "none",
            linewidth=lw * PT,
            **kw,
        )
        self.fig.patches.append(r)
        return r

    def circle(self, x, y, r, face, edge=MARKER_OUTLINE, lw=1.4, zorder=5, **kw):
        c = Circle(
            (x, HEIGHT - y),
            r,
            transform=self.px,
            facecolor=face,
            edgecolor=edge,
            linewidth=lw * PT,
            zorder=zorder,
            **kw,
        )
        self.fig.patches.append(c)
        return c


_FONTS: dict = {}


def font(size_px: float, bold=False, italic=False) -> FontProperties:
    key = (size_px, bold, italic)
    if key not in _FONTS:
        _FONTS[key] = FontProperties(
            family="DejaVu Sans",
            size=size_px * PT,
            weight="bold" if bold else "normal",
            style="italic" if italic else "normal",
        )
    return _FONTS[key]


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(a, b) -> bool:
    return a[0] >= b[0] and a[1] >= b[1] and a[2] <= b[2] and a[3] <= b[3]


def place_labels(canvas: Canvas, candidates, obstacles):
    """Greedy placement by priority: no label over another, a marker or the overlay."""
    bounds = (2.0, 2.0, WIDTH - 2.0, HEIGHT - 2.0)
    pad = 3.0
    taken = []
    for c in sorted(candidates, key=lambda c: c["priority"]):
        w, h = canvas.text_size(c["text"], c["size"], c.get("bold", False), c.get("italic", False))
        if "beside" in c:
            (x, y), r = c["beside"]
            gap = r + pad
            spots = [
                (x + gap, y - h / 2),
                (x - gap - w, y - h / 2),
                (x - w / 2, y - gap - h),
                (x - w / 2, y + gap),
            ]
            own = (x - r, y - r, x + r, y + r)
        else:
            spots = [(x - w / 2, y - h / 2) for x, y in c["centres"]]
            own = None
        for sx, sy in spots:
            box = (sx - pad / 2, sy, sx + w + pad / 2, sy + h)
            if not inside(box, bounds) or any(overlaps(t, box) for t in taken):
                continue
            if any(overlaps(o, box) for o in obstacles if o != own):
                continue
            taken.append(box)
            canvas.text(
                sx,
                sy + h / 2,
                c["text"],
                c["size"],
                color=c["color"],
                bold=c.get("bold", False),
                italic=c.get("italic", False),
                ha="left",
                va="center",
                zorder=10,
            )
            break


def draw(args) -> None:
    meta, units, context, cities, events, periods = load(args.geodata)
    clock = Clock(meta)
    t = clock.when(args.at)
    day_start = datetime.combine(t.date(), datetime.min.time())

    kinds = meta.get("kinds")
    severity = (
        {k["id"]: min(int(k.get("severity", 0)), 3) for k in kinds} if kinds else DEFAULT_SEVERITY
    )

    # Status of every unit at t, and whether it changed on the shown day.
    unit_standing, unit_changed = {}, {}
    for p in periods:
        s = standing(p, t, clock)
        prev = unit_standing.get(p["unit"], "out")
        order = {"out": 0, "uncertain": 1, "in": 2}
        unit_standing[p["unit"]] = s if order[s] > order[prev] else prev
        if changed_on_day(p, t, day_start, clock):
            unit_changed[p["unit"]] = True

    # Events per city up to t: the count so far, the day's highest severity, and whether any
    # counted event has certainly happened (else it is only "sometime today").
    city_ids = {c["id"] for c in cities}
    tally = {c["id"]: {"count": 0, "severity": None, "certain": False} for c in cities}
    for ev in events:
        place = ev.get("place")
        if place not in city_ids:
            continue
        earliest, certain, end = event_times(ev, clock)
        if earliest > t:
            continue
        k = tally[place]
        k["count"] += 1
        k["certain"] |= certain <= t
        if end >= day_start or certain > day_start:
            sev = severity.get(ev["kind"], 0)
            k["severity"] = sev if k["severity"] is None else max(k["severity"], sev)

    # Project everything to Web Mercator.
    units = units.to_crs(epsg=3857)
    context = context.to_crs(epsg=3857)
    drawn = units[units.geometry.notna() & ~units.geometry.is_empty].copy()
    city_points = gpd.GeoSeries(
        gpd.points_from_xy([c["lon"] for c in cities], [c["lat"] for c in cities]), crs=4326
    ).to_crs(epsg=3857)

    canvas = Canvas(drawn.total_bounds)
    ax = canvas.ax

    # Context: neighbouring land, water, rivers, Baikonur.
    cls = context["class"]
    land = context[cls == "land"]
    water = context[cls == "water"]
    rivers = context[cls == "river"]
    special = context[cls == "special"]
    land.plot(ax=ax, color=LAND, edgecolor=LAND_BORDER, linewidth=0.9 * PT, zorder=1)
    water.plot(ax=ax, color=WATER, edgecolor="none", zorder=1.1)
    rivers.plot(ax=ax, color=RIVER, linewidth=1.0 * PT, zorder=1.2)
    special.plot(ax=ax, color=SPECIAL, edgecolor=SPECIAL_BORDER, linewidth=0.9 * PT, zorder=1.3)

    # Units by status; uncertain ones cream with an orange hatch; then borders and the dashed
    # outline of those whose status changed on the shown day.
    st = drawn["id"].map(lambda u: unit_standing.get(u, "out"))
    drawn["fill"] = st.map({"in": STATUS_FILL, "uncertain": UNIT_FILL, "out": UNIT_FILL})
    drawn.plot(ax=ax, color=drawn["fill"], edgecolor="none", zorder=2)
    uncertain = drawn[st == "uncertain"]
    if len(uncertain):
        plt.rcParams["hatch.linewidth"] = 2.4 * PT
        uncertain.plot(
            ax=ax, facecolor="none", edgecolor=STATUS_FILL, hatch="//", linewidth=0, zorder=2.1
        )
    drawn.boundary.plot(ax=ax, color=UNIT_BORDER, linewidth=1.0 * PT, zorder=3)
    changed = drawn[drawn["id"].map(lambda u: unit_changed.get(u, False))]
    if len(changed):
        changed.boundary.plot(
            ax=ax, color=CHANGED, linewidth=3.0 * PT, linestyle=dashes(7.0, 4.0), zorder=3.1
        )

    # The overlay first: its boxes are obstacles for the labels.
    obstacles = []
    title = name(meta.get("name"))
    when = (
        f"{t.strftime('%A')}, {t.day} {t.strftime('%B %Y')}, {t.strftime('%H:%M')} "
        f"({clock.label}, {clock.utc})"
    )
    tw, th = canvas.text_size(title, 24.0, bold=True)
    ww, wh = canvas.text_size(when, 18.0)
    box = (10.0, 10.0, 10.0 + max(tw, ww) + 20.0, 10.0 + th + wh + 14.0)
    canvas.rect(*box, PANEL, PANEL_BORDER, 1.0, radius=4.0, zorder=20)
    canvas.text(20, 17 + th / 2, title, 24.0, bold=True, halo=False, va="center", zorder=21)
    canvas.text(20, 19 + th + wh / 2, when, 18.0, halo=False, va="center", zorder=21)
    obstacles.append(box)
    obstacles.append(legend(canvas, meta))
    obstacles.extend(scale_bar_and_attribution(canvas, meta, drawn.total_bounds))

    # City markers: size by events so far, fill by the day's highest severity; the orange ring
    # of a city with a status of its own.
    unit_kind = dict(zip(units["id"], units["kind"]))
    candidates = []
    for c, geom in zip(cities, city_points):
        k = tally[c["id"]]
        own = unit_standing.get(c["unit"], "out") if unit_kind.get(c["unit"]) == "city" else "out"
        if k["count"] == 0 and own == "out":
            continue
        x, y = canvas.pixel(geom.x, geom.y)
        radius = min(MARKER_MIN_RADIUS + 2.1 * math.sqrt(k["count"]), MARKER_MIN_RADIUS * 4)
        inner = radius if k["count"] else 3.0
        extent = radius
        if own != "out":
            band = 3.6
            r = inner + 1.0 + band / 2 + 1.0
            if own == "in":
                canvas.circle(x, y, r, "none", MARKER_OUTLINE, band + 2.4, zorder=5)
                canvas.circle(x, y, r, "none", STATUS_FILL, band, zorder=5.1)
            else:
                canvas.circle(x, y, r, "none", UNIT_FILL, band + 2.4, zorder=5)
                canvas.circle(
                    x, y, r, "none", STATUS_FILL, band, zorder=5.1, linestyle=dashes(3.0, 2.5)
                )
            extent = max(extent, r + (band + 2.4) / 2)
        if k["count"]:
            if not k["certain"]:
                canvas.circle(
                    x, y, radius, UNIT_FILL, lw=1.4 * 1.6, linestyle=dashes(3.5, 2.5), zorder=6
                )
            else:
                fill = MARKER_IDLE if k["severity"] is None else SEVERITY_BLUES[k["severity"]]
                canvas.circle(x, y, radius, fill, zorder=6)
            sev = k["severity"]
            candidates.append(
                {
                    "text": name(c["names"]),
                    "size": 14.0,
                    "bold": sev is not None and sev >= 2,
                    "color": TEXT,
                    "beside": ((x, y), extent),
                    "priority": (100 if sev is not None else 300) - min(k["count"], 90),
                }
            )
        obstacles.append((x - extent, y - extent, x + extent, y + extent))

    # Region names at their label points, else around them while the middle of the label
    # stays inside the region, if they fit the region's width.
    regions = drawn[drawn["kind"] != "city"]
    label_points = [point(v) for v in regions["label"]]
    fallback = regions.geometry.representative_point()
    projected = gpd.GeoSeries(
        gpd.points_from_xy(
            [p[0] if p else 0.0 for p in label_points], [p[1] if p else 0.0 for p in label_points]
        ),
        crs=4326,
    ).to_crs(epsg=3857)
    steps = [
        (kx, ky)
        for ky in (0, -1.6, 1.6, -3.2, 3.2, -4.8, 4.8, -6.4, 6.4, -8, 8)
        for kx in (0.0, -0.6, 0.6)
    ]
    for row, lp, proj, alt in zip(regions.itertuples(), label_points, projected, fallback):
        bx0, _, bx1, _ = row.geometry.bounds
        text = name(row.short) or name(row.names)
        w, h = canvas.text_size(text, 14.0)
        if w > (bx1 - bx0) * canvas.scale * 0.9:
            continue
        at = proj if lp else alt
        lx, ly = canvas.pixel(at.x, at.y)
        cx = np.array([lx + kx * w for kx, _ in steps])
        cy = np.array([ly + ky * h for _, ky in steps])
        ok = np.ones(len(steps), dtype=bool)
        for dx in (-0.3, 0.0, 0.3):
            mx, my = canvas.metres(cx + dx * w, cy)
            ok &= shapely.contains_xy(row.geometry, mx, my)
        ok[0] = True
        candidates.append(
            {
                "text": text,
                "size": 14.0,
                "color": TEXT_MUTED,
                "centres": list(zip(cx[ok], cy[ok])),
                "priority": 200 - int(min((bx1 - bx0) * canvas.scale / 10.0, 90)),
            }
        )

    # Country, water and Baikonur names.
    named = context[context["names"].notna() & context["label"].notna()]
    if len(named):
        pts = [point(v) for v in named["label"]]
        g = gpd.GeoSeries(
            gpd.points_from_xy([p[0] for p in pts], [p[1] for p in pts]), crs=4326
        ).to_crs(epsg=3857)
        for cl, names, p in zip(named["class"], named["names"], g):
            size, color, italic, priority = {
                "water": (13.0, WATER_TEXT, True, 400),
                "land": (13.0, TEXT_MUTED, False, 450),
                "special": (13.0 * 0.9, TEXT_MUTED, False, 350),
            }.get(cl, (None, None, None, None))
            if size is None:
                continue
            candidates.append(
                {
                    "text": name(names),
                    "size": size,
                    "italic": italic,
                    "color": color,
                    "centres": [canvas.pixel(p.x, p.y)],
                    "priority": priority,
                }
            )

    place_labels(canvas, candidates, obstacles)
    canvas.fig.savefig(args.out, dpi=DPI, facecolor=BACKGROUND)
    plt.close(canvas.fig)


def legend(canvas: Canvas, meta: dict):
    """The legend panel in the top right corner; returns its box."""
    status = name(meta.get("statuses", {}).get("emergency", "State of emergency"))
    rows = [
        ("swatch", STATUS_FILL, status),
        ("swatch", UNIT_FILL, f"No {status[0].lower()}{status[1:]}"),
        ("dashed", CHANGED, "Declared or lifted this day"),
        ("swatch", SPECIAL, "Baikonur (leased to Russia)"),
        ("ring", STATUS_FILL, "Ring: a city-unit's own status"),
        ("sometime", UNIT_FILL, "Event this day, hour unknown"),
        ("sizes", MARKER_IDLE, "Circle size: events so far"),
        ("dot", SEVERITY_BLUES[3], "Violence or deaths"),
        ("dot", SEVERITY_BLUES[2], "Clashes"),
        ("dot", SEVERITY_BLUES[1], "Protests"),
        ("dot", SEVERITY_BLUES[0], "Official, other"),
        ("dot", MARKER_IDLE, "No event this day"),
    ]
    size, line = 12.5, 17.5
    widths = [canvas.text_size(text, size)[0] for _, _, text in rows]
    head_w, _ = canvas.text_size("Legend", size, bold=True)
    sym = 30.0
    w = max(max(widths) + sym, head_w) + 16.0
    h = line * (len(rows) + 1) + 10.0
    x0, y0 = WIDTH - 10.0 - w, 10.0
    canvas.rect(x0, y0, x0 + w, y0 + h, PANEL, PANEL_BORDER, 1.0, radius=4.0, zorder=20)
    canvas.text(
        x0 + 8, y0 + 5 + line / 2, "Legend", size, bold=True, halo=False, va="center", zorder=21
    )
    for i, (kind, colour, text) in enumerate(rows):
        cy = y0 + 5 + line * (i + 1.5)
        sx = x0 + 8
        if kind == "swatch":
            canvas.rect(sx, cy - 5, sx + 22, cy + 5, colour, UNIT_BORDER, 1.0, zorder=21)
        elif kind == "dashed":
            canvas.rect(
                sx,
                cy - 5,
                sx + 22,
                cy + 5,
                UNIT_FILL,
                colour,
                2.5,
                zorder=21,
                linestyle=dashes(5, 3),
            )
        elif kind == "ring":
            canvas.circle(sx + 11, cy, 6.5, "none", MARKER_OUTLINE, 4.0, zorder=21)
            canvas.circle(sx + 11, cy, 6.5, "none", colour, 2.4, zorder=21.1)
            canvas.circle(sx + 11, cy, 3.0, MARKER_IDLE, lw=1.2, zorder=21.2)
        elif kind == "sometime":
            canvas.circle(sx + 11, cy, 5.5, colour, lw=1.6, linestyle=dashes(3.5, 2.5), zorder=21)
        elif kind == "sizes":
            for j, r in enumerate((4.0, 5.0, 6.0)):
                canvas.circle(sx + 2 + j * 11, cy, r, "white", lw=1.2, zorder=21)
            sx += 14
        else:
            canvas.circle(sx + 11, cy, 5.5, colour, lw=1.2, zorder=21)
        canvas.text(sx + sym, cy, text, size, halo=False, va="center", zorder=21)
    return (x0, y0, x0 + w, y0 + h)


def scale_bar_and_attribution(canvas: Canvas, meta: dict, bounds):
    """A 200 km scale bar and the data credit at the bottom right; returns their boxes."""
    size = 12.5
    text = "Data: " + meta.get("attribution", "")
    w, h = canvas.text_size(text, size)
    x = WIDTH - 10.0 - w
    bottom = HEIGHT
    top = bottom - h - 3.0
    credit = (x - 4, top - 1, x + w + 4, bottom - 2)
    canvas.rect(*credit, PANEL, zorder=20)
    canvas.text(x, top + h / 2 + 1, text, size, halo=False, va="center", zorder=21)

    # Ground metres per pixel at the map's centre latitude (Mercator stretches by 1/cos).
    cy = canvas.y_top - HEIGHT / 2 / canvas.scale
    lat = math.degrees(2 * math.atan(math.exp(cy / 6378137.0)) - math.pi / 2)
    metres_per_px = math.cos(math.radians(lat)) / canvas.scale
    length = 200_000 / metres_per_px
    bx1, by = WIDTH - 12.0, top - 14.0
    bx0 = bx1 - length
    box = (bx0 - 8, by - 24, bx1 + 8, by + 8)
    canvas.rect(*box, PANEL, zorder=20)
    ys = HEIGHT - by
    canvas.fig.lines.append(
        lines.Line2D(
            [bx0, bx0, bx1, bx1],
            [ys + 5, ys, ys, ys + 5],
            transform=canvas.px,
            color=TEXT,
            linewidth=2.0 * PT,
            zorder=21,
        )
    )
    canvas.text(
        (bx0 + bx1) / 2, by - 12, "200 km", size, halo=False, ha="center", va="center", zorder=21
    )
    return [credit, box]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--at",
        default="2022-01-06T00:00",
        help="the instant: 2022-01-06T13:00 (dataset time) or 2022-01-06 (the end of that day)",
    )
    ap.add_argument("--out", default="map.png", help="the PNG to write (1920x1080)")
    ap.add_argument("--geodata", default=DEFAULT_GEODATA, help="the dataset folder")
    draw(ap.parse_args())


if __name__ == "__main__":
    main()
