//! The dataset as KML 2.2: a folder of events as points, with a TimeStamp when the minute is
//! known and a TimeSpan over every instant it may cover otherwise, and a folder of status
//! periods with their unit's outline, a TimeSpan from the earliest declaration to the latest
//! lifting, and the status's colour.

use super::escape_xml;
use super::fields::{event_fields, event_html, event_span, period_headline, place_point};
use crate::clock::{Clock, Instant};
use crate::data::{Dataset, Period, Place, StatusIdx};
use crate::i18n::{Lang, Msg, tr};
use crate::text;
use geo::{LineString, MultiPolygon, Point};
use std::fmt::Write as _;

/// The dataset as KML 2.2, its texts in `lang`.
pub fn to_kml(data: &Dataset, lang: Lang) -> String {
    let meta = &data.meta;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    element(&mut out, 1, "name", meta.name.get(lang));
    let about = format!(
        "{}\n{} ({})\n{}",
        meta.description.get(lang),
        meta.clock_label.get(lang),
        meta.clock.offset_utc_label(),
        meta.attribution
    );
    element(&mut out, 1, "description", &about);
    let style = crate::export::scene::style();
    for i in 0..meta.statuses.len() {
        let colour = style.status_colour(meta, StatusIdx(i as u32));
        let [r, g, b] = [colour.r(), colour.g(), colour.b()];
        let _ = write!(
            out,
            "  <Style id=\"{}\">\n    <LineStyle><color>ff{b:02x}{g:02x}{r:02x}</color><width>1.5</width></LineStyle>\n    <PolyStyle><color>80{b:02x}{g:02x}{r:02x}</color></PolyStyle>\n  </Style>\n",
            style_id(i)
        );
    }
    out += "  <Folder>\n";
    element(&mut out, 2, "name", tr(lang, Msg::Events));
    for event in &data.events {
        let f = event_fields(data, event, lang);
        out += "    <Placemark>\n";
        element(&mut out, 3, "name", f.title);
        element(
            &mut out,
            3,
            "description",
            &event_html(data, event, &f, lang),
        );
        let when = match event_span(meta.clock, event) {
            (minute, None) => When::Minute(minute),
            (begin, end) => When::Span(begin, end),
        };
        time(&mut out, meta.clock, when);
        out += "      <ExtendedData>\n";
        let mut data_field = |name: &str, value: &str| {
            let _ = writeln!(
                out,
                "        <Data name=\"{name}\"><value>{}</value></Data>",
                escape_xml(value)
            );
        };
        data_field("id", f.id);
        data_field("kind", f.kind);
        data_field("place", f.place);
        data_field("start", &f.start);
        data_field("latest", f.latest.as_deref().unwrap_or_default());
        data_field("time_known", &f.time_known.to_string());
        data_field("time_of_day", f.time_of_day.unwrap_or_default());
        data_field("end", f.end.as_deref().unwrap_or_default());
        for (name, raised) in f.flags {
            data_field(name, &raised.to_string());
        }
        out += "      </ExtendedData>\n";
        if let Some(p) = f.point {
            let _ = writeln!(
                out,
                "      <Point><coordinates>{}</coordinates></Point>",
                lon_lat(p)
            );
        }
        out += "    </Placemark>\n";
    }
    out += "  </Folder>\n  <Folder>\n";
    element(&mut out, 2, "name", tr(lang, Msg::Periods));
    for period in &data.periods {
        period_placemark(&mut out, data, period, lang);
    }
    out += "  </Folder>\n</Document>\n</kml>\n";
    out
}

/// A status period: its name, its dates in words, its TimeSpan, its style and its unit's
/// outline (or, for a unit without one, its point).
fn period_placemark(out: &mut String, data: &Dataset, period: &Period, lang: Lang) {
    let clock = data.meta.clock;
    *out += "    <Placemark>\n";
    element(out, 3, "name", &period_headline(data, period, lang));
    let mut description = format!(
        "{}: {}\n{}: {}",
        tr(lang, Msg::Declared),
        text::period_declared(data, lang, period),
        tr(lang, Msg::Lifted),
        text::period_lifted(data, lang, period)
    );
    if let Some(decree) = &period.decree {
        description += &format!("\n{decree}");
    }
    let sources: Vec<&str> = period
        .sources
        .iter()
        .map(|&s| data.source(s).title.as_str())
        .collect();
    if !sources.is_empty() {
        description += &format!("\n{}: {}", tr(lang, Msg::Sources), sources.join("; "));
    }
    element(out, 3, "description", &description);
    let end = period.lifted.as_ref().map(|l| l.latest);
    time(out, clock, When::Span(period.declared.earliest, end));
    element(
        out,
        3,
        "styleUrl",
        &format!("#{}", style_id(period.status.index())),
    );
    let unit = data.unit(period.unit);
    match &unit.geometry {
        Some(shape) => multi_polygon(out, shape),
        None => {
            if let Some(p) = place_point(data, Place::Unit(period.unit)) {
                let _ = writeln!(
                    out,
                    "      <Point><coordinates>{}</coordinates></Point>",
                    lon_lat(p)
                );
            }
        }
    }
    *out += "    </Placemark>\n";
}

fn style_id(status: usize) -> String {
    format!("status-{status}")
}

/// `<name>text</name>`, indented by `depth` levels, the text escaped.
fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    let _ = writeln!(
        out,
        "{:width$}<{name}>{}</{name}>",
        "",
        escape_xml(text),
        width = depth * 2
    );
}

/// When a placemark holds.
enum When {
    /// One known minute.
    Minute(Instant),
    /// From the first instant to the last (open-ended without one).
    Span(Instant, Option<Instant>),
}

/// A TimeStamp for a minute, a TimeSpan for a span.
fn time(out: &mut String, clock: Clock, when: When) {
    match when {
        When::Minute(t) => {
            let _ = writeln!(
                out,
                "      <TimeStamp><when>{}</when></TimeStamp>",
                clock.iso(t)
            );
        }
        When::Span(begin, end) => {
            let end = end
                .map(|e| format!("<end>{}</end>", clock.iso(e)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "      <TimeSpan><begin>{}</begin>{end}</TimeSpan>",
                clock.iso(begin)
            );
        }
    }
}

fn lon_lat(p: Point<f64>) -> String {
    format!("{},{}", p.x(), p.y())
}

fn ring(line: &LineString<f64>) -> String {
    line.points().map(lon_lat).collect::<Vec<_>>().join(" ")
}

/// The outline as a MultiGeometry of Polygons with their holes.
fn multi_polygon(out: &mut String, shape: &MultiPolygon<f64>) {
    *out += "      <MultiGeometry>\n";
    for polygon in shape {
        *out += "        <Polygon>\n";
        let _ = writeln!(
            out,
            "          <outerBoundaryIs><LinearRing><coordinates>{}</coordinates></LinearRing></outerBoundaryIs>",
            ring(polygon.exterior())
        );
        for hole in polygon.interiors() {
            let _ = writeln!(
                out,
                "          <innerBoundaryIs><LinearRing><coordinates>{}</coordinates></LinearRing></innerBoundaryIs>",
                ring(hole)
            );
        }
        *out += "        </Polygon>\n";
    }
    *out += "      </MultiGeometry>\n";
}
