//! Finding places by any of their names, on the real dataset.

use qantar::data::{Dataset, Place, search};
use qantar::i18n::Lang;

fn first(data: &Dataset, query: &str) -> String {
    let hit = search(data, query, Lang::En).into_iter().next();
    match hit.map(|h| h.place) {
        Some(Place::City(c)) => data.city(c).id.clone(),
        Some(Place::Unit(u)) => data.unit(u).id.clone(),
        other => panic!("{query}: {other:?}"),
    }
}

#[test]
fn every_name_the_issue_lists_finds_its_place() {
    let data = Dataset::embedded().unwrap();
    assert_eq!(first(&data, "Astana"), "nur-sultan");
    assert_eq!(first(&data, "Nur-Sultan"), "nur-sultan");
    assert_eq!(first(&data, "nursultan"), "nur-sultan");
    assert_eq!(first(&data, "Uralsk"), "oral");
    assert_eq!(first(&data, "Oral"), "oral");
    assert_eq!(
        first(&data, "Алматы"),
        "almaty",
        "the city comes before the unit of the same name"
    );
    assert_eq!(first(&data, "Ақтөбе"), "aktobe");
    assert_eq!(first(&data, "Aktyubinsk"), "aktobe");
    assert_eq!(first(&data, "Ust-Kamenogorsk"), "oskemen");
    assert_eq!(first(&data, "Mangystau"), "KZ-MAN");
    assert_eq!(first(&data, "South Kazakhstan"), "KZ-YUZ");
}

#[test]
fn a_hit_says_which_other_name_matched() {
    let data = Dataset::embedded().unwrap();
    let hit = search(&data, "Uralsk", Lang::En).remove(0);
    assert_eq!(hit.name, "Oral");
    assert_eq!(hit.matched.as_deref(), Some("Uralsk"));
}

#[test]
fn nonsense_and_blank_queries_find_nothing() {
    let data = Dataset::embedded().unwrap();
    assert!(search(&data, "   ", Lang::En).is_empty());
    assert!(search(&data, "Atlantis", Lang::En).is_empty());
    assert!(search(&data, "--", Lang::En).is_empty());
}
