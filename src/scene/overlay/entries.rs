//! What the legend lists at an instant: each entry's symbol and words. Entries for what is
//! uncertain (hatched units, dashed rings, events of unknown hour) appear only when the map
//! shows one.

use crate::data::{Bound, ContextClass, Happened, Place, UnitKind};
use crate::i18n::{Msg, tr};
use crate::scene::input::{EventMode, SceneInput};
use crate::scene::style::Rgba;

/// One legend row's symbol.
pub(super) enum Swatch {
    Fill(Rgba),
    Dashed(Rgba),
    Dot {
        fill: Rgba,
        radius: f32,
    },
    Ring,
    /// A city-unit's ring when its status is uncertain.
    OpenRing,
    /// A unit's plain fill hatched with the status colour: a status the record leaves open.
    Hatched,
    /// A hollow dashed marker: an event sometime this day.
    Sometime,
    /// Several places merged into one marker.
    Cluster,
    Sizes,
}

/// A legend entry: a symbol and its words.
pub(super) struct Entry {
    pub swatch: Swatch,
    pub text: String,
}

/// The legend's rows; `clustered`: the map merges places into one marker.
pub(super) fn legend_entries(input: &SceneInput<'_>, clustered: bool) -> Vec<Entry> {
    let s = input.scale;
    let style = input.style;
    let lang = input.lang;
    let data = &input.atlas.data;
    let status_name = data
        .meta
        .main_status_name(lang)
        .map_or_else(|| tr(lang, Msg::UnderEmergency).to_owned(), str::to_owned);
    let entry = |swatch, text: &str| Entry {
        swatch,
        text: text.to_owned(),
    };
    let dot = 6.0 * s;
    // One row per status the dataset declares (none at all: no status rows).
    let mut rows: Vec<Entry> = (0..data.meta.statuses.len() as u32)
        .map(crate::data::StatusIdx)
        .map(|i| {
            let name = if i.index() == 0 {
                status_name.clone()
            } else {
                data.meta.status(i).names.get(lang).to_owned()
            };
            entry(Swatch::Fill(style.status_colour(&data.meta, i)), &name)
        })
        .collect();
    if !data.meta.statuses.is_empty() {
        rows.push(entry(
            Swatch::Fill(style.unit_fill),
            crate::text::no_status(&data.meta, lang).unwrap_or_default(),
        ));
        rows.push(entry(
            Swatch::Dashed(style.changed_outline),
            tr(lang, Msg::LegendChanged),
        ));
    }
    if let Some(text) = uncertain_text(input) {
        rows.insert(1, entry(Swatch::Hatched, &text));
    }
    if let Some(special) = data
        .context
        .iter()
        .find(|f| f.class == ContextClass::Special)
        && let Some(names) = &special.names
    {
        rows.push(entry(Swatch::Fill(style.special), names.get(lang)));
    }
    if data.units.iter().any(|u| u.kind == UnitKind::City) {
        rows.push(entry(Swatch::Ring, tr(lang, Msg::LegendOwnStatus)));
        let open_ring = input
            .atlas
            .timeline
            .units_uncertain(data, input.instant)
            .iter()
            .any(|&(u, _)| data.unit(u).kind == UnitKind::City);
        if open_ring {
            rows.push(entry(
                Swatch::OpenRing,
                tr(lang, Msg::LegendOwnStatusUncertain),
            ));
        }
    }
    if sometime_today(input) {
        rows.push(entry(Swatch::Sometime, tr(lang, Msg::LegendSometime)));
    }
    if clustered {
        rows.push(entry(Swatch::Cluster, tr(lang, Msg::LegendCluster)));
    }
    if input.overlay.compact_legend {
        // Presentation: only what the colours of the units mean.
        rows.retain(|r| !matches!(r.swatch, Swatch::Sometime | Swatch::Dot { .. }));
        return rows;
    }
    let size_text = if input.mode == EventMode::DayOnly {
        Msg::LegendSizeToday
    } else {
        Msg::LegendSizeSoFar
    };
    rows.push(entry(Swatch::Sizes, tr(lang, size_text)));
    // The severity ramp last, so that column layouts keep it together.
    rows.extend(
        [
            (style.marker_fill[3], Msg::LegendViolence),
            (style.marker_fill[2], Msg::LegendClash),
            (style.marker_fill[1], Msg::LegendProtest),
            (style.marker_fill[0], Msg::LegendOther),
            (style.marker_idle, Msg::LegendIdle),
        ]
        .map(|(fill, text)| entry(Swatch::Dot { fill, radius: dot }, tr(lang, text))),
    );
    rows
}

/// What the hatching means at the instant, when some unit is hatched: the interval, when
/// every hatched unit shares one ("Hour unknown: declared 5 Jan 16:00 – 6 Jan 00:00"), else in
/// general words.
fn uncertain_text(input: &SceneInput<'_>) -> Option<String> {
    let data = &input.atlas.data;
    let t = input.instant;
    let open = input.atlas.timeline.units_uncertain(data, t);
    let bounds: Vec<(&Bound, bool)> = open
        .iter()
        .map(|&(_, p)| {
            let p = data.period(p);
            match &p.lifted {
                Some(l) if !p.declared.undecided_at(t) => (l, false),
                _ => (&p.declared, true),
            }
        })
        .collect();
    let (first, declared) = *bounds.first()?;
    let same = bounds
        .iter()
        .all(|(b, d)| (b.earliest, b.latest, *d) == (first.earliest, first.latest, declared));
    let lang = input.lang;
    if !same {
        return Some(tr(lang, Msg::LegendUncertain).to_owned());
    }
    let what = tr(lang, if declared { Msg::Declared } else { Msg::Lifted }).to_lowercase();
    let clock = data.meta.clock;
    Some(format!(
        "{}: {what} {} – {}",
        tr(lang, Msg::HourUnknownCap),
        clock.compact_text(lang, first.earliest),
        clock.compact_text(lang, first.latest)
    ))
}

/// True when some city's events so far are all of unknown hour on a day not yet over.
fn sometime_today(input: &SceneInput<'_>) -> bool {
    let data = &input.atlas.data;
    let t = input.instant;
    let tl = &input.atlas.timeline;
    tl.events_on_day(data, data.meta.clock.day(t))
        .into_iter()
        .filter_map(|e| match data.event(e).place {
            Place::City(c) if data.event(e).happened_at(t) == Happened::Sometime => Some(c),
            _ => None,
        })
        .any(|c| !tl.city_certain_by(data, c, t))
}
