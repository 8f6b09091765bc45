//! What ACLED rows need beyond the shared fields: a Qantar kind from the event type and sub
//! event type, and a title built from them and the place.
//!
//! Kinds, by ACLED event type (old layouts' names included):
//! - Protests, and the old combined Riots/Protests → `protest`;
//! - Riots → `clash`, but Mob violence → `violence`;
//! - Battles (and the old `Battle-…` types) → `clash`;
//! - Violence against civilians, Explosions/Remote violence, Remote violence → `violence`;
//! - Strategic developments by sub event type: Arrests, Disrupted weapons use, Headquarters or
//!   base established → `security`; Looting/property destruction → `violence`; Agreement,
//!   Change to group/activity, Non-violent transfer of territory, Other (and any other) →
//!   `government`;
//! - any other type → its name folded with [`fold_name`], a kind the caller adds.
//!
//! With fatalities above zero, `clash` and `violence` become `casualties`.

use super::columns::Field;
use super::row::Row;
use super::{CsvEvent, RowProblem, fold_name};

/// Fills in the kind, its original name and the title of an event read from an ACLED row.
pub(super) fn complete(row: &Row<'_>, event: &mut CsvEvent) -> Result<(), RowProblem> {
    let event_type = row.required(Field::Kind, "event type")?;
    let sub_type = row.get(Field::SubKind);
    let kind = kind_of(event_type, sub_type);
    let deadly = event.fatalities.is_some_and(|n| n > 0);
    event.kind = if deadly && (kind == "clash" || kind == "violence") {
        "casualties".to_owned()
    } else {
        kind
    };
    event.original_kind = Some(match sub_type {
        Some(sub) => format!("{event_type} / {sub}"),
        None => event_type.to_owned(),
    });
    let place = [&event.location, &event.admin1, &event.country]
        .into_iter()
        .find_map(|p| p.as_deref());
    event.title = title(event_type, sub_type, place);
    Ok(())
}

/// `Protests: Peaceful protest, Zhanaozen`, with what of it the row gives.
fn title(event_type: &str, sub_type: Option<&str>, place: Option<&str>) -> String {
    let mut title = match sub_type {
        Some(sub) => format!("{event_type}: {sub}"),
        None => event_type.to_owned(),
    };
    if let Some(place) = place {
        title.push_str(", ");
        title.push_str(place);
    }
    title
}

/// The Qantar kind of an ACLED event type and sub event type (before fatalities count).
fn kind_of(event_type: &str, sub_type: Option<&str>) -> String {
    let t = event_type.trim().to_lowercase();
    let sub = sub_type.unwrap_or_default().trim().to_lowercase();
    let kind = match t.as_str() {
        "protests" | "protest" | "riots/protests" => "protest",
        "riots" | "riot" if sub == "mob violence" => "violence",
        "riots" | "riot" => "clash",
        "battles" | "battle" => "clash",
        _ if t.starts_with("battle-") || t.starts_with("battle -") => "clash",
        "violence against civilians" | "explosions/remote violence" | "remote violence" => {
            "violence"
        }
        "strategic developments" | "strategic development" => strategic(&sub),
        "non-violent transfer of territory" => "government",
        "headquarters or base established" => "security",
        _ => return unknown_kind(event_type),
    };
    kind.to_owned()
}

/// The kind of a strategic development, by its sub event type.
fn strategic(sub: &str) -> &'static str {
    match sub {
        "arrests" | "disrupted weapons use" | "headquarters or base established" => "security",
        "looting/property destruction" => "violence",
        // Agreement, Change to group/activity, Non-violent transfer of territory, Other, and
        // whatever ACLED adds later: acts of government or of groups, not violence.
        _ => "government",
    }
}

/// A kind for an event type Qantar does not know: its folded name, or `other`.
fn unknown_kind(event_type: &str) -> String {
    let folded = fold_name(event_type);
    if folded.is_empty() {
        "other".to_owned()
    } else {
        folded
    }
}
