//! The classroom, driven through egui_kittest on the real app: the story's chapters, the
//! languages, presentation mode, the keyboard, remembered settings and playback that keeps
//! time whatever the frame rate.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qantar::i18n::Lang;
use qantar::ui::{Action, App, Persisted, StartOptions};

fn harness_with(options: StartOptions, step_dt: f32) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_step_dt(step_dt)
        .build_eframe(|cc| App::new(cc, options));
    h.run_steps(4);
    h
}

fn harness(at: &str) -> Harness<'static, App> {
    harness_with(
        StartOptions {
            at: Some(at.to_owned()),
            fresh: true,
            ..Default::default()
        },
        1.0 / 60.0,
    )
}

#[test]
fn stepping_through_the_chapters_sets_their_instant_view_and_selection() {
    let mut h = harness("2022-01-10T12:00");
    let story = h.state().atlas().unwrap().data.story.clone();
    assert!(story.len() >= 10, "the default dataset has a story");
    h.key_press(Key::S);
    h.run_steps(60);
    for (i, chapter) in story.iter().enumerate() {
        assert_eq!(h.state().state().chapter, Some(i));
        assert_eq!(h.state().instant(), chapter.at, "chapter {}", chapter.id);
        assert_eq!(
            h.state().selected(),
            chapter.select,
            "chapter {}",
            chapter.id
        );
        let view = h.state().last_scene().unwrap().view;
        if let Some(b) = chapter.bbox {
            let (lon, lat) = (view.center_lon, view.center_lat);
            assert!(
                b.min().x <= lon && lon <= b.max().x && b.min().y <= lat && lat <= b.max().y,
                "chapter {}: the map centres on its area",
                chapter.id
            );
        }
        h.key_press(Key::ArrowRight);
        h.run_steps(60);
    }
    assert_eq!(
        h.state().state().chapter,
        Some(story.len() - 1),
        "stays on the last"
    );
    h.key_press(Key::ArrowLeft);
    h.run_steps(3);
    assert_eq!(h.state().state().chapter, Some(story.len() - 2));
}

#[test]
fn switching_the_language_changes_the_labels_to_cyrillic_and_back() {
    let mut h = harness("2022-01-05T13:00");
    h.get_by_label("Story");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::SetLang(Lang::Ru));
    h.run_steps(3);
    assert!(h.query_by_label("Story").is_none());
    h.get_by_label("История");
    assert!(
        h.query_all_by_label_contains("января 2022")
            .next()
            .is_some(),
        "the date in Russian"
    );
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::SetLang(Lang::Kk));
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("5 қаңтар, сәрсенбі")
            .next()
            .is_some()
    );
    h.state_mut().apply(&ctx, Action::SetLang(Lang::En));
    h.run_steps(3);
    h.get_by_label("Story");
}

#[test]
fn presentation_mode_is_entered_and_left_from_the_keyboard() {
    let mut h = harness("2022-01-05T13:00");
    h.key_press(Key::F11);
    h.run_steps(3);
    assert!(h.state().state().presenting);
    assert!(h.ctx.zoom_factor() > 1.9, "large type");
    assert!(
        h.query_by_label("Export…").is_none(),
        "only the map and the time"
    );
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().state().presenting);
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-6);
}

#[test]
fn tab_reaches_the_controls() {
    let mut h = harness("2022-01-05T13:00");
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..80 {
        h.key_press(Key::Tab);
        h.run_steps(1);
        if let Some(id) = h.ctx.memory(|m| m.focused()) {
            seen.insert(format!("{id:?}"));
        }
    }
    assert!(
        seen.len() >= 20,
        "only {} controls reached with Tab",
        seen.len()
    );
}

