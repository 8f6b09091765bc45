//! The real app driven through egui_kittest: search, keyboard, playback and clicks on the map.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use egui::{Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qantar::data::Place;
use qantar::scene::PolygonClass;
use qantar::ui::{App, SEARCH_LABEL, StartOptions};

fn harness(at: &str, select: Option<&str>) -> Harness<'static, App> {
    let options = StartOptions {
        at: Some(at.to_owned()),
        select: select.map(str::to_owned),
        fresh: true,
        ..Default::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(|cc| App::new(cc, options));
    harness.run_steps(4);
    harness
}

fn place(harness: &Harness<'_, App>, id: &str) -> Place {
    harness.state().find_place(id).unwrap()
}

fn unit_status(harness: &Harness<'_, App>, id: &str) -> Option<String> {
    let scene = harness.state().last_scene().unwrap();
    let data = &harness.state().atlas().unwrap().data;
    scene.shapes().find_map(|(_, s)| match s {
        qantar::scene::Shape::Polygon(p) if &*p.polygon.id == id => match p.class {
            PolygonClass::Unit { status, .. } => {
                Some(status.map(|i| data.meta.status(i).key.clone()))
            }
            _ => None,
        },
        _ => None,
    })?
}

#[test]
fn searching_for_uralsk_selects_oral_and_shows_its_events_with_sources() {
    let mut h = harness("2022-01-05T12:00", None);
    let search = h.get_by_label(SEARCH_LABEL);
    search.focus();
    search.type_text("Uralsk");
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().selected(), Some(place(&h, "oral")));
    // The details panel lists Oral's events with their sources as links.
    h.get_by_label("Oral crowd promised 50-tenge gas");
    h.get_by_label(
        "Правительство должно уйти в отставку: какие требования озвучили митингующие в Уральске (Мой ГОРОД, 4 Jan 2022)",
    );
}

#[test]
fn shift_right_crosses_the_almaty_region_declaration_minute() {
    let mut h = harness("2022-01-05T12:00", Some("KZ-ALM"));
    assert_eq!(
        unit_status(&h, "KZ-ALM"),
        None,
        "at 12:00 Almaty Region is not yet under emergency"
    );
    h.get_by_label("No state of emergency");
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run_steps(4);
    let clock = h.state().atlas().unwrap().data.meta.clock;
    assert_eq!(clock.iso(h.state().instant()), "2022-01-05T13:00:00+06:00");
    assert_eq!(unit_status(&h, "KZ-ALM").as_deref(), Some("emergency"));
    h.get_by_label("State of emergency, since 12:30, 5 January");
}

#[test]
fn arrow_keys_step_a_day_and_page_down_finds_the_next_change() {
    let mut h = harness("2022-01-05T01:00", None);
    let clock = h.state().atlas().unwrap().data.meta.clock;
    h.key_press(Key::PageDown);
    h.run_steps(2);
    assert_eq!(clock.iso(h.state().instant()), "2022-01-05T01:30:00+06:00");
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(clock.iso(h.state().instant()), "2022-01-06T01:30:00+06:00");
    h.key_press(Key::End);
    h.run_steps(2);
    assert_eq!(clock.iso(h.state().instant()), "2022-01-25T23:59:00+06:00");
}

#[test]
fn play_advances_time() {
    let mut h = harness("2022-01-03T00:00", None);
    let before = h.state().instant();
    h.get_by_label("▶ Play").click();
    h.run_steps(30);
    assert!(h.state().is_playing());
    assert!(h.state().instant() > before, "time did not move");
    h.key_press(Key::Space);
    h.run_steps(2);
    assert!(!h.state().is_playing(), "Space pauses");
}

#[test]
fn clicking_a_city_on_the_map_selects_it() {
    let mut h = harness("2022-01-06T12:00", None);
    let oral = place(&h, "oral");
    let pos = h
        .state()
        .screen_pos(oral)
        .expect("Oral has a marker on 6 January");
    h.hover_at(pos);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(1);
    }
    h.run_steps(2);
    assert_eq!(h.state().selected(), Some(oral));
}

#[test]
fn nothing_selected_shows_the_days_national_events() {
    let h = harness("2022-01-05T23:00", None);
    h.get_by_label("The country goes offline");
    h.get_by_label("Mamin's government resigns");
}

