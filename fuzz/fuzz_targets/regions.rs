//! GeoJSON and TopoJSON regions, as `--regions` and `qantar init` read them.

#![no_main]

use libfuzzer_sys::fuzz_target;
use qantar::data::{RegionOptions, decode, read_regions};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = decode("regions.geojson", data.to_vec()) {
        let _ = read_regions(&text.text, &RegionOptions::default());
    }
});
