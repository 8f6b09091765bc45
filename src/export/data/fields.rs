//! What every format says of an event, worked out once: its times without invented precision,
//! its place and point, its sources and precision flags, and the same in HTML for the formats
//! that show a description (TimelineJS, KML).

use super::escape_xml;
use crate::clock::{Clock, Instant};
use crate::data::{Dataset, Event, Period, Place, TimeOfDay, UnitIdx};
use crate::i18n::{Lang, Msg, tr};
use crate::text;
use chrono::NaiveDate;
use geo::{InteriorPoint, Point};

/// An event as the formats write it.
pub(super) struct EventFields<'a> {
    pub id: &'a str,
    /// ISO 8601 with the clock's offset when the time is known (the earliest end of an
    /// interval); else the date alone.
    pub start: String,
    /// The latest end of the interval in which it began, if the record gives one.
    pub latest: Option<String>,
    pub time_known: bool,
    /// `night`, `morning`, `afternoon` or `evening`, when only the part of the day is known.
    pub time_of_day: Option<&'static str>,
    /// When it ended: ISO 8601, or the date alone when the time is unknown.
    pub end: Option<String>,
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub place: &'a str,
    pub place_name: &'a str,
    /// Where, in words, when the record says so.
    pub location: Option<&'a str>,
    /// Its own point, else its city's or unit's; `None` for the country as a whole.
    pub point: Option<Point<f64>>,
    /// Title and link of each source.
    pub sources: Vec<(&'a str, Option<&'a str>)>,
    /// The precision flags by name, raised or not.
    pub flags: [(&'static str, bool); 6],
}

/// The fields of `event`, its texts in `lang`.
pub(super) fn event_fields<'a>(data: &'a Dataset, event: &'a Event, lang: Lang) -> EventFields<'a> {
    let clock = data.meta.clock;
    let p = event.precision;
    EventFields {
        id: &event.id,
        start: if event.start.time_known || event.latest.is_some() {
            clock.iso(event.earliest())
        } else {
            clock.day(event.start.instant).to_string()
        },
        latest: event.latest.map(|t| clock.iso(t)),
        time_known: event.start.time_known,
        time_of_day: event.time_of_day.map(time_of_day_id),
        end: event.end.map(|e| {
            if e.time_known {
                clock.iso(e.instant)
            } else {
                clock.day(e.instant).to_string()
            }
        }),
        kind: &data.meta.kind(event.kind).id,
        title: event.title.get(lang),
        description: event.description.get(lang),
        place: data.place_id(event.place),
        place_name: data.place_name(event.place, lang),
        location: event.location.as_deref(),
        point: event.point.or_else(|| place_point(data, event.place)),
        sources: event
            .sources
            .iter()
            .map(|&s| {
                let s = data.source(s);
                (s.title.as_str(), s.url.as_deref())
            })
            .collect(),
        flags: [
            ("time_approximate", p.time_approximate),
            ("date_inferred", p.date_inferred),
            ("single_source", p.single_source),
            ("unconfirmed", p.unconfirmed),
            ("figures_disputed", p.figures_disputed),
            ("date_disputed", p.date_disputed),
        ],
    }
}

/// The id a data file gives a part of the day.
fn time_of_day_id(part: TimeOfDay) -> &'static str {
    match part {
        TimeOfDay::Night => "night",
        TimeOfDay::Morning => "morning",
        TimeOfDay::Afternoon => "afternoon",
        TimeOfDay::Evening => "evening",
    }
}

/// Where a place is drawn: a city's position, a unit's label point (else a point inside its
/// outline, else its largest city); the country as a whole has no point.
pub(super) fn place_point(data: &Dataset, place: Place) -> Option<Point<f64>> {
    match place {
        Place::Country => None,
        Place::City(c) => Some(data.city(c).position),
        Place::Unit(u) => unit_point(data, u),
    }
}

fn unit_point(data: &Dataset, unit: UnitIdx) -> Option<Point<f64>> {
    let u = data.unit(unit);
    u.label
        .or_else(|| u.geometry.as_ref().and_then(|g| g.interior_point()))
        .or_else(|| {
            data.cities
                .iter()
                .filter(|c| c.unit == unit)
                .max_by_key(|c| c.population)
                .map(|c| c.position)
        })
}

/// The instants an event covers: from the first at which it may have begun to the last it
/// may have lasted (the end of its interval, part of the day or day when its time is unknown;
/// its end, to the end of that day when the end's time is unknown). `None` as the end when it
/// is one known minute.
pub(super) fn event_span(clock: Clock, event: &Event) -> (Instant, Option<Instant>) {
    let begin = event.earliest();
    let end = event.end.map(|e| {
        if e.time_known {
            e.instant
        } else {
            clock.day_start(next_day(clock.day(e.instant)))
        }
    });
    let last = end.map_or(event.certain_from(), |e| e.max(event.certain_from()));
    (begin, (last > begin).then_some(last))
}

/// The day after `day` (the same day at the end of the calendar).
pub(super) fn next_day(day: NaiveDate) -> NaiveDate {
    day.succ_opt().unwrap_or(day)
}

/// When, in words: "5 January 2022, 16:37", "5 January 2022, evening (time unknown)", or
/// "at an unknown hour between 16:00, 5 January and 00:00, 6 January".
pub(super) fn when_text(clock: Clock, lang: Lang, event: &Event) -> String {
    let day = clock.day(event.start.instant);
    let time = text::event_time(clock, lang, event, day);
    if event.latest.is_some() {
        time
    } else {
        format!("{}, {time}", clock.date_text(lang, day))
    }
}

/// The event as HTML: when and where, the description, the raised precision flags and the
/// sources as links. Every piece of data in it is escaped.
pub(super) fn event_html(data: &Dataset, event: &Event, f: &EventFields<'_>, lang: Lang) -> String {
    let clock = data.meta.clock;
    let mut place = f.place_name.to_owned();
    if let Some(location) = f.location {
        place = format!("{place} ({location})");
    }
    let mut html = format!(
        "<p>{} · {}</p><p>{}</p>",
        escape_xml(&when_text(clock, lang, event)),
        escape_xml(&place),
        escape_xml(f.description)
    );
    let flags = text::precision_flags(lang, event);
    if !flags.is_empty() {
        html += &format!("<p>{}</p>", escape_xml(&flags.join(", ")));
    }
    if !f.sources.is_empty() {
        let links: Vec<String> = f
            .sources
            .iter()
            .map(|&(title, url)| match url {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape_xml(url), escape_xml(title)),
                None => escape_xml(title),
            })
            .collect();
        html += &format!(
            "<p>{}: {}</p>",
            escape_xml(tr(lang, Msg::Sources)),
            links.join("; ")
        );
    }
    html
}

/// A period's name: "State of emergency — Almaty Region".
pub(super) fn period_headline(data: &Dataset, period: &Period, lang: Lang) -> String {
    format!(
        "{} — {}",
        data.meta.status(period.status).names.get(lang),
        data.unit(period.unit).names.get(lang)
    )
}
