//! The layers a manifest may name in other formats than Qantar's own: any region file
//! (`"regions": {"file": …}`) and events as CSV (`"events": "acled.csv"`).

use super::error::{LoadError, Problem};
use super::features::load_units;
use super::files::Files;
use super::json::SourceFile;
use super::model::{Dataset, Unit};
use super::raw::RawFiles;
use super::regions_in::{RegionOptions, read_regions};

/// True for a file name the events CSV reader reads.
pub fn is_csv(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt")
}

/// The units: Qantar's units file, or a region file of any provenance.
pub fn units_of(
    files: &dyn Files,
    names: &RawFiles,
    problems: &mut Vec<Problem>,
    report: &mut Vec<String>,
) -> Result<Vec<Unit>, LoadError> {
    if let Some(name) = &names.units {
        return Ok(load_units(&files.read(name)?, problems));
    }
    let Some(regions) = &names.regions else {
        problems.push(Problem {
            file: "dataset.json".into(),
            line: 0,
            column: 0,
            record: None,
            message: "\"files\" names no regions: give \"units\" (a units.geojson in Qantar's \
                      schema) or \"regions\": {\"file\": \"any.geojson\"} (any GeoJSON or \
                      TopoJSON, with optional \"id_property\" and \"name_property\")"
                .into(),
        });
        return Ok(Vec::new());
    };
    let file = files.read(&regions.file)?;
    let options = RegionOptions {
        id_property: regions.id_property.clone(),
        name_property: regions.name_property.clone(),
    };
    match read_regions(&file.text, &options) {
        Ok(read) => {
            let mut data_report = Vec::new();
            let units = super::lay_regions::regions_as_units(&file.name, read, &mut data_report);
            report.extend(data_report);
            Ok(units)
        }
        Err(e) => {
            problems.push(Problem {
                file: file.name.clone(),
                line: e.line.unwrap_or(0),
                // A known line without a column: its start.
                column: e.column.unwrap_or(usize::from(e.line.is_some())),
                record: None,
                message: e.message,
            });
            Ok(Vec::new())
        }
    }
}

/// Lays the manifest's CSV events on the dataset loaded without them.
pub fn lay_csv(data: Dataset, file: SourceFile) -> Result<Dataset, LoadError> {
    let read = super::csv_events::read_events_csv(&file.text).map_err(|e| {
        LoadError::Invalid(vec![Problem {
            file: file.name.clone(),
            line: e.line,
            // The row's line; its column is named in words.
            column: 1,
            record: e.column.map(|c| format!("column \"{c}\"")),
            message: e.message,
        }])
    })?;
    Ok(super::lay_events::lay_csv_events(data, &file.name, read))
}
