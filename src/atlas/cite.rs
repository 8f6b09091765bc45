//! How to cite a dataset, and the map of it at an instant: APA (7th edition) and BibTeX, from
//! the manifest's name, id, version and attribution, Qantar's version, the instant in ISO 8601
//! with its offset and the day it was accessed. Pure: the caller gives the day, so the same
//! inputs give the same text; the window and `qantar cite` both call [`Citation::text`].

use crate::clock::Instant;
use crate::data::Meta;
use crate::i18n::Lang;
use chrono::NaiveDate;

/// Which citation styles to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CiteFormat {
    Apa,
    Bibtex,
    /// APA, a blank line, then BibTeX.
    #[default]
    Both,
}

impl CiteFormat {
    /// `apa`, `bibtex` or `both`.
    pub fn from_name(name: &str) -> Option<CiteFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "apa" => Some(CiteFormat::Apa),
            "bibtex" => Some(CiteFormat::Bibtex),
            "both" => Some(CiteFormat::Both),
            _ => None,
        }
    }
}

/// What is cited: a dataset, the map at an instant if one is given, read on `accessed`.
#[derive(Debug, Clone, Copy)]
pub struct Citation<'a> {
    pub meta: &'a Meta,
    /// The instant the map shows; `None` cites the dataset alone.
    pub at: Option<Instant>,
    /// The day the dataset was read (today, for a user).
    pub accessed: NaiveDate,
}

/// Qantar's version.
const VERSION: &str = env!("CARGO_PKG_VERSION");

