//! The timeline bar: the instant in words, playback controls, and a scrubbable track that shows
//! each day's number of events and how much of the country was under a state of emergency.

use super::state::{Action, AppState, SPEEDS, TRACK_LABEL};
use crate::i18n::{Lang, Msg, tr};
use crate::paint::egui::color;
use crate::timeline::TickStep;
use chrono::Datelike;
use egui::{RichText, Sense, Stroke, StrokeKind, pos2, vec2};

pub fn show(ui: &mut egui::Ui, app: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(atlas) = app.atlas.clone() else {
        return actions;
    };
    let lang = app.persisted.lang;
    let data = &atlas.data;
    let clock = data.meta.clock;
    egui::Panel::bottom("timeline").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            if app.presenting {
                let leave = ui.button("✕");
                leave.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, tr(lang, Msg::PresentLeave))
                });
                if leave.on_hover_text(tr(lang, Msg::PresentHint)).clicked() {
                    actions.push(Action::Presentation(false));
                }
            }
            let shown = app.shown().instant;
            let when = format!(
                "{} ({})",
                clock.long_text(lang, shown),
                clock.labelled(data.meta.clock_label.get(lang), shown)
            );
            ui.label(RichText::new(when).size(22.0).strong());
            let under = atlas
                .timeline
                .units_under_status(data, app.shown().instant)
                .len();
            let open = atlas
                .timeline
                .units_uncertain(data, app.shown().instant)
                .len();
            let Some(status) = data.meta.main_status_name(lang) else {
                return;
            };
            let open = if open > 0 {
                format!(" · {}", crate::i18n::uncertain_n(lang, open))
            } else {
                String::new()
            };
            ui.label(
                RichText::new(format!(
                    "{}{open}",
                    crate::i18n::units_of_total(lang, status, under, data.units.len())
                ))
                .size(17.0)
                .color(color(if under > 0 {
                    app.style.status_fill.with_alpha(255)
                } else {
                    app.style.timeline_label
                })),
            );
        });
        // In presentation mode the keys do the stepping: only the caption, play and the track.
        ui.horizontal_wrapped(|ui| {
            if app.presenting {
                play_button(ui, app, &mut actions);
                return;
            }
            let buttons = [
                (Msg::ToStart, Msg::ToStartHint, Action::First),
                (Msg::PrevChange, Msg::PrevChangeHint, Action::PrevChange),
                (Msg::DayBack, Msg::DayBackHint, Action::StepDays(-1)),
                (Msg::HourBack, Msg::HourBackHint, Action::StepHours(-1)),
            ];
            step_buttons(ui, lang, &buttons, &mut actions);
            play_button(ui, app, &mut actions);
            let buttons = [
                (Msg::HourForward, Msg::HourForwardHint, Action::StepHours(1)),
                (Msg::DayForward, Msg::DayForwardHint, Action::StepDays(1)),
                (Msg::NextChange, Msg::NextChangeHint, Action::NextChange),
                (Msg::ToEnd, Msg::ToEndHint, Action::Last),
            ];
            step_buttons(ui, lang, &buttons, &mut actions);
            ui.separator();
            let speed = app.persisted.speed.min(SPEEDS.len() - 1);
            egui::ComboBox::from_label(tr(lang, Msg::Speed))
                .selected_text(speed_text(lang, SPEEDS[speed]))
                .show_ui(ui, |ui| {
                    for (i, s) in SPEEDS.iter().enumerate() {
                        if ui
                            .selectable_label(i == speed, speed_text(lang, *s))
                            .clicked()
                        {
                            actions.push(Action::SetSpeed(i));
                        }
                    }
                });
            let mut looping = app.persisted.looping;
            if ui.checkbox(&mut looping, tr(lang, Msg::Loop)).changed() {
                actions.push(Action::SetLooping(looping));
            }
            let mut skip = app.persisted.skip_quiet;
            if ui
                .checkbox(&mut skip, tr(lang, Msg::SkipQuiet))
                .on_hover_text(tr(lang, Msg::SkipQuietHint))
                .changed()
            {
                actions.push(Action::SetSkipQuiet(skip));
            }
        });
        ui.add_space(2.0);
        track(ui, app, &mut actions);
        ui.add_space(4.0);
    });
    actions
}

