//! The remembered settings (RON, as eframe keeps them) broken: what does not read falls back
//! to the defaults whole (the window then says its settings were reset), and what reads is
//! made usable setting by setting; either way the window opens and draws.

use egui_kittest::Harness;
use qantar::ui::{App, Persisted, StartOptions};

/// The window, opened with `settings`, after a few frames.
fn window_with(settings: Persisted) -> Harness<'static, App> {
    let options = StartOptions {
        fresh: true,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 640.0))
        .build_eframe(|cc| App::with_settings(cc, settings, options));
    h.run_steps(4);
    h
}

#[test]
fn settings_that_do_not_read_fall_back_and_odd_ones_are_made_usable() {
    let good = ron::to_string(&Persisted::default()).unwrap();
    let deep = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    let unreadable: [(&str, String); 6] = [
        ("empty", String::new()),
        ("cut in half", good[..good.len() / 2].to_owned()),
        ("a number", "42".into()),
        (
            "a wrong type",
            good.replace("looping:false", "looping:\"yes\""),
        ),
        ("100,000-deep nesting", deep),
        (
            "a 10 MB language",
            format!("(lang:{})", "x".repeat(10_000_000)),
        ),
    ];
    for (case, text) in unreadable {
        assert!(
            ron::from_str::<Persisted>(&text).is_err(),
            "{case}: read as settings"
        );
    }
    // A setting this version does not know (a later one's) is passed over.
    let later = format!("({}:1)", "x".repeat(10_000_000));
    assert_eq!(
        ron::from_str::<Persisted>(&later).ok(),
        Some(Persisted::default())
    );
    // Settings that read but no window can use.
    let odd = [
        ("presentation_zoom:1.95", "presentation_zoom:NaN"),
        ("presentation_zoom:1.95", "presentation_zoom:1e30"),
        ("view:None", "view:Some((500.0, -91.0, 99.0))"),
        ("view:None", "view:Some((NaN, 0.0, 5.0))"),
        ("speed:2", "speed:18446744073709551615"),
        ("chapter:0", "chapter:18446744073709551615"),
        ("instant:None", "instant:Some(9223372036854775807)"),
        ("instant:None", "instant:Some(-9223372036854775808)"),
    ];
    for (from, to) in odd {
        assert!(good.contains(from), "{from} not in {good}");
        let text = good.replace(from, to);
        let settings = ron::from_str::<Persisted>(&text)
            .unwrap_or_else(|e| panic!("{to}: {e}"))
            .sane();
        assert!((0.5..=4.0).contains(&settings.presentation_zoom), "{to}");
        let view_ok = |v: [f64; 3]| v.iter().all(|x| x.is_finite()) && v[1].abs() <= 90.0;
        assert!(settings.view.is_none_or(view_ok), "{to}");
        // The window opens with them and shows an instant of the dataset's window.
        let h = window_with(settings);
        let atlas = h.state().atlas().unwrap();
        let day = atlas.data.meta.clock.day(h.state().instant());
        let (first, last) = atlas.data.meta.window;
        assert!(first <= day && day <= last, "{to}: shows {day}");
    }
}