#[test]
fn ctrl_e_opens_the_export_dialog() {
    let mut h = harness("2022-01-05T12:00", None);
    assert!(h.query_by_label("Format:").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label("Format:");
    h.get_by_label("Current view");
}

/// Steps the app until the export dialog reports an outcome (the export runs on its own thread).
fn wait_for_export(h: &mut Harness<'_, App>, text: &str) {
    for _ in 0..600 {
        h.run_steps(1);
        if h.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the export dialog never said {text:?}");
}

/// Replaces the text of the dialog's text field `label` by `text`.
fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    use egui::accesskit::Role;
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(2);
}

#[test]
fn the_export_dialog_saves_a_file_and_asks_before_replacing_it() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lesson.svg");
    let mut h = harness("2022-01-06T12:00", None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label("SVG").click();
    type_into(&mut h, "File:", &out.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    wait_for_export(&mut h, "Saved");
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("Thursday, 6 January 2022, 12:00"));
    assert!(first.contains(r#"id="KZ-MAN""#));

    // A second export to the same file asks first, and writes nothing until told to.
    std::fs::write(&out, "a researcher's notes").unwrap();
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run_steps(3);
    h.get_by_label_contains("already exists. Replace it?");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "a researcher's notes"
    );
    h.get_by_role_and_label(Role::Button, "Replace").click();
    wait_for_export(&mut h, "Saved");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
}

/// Rule: an export that cannot be written says why in the dialog, writes nothing, and leaves
/// the window working.
#[test]
fn an_export_that_fails_says_why_and_the_window_goes_on() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    // A folder that is a file: nothing can be written in it.
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "a researcher's notes").unwrap();
    let out = not_a_folder.join("map.png");
    let mut h = harness("2022-01-06T12:00", None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    type_into(&mut h, "File:", &out.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    wait_for_export(&mut h, "there is no such folder");
    assert_eq!(
        std::fs::read_to_string(&not_a_folder).unwrap(),
        "a researcher's notes"
    );
    // The window goes on: the dialog closes and the keys still move time.
    h.key_press(Key::Escape);
    h.run_steps(2);
    let before = h.state().instant();
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert!(h.state().instant() > before);
}

#[test]
fn the_export_dialog_refuses_instants_outside_the_datasets_window() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lesson.gif");
    let mut h = harness("2022-01-06T12:00", None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    h.get_by_label("Animated GIF").click();
    h.run_steps(2);
    type_into(&mut h, "From", "2021-12-01");
    type_into(&mut h, "File:", out.to_str().unwrap());
    h.get_by_role_and_label(Role::Button, "Export").click();
    wait_for_export(&mut h, "outside the dataset's window");
    h.get_by_label_contains("The first frame (2021-12-01T23:59:00+06:00)");
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn a_busy_day_shows_its_first_cards_and_a_button_for_the_rest() {
    // The rule: past 40 cards, the rest of a day's events wait behind "Show all".
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("date,place,title,description,kind,source\n");
    for i in 0..70 {
        csv += &format!(
            "2022-01-05T{:02}:{:02},Almaty,Busy event {i},Made up for this test.,protest,Test wire\n",
            8 + i / 60,
            i % 60
        );
    }
    // A place after the first 40 cards is still listed, by name.
    csv += "2022-01-05T20:00,Aktau,Late event,Made up for this test.,protest,Test wire\n";
    let events = dir.path().join("busy.csv");
    std::fs::write(&events, csv).unwrap();
    let options = StartOptions {
        at: Some("2022-01-05T23:00".to_owned()),
        data: qantar::data::OpenSpec {
            events: Some(events),
            ..Default::default()
        },
        fresh: true,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(|cc| App::new(cc, options));
    h.run_steps(4);
    assert!(h.query_by_label_contains("Busy event 0").is_some());
    assert!(h.query_by_label_contains("Busy event 39").is_some());
    assert!(h.query_by_label_contains("Busy event 40").is_none());
    assert!(h.query_by_label_contains("Aktau · 1 event").is_some());
    assert!(h.query_by_label_contains("Late event").is_none());
    h.get_by_label("Show all 71 events of the day")
        .click_accesskit();
    h.run_steps(4);
    assert!(h.query_by_label_contains("Busy event 69").is_some());
    assert!(h.query_by_label_contains("Late event").is_some());
}
