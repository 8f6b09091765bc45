//! One event as a card (time, kind, title, description, precision flags, figures with whose
//! figure is whose, sources as links), and a list of sources. Colours come from the map's style.

use super::state::{Action, AppState};
use crate::atlas::Atlas;
use crate::data::{EventIdx, Happened};
use crate::i18n::{Lang, Msg, tr};
use crate::paint::egui::color;
use crate::text;
use egui::RichText;

/// Lists of more cards than this are laid out only near what shows.
const LONG_LIST: usize = 100;
/// The egui memory keys of how many cards this frame and the last one drew.
const CARDS_NOW: &str = "event cards this frame";
const CARDS_BEFORE: &str = "event cards last frame";

/// Starts counting the cards of a frame of the details panel.
pub(super) fn new_frame(ui: &egui::Ui) {
    ui.data_mut(|d| {
        let n = d
            .remove_temp::<usize>(egui::Id::unique(CARDS_NOW))
            .unwrap_or(0);
        d.insert_temp(egui::Id::unique(CARDS_BEFORE), n);
    });
}

/// One event: time, kind, title, description, flags, figures, note and sources. Events after
/// the current instant are dimmed.
///
/// In a list longer than [`LONG_LIST`] cards, a card scrolled far out of sight takes its
/// height (as it was last drawn at this width) without being laid out, so that a place with
/// thousands of events costs only what is near; shorter lists are laid out whole, for screen
/// readers.
pub(super) fn event_card(
    ui: &mut egui::Ui,
    app: &AppState,
    atlas: &Atlas,
    e: EventIdx,
    with_place: bool,
    actions: &mut Vec<Action>,
) {
    let id = egui::Id::unique(("event card", e, with_place, app.persisted.lang));
    let width = ui.available_width();
    let known: Option<[f32; 2]> = ui.data(|d| d.get_temp(id));
    let long = ui.data_mut(|d| {
        *d.get_temp_mut_or_default::<usize>(egui::Id::unique(CARDS_NOW)) += 1;
        d.get_temp::<usize>(egui::Id::unique(CARDS_BEFORE))
            .is_some_and(|n| n > LONG_LIST)
    });
    if let Some([w, h]) = known
        && long
        && (w - width).abs() < 0.5
    {
        let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, h));
        let clip = ui.clip_rect();
        // Within two screens of what shows, cards stay laid out (for a screen reader, and
        // for a scroll that goes further than one frame can foresee).
        let near = clip.expand2(egui::vec2(0.0, 2.0 * clip.height()));
        if !near.intersects(rect) {
            ui.allocate_space(egui::vec2(width, h));
            return;
        }
    }
    let height = ui
        .scope(|ui| draw_event_card(ui, app, atlas, e, with_place, actions))
        .response
        .rect
        .height();
    ui.data_mut(|d| d.insert_temp(id, [width, height]));
}

