//! Folding place names so that spellings of one place compare equal: `Mangystau oblysy`,
//! `Mangistau Region`, `Маңғыстау облысы` and `Мангистауская область` all fold to
//! `mangistau`.
//!
//! The steps, always in this order (tables in [`super::fold_tables`]):
//! 1. Letters: lowercase; Cyrillic (Russian, Kazakh) to Latin; Latin marks removed.
//! 2. Words: apostrophes dropped; every other character that is not a letter or digit
//!    separates words.
//! 3. Affixes: words saying what a place is (`region`, `oblast`, `oblysy`, `city`, `qalasy`,
//!    …) dropped from the end, `gorod`/`g` from the start; before `oblast`, a Russian
//!    adjective loses `skaya`. A name is never reduced to nothing.
//! 4. Spelling: at a word's start `j` → `zh` and `ye` → `e`; the words joined; then `gh` → `g`,
//!    `kh` → `h`, `q` → `k`, `y` → `i`, and doubled letters made single.
//! 5. Known names: when the result is the folded form of a known spelling (`Aktyubinsk`,
//!    `Kzyl-Orda`, `Nur-Sultan`, …), the name it stands for (`aktobe`, `kyzylorda`,
//!    `astana`) is returned instead.
//!
//! Folding loses distinctions on purpose: `Almaty City` and `Almaty Region` both fold to
//! `almaty`. It is for matching names, not for showing them.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fold_tables::{
    ALIASES, APOSTROPHES, CYRILLIC, LATIN_MARKS, PREFIX_WORDS, RUSSIAN_ADJECTIVE_ENDING,
    RUSSIAN_SUFFIX_WORDS, SUFFIX_WORDS,
};

/// Folds a place or region name for matching across languages and transliterations (see the
/// module docs for the rules). The result is lowercase ASCII for Latin and Cyrillic names.
pub fn fold_name(name: &str) -> String {
    let key = spelling_key(name);
    match aliases().get(&key) {
        Some(known) => (*known).to_owned(),
        None => key,
    }
}

/// Steps 1 to 4: the name folded by the general rules, without the known names.
fn spelling_key(name: &str) -> String {
    let latin = to_latin(name);
    let mut words = split_words(&latin);
    strip_affixes(&mut words);
    respell(&words)
}

/// The known names, by the folded form of each spelling; built once.
fn aliases() -> &'static HashMap<String, &'static str> {
    static ALIAS_BY_KEY: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    ALIAS_BY_KEY.get_or_init(|| {
        ALIASES
            .iter()
            .map(|(spelling, known)| (spelling_key(spelling), *known))
            .collect()
    })
}

/// Step 1: lowercase Latin, where a letter has a Latin equivalent.
fn to_latin(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match latin_for(c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}

/// The Latin letters of a Cyrillic or marked Latin letter.
fn latin_for(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    CYRILLIC
        .iter()
        .chain(LATIN_MARKS)
        .find(|(from, _)| *from == c)
        .map(|(_, to)| *to)
}

/// Step 2: the words of a name, apostrophes dropped.
fn split_words(latin: &str) -> Vec<String> {
    let without_apostrophes: String = latin.chars().filter(|c| !APOSTROPHES.contains(c)).collect();
    without_apostrophes
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Step 3: drops the words that say what kind of place it is, keeping at least one word.
fn strip_affixes(words: &mut Vec<String>) {
    let mut russian = false;
    while words.len() > 1 {
        let Some(last) = words.last() else { break };
        if !SUFFIX_WORDS.contains(&last.as_str()) {
            break;
        }
        russian |= RUSSIAN_SUFFIX_WORDS.contains(&last.as_str());
        words.pop();
    }
    if words.len() > 1 && PREFIX_WORDS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    if russian && let Some(last) = words.last_mut() {
        strip_adjective(last);
    }
}

/// `mangistauskaya` → `mangistau`, unless nothing would be left.
fn strip_adjective(word: &mut String) {
    if let Some(stem) = word.strip_suffix(RUSSIAN_ADJECTIVE_ENDING)
        && !stem.is_empty()
    {
        *word = stem.to_owned();
    }
}

/// Step 4: the words respelled and joined.
fn respell(words: &[String]) -> String {
    let joined: String = words.iter().map(|w| respell_start(w)).collect();
    let replaced = joined
        .replace("gh", "g")
        .replace("kh", "h")
        .replace('q', "k")
        .replace('y', "i");
    collapse_doubles(&replaced)
}

/// `jambyl` → `zhambyl`, `yesil` → `esil`.
fn respell_start(word: &str) -> String {
    if let Some(rest) = word.strip_prefix('j') {
        format!("zh{rest}")
    } else if let Some(rest) = word.strip_prefix("ye") {
        format!("e{rest}")
    } else {
        word.to_owned()
    }
}

/// `manggistau` → `mangistau`: a letter repeated counts once (digits are kept as they are).
fn collapse_doubles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous = None;
    for c in s.chars() {
        if previous != Some(c) || !c.is_alphabetic() {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}
