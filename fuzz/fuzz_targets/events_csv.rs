//! Events CSV, plain or an ACLED export, as `--events` reads it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use qantar::data::{decode, read_events_csv};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = decode("events.csv", data.to_vec()) {
        let _ = read_events_csv(&text.text);
    }
});