fn draw_event_card(
    ui: &mut egui::Ui,
    app: &AppState,
    atlas: &Atlas,
    e: EventIdx,
    with_place: bool,
    actions: &mut Vec<Action>,
) {
    let lang = app.persisted.lang;
    let data = &atlas.data;
    let clock = data.meta.clock;
    let ev = data.event(e);
    let happened = ev.happened_at(app.instant);
    let later = happened == Happened::NotYet;
    let day = clock.day(ev.start.instant);
    let strength = if later { 0.45 } else { 1.0 };
    let style = &app.style;
    let frame = egui::Frame::group(ui.style()).fill(color(if later {
        style.card_later
    } else {
        style.card
    }));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let outside = app
            .chapter
            .and_then(|i| data.story.get(i))
            .is_some_and(|ch| !ch.events.is_empty() && !ch.events.contains(&e));
        ui.set_opacity(if later || outside { 0.55 } else { 1.0 });
        let when = format!(
            "{} · {}",
            clock.short_date_text(lang, day),
            text::event_time(clock, lang, ev, day)
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(when).strong());
            ui.label(
                RichText::new(kind_name(lang, data.meta.kind(ev.kind)))
                    .small()
                    .color(kind_colour(style, data.meta.kind(ev.kind)).gamma_multiply(strength)),
            );
            if let Some(original) = &ev.original_kind {
                ui.label(RichText::new(format!("({original})")).small().weak());
            }
            if with_place {
                let place = ev
                    .location
                    .as_deref()
                    .unwrap_or_else(|| data.place_name(ev.place, lang));
                ui.label(RichText::new(place).small().weak());
            }
            if later {
                ui.label(RichText::new(tr(lang, Msg::Later)).small().italics());
            } else if happened == Happened::Sometime {
                ui.label(RichText::new(tr(lang, Msg::Sometime)).small().italics());
            }
        });
        ui.label(RichText::new(ev.title.get(lang)).strong().size(16.0));
        if !ev.title.has(lang) {
            ui.label(
                RichText::new(tr(lang, Msg::InEnglish))
                    .small()
                    .italics()
                    .weak(),
            );
        }
        ui.label(ev.description.get(lang));
        let mut flags = text::precision_flags(lang, ev);
        if data.weakly_sourced(ev) {
            flags.push(tr(lang, Msg::WeaklySourced));
        }
        if !flags.is_empty() {
            ui.label(
                RichText::new(flags.join(" · "))
                    .italics()
                    .small()
                    .color(color(style.caveat_text)),
            );
        }
        if let Some(note) = text::conversion_note(clock, lang, ev) {
            ui.label(RichText::new(note).small().weak());
        }
        if let Some(note) = &ev.note {
            ui.label(RichText::new(note).small().weak());
        }
        for figure in &ev.figures {
            let whose: Vec<String> = figure
                .values
                .iter()
                .map(|v| format!("{} ({})", text::figure_value(lang, v), v.by))
                .collect();
            ui.label(
                RichText::new(format!(
                    "{}: {}. {}",
                    figure.label,
                    text::figure_range(&figure.values),
                    whose.join("; ")
                ))
                .small(),
            );
        }
        sources(ui, app, atlas, &ev.sources, actions);
    });
    ui.add_space(2.0);
}

pub(super) fn sources(
    ui: &mut egui::Ui,
    app: &AppState,
    atlas: &Atlas,
    list: &[crate::data::SourceIdx],
    actions: &mut Vec<Action>,
) {
    let lang = app.persisted.lang;
    ui.label(
        RichText::new(format!("{}:", tr(lang, Msg::SourcesHeading)))
            .small()
            .weak(),
    );
    for &s in list {
        let source = atlas.data.source(s);
        ui.horizontal_wrapped(|ui| {
            source_link(ui, source, actions);
            ui.label(
                RichText::new(format!("({})", text::source_kind(lang, source.kind)))
                    .small()
                    .weak(),
            );
        });
    }
}

fn source_link(ui: &mut egui::Ui, source: &crate::data::Source, actions: &mut Vec<Action>) {
    {
        match source
            .url
            .as_deref()
            .filter(|u| crate::data::is_http_url(u))
        {
            Some(url) => {
                if ui
                    .link(RichText::new(&source.title).small())
                    .on_hover_text(url)
                    .clicked()
                {
                    actions.push(Action::OpenUrl(url.to_owned()));
                }
            }
            None => {
                ui.label(RichText::new(&source.title).small().italics());
            }
        }
    }
}

/// The kind of an event in words.
pub fn kind_name(lang: Lang, kind: &crate::data::KindDef) -> &str {
    kind.names.get(lang)
}

/// The colour a kind's name is written in: its own, or the marker blue of its severity.
fn kind_colour(style: &crate::scene::Style, kind: &crate::data::KindDef) -> egui::Color32 {
    match kind.colour {
        Some([r, g, b]) => egui::Color32::from_rgb(r, g, b),
        None => color(style.kind_text[usize::from(kind.severity.min(3))]),
    }
}
