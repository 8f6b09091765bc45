//! The one place for user-facing words: the interface language, the UI strings, and the words
//! used to write dates and times.
//!
//! Every string a user reads (window, CLI summaries, exports) comes from [`tr`] or from the
//! dataset's own translated names ([`LocalText`]). English is complete; Russian and Kazakh fall
//! back to English where a translation is still missing, so adding a language never breaks the
//! interface.

mod counts;
mod dates;
mod messages;

pub use counts::{
    day_every, events_n, hours_per_second, places_n, show_all_events_n, uncertain_n, units_of_total,
};
pub use messages::{Msg, tr, translated};

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
/// In JSON it is either a plain string (English) or an object keyed by BCP 47 language tags
/// (`{"en": …, "ru": …, "kk": …}`, and any other tag: `uk`, `fr`, `kk-Latn`). Data may be in any
/// language; the interface shows the text in its own language where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "LocalTextRepr", into = "LocalTextRepr")]
pub struct LocalText {
    /// (canonical BCP 47 tag such as `kk-Latn`, text), sorted by tag, each tag once. A sorted
    /// list rather than a map: most texts have one or three languages, and a dataset of
    /// 100,000 events holds 200,000 of them (a map's node took 544 bytes each).
    texts: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum LocalTextRepr {
    Plain(String),
    ByLang(BTreeMap<String, String>),
}

impl TryFrom<LocalTextRepr> for LocalText {
    type Error = String;

    fn try_from(repr: LocalTextRepr) -> Result<Self, String> {
        match repr {
            LocalTextRepr::Plain(s) => Ok(LocalText::en(s)),
            LocalTextRepr::ByLang(by_tag) => {
                let mut text = LocalText::default();
                for (tag, t) in by_tag {
                    text.insert(canonical_tag(&tag)?, t);
                }
                Ok(text)
            }
        }
    }
}

impl From<LocalText> for LocalTextRepr {
    fn from(text: LocalText) -> Self {
        LocalTextRepr::ByLang(text.texts.into_iter().collect())
    }
}

/// `tag` written the canonical way (`kk-latn` → `kk-Latn`), or why it is not a BCP 47 tag.
pub fn canonical_tag(tag: &str) -> Result<String, String> {
    tag.parse::<unic_langid::LanguageIdentifier>()
        .map(|id| id.to_string())
        .map_err(|_| {
            format!("\"{tag}\" is not a BCP 47 language tag (use en, ru, kk, uk, kk-Latn …)")
        })
}

/// The language subtag of a canonical tag: `kk` of `kk-Latn`.
fn language_of(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

impl LocalText {
    /// English-only text.
    pub fn en(text: impl Into<String>) -> Self {
        LocalText {
            texts: vec![("en".to_owned(), text.into())],
        }
    }

    /// Sets the text of `tag`, keeping the list sorted.
    fn insert(&mut self, tag: String, text: String) {
        match self.texts.binary_search_by(|(t, _)| t.as_str().cmp(&tag)) {
            Ok(i) => self.texts[i].1 = text,
            Err(i) => self.texts.insert(i, (tag, text)),
        }
    }

    /// Text in the language with this tag; the tag is taken as given when it cannot be read.
    pub fn with(mut self, tag: &str, text: impl Into<String>) -> Self {
        let tag = canonical_tag(tag).unwrap_or_else(|_| tag.to_owned());
        self.insert(tag, text.into());
        self
    }

    /// The text in `lang` (the tag itself, else any variant of the language: `kk-Cyrl`,
    /// `kk-Latn`), else in English, else in any language, else "".
    pub fn get(&self, lang: Lang) -> &str {
        self.in_language(lang.code())
            .or_else(|| self.in_language("en"))
            .or_else(|| self.texts.first().map(|(_, t)| t.as_str()))
            .unwrap_or("")
    }

    fn in_language(&self, code: &str) -> Option<&str> {
        let exact = self.texts.iter().find(|(tag, _)| tag == code);
        exact
            .or_else(|| self.texts.iter().find(|(tag, _)| language_of(tag) == code))
            .map(|(_, t)| t.as_str())
    }

    /// True when the text is given in `lang` itself (not by falling back to English).
    pub fn has(&self, lang: Lang) -> bool {
        self.in_language(lang.code()).is_some()
    }

    /// Every translation, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.texts.iter().map(|(_, t)| t.as_str())
    }

    /// Every (tag, text) pair.
    pub fn by_tag(&self) -> impl Iterator<Item = (&str, &str)> {
        self.texts.iter().map(|(t, s)| (t.as_str(), s.as_str()))
    }

    /// True when no language has any text.
    pub fn is_empty(&self) -> bool {
        self.texts.iter().all(|(_, t)| t.trim().is_empty())
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

    #[test]
    fn texts_are_kept_by_tag_in_order_and_a_tag_given_again_replaces_its_text() {
        let t = LocalText::en("Protest")
            .with("ru", "Протест")
            .with("kk-latn", "Narazylyq")
            .with("RU", "Митинг");
        let tags: Vec<(&str, &str)> = t.by_tag().collect();
        assert_eq!(
            tags,
            [
                ("en", "Protest"),
                ("kk-Latn", "Narazylyq"),
                ("ru", "Митинг")
            ]
        );
        assert_eq!(t.get(Lang::Kk), "Narazylyq");
        assert_eq!(
            t,
            serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap()
        );
    }

    #[test]
    fn any_bcp47_tag_is_data_and_a_variant_serves_its_language() {
        let t: LocalText =
            serde_json::from_str(r#"{"uk": "Київ", "kk-latn": "Almaty", "fr": "Almaty (fr)"}"#)
                .unwrap();
        assert_eq!(t.get(Lang::Kk), "Almaty");
        assert!(t.has(Lang::Kk));
        assert!(!t.has(Lang::En));
        assert_eq!(
            t.by_tag().map(|(tag, _)| tag).collect::<Vec<_>>(),
            ["fr", "kk-Latn", "uk"]
        );
        // No English: the first language stands in.
        assert_eq!(t.get(Lang::En), "Almaty (fr)");
    }

    #[test]
    fn a_malformed_tag_is_refused_by_name() {
        let err = serde_json::from_str::<LocalText>(r#"{"en_US!": "x"}"#).unwrap_err();
        assert!(err.to_string().contains("en_US!"), "{err}");
    }
}
