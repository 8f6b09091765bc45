//! The one place for user-facing words: the interface language, the UI strings, and the words
//! used to write dates and times.
//!
//! Every string a user reads (window, CLI summaries, exports) comes from [`tr`] or from the
//! dataset's own translated names ([`LocalText`]). English is complete; Russian and Kazakh fall
//! back to English where a translation is still missing, so adding a language never breaks the
//! interface.

mod dates;
mod messages;

pub use messages::{
    Msg, day_every, events_n, hours_per_second, tr, translated, uncertain_n, units_of_total,
};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ru")]
    Ru,
    #[serde(rename = "kk")]
    Kk,
}

impl Lang {
    /// All languages, in menu order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Kk, Lang::Ru];

    /// All languages in declaration order: `ALL_IN_ORDER[lang as usize] == lang`.
    pub const ALL_IN_ORDER: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The BCP 47 code: `en`, `ru`, `kk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
        }
    }

    /// Parses `en`, `ru` or `kk`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Text given in one or more languages, as the dataset stores names and titles.
///
/// In JSON it is either a plain string (English) or an object `{"en": …, "ru": …, "kk": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "LocalTextRepr", into = "LocalTextRepr")]
pub struct LocalText {
    texts: BTreeMap<Lang, String>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum LocalTextRepr {
    Plain(String),
    ByLang(BTreeMap<Lang, String>),
}

impl From<LocalTextRepr> for LocalText {
    fn from(repr: LocalTextRepr) -> Self {
        match repr {
            LocalTextRepr::Plain(s) => LocalText::en(s),
            LocalTextRepr::ByLang(texts) => LocalText { texts },
        }
    }
}

impl From<LocalText> for LocalTextRepr {
    fn from(text: LocalText) -> Self {
        LocalTextRepr::ByLang(text.texts)
    }
}

impl LocalText {
    /// English-only text.
    pub fn en(text: impl Into<String>) -> Self {
        LocalText {
            texts: BTreeMap::from([(Lang::En, text.into())]),
        }
    }

    /// The text in `lang`, else in English, else in any language, else "".
    pub fn get(&self, lang: Lang) -> &str {
        self.texts
            .get(&lang)
            .or_else(|| self.texts.get(&Lang::En))
            .or_else(|| self.texts.values().next())
            .map_or("", String::as_str)
    }

    /// True when the text is given in `lang` itself (not by falling back to English).
    pub fn has(&self, lang: Lang) -> bool {
        self.texts.contains_key(&lang)
    }

    /// Every translation, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.texts.values().map(String::as_str)
    }

    /// True when no language has any text.
    pub fn is_empty(&self) -> bool {
        self.texts.values().all(|t| t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_text_falls_back_to_english() {
        let t: LocalText = serde_json::from_str(r#"{"en": "Oral", "ru": "Уральск"}"#).unwrap();
        assert_eq!(t.get(Lang::Ru), "Уральск");
        assert_eq!(t.get(Lang::Kk), "Oral");
    }

    #[test]
    fn plain_string_is_english() {
        let t: LocalText = serde_json::from_str(r#""Aktau""#).unwrap();
        assert_eq!(t.get(Lang::En), "Aktau");
        assert_eq!(t.get(Lang::Kk), "Aktau");
    }
}