#[test]
fn remembered_settings_survive_and_start_options_win() {
    let remembered = Persisted {
        lang: Lang::Ru,
        instant: Some(0),
        speed: 4,
        ..Persisted::default()
    };
    let text = serde_json::to_string(&remembered).unwrap();
    let back: Persisted = serde_json::from_str(&text).unwrap();
    assert_eq!(
        back, remembered,
        "a save and a restore give the same settings"
    );
    let old: Persisted = serde_json::from_str(r#"{"lang": "kk"}"#).unwrap();
    assert_eq!(old.lang, Lang::Kk, "an older file keeps what it has");
    let options = StartOptions {
        at: Some("2022-01-06T12:00".into()),
        lang: Some(Lang::Kk),
        ..Default::default()
    };
    let h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(move |cc| App::with_settings(cc, remembered.clone(), options));
    let clock = h.state().atlas().unwrap().data.meta.clock;
    assert_eq!(h.state().state().persisted.lang, Lang::Kk, "--lang wins");
    assert_eq!(
        clock.iso(h.state().instant()),
        "2022-01-06T12:00:00+06:00",
        "--at wins"
    );
    assert_eq!(
        h.state().state().persisted.speed,
        4,
        "the rest is remembered"
    );
}

/// Story minutes played in `seconds` of wall time at `fps` frames a second.
fn played(fps: f32, seconds: f32) -> i64 {
    let mut h = harness_with(
        StartOptions {
            at: Some("2022-01-03T00:00".into()),
            fresh: true,
            ..Default::default()
        },
        1.0 / fps,
    );
    let start = h.state().instant();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::TogglePlay);
    h.run_steps((fps * seconds).round() as usize);
    h.state().instant().unix_minutes() - start.unix_minutes()
}

#[test]
fn playback_keeps_time_whatever_the_frame_rate() {
    let fast = played(60.0, 2.0);
    let slow = played(8.0, 2.0);
    // 12 hours a second by default: 1,440 story minutes in two seconds, give or take a frame.
    assert!((fast - 1440).abs() <= 15, "60 fps played {fast} minutes");
    assert!((slow - 1440).abs() <= 100, "8 fps played {slow} minutes");
}

#[test]
fn c_walks_through_the_cities_with_events_from_the_keyboard() {
    let mut h = harness("2022-01-06T12:00");
    h.key_press(Key::C);
    h.run_steps(2);
    let first = h.state().selected();
    assert!(matches!(first, Some(qantar::data::Place::City(_))));
    h.key_press(Key::C);
    h.run_steps(2);
    assert_ne!(h.state().selected(), first, "the next city");
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::C);
    h.run_steps(2);
    assert_eq!(h.state().selected(), first, "and back");
}

#[test]
fn a_region_fades_into_its_status_colour_rather_than_blinking() {
    let mut h = harness("2022-01-05T12:00");
    let fill = |h: &Harness<'_, App>| {
        let scene = h.state().last_scene().unwrap();
        scene
            .shapes()
            .find_map(|(_, s)| match s {
                qantar::scene::Shape::Polygon(p) if &*p.polygon.id == "KZ-ALM" => Some(p.fill),
                _ => None,
            })
            .unwrap()
    };
    let style = qantar::scene::Style::classroom();
    assert_eq!(fill(&h), style.unit_fill);
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowRight);
    h.run_steps(3);
    let between = fill(&h);
    assert!(
        between != style.unit_fill && between != style.status_fill,
        "half-way after a few frames: {between:?}"
    );
    h.run_steps(60);
    assert_eq!(
        fill(&h),
        style.status_fill,
        "the status colour once the fade is over"
    );
}

#[test]
fn playing_a_chapter_with_an_interval_stops_at_its_end() {
    let mut h = harness("2022-01-10T12:00");
    let story = h.state().atlas().unwrap().data.story.clone();
    let (i, chapter) = story
        .iter()
        .enumerate()
        .find(|(_, c)| c.until.is_some())
        .expect("a chapter with an interval");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::StoryGo(i));
    h.run_steps(2);
    h.state_mut().apply(&ctx, Action::SetSpeed(4));
    h.state_mut().apply(&ctx, Action::TogglePlay);
    h.run_steps(60 * 12);
    assert!(!h.state().is_playing(), "playback stopped");
    assert_eq!(h.state().instant(), chapter.until.unwrap());
}

#[test]
fn every_button_has_an_accessible_name() {
    let mut h = harness("2022-01-05T20:00");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Action::Story(true));
    h.run_steps(3);
    let buttons: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .map(|n| {
            use egui_kittest::kittest::NodeT as _;
            n.accesskit_node().label().unwrap_or_default()
        })
        .collect();
    assert!(buttons.len() >= 15, "{buttons:?}");
    for label in &buttons {
        assert!(
            label.chars().any(char::is_alphabetic),
            "a button named only by a symbol: {label:?} in {buttons:?}"
        );
    }
}
