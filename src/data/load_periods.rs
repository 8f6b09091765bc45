//! Loading status periods: each declaration and lifting a minute, or an interval with the
//! reason and source for each end.

use super::error::Problem;
use super::json::{Record, SourceFile};
use super::model::*;
use super::period::{Bound, Period, Reason};
use super::raw::{RawBound, RawPeriod};
use super::records::{by_index, for_each_record};
use super::resolve::{
    Resolver, outside_window, outside_window_message, source_list, source_ref, time_field,
};
use crate::clock::Instant;

pub(super) fn load_periods(
    file: &SourceFile,
    meta: &Meta,
    ctx: &Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    let records = file.records("periods");
    for_each_record(
        records,
        by_index("period"),
        problems,
        |record, _, raw: RawPeriod, problems| {
            let label = format!("period #{} ({})", record.index + 1, raw.unit);
            let before = problems.len();
            let unit = ctx.units.get(&raw.unit).copied();
            if unit.is_none() {
                problems.push(record.problem(
                    &label,
                    Some("unit"),
                    format!("unknown unit \"{}\"", raw.unit),
                ));
            }
            let status = meta.status_by_key(&raw.status);
            if status.is_none() {
                problems.push(record.problem(
                    &label,
                    Some("status"),
                    format!("status \"{}\" is not defined in dataset.json", raw.status),
                ));
            }
            let field = Field {
                record,
                label: &label,
                meta,
                ctx,
            };
            let declared = field.bound("declared", &raw.declared, problems);
            let lifted = raw
                .lifted
                .as_ref()
                .and_then(|l| field.bound("lifted", l, problems));
            // Declared outside the window, a status would be in force from before the first
            // instant the timeline shows, or never in it. (Lifted after the window is a
            // status that outlasts it: `qantar check` warns of it.)
            let declared_on = declared.as_ref().and_then(|b| {
                outside_window(meta, b.earliest).or_else(|| outside_window(meta, b.latest))
            });
            if let Some(day) = declared_on {
                let message = outside_window_message(meta, "is declared", day);
                problems.push(record.problem(&label, Some("declared"), message));
            }
            let decreed_end = raw
                .decreed_end
                .as_deref()
                .and_then(|t| time_field(record, &label, "decreed_end", t, meta.clock, problems));
            if let (Some(d), Some(l)) = (&declared, &lifted)
                && l.earliest < d.latest
            {
                problems.push(record.problem(
                    &label,
                    Some("lifted"),
                    "may be lifted before it is declared".into(),
                ));
            }
            let sources = source_list(record, &label, &raw.sources, ctx, problems);
            let (Some(unit), Some(status), Some(declared), true) =
                (unit, status, declared, problems.len() == before)
            else {
                return;
            };
            let period = Period {
                unit,
                status,
                declared,
                lifted,
                lifted_early: raw.lifted_early,
                decreed_end: decreed_end.map(|d| d.instant),
                decree: raw.decree,
                curfew: raw.curfew,
                note: raw.note,
                sources,
            };
            let ends = |p: &Period| p.lifted.as_ref().map(|l| l.latest);
            let overlaps = periods.iter().any(|other| {
                other.unit == period.unit
                    && other.status == period.status
                    && ends(other).is_none_or(|l| period.declared.earliest < l)
                    && ends(&period).is_none_or(|l| other.declared.earliest < l)
            });
            if overlaps {
                problems.push(record.problem(
                    &label,
                    Some("declared"),
                    format!("overlaps another {} period of the same unit", raw.status),
                ));
                return;
            }
            periods.push(period);
        },
    );
    periods
}

/// The record a bound is read from, for its problems.
struct Field<'a> {
    record: &'a Record<'a>,
    label: &'a str,
    meta: &'a Meta,
    ctx: &'a Resolver<'a>,
}

impl Field<'_> {
    fn instant(&self, key: &str, text: &str, problems: &mut Vec<Problem>) -> Option<Instant> {
        let t = time_field(
            self.record,
            self.label,
            key,
            text,
            self.meta.clock,
            problems,
        )?;
        if !t.time_known {
            problems.push(self.record.problem(
                self.label,
                Some(key),
                format!(
                    "\"{text}\" has no time of day: give the minute, or the earliest and latest \
                     instants ({{\"earliest\": \"{text}T00:00\", \"latest\": …}})"
                ),
            ));
            return None;
        }
        Some(t.instant)
    }

    fn reason(
        &self,
        text: Option<&String>,
        source: Option<&String>,
        problems: &mut Vec<Problem>,
    ) -> Option<Reason> {
        let source = source
            .and_then(|id| source_ref(self.record, self.label, "sources", id, self.ctx, problems));
        text.map(|t| Reason {
            text: t.clone(),
            source,
        })
    }

    fn bound(&self, key: &str, raw: &RawBound, problems: &mut Vec<Problem>) -> Option<Bound> {
        let d = match raw {
            RawBound::At(text) => return self.instant(key, text, problems).map(Bound::at),
            RawBound::Detailed(d) => d,
        };
        let (earliest, latest) = match (&d.at, &d.earliest, &d.latest) {
            (Some(at), None, None) => {
                let t = self.instant(key, at, problems)?;
                (t, t)
            }
            (None, Some(e), Some(l)) => (
                self.instant(key, e, problems)?,
                self.instant(key, l, problems)?,
            ),
            _ => {
                problems.push(self.record.problem(
                    self.label,
                    Some(key),
                    "give either \"at\" or both \"earliest\" and \"latest\"".into(),
                ));
                return None;
            }
        };
        if latest < earliest {
            problems.push(self.record.problem(
                self.label,
                Some(key),
                "\"latest\" is before \"earliest\": the interval is reversed".into(),
            ));
            return None;
        }
        Some(Bound {
            earliest,
            latest,
            earliest_reason: self.reason(
                d.earliest_reason.as_ref(),
                d.earliest_source.as_ref(),
                problems,
            ),
            latest_reason: self.reason(
                d.latest_reason.as_ref(),
                d.latest_source.as_ref(),
                problems,
            ),
            presumed_clock: d.presumed_clock,
        })
    }
}
