//! Sources and how much weight each can bear: its kind (an official statement, a news agency,
//! a mirror), its language and its date.

use chrono::NaiveDate;

/// What kind of publisher a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A government, ministry, president's office, court or prosecutor.
    Official,
    StateMedia,
    IndependentMedia,
    /// International media or a news agency.
    InternationalMedia,
    HumanRights,
    Encyclopedia,
    Analysis,
    /// An aggregator, content farm or mirror that republishes others' reporting.
    Aggregator,
    /// Named by an imported file without saying what it is (an ACLED source, say).
    Unspecified,
}

impl SourceKind {
    pub const ALL: [SourceKind; 9] = [
        SourceKind::Official,
        SourceKind::StateMedia,
        SourceKind::IndependentMedia,
        SourceKind::InternationalMedia,
        SourceKind::HumanRights,
        SourceKind::Encyclopedia,
        SourceKind::Analysis,
        SourceKind::Aggregator,
        SourceKind::Unspecified,
    ];

    /// The id used in data files and JSON output.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::Official => "official",
            SourceKind::StateMedia => "state_media",
            SourceKind::IndependentMedia => "independent_media",
            SourceKind::InternationalMedia => "international_media",
            SourceKind::HumanRights => "human_rights",
            SourceKind::Encyclopedia => "encyclopedia",
            SourceKind::Analysis => "analysis",
            SourceKind::Aggregator => "aggregator",
            SourceKind::Unspecified => "unspecified",
        }
    }
}

/// A bibliographic source.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// An http(s) link, where one exists.
    pub url: Option<String>,
    pub kind: SourceKind,
    /// ISO 639-1 code of its language, where known.
    pub language: Option<String>,
    pub published: Option<NaiveDate>,
    pub note: Option<String>,
}

/// True when a claim resting on sources of these kinds is weakly sourced: every source is an
/// aggregator or mirror, or its one source is an encyclopedia or an analysis.
pub fn weakly_sourced(kinds: &[SourceKind]) -> bool {
    match kinds {
        [] => false,
        [SourceKind::Encyclopedia | SourceKind::Analysis] => true,
        _ => kinds.iter().all(|&k| k == SourceKind::Aggregator),
    }
}

#[cfg(test)]
mod tests {
    use super::SourceKind::*;
    use super::*;

    #[test]
    fn mirrors_alone_are_weak_and_one_original_beside_them_is_not() {
        assert!(weakly_sourced(&[Aggregator, Aggregator]));
        assert!(!weakly_sourced(&[Aggregator, StateMedia]));
    }

    #[test]
    fn an_encyclopedia_or_an_analysis_alone_is_weak_but_not_beside_a_report() {
        assert!(weakly_sourced(&[Encyclopedia]));
        assert!(weakly_sourced(&[Analysis]));
        assert!(!weakly_sourced(&[Encyclopedia, InternationalMedia]));
        assert!(!weakly_sourced(&[Official]));
    }
}
