//! Laying an events file in Qantar's own schema (`events.json`) on a dataset: its places,
//! kinds and sources must be the dataset's.

use super::error::LoadError;
use super::ids::CityIdx;
use super::json::SourceFile;
use super::load_events::load_events;
use super::model::Dataset;
use super::resolve::Resolver;

/// Replaces the dataset's events by those of `file`; every problem is an error.
pub fn lay_events_json(data: Dataset, file: SourceFile) -> Result<Dataset, LoadError> {
    let mut problems = Vec::new();
    let events = {
        let mut ctx = Resolver::new(&data.meta, &data.units, &data.sources);
        ctx.cities = data
            .cities
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), CityIdx(i as u32)))
            .collect();
        load_events(&file, &data.meta, &ctx, &mut problems)
    };
    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
    let name = file.name.clone();
    let mut data = super::replace::replace_events(data, events, &name);
    data.report
        .push(format!("{name}: read {} events", data.events.len()));
    Ok(data)
}
