//! One event as a card (time, kind, title, description, precision flags, figures with whose
//! figure is whose, sources as links), and a list of sources. Colours come from the map's style.

use super::state::{Action, AppState};
use crate::atlas::Atlas;
use crate::data::{EventIdx, Happened};
use crate::i18n::{Lang, Msg, tr};
use crate::paint::egui::color;
use crate::text;
use egui::RichText;

/// Lists of more cards than this are laid out only near what shows: a screenful of them.
const LONG_LIST: usize = 12;
/// The same while a screen reader follows the window (it reads cards out of sight too).
const LONG_LIST_READ_ALOUD: usize = 100;
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
/// In a list longer than [`LONG_LIST`] cards ([`LONG_LIST_READ_ALOUD`] while a screen reader
/// follows the window), a card scrolled out of sight takes its height (as it was last drawn at
/// this width) without being laid out, so that a busy day or a place with thousands of events
/// costs only what is near.
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
    let read_aloud = ui.ctx().has_accesskit_node(egui::accesskit_root_id());
    let cards_before = ui.data_mut(|d| {
        *d.get_temp_mut_or_default::<usize>(egui::Id::unique(CARDS_NOW)) += 1;
        d.get_temp::<usize>(egui::Id::unique(CARDS_BEFORE))
    });
    let list = List {
        cards_before,
        read_aloud,
    };
    let at = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, 0.0));
    if let Some(h) = list.height_unlaid(known, at, ui.clip_rect()) {
        ui.allocate_space(egui::vec2(width, h));
        return;
    }
    let height = ui
        .scope(|ui| draw_event_card(ui, app, atlas, e, with_place, actions))
        .response
        .rect
        .height();
    ui.data_mut(|d| d.insert_temp(id, [width, height]));
}

/// The list a card is drawn in, as the last frame drew it.
struct List {
    /// How many cards the details panel drew in the last frame.
    cards_before: Option<usize>,
    /// Whether a screen reader follows the window.
    read_aloud: bool,
}

impl List {
    /// The height a card takes without being laid out, when it need not be: in a long list,
    /// a card whose size at this width is known and that lies more than a screen from what
    /// shows (`clip`). `at` is where it goes, as wide as it will be.
    fn height_unlaid(
        &self,
        known: Option<[f32; 2]>,
        at: egui::Rect,
        clip: egui::Rect,
    ) -> Option<f32> {
        let long_list = if self.read_aloud {
            LONG_LIST_READ_ALOUD
        } else {
            LONG_LIST
        };
        let [w, h] = known?;
        if self.cards_before? <= long_list || (w - at.width()).abs() >= 0.5 {
            return None;
        }
        let rect = egui::Rect::from_min_size(at.min, egui::vec2(w, h));
        // Within a screen of what shows, cards stay laid out (a wheel's scroll goes less far
        // in a frame; a card a dragged scroll bar jumps to is laid out in the next frame).
        let near = clip.expand2(egui::vec2(0.0, clip.height()));
        (!near.intersects(rect)).then_some(h)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, pos2, vec2};

    /// A panel 800 points tall, scrolled to its top.
    fn clip() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), vec2(360.0, 800.0))
    }

    fn at(y: f32) -> Rect {
        Rect::from_min_size(pos2(0.0, y), vec2(360.0, 0.0))
    }

    #[test]
    fn a_card_of_a_busy_day_two_screens_down_is_not_laid_out_unless_read_aloud() {
        let seen = List {
            cards_before: Some(40),
            read_aloud: false,
        };
        let known = Some([360.0, 180.0]);
        // Two screens down: its height, no layout.
        assert_eq!(seen.height_unlaid(known, at(1700.0), clip()), Some(180.0));
        // Within a screen of what shows, and on screen: laid out.
        assert_eq!(seen.height_unlaid(known, at(1500.0), clip()), None);
        assert_eq!(seen.height_unlaid(known, at(100.0), clip()), None);
        // A screen reader reads every card of a list of 40.
        let read = List {
            read_aloud: true,
            ..seen
        };
        assert_eq!(read.height_unlaid(known, at(1700.0), clip()), None);
        // ...but not of a list of thousands.
        let thousands = List {
            cards_before: Some(3000),
            read_aloud: true,
        };
        assert_eq!(
            thousands.height_unlaid(known, at(1700.0), clip()),
            Some(180.0)
        );
    }

    #[test]
    fn a_card_not_yet_measured_at_this_width_is_laid_out() {
        let list = List {
            cards_before: Some(40),
            read_aloud: false,
        };
        assert_eq!(list.height_unlaid(None, at(5000.0), clip()), None);
        // Drawn last at another width: its height then says nothing now.
        assert_eq!(
            list.height_unlaid(Some([300.0, 180.0]), at(5000.0), clip()),
            None
        );
        // A short list (a quiet day) is laid out whole.
        let short = List {
            cards_before: Some(12),
            read_aloud: false,
        };
        assert_eq!(
            short.height_unlaid(Some([360.0, 180.0]), at(5000.0), clip()),
            None
        );
    }
}
