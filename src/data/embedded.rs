//! The default dataset, compiled into the binary so that the atlas works offline and without
//! any files beside it.

/// The embedded files, by name relative to `geodata/`.
const FILES: [(&str, &[u8]); 9] = [
    ("dataset.json", include_bytes!("../../geodata/dataset.json")),
    (
        "units.geojson",
        include_bytes!("../../geodata/units.geojson"),
    ),
    (
        "context.geojson",
        include_bytes!("../../geodata/context.geojson"),
    ),
    ("cities.json", include_bytes!("../../geodata/cities.json")),
    ("events.json", include_bytes!("../../geodata/events.json")),
    ("periods.json", include_bytes!("../../geodata/periods.json")),
    ("sources.json", include_bytes!("../../geodata/sources.json")),
    ("story.json", include_bytes!("../../geodata/story.json")),
    ("lineage.json", include_bytes!("../../geodata/lineage.json")),
];

/// The bytes of an embedded file.
pub fn file(name: &str) -> Option<&'static [u8]> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| *bytes)
}