fn speed_text(lang: Lang, hours_per_second: f64) -> String {
    crate::i18n::day_every(lang, 24.0 / hours_per_second)
}

/// The scrubbable track with the per-day histogram.
fn track(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    let Some(atlas) = &app.atlas else {
        return;
    };
    let data = &atlas.data;
    let tl = &atlas.timeline;
    let clock = data.meta.clock;
    let first = tl.first().unix_minutes();
    let last = tl.last().unix_minutes();
    let span = (last - first).max(1) as f32;
    let height = 76.0;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click_and_drag());
    let lang = app.persisted.lang;
    let value = (app.instant.unix_minutes() - first) as f64;
    response.widget_info(|| egui::WidgetInfo::slider(true, value, TRACK_LABEL));
    let response = response.on_hover_text(tr(lang, Msg::TrackHint));

    let x_at = |m: i64| rect.left() + (m - first) as f32 / span * rect.width();
    // The story's chapters, as ticks along the top edge: a click on one opens that chapter.
    let chapter_hit = response.interact_pointer_pos().and_then(|pos| {
        (response.clicked() && pos.y < rect.top() + 14.0)
            .then(|| {
                data.story
                    .iter()
                    .position(|ch| (x_at(ch.at.unix_minutes()) - pos.x).abs() <= 7.0)
            })
            .flatten()
    });
    if let Some(i) = chapter_hit {
        actions.push(Action::StoryGo(i));
    } else if let Some(pos) = response.interact_pointer_pos()
        && (response.dragged() || response.clicked())
    {
        let frac = ((pos.x - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let minutes = first + (frac * span) as i64;
        // Snap to the hour, as the track moves in steps of an hour.
        let hour = (minutes - first + 30) / 60 * 60 + first;
        actions.push(Action::SetInstant(hour.min(last)));
    }

    let painter = ui.painter_at(rect);
    let bars = egui::Rect::from_min_max(rect.min + vec2(0.0, 14.0), rect.max - vec2(0.0, 18.0));
    let style = &app.style;
    painter.rect_filled(rect, 4.0, color(style.timeline_track));
    let x_of = |m: i64| rect.left() + (m - first) as f32 / span * rect.width();
    let filtered = app
        .events
        .as_deref()
        .map(|m| tl.day_counts_where(data, |e| m.shows(e)));
    let counts = filtered.as_deref().unwrap_or(tl.day_counts());
    let days = counts.len().max(1) as f32;
    // A label such as "12 Jan" or "12 янв." is about 48 points at 13 pt; a day number 20.
    let step = match crate::timeline::tick_step(rect.width() / days, 20.0) {
        TickStep::Day => TickStep::Day,
        _ => crate::timeline::tick_step(rect.width() / days, 52.0),
    };
    // A bar a day while days are 2 points wide or more; else days merged into wider bars.
    let per = crate::timeline::days_per_bar(rect.width() / days, 2.0);
    let columns = crate::timeline::bars(counts, tl.day_status_counts(), per);
    let max = columns.iter().map(|b| b.events).max().unwrap_or(1).max(1) as f32;
    let today = clock.day(app.shown().instant);
    let status_colours: Vec<egui::Color32> = (0..data.meta.statuses.len())
        .map(|s| {
            let c = style.status_colour(&data.meta, crate::data::StatusIdx(s as u32));
            color(c.with_alpha(255))
        })
        .collect();
    let statuses = data.meta.statuses.len().max(1);
    for bar in columns {
        let x0 = x_of(clock.day_start(bar.first).unix_minutes());
        let x1 = x_of(clock.day_end(bar.last).unix_minutes() + 1);
        // How much of the country was under each status (at the end of the day, or on the
        // bar's busiest day): one band per status, in its colour.
        let band = 7.0 / statuses as f32;
        for ((s, colour), &n) in status_colours.iter().enumerate().zip(&bar.statuses) {
            let share = n as f32 / data.units.len().max(1) as f32;
            if share > 0.0 {
                let top = rect.top() + 3.0 + band * s as f32;
                painter.rect_filled(
                    egui::Rect::from_min_max(pos2(x0, top), pos2(x1, top + band)),
                    0.0,
                    colour.gamma_multiply(0.25 + 0.75 * share),
                );
            }
        }
        if (bar.first..=bar.last).contains(&today) {
            painter.rect_filled(
                egui::Rect::from_x_y_ranges(x0..=x1, bars.y_range()),
                0.0,
                color(style.timeline_today),
            );
        }
        let h = bar.events as f32 / max * bars.height();
        let gap = ((x1 - x0) * 0.15).min(1.5);
        if bar.events > 0 {
            painter.rect_filled(
                egui::Rect::from_min_max(
                    pos2(x0 + gap, bars.bottom() - h),
                    pos2(x1 - gap, bars.bottom()),
                ),
                1.0,
                color(style.timeline_bar),
            );
        }
        if step == TickStep::Day {
            painter.line_segment(
                [pos2(x0, bars.bottom()), pos2(x0, bars.bottom() + 3.0)],
                Stroke::new(1.0, color(style.timeline_tick)),
            );
        }
    }
    // Date labels: every day when there is room, else Mondays, months or years.
    for day in crate::timeline::ticks(data.meta.window.0, data.meta.window.1, step) {
        let x0 = x_of(clock.day_start(day).unix_minutes());
        let x1 = x_of(clock.day_end(day).unix_minutes() + 1);
        let (text, x, align) = match step {
            TickStep::Day => (
                day.day().to_string(),
                (x0 + x1) / 2.0,
                egui::Align2::CENTER_BOTTOM,
            ),
            TickStep::Year | TickStep::Decade => {
                (day.year().to_string(), x0 + 2.0, egui::Align2::LEFT_BOTTOM)
            }
            _ => (
                clock.tick_text(lang, day),
                x0 + 2.0,
                egui::Align2::LEFT_BOTTOM,
            ),
        };
        if step != TickStep::Day {
            painter.line_segment(
                [pos2(x0, bars.bottom()), pos2(x0, rect.bottom())],
                Stroke::new(1.0, color(style.timeline_tick)),
            );
        }
        let current = step == TickStep::Day && day == today;
        painter.text(
            pos2(x, rect.bottom() - 1.0),
            align,
            text,
            egui::FontId::proportional(13.0),
            color(if current {
                style.timeline_cursor
            } else {
                style.timeline_label
            }),
        );
    }
    for (i, ch) in data.story.iter().enumerate() {
        let cx = x_of(ch.at.unix_minutes());
        let current = app.chapter == Some(i);
        let c = color(if current {
            style.timeline_cursor
        } else {
            style.changed_outline
        });
        let r = if current { 6.5 } else { 5.0 };
        painter.add(egui::Shape::convex_polygon(
            vec![
                pos2(cx - r, rect.top() + 1.0),
                pos2(cx + r, rect.top() + 1.0),
                pos2(cx, rect.top() + 1.0 + r * 1.3),
            ],
            c,
            Stroke::NONE,
        ));
    }
    let x = x_of(app.shown().instant.unix_minutes());
    painter.line_segment(
        [pos2(x, rect.top()), pos2(x, bars.bottom() + 2.0)],
        Stroke::new(3.0, color(style.timeline_cursor)),
    );
    painter.circle_filled(pos2(x, bars.top() - 2.0), 6.0, color(style.timeline_cursor));
    if response.has_focus() {
        painter.rect_stroke(rect, 4.0, ui.visuals().selection.stroke, StrokeKind::Inside);
    }
}

/// ▶ Play or ‖ Pause.
fn play_button(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    let lang = app.persisted.lang;
    let play = if app.playing { Msg::Pause } else { Msg::Play };
    if ui
        .button(RichText::new(tr(lang, play)).strong())
        .on_hover_text(tr(lang, Msg::PlayHint))
        .clicked()
    {
        actions.push(Action::TogglePlay);
    }
}

/// A row of buttons: (label, hint, what a click does).
fn step_buttons(
    ui: &mut egui::Ui,
    lang: Lang,
    buttons: &[(Msg, Msg, Action)],
    actions: &mut Vec<Action>,
) {
    for (label, hint, action) in buttons {
        if ui
            .button(tr(lang, *label))
            .on_hover_text(tr(lang, *hint))
            .clicked()
        {
            actions.push(action.clone());
        }
    }
}
