//! Every missing field of a record at once. serde stops at the first required field a record
//! lacks; fixing a file one field a round is slow, so when a record misses one, the others are
//! found by trying it again with a stand-in value in each missing field's place.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// How many missing fields are looked for at most (a record has a handful of fields).
const AT_MOST: usize = 32;

/// The field a serde message says is missing: "missing field `start`".
pub fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    Some(&rest[..rest.find('`')?])
}

/// The message for `first` (serde's, naming one missing field) and every other field that `T`
/// needs and the JSON object `text` lacks: "missing fields `start`, `kind`, `sources`".
/// `None` when `first` is not about a missing field.
pub fn all_missing<T: DeserializeOwned>(text: &str, first: &str) -> Option<String> {
    let missing = missing_fields::<T>(text, missing_field(first)?);
    Some(match missing.as_slice() {
        [one] => format!("missing field `{one}`"),
        many => {
            let names: Vec<String> = many.iter().map(|f| format!("`{f}`")).collect();
            format!("missing fields {}", names.join(", "))
        }
    })
}

/// `first`, then the fields `T` needs that the object `text` lacks, in `T`'s order: each found
/// by reading the object again with stand-ins in the missing fields so far. A stand-in is an
/// empty text, 0, false, an empty list or an empty object, whichever the field takes; a field
/// none of them fits ends the search (what was found is still right: every field named is one
/// the record lacks and `T` needs).
fn missing_fields<T: DeserializeOwned>(text: &str, first: &str) -> Vec<String> {
    let mut missing = vec![first.to_owned()];
    let Ok(mut record) = serde_json::from_str::<Value>(text) else {
        return missing;
    };
    let Some(object) = record.as_object() else {
        return missing;
    };
    let given: std::collections::HashSet<String> = object.keys().cloned().collect();
    'fields: while missing.len() < AT_MOST {
        let field = missing[missing.len() - 1].clone();
        for stand_in in stand_ins() {
            if let Value::Object(object) = &mut record {
                object.insert(field.clone(), stand_in);
            }
            // Read where it is, not a copy: a record may hold a long text.
            let Err(e) = T::deserialize(&record).map_err(|e| e.to_string()) else {
                return missing;
            };
            match missing_field(&e) {
                Some(next) if next != field && !given.contains(next) => {
                    if missing.iter().any(|m| m == next) {
                        return missing;
                    }
                    missing.push(next.to_owned());
                    continue 'fields;
                }
                // This stand-in does not fit the field: try the next.
                _ => continue,
            }
        }
        break;
    }
    missing
}

fn stand_ins() -> [Value; 5] {
    [
        Value::String(String::new()),
        Value::from(0),
        Value::Bool(false),
        Value::Array(Vec::new()),
        Value::Object(serde_json::Map::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[expect(dead_code)] // only read, to provoke errors
    struct Thing {
        id: String,
        start: String,
        #[serde(default)]
        note: Option<String>,
        count: u32,
        flag: bool,
        tags: Vec<String>,
        names: std::collections::BTreeMap<String, String>,
    }

    fn said(text: &str) -> String {
        let e = serde_json::from_str::<Thing>(text).unwrap_err();
        all_missing::<Thing>(text, &e.to_string()).unwrap_or(e.to_string())
    }

    /// Rule: every required field a record lacks is named at once, in the type's order, and
    /// optional ones are not named.
    #[test]
    fn every_missing_field_is_named_at_once() {
        assert_eq!(
            said(r#"{"id": "a"}"#),
            "missing fields `start`, `count`, `flag`, `tags`, `names`"
        );
        assert_eq!(
            said(r#"{"id": "a", "count": 3, "tags": []}"#),
            "missing fields `start`, `flag`, `names`"
        );
    }

    #[test]
    fn one_missing_field_is_said_as_serde_says_it() {
        assert_eq!(
            said(r#"{"id": "a", "start": "x", "count": 1, "flag": true, "tags": []}"#),
            "missing field `names`"
        );
    }

    #[test]
    fn other_errors_are_left_as_they_are() {
        assert_eq!(all_missing::<Thing>("{}", "invalid type: string"), None);
        // Not an object: the first field alone.
        assert_eq!(
            all_missing::<Thing>("[1]", "missing field `id`").as_deref(),
            Some("missing field `id`")
        );
    }
}
