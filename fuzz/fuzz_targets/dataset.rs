//! A dataset folder's files: the input's first byte chooses which file it replaces (the
//! manifest, the events, periods, sources, cities or story JSON); the others are the embedded
//! dataset's. The whole load runs: parsing, references, validation.

#![no_main]

use libfuzzer_sys::fuzz_target;
use qantar::data::{Embedded, Files, LoadError, SourceFile, decode, load};

const FILES: [&str; 6] = [
    "dataset.json",
    "events.json",
    "periods.json",
    "sources.json",
    "cities.json",
    "story.json",
];

struct Replaced<'a> {
    name: &'static str,
    bytes: &'a [u8],
}

impl Files for Replaced<'_> {
    fn read(&self, name: &str) -> Result<SourceFile, LoadError> {
        if name == self.name {
            let text = decode(name, self.bytes.to_vec())?;
            Ok(SourceFile::new(name, text.text))
        } else {
            Embedded.read(name)
        }
    }

    fn origin(&self) -> String {
        format!("a dataset whose {} is the fuzzer's", self.name)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let name = FILES[usize::from(which) % FILES.len()];
    let _ = load(&Replaced { name, bytes });
});
