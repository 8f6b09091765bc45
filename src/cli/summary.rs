//! `qantar summary --at WHEN [--json]`: the situation at an instant, in plain words or JSON.

use crate::clock::Instant;
use crate::data::{Dataset, EventIdx, Happened, Place};
use crate::i18n::{Lang, Msg, tr};
use crate::text;
use crate::timeline::Timeline;
use serde::Serialize;

/// The situation at an instant, as `--json` prints it. Ids are the dataset's stable ids.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// ISO 8601 with the dataset clock's offset.
    pub at: String,
    /// The instant in words.
    pub at_text: String,
    pub dataset: DatasetRef,
    /// For every status the dataset declares, by its id (`emergency`, `curfew`): the sorted
    /// ids of the units certainly under it.
    pub units_by_status: std::collections::BTreeMap<String, Vec<String>>,
    /// Sorted ids of the units whose status at the instant the record leaves open (declared or
    /// lifted at an unknown minute of an interval the instant is in). They are in neither
    /// `units_by_status` nor `statuses`.
    pub uncertain: Vec<String>,
    /// Every unit under any status, with its declaration.
    pub statuses: Vec<UnitStatus>,
    pub cities_with_events: Vec<CityRef>,
    /// The events of the instant's day that have begun by the instant.
    pub events_today: Vec<EventRef>,
    /// The rest of the day's events.
    pub events_later_today: Vec<EventRef>,
    /// Events concerning the country as a whole, from the start up to the instant.
    pub national_events: Vec<EventRef>,
    #[serde(skip)]
    unit_count: usize,
    /// The declared statuses, in order: (id, name in the summary's language).
    #[serde(skip)]
    status_names: Vec<(String, String)>,
    #[serde(skip)]
    day_text: String,
    #[serde(skip)]
    uncertain_text: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DatasetRef {
    pub id: String,
    pub version: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct UnitStatus {
    pub unit: String,
    pub name: String,
    pub status: String,
    /// ISO 8601: the minute, or "earliest/latest" when only an interval is known.
    pub declared: String,
    /// The minute is read on the dataset's clock; the record does not say whose.
    pub declared_presumed_clock: bool,
    pub lifted: Option<String>,
    pub lifted_presumed_clock: bool,
    #[serde(skip)]
    since_text: String,
}

#[derive(Debug, Serialize)]
pub struct CityRef {
    pub id: String,
    pub name: String,
    /// When its first event happened, without a minute the record does not have.
    pub first_event: String,
    /// False while every event of the city so far is of unknown time on the shown day (it may
    /// not have happened yet).
    pub certain: bool,
    #[serde(skip)]
    first_text: String,
}

#[derive(Debug, Serialize)]
pub struct EventRef {
    pub id: String,
    /// ISO 8601 instant when the time is known; an interval "earliest/latest"; a date with its
    /// part of the day ("2022-01-03 evening"); or the date alone.
    pub start: String,
    pub time_known: bool,
    pub place: String,
    pub place_name: String,
    pub kind: String,
    pub title: String,
    #[serde(skip)]
    time_text: String,
    #[serde(skip)]
    date_text: String,
}

impl Summary {
    /// The units under the dataset's main (first) status.
    pub fn main_status_units(&self, data: &Dataset) -> Vec<String> {
        data.meta
            .statuses
            .first()
            .and_then(|s| self.units_by_status.get(&s.key))
            .cloned()
            .unwrap_or_default()
    }

    pub fn new(data: &Dataset, timeline: &Timeline, at: Instant, lang: Lang) -> Self {
        let clock = data.meta.clock;
        let statuses: Vec<UnitStatus> = timeline
            .units_under_status(data, at)
            .into_iter()
            .map(|(u, p)| {
                let p = data.period(p);
                let since_text = format!(
                    "{} {}",
                    tr(lang, Msg::Since),
                    text::period_declared(data, lang, p)
                );
                UnitStatus {
                    since_text,
                    unit: data.unit(u).id.clone(),
                    name: data.unit(u).names.get(lang).to_owned(),
                    status: data.meta.status(p.status).key.clone(),
                    declared: text::bound_iso(clock, &p.declared),
                    declared_presumed_clock: p.declared.presumed_clock,
                    lifted: p.lifted.as_ref().map(|l| text::bound_iso(clock, l)),
                    lifted_presumed_clock: p.lifted.as_ref().is_some_and(|l| l.presumed_clock),
                }
            })
            .collect();
        let mut units_by_status: std::collections::BTreeMap<String, Vec<String>> = data
            .meta
            .statuses
            .iter()
            .map(|s| (s.key.clone(), Vec::new()))
            .collect();
        for s in &statuses {
            units_by_status
                .entry(s.status.clone())
                .or_default()
                .push(s.unit.clone());
        }
        units_by_status.values_mut().for_each(|v| v.sort());
        let uncertain_units = timeline.units_uncertain(data, at);
        let mut uncertain: Vec<String> = uncertain_units
            .iter()
            .map(|&(u, _)| data.unit(u).id.clone())
            .collect();
        uncertain.sort();
        let uncertain_text: Vec<String> = uncertain_units
            .iter()
            .map(|&(u, p)| {
                let p = data.period(p);
                let bound = if p.declared.undecided_at(at) {
                    text::period_declared(data, lang, p)
                } else {
                    text::period_lifted(data, lang, p)
                };
                format!(
                    "{} ({}): {bound}",
                    data.unit(u).names.get(lang),
                    data.unit(u).id
                )
            })
            .collect();

        let today = clock.day(at);
        let event_ref = |e: EventIdx| {
            let ev = data.event(e);
            let day = clock.day(ev.start.instant);
            EventRef {
                time_text: text::event_time_short(clock, lang, ev, today),
                date_text: clock.short_date_text(lang, day),
                id: ev.id.clone(),
                start: text::event_when_iso(clock, ev),
                time_known: ev.start.time_known,
                place: data.place_id(ev.place).to_owned(),
                place_name: data.place_name(ev.place, lang).to_owned(),
                kind: data.meta.kind(ev.kind).id.clone(),
                title: ev.title.get(lang).to_owned(),
            }
        };
        let (today, later): (Vec<EventIdx>, Vec<EventIdx>) = timeline
            .events_on_day(data, clock.day(at))
            .into_iter()
            .partition(|&e| data.event(e).happened_at(at) != Happened::NotYet);
        let _ = today;

        Summary {
            at: clock.iso(at),
            at_text: format!(
                "{} ({})",
                clock.long_text(lang, at),
                clock.labelled(data.meta.clock_label.get(lang), at)
            ),
            dataset: DatasetRef {
                id: data.meta.id.clone(),
                version: data.meta.version.clone(),
                name: data.meta.name.get(lang).to_owned(),
            },
            units_by_status,
            status_names: data
                .meta
                .statuses
                .iter()
                .map(|s| (s.key.clone(), s.names.get(lang).to_owned()))
                .collect(),
            uncertain,
            uncertain_text,
            statuses,
            cities_with_events: timeline
                .cities_with_events_by(at)
                .into_iter()
                .map(|c| {
                    let first = timeline.events_of_city(c).first().map(|&e| data.event(e));
                    CityRef {
                        first_text: first
                            .map(|e| clock.short_date_text(lang, clock.day(e.start.instant)))
                            .unwrap_or_default(),
                        id: data.city(c).id.clone(),
                        name: data.city(c).names.get(lang).to_owned(),
                        first_event: first
                            .map(|e| text::event_when_iso(clock, e))
                            .unwrap_or_default(),
                        certain: timeline.city_certain_by(data, c, at),
                    }
                })
                .collect(),
            events_today: today.into_iter().map(event_ref).collect(),
            events_later_today: later.into_iter().map(event_ref).collect(),
            national_events: timeline
                .events_until(at)
                .iter()
                .copied()
                .filter(|&e| data.event(e).place == Place::Country)
                .map(event_ref)
                .collect(),
            unit_count: data.units.len(),
            day_text: clock.date_text(lang, clock.day(at)),
        }
    }

    /// The summary in plain words.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}\n{} {}\n\n",
            self.dataset.name,
            tr(lang, Msg::SituationAt),
            self.at_text
        );
        // One block per declared status (none when the dataset declares none).
        let width = self
            .statuses
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for (i, (key, name)) in self.status_names.iter().enumerate() {
            let under: Vec<&UnitStatus> =
                self.statuses.iter().filter(|s| s.status == *key).collect();
            // The main status of the default dataset reads as it always has.
            let heading = if i == 0 && key == "emergency" {
                tr(lang, Msg::UnderEmergency).to_owned()
            } else {
                name.clone()
            };
            out += &format!(
                "{heading}: {} / {} {}\n",
                under.len(),
                self.unit_count,
                tr(lang, Msg::UnitsCount)
            );
            for s in under {
                out += &format!("  {:<width$}  {:<7} {}\n", s.name, s.unit, s.since_text);
            }
        }

        if !self.uncertain_text.is_empty() {
            out += &format!(
                "{}: {} / {} {}\n",
                tr(lang, Msg::UncertainHeading),
                self.uncertain_text.len(),
                self.unit_count,
                tr(lang, Msg::UnitsCount)
            );
            for line in &self.uncertain_text {
                out += &format!("  {line}\n");
            }
        }

        out += &format!(
            "\n{} {} ({}):\n",
            tr(lang, Msg::EventsOnDay),
            self.day_text,
            self.events_today.len() + self.events_later_today.len()
        );
        if self.events_today.is_empty() && self.events_later_today.is_empty() {
            out += &format!("  {}\n", tr(lang, Msg::NoEventsOnDay));
        }
        let line = |e: &EventRef, later: &str| {
            format!(
                "  {:<13} {} [{}] {}{later}\n",
                e.time_text, e.place_name, e.kind, e.title
            )
        };
        for e in &self.events_today {
            out += &line(e, "");
        }
        let later = format!(" ({})", tr(lang, Msg::Later));
        for e in &self.events_later_today {
            out += &line(e, &later);
        }

        out += &format!(
            "\n{} ({}):\n",
            tr(lang, Msg::CitiesWithEventsSoFar),
            self.cities_with_events.len()
        );
        let names: Vec<String> = self
            .cities_with_events
            .iter()
            .map(|c| {
                let unsure = if c.certain {
                    String::new()
                } else {
                    format!(", {}", tr(lang, Msg::Sometime))
                };
                format!("{} ({}{unsure})", c.name, c.first_text)
            })
            .collect();
        out += &wrap(&names, 96, "  ");

        out += &format!(
            "\n{} ({}):\n",
            tr(lang, Msg::NationalEventsSoFar),
            self.national_events.len()
        );
        for e in &self.national_events {
            out += &format!("  {:<10} [{}] {}\n", e.date_text, e.kind, e.title);
        }
        out
    }
}

/// Joins `items` with ", " into lines of at most `width` characters, each starting with
/// `indent`; an item is never split.
fn wrap(items: &[String], width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        if !line.is_empty() && line.chars().count() + 1 + piece.chars().count() > width {
            out += &format!("{indent}{line}\n");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line += &piece;
    }
    if !line.is_empty() {
        out += &format!("{indent}{line}\n");
    }
    out
}
