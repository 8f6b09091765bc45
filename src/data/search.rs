//! Finding a place by any of its names: English, Kazakh, Russian, older and alternative
//! spellings ("Uralsk" finds Oral, "Алматы" finds Almaty, "Astana" finds Nur-Sultan).

use super::ids::Place;
use super::model::Dataset;
use crate::i18n::Lang;

/// A place that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub place: Place,
    /// The place's name in the interface language.
    pub name: String,
    /// The name that matched, when it is not `name` ("Uralsk" for Oral).
    pub matched: Option<String>,
}

/// A search key: the text transliterated to Latin letters (`deunicode`: "Орал" → "Oral",
/// "Ақтөбе" → "Aqtobe"), lowercased, with everything but letters and digits dropped, and the
/// spellings that differ between transliterations folded together (q and k, y and i), so that
/// "Nur-Sultan", "nursultan", "НУР-СУЛТАН", "Qostanai" and "Костанай" find the same place.
pub fn normalize(text: &str) -> String {
    deunicode::deunicode(text)
        .chars()
        .flat_map(char::to_lowercase)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| match c {
            'q' => 'k',
            'y' => 'i',
            other => other,
        })
        .collect()
}

/// The place `name` means: a city or unit id (`oral`, `KZ-MAN`) first, else the best search
/// hit for it in any of its names.
pub fn find_place(data: &Dataset, name: &str, lang: Lang) -> Option<Place> {
    data.city_by_id(name)
        .map(Place::City)
        .or_else(|| data.unit_by_id(name).map(Place::Unit))
        .or_else(|| search(data, name, lang).first().map(|h| h.place))
}

/// Events whose title (in any language) contains every word of `query`, then those whose
/// description or place in words does; in order of time within each rank.
pub fn search_events(data: &Dataset, query: &str) -> Vec<super::ids::EventIdx> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let all = |texts: &mut dyn Iterator<Item = &str>| {
        let text: String = texts.map(normalize).collect::<Vec<_>>().join(" ");
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let mut hits: Vec<(u8, crate::clock::Instant, super::ids::EventIdx)> = data
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let rank = if all(&mut e.title.all()) {
                0
            } else if all(&mut e.description.all().chain(e.location.as_deref())) {
                1
            } else {
                return None;
            };
            Some((rank, e.earliest(), super::ids::EventIdx(i as u32)))
        })
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, _, e)| e).collect()
}

/// Places whose names match `query`, best first: exact names, then names that start with the
/// query, then names that contain it; cities before units of the same rank.
pub fn search(data: &Dataset, query: &str, lang: Lang) -> Vec<SearchHit> {
    let q = normalize(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, u8, SearchHit)> = Vec::new();
    let mut consider = |place: Place, kind_rank: u8, names: Vec<&str>, display: &str| {
        let best = names
            .iter()
            .filter_map(|n| {
                let key = normalize(n);
                let rank = if key == q {
                    0
                } else if key.starts_with(&q) {
                    1
                } else if key.contains(&q) {
                    2
                } else {
                    return None;
                };
                // Of equal ranks, the name written as the query was (in its script).
                let literal = n.to_lowercase().contains(&query.trim().to_lowercase());
                Some(((rank, !literal), *n))
            })
            .min_by_key(|(rank, _)| *rank)
            .map(|((rank, _), n)| (rank, n));
        if let Some((rank, name)) = best {
            hits.push((
                rank,
                kind_rank,
                SearchHit {
                    place,
                    name: display.to_owned(),
                    matched: (normalize(name) != normalize(display)).then(|| name.to_owned()),
                },
            ));
        }
    };
    for c in data.city_indices() {
        let city = data.city(c);
        let names = city
            .names
            .all()
            .chain(city.alt.iter().map(String::as_str))
            .collect();
        consider(Place::City(c), 0, names, city.names.get(lang));
    }
    for u in data.unit_indices() {
        let unit = data.unit(u);
        let names = unit
            .names
            .all()
            .chain(unit.short.all())
            .chain(unit.alt.iter().map(String::as_str))
            .chain([unit.id.as_str()])
            .collect();
        consider(Place::Unit(u), 1, names, unit.names.get(lang));
    }
    hits.sort_by(|a, b| (a.0, a.1, &a.2.name).cmp(&(b.0, b.1, &b.2.name)));
    hits.into_iter().map(|(_, _, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_fold_to_one_key() {
        assert_eq!(normalize("Nur-Sultan"), normalize("nur sultan"));
        assert_eq!(normalize("Aqtöbe"), "aktobe");
        assert_eq!(normalize("Ақтөбе"), normalize("Aqtobe"));
    }

    #[test]
    fn latin_and_cyrillic_spellings_meet() {
        assert_eq!(normalize("Орал"), normalize("Oral"));
        assert_eq!(normalize("Qostanai"), normalize("Костанай"));
        assert_eq!(normalize("Уральск"), normalize("Uralsk"));
        assert_eq!(normalize("Өскемен"), normalize("Oskemen"));
    }
}
