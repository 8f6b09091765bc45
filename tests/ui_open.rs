//! Opening data in the window: files dropped on it load on a thread; a file that fails leaves
//! the dataset on screen in place and says why; the filters change what the map shows.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qantar::data::Place;
use qantar::scene::{EventFilter, Shape};
use qantar::ui::{Action, App, StartOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn harness() -> Harness<'static, App> {
    let options = StartOptions {
        at: Some("2022-01-06T12:00".into()),
        fresh: true,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(|cc| App::new(cc, options));
    h.run_steps(4);
    h
}

/// Drops `path` on the window and runs frames until `done` (the load on its thread is over),
/// for at most ten seconds.
fn drop_file(
    h: &mut Harness<'static, App>,
    path: &Path,
    done: impl Fn(&Harness<'static, App>) -> bool,
) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_owned())));
    for _ in 0..200 {
        h.run_steps(1);
        if done(h) {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the load of {} did not finish", path.display());
}

fn events(h: &Harness<'static, App>) -> usize {
    h.state().atlas().unwrap().data.events.len()
}

fn markers(h: &Harness<'static, App>) -> usize {
    let scene = h.state().last_scene().unwrap();
    scene
        .shapes()
        .filter(|(_, s)| matches!(s, Shape::Circle(c) if matches!(c.target, Some(Place::City(_)))))
        .count()
}

#[test]
fn a_file_that_fails_to_load_leaves_the_dataset_on_screen_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("no-dates.csv");
    std::fs::write(&bad, "title,lat,lon\nA march,43.2,76.9\n").unwrap();
    let mut h = harness();
    let before = events(&h);
    drop_file(&mut h, &bad, |h| {
        h.query_by_label("Could not open").is_some()
    });
    assert_eq!(events(&h), before, "the default dataset is still shown");
    h.get_by_label("Could not open");
    let all = format!("{:?}", h.root());
    assert!(all.contains("no-dates.csv"), "the failure names the file");
}

#[test]
fn a_dropped_csv_replaces_the_events_and_opens_the_load_report() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("events.csv");
    std::fs::write(
        &csv,
        "date,lat,lon,place,title,description,kind,source\n\
         2022-01-05,43.2567,76.9286,Almaty,A march,People marched.,protest,Wire\n\
         2022-01-05,95,76.9,Nowhere,Out of range,A bad row.,protest,Wire\n",
    )
    .unwrap();
    let mut h = harness();
    drop_file(&mut h, &csv, |h| events(h) == 1);
    assert_eq!(events(&h), 1);
    h.get_by_label("Load report");
    let all = format!("{:?}", h.root());
    assert!(
        all.contains("read 1 of 2 rows"),
        "the report says what was read"
    );
    assert!(all.contains("line 3"), "and which row was skipped");
}

#[test]
fn a_kind_filter_removes_the_markers_of_cities_with_only_that_kind() {
    let mut h = harness();
    let all = markers(&h);
    let ctx = h.ctx.clone();
    let kinds: Vec<String> = h
        .state()
        .atlas()
        .unwrap()
        .data
        .meta
        .kinds
        .iter()
        .map(|k| k.id.clone())
        .collect();
    // Every kind hidden: no city has an event left to show.
    h.state_mut().apply(
        &ctx,
        Action::SetFilter(EventFilter {
            hidden_kinds: kinds,
            text: String::new(),
        }),
    );
    h.run_steps(4);
    assert!(all > 0);
    let own_status_only = markers(&h);
    assert!(
        own_status_only < all,
        "{own_status_only} markers left of {all}"
    );
    // A word filter keeps the cities where the word occurs.
    h.state_mut().apply(
        &ctx,
        Action::SetFilter(EventFilter {
            hidden_kinds: Vec::new(),
            text: "airport".into(),
        }),
    );
    h.run_steps(4);
    let airport = markers(&h);
    assert!(airport > 0 && airport < all, "{airport} of {all}");
}

#[test]
fn about_offers_to_copy_a_citation_of_the_map_shown() {
    let mut h = harness();
    h.get_by_label("About").click();
    h.run_steps(3);
    h.get_by_label("Copy citation").click();
    h.run_steps(3);
    // Said beside the button and in the toolbar.
    assert_eq!(h.query_all_by_label("Citation copied").count(), 2);
}

#[test]
fn a_place_with_hundreds_of_events_lays_out_only_the_cards_near_what_shows() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("events.csv");
    let mut text = String::from("date,lat,lon,place,title,description,kind,source\n");
    for i in 1..=400 {
        text.push_str(&format!(
            "2022-01-05,43.2567,76.9286,Almaty,March number {i},People marched.,protest,Wire\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let mut h = harness();
    drop_file(&mut h, &csv, |h| events(h) == 400);
    let almaty = h
        .state()
        .atlas()
        .unwrap()
        .data
        .city_by_id("almaty")
        .unwrap();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, Action::Select(Some(Place::City(almaty))));
    h.run_steps(4);
    // The first cards show; the last ones, thousands of points down, take their height
    // without being laid out.
    h.get_by_label("March number 1");
    assert!(h.query_by_label("March number 400").is_none());
    // A short list is laid out whole (for screen readers): see the other tests, which find
    // cards far below the fold.
}

#[test]
fn only_web_links_open_and_other_schemes_are_refused_with_a_message() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    for url in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/x",
    ] {
        h.state_mut().apply(&ctx, Action::OpenUrl(url.into()));
        h.run_steps(2);
        h.get_by_label_contains(&format!(
            "Only web links (http and https) are opened; not this one: {url}"
        ));
    }
}
