//! Matching the regions of a file to the dataset's units: by id and the ids other layouts
//! use first, then by name across spellings and scripts, each unit at most once.

use super::lineage::Successor;
use super::model::{Dataset, Unit};
use super::regions_in::ImportedRegion;
use super::search::normalize;

/// What a region of the file is in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The dataset's unit at this index.
    Unit(usize),
    /// The lineage's successor at this index.
    Successor(usize),
    /// Nothing the dataset knows.
    New,
}

/// An id as layouts write it, for comparing: `kz-mg`, `KZ.MG` and `KZ_MG` are one.
fn id_key(id: &str) -> String {
    id.trim()
        .to_uppercase()
        .chars()
        .map(|c| if c == '.' || c == '_' { '-' } else { c })
        .collect()
}

/// A name for comparing across spellings and scripts, without the words that say what kind of
/// unit it is ("Almaty Region" and "Алматинская область" keep "almati" and "almatinskaia").
pub fn name_key(name: &str) -> String {
    const KIND_WORDS: [&str; 12] = [
        "region",
        "oblast",
        "oblysy",
        "oblisi",
        "province",
        "oblys",
        "obl",
        "oblasti",
        "облысы",
        "область",
        "regioni",
        "район",
    ];
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| !KIND_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    normalize(&words.join(" "))
}

/// Every way the file names a region: its ids first, then its names.
fn region_keys(r: &ImportedRegion) -> (Vec<String>, Vec<String>) {
    let ids = std::iter::once(&r.id)
        .chain(&r.aliases)
        .map(|s| id_key(s))
        .collect();
    let names = std::iter::once(r.name.as_str())
        .chain(r.names.iter().map(|(_, n)| n.as_str()))
        .chain(r.aliases.iter().map(String::as_str))
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect();
    (ids, names)
}

fn unit_names(u: &Unit) -> impl Iterator<Item = String> + '_ {
    u.names
        .all()
        .chain(u.short.all())
        .chain(u.alt.iter().map(String::as_str))
        .map(name_key)
}

fn successor_names(s: &Successor) -> impl Iterator<Item = String> + '_ {
    s.names
        .all()
        .chain(s.alt.iter().map(String::as_str))
        .map(name_key)
}

/// Matches every region, ids before names, each unit at most once.
pub fn match_all(data: &Dataset, regions: &[ImportedRegion]) -> Vec<Match> {
    let keys: Vec<_> = regions.iter().map(region_keys).collect();
    let mut out = vec![Match::New; regions.len()];
    let mut taken = vec![false; data.units.len()];
    let mut taken_s = vec![false; data.lineage.successors.len()];
    // Pass 1: ids and aliases. Pass 2: names, only where one unit answers.
    for by_name in [false, true] {
        for (i, (ids, names)) in keys.iter().enumerate() {
            if out[i] != Match::New {
                continue;
            }
            let unit_hits: Vec<usize> = (0..data.units.len())
                .filter(|&u| !taken[u])
                .filter(|&u| {
                    let unit = &data.units[u];
                    if by_name {
                        unit_names(unit).any(|n| names.contains(&n))
                    } else {
                        std::iter::once(&unit.id)
                            .chain(&unit.aliases)
                            .any(|a| ids.contains(&id_key(a)))
                    }
                })
                .collect();
            let succ_hits: Vec<usize> = (0..data.lineage.successors.len())
                .filter(|&s| !taken_s[s])
                .filter(|&s| {
                    let succ = &data.lineage.successors[s];
                    if by_name {
                        successor_names(succ).any(|n| names.contains(&n))
                    } else {
                        ids.contains(&id_key(&succ.id))
                    }
                })
                .collect();
            match (unit_hits.as_slice(), succ_hits.as_slice()) {
                ([u], []) => {
                    taken[*u] = true;
                    out[i] = Match::Unit(*u);
                }
                ([], [s]) => {
                    taken_s[*s] = true;
                    out[i] = Match::Successor(*s);
                }
                _ => {}
            }
        }
    }
    out
}
