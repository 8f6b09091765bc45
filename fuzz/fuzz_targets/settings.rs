//! The remembered settings, as the window reads them (RON, through eframe's storage), and
//! what the window keeps of them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use qantar::ui::Persisted;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = ron::from_str::<Persisted>(text) {
        let p = p.sane();
        assert!((0.5..=4.0).contains(&p.presentation_zoom));
        assert!(
            p.view.is_none_or(|[lon, lat, zoom]| lon.is_finite()
                && lat.is_finite()
                && zoom.is_finite())
        );
    }
});