impl Citation<'_> {
    /// The citation in `format`.
    pub fn text(&self, format: CiteFormat) -> String {
        match format {
            CiteFormat::Apa => self.apa(),
            CiteFormat::Bibtex => self.bibtex(),
            CiteFormat::Both => format!("{}\n\n{}", self.apa(), self.bibtex()),
        }
    }

    /// "The map at 2022-01-05T13:00:00+06:00 (Nur-Sultan time)", or `None`.
    fn map_at(&self) -> Option<String> {
        self.at.map(|t| {
            format!(
                "the map at {} ({})",
                self.meta.clock.iso(t),
                self.meta.clock_label.get(Lang::En)
            )
        })
    }

    /// One paragraph in APA style. The manifest names no author and no date of publication,
    /// so the title stands first and the date is "n.d.".
    pub fn apa(&self) -> String {
        let meta = self.meta;
        let mut out = format!(
            "{} (Version {}) [Data set {}]. (n.d.).",
            meta.name.get(Lang::En),
            meta.version,
            meta.id
        );
        let attribution = meta.attribution.trim().trim_end_matches('.');
        if !attribution.is_empty() {
            out += &format!(" {attribution}.");
        }
        let software = format!("Qantar (Version {VERSION}) [Computer software]");
        match self.map_at() {
            Some(map) => out += &format!(" {}, drawn with {software}.", capitalised(&map)),
            None => out += &format!(" Read with {software}."),
        }
        out += &format!(" Retrieved {}.", self.accessed.format("%B %-d, %Y"));
        out
    }

    /// A BibTeX `@misc` entry keyed `qantar-<dataset id>-<version>`, every value escaped.
    pub fn bibtex(&self) -> String {
        let meta = self.meta;
        let mut note = match self.map_at() {
            Some(map) => format!("{}, drawn with Qantar {VERSION}", capitalised(&map)),
            None => format!("Read with Qantar {VERSION}"),
        };
        let attribution = meta.attribution.trim().trim_end_matches('.');
        if !attribution.is_empty() {
            note += &format!(". {attribution}");
        }
        note += &format!(". Accessed {}", self.accessed.format("%Y-%m-%d"));
        let fields = [
            (
                "title",
                format!("{{{}}}", bibtex_escape(meta.name.get(Lang::En))),
            ),
            ("version", bibtex_escape(&meta.version)),
            (
                "howpublished",
                bibtex_escape(&format!("Data set {}, version {}", meta.id, meta.version)),
            ),
            ("note", bibtex_escape(&note)),
            ("urldate", self.accessed.format("%Y-%m-%d").to_string()),
        ];
        let mut out = format!("@misc{{{},\n", bibtex_key(meta));
        for (name, value) in fields {
            out += &format!("  {name:<12} = {{{value}}},\n");
        }
        out += "}";
        out
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `qantar-<dataset id>-<version>`, with any character a BibTeX key cannot hold made a hyphen.
pub fn bibtex_key(meta: &Meta) -> String {
    format!("qantar-{}-{}", meta.id, meta.version)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// `text` as the value of a BibTeX field: LaTeX's special characters escaped, and braces
/// written as commands so that every field's braces stay balanced.
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LocalText;

    /// The default dataset's manifest, under another name and attribution.
    fn meta(name: &str, attribution: &str) -> Meta {
        let mut meta = crate::data::Dataset::embedded()
            .expect("the embedded dataset loads")
            .meta;
        meta.id = "kz-2022-01".into();
        meta.version = "1.0.0".into();
        meta.name = LocalText::en(name);
        meta.attribution = attribution.into();
        meta
    }

    fn five_january_13(meta: &Meta) -> Instant {
        meta.clock.parse_when("2022-01-05T13:00").unwrap()
    }

    fn accessed() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default()
    }

    #[test]
    fn the_apa_citation_names_the_dataset_the_instant_the_software_and_the_day() {
        let m = meta(
            "Kazakhstan, January 2022",
            "Natural Earth · GeoNames (CC BY 4.0).",
        );
        let c = Citation {
            meta: &m,
            at: Some(five_january_13(&m)),
            accessed: accessed(),
        };
        assert_eq!(
            c.apa(),
            format!(
                "Kazakhstan, January 2022 (Version 1.0.0) [Data set kz-2022-01]. (n.d.). \
                 Natural Earth · GeoNames (CC BY 4.0). The map at 2022-01-05T13:00:00+06:00 \
                 (Nur-Sultan time), drawn with Qantar (Version {VERSION}) [Computer software]. \
                 Retrieved March 2, 2026."
            )
        );
    }

    #[test]
    fn without_an_instant_the_dataset_alone_is_cited() {
        let m = meta("Tiny", "");
        let c = Citation {
            meta: &m,
            at: None,
            accessed: accessed(),
        };
        assert!(!c.apa().contains("map at"));
        assert!(c.apa().contains("Read with Qantar"));
        assert!(!c.bibtex().contains("map at"));
    }

    #[test]
    fn the_bibtex_entry_is_keyed_by_id_and_version_and_escapes_what_latex_reads() {
        let m = meta("50% {Gas} & Oil_2 #1", "A & B");
        let c = Citation {
            meta: &m,
            at: Some(five_january_13(&m)),
            accessed: accessed(),
        };
        let b = c.bibtex();
        assert!(b.starts_with("@misc{qantar-kz-2022-01-1.0.0,\n"), "{b}");
        assert!(b.ends_with('}'));
        assert!(b.contains("{{50\\% \\textbraceleft{}Gas\\textbraceright{} \\& Oil\\_2 \\#1}}"));
        assert!(b.contains("A \\& B"));
        assert!(b.contains("2022-01-05T13:00:00+06:00"));
        assert!(b.contains("urldate      = {2026-03-02}"));
        // Every brace is balanced, and no %, & or # is left bare.
        let mut depth = 0i32;
        for c in b.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            assert!(depth >= 0, "{b}");
        }
        assert_eq!(depth, 0, "{b}");
        for special in ['%', '&', '#'] {
            for (i, _) in b.match_indices(special) {
                assert_eq!(&b[i - 1..i], "\\", "a bare {special} in {b}");
            }
        }
    }

    #[test]
    fn both_is_apa_then_bibtex() {
        let m = meta("Tiny", "Made up");
        let c = Citation {
            meta: &m,
            at: None,
            accessed: accessed(),
        };
        assert_eq!(
            c.text(CiteFormat::Both),
            format!("{}\n\n{}", c.apa(), c.bibtex())
        );
        assert_eq!(CiteFormat::from_name("BibTeX"), Some(CiteFormat::Bibtex));
        assert_eq!(CiteFormat::from_name("mla"), None);
    }

    #[test]
    fn a_key_holds_no_character_bibtex_cannot_read() {
        let mut m = meta("x", "");
        m.id = "my data,set {1}".into();
        assert_eq!(bibtex_key(&m), "qantar-my-data-set--1--1.0.0");
    }
}
