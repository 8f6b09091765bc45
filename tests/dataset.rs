//! The embedded default dataset, checked against the record: the units of January 2022, the
//! cities inside their units, sources on every event, and the state-of-emergency decrees.

use geo::Intersects;
use qantar::data::{Dataset, Place, UnitKind, is_http_url};
use qantar::timeline::Timeline;

fn dataset() -> Dataset {
    Dataset::embedded().unwrap_or_else(|e| panic!("{}", e.problems().join("\n")))
}

#[test]
fn every_reference_in_the_embedded_dataset_resolves() {
    let report = qantar::cli::check(&Default::default());
    assert!(report.ok, "{}", report.text);
}

#[test]
fn the_units_are_the_seventeen_of_january_2022_by_iso_code() {
    let data = dataset();
    let ids: Vec<&str> = data.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "KZ-AKM", "KZ-AKT", "KZ-ALA", "KZ-ALM", "KZ-AST", "KZ-ATY", "KZ-KAR", "KZ-KUS",
            "KZ-KZY", "KZ-MAN", "KZ-PAV", "KZ-SEV", "KZ-SHY", "KZ-VOS", "KZ-YUZ", "KZ-ZAP",
            "KZ-ZHA"
        ]
    );
    let name = |id: &str| {
        let u = data.unit(data.unit_by_id(id).unwrap());
        (u.names.get(qantar::i18n::Lang::En).to_owned(), u)
    };
    assert_eq!(
        name("KZ-YUZ").0,
        "Turkistan Region",
        "renamed from South Kazakhstan in 2018"
    );
    assert!(
        name("KZ-YUZ")
            .1
            .alt
            .iter()
            .any(|a| a == "South Kazakhstan Region")
    );
    assert!(name("KZ-AST").0.starts_with("Nur-Sultan"));
    assert!(name("KZ-AST").1.alt.iter().any(|a| a == "Astana"));
    for u in &data.units {
        for lang in qantar::i18n::Lang::ALL {
            assert!(
                !u.names.get(lang).is_empty(),
                "{} has no name in {lang:?}",
                u.id
            );
        }
    }
}

#[test]
fn shymkent_has_no_outline_and_lies_within_turkistan() {
    let data = dataset();
    let shy = data.unit(data.unit_by_id("KZ-SHY").unwrap());
    assert!(shy.geometry.is_none());
    assert_eq!(shy.kind, UnitKind::City);
    assert_eq!(shy.drawn_within, data.unit_by_id("KZ-YUZ"));
    let outlined = data.units.iter().filter(|u| u.geometry.is_some()).count();
    assert_eq!(outlined, 16, "14 oblasts plus Nur-Sultan and Almaty");
}

#[test]
fn baikonur_is_a_neutral_area_not_a_unit() {
    let data = dataset();
    let baikonur: Vec<_> = data
        .context
        .iter()
        .filter(|f| f.class == qantar::data::ContextClass::Special)
        .collect();
    assert_eq!(baikonur.len(), 1);
    let name = baikonur[0]
        .names
        .as_ref()
        .unwrap()
        .get(qantar::i18n::Lang::En);
    assert_eq!(name, "Baikonur (leased to Russia)");
    // The cosmodrome town lies in the lease, and in no unit's polygon.
    let town = geo::Point::new(63.31, 45.62);
    assert!(baikonur[0].geometry.intersects(&town));
    assert!(
        data.units
            .iter()
            .all(|u| !u.geometry.as_ref().is_some_and(|g| g.intersects(&town)))
    );
}

#[test]
fn every_city_lies_inside_the_unit_it_belonged_to() {
    let data = dataset();
    assert_eq!(data.cities.len(), 24);
    for city in &data.cities {
        let shown = data.drawn_unit(city.unit);
        let polygon = data.unit(shown).geometry.as_ref().unwrap();
        assert!(
            polygon.intersects(&city.position),
            "{} is outside {}",
            city.id,
            data.unit(shown).id
        );
    }
    let unit_of = |c: &str| &data.unit(data.city(data.city_by_id(c).unwrap()).unit).id;
    assert_eq!(
        unit_of("zhezkazgan"),
        "KZ-KAR",
        "Ulytau Region dates from June 2022"
    );
    assert_eq!(
        unit_of("semey"),
        "KZ-VOS",
        "Abai Region dates from June 2022"
    );
    assert_eq!(unit_of("shymkent"), "KZ-SHY");
    assert_eq!(unit_of("almaty"), "KZ-ALA");
}

#[test]
fn cities_are_found_by_their_old_and_other_names() {
    let data = dataset();
    let has = |id: &str, name: &str| {
        let c = data.city(data.city_by_id(id).unwrap());
        c.alt.iter().any(|a| a == name) || c.names.all().any(|n| n == name)
    };
    assert!(has("oral", "Uralsk"));
    assert!(has("oral", "Орал"));
    assert!(has("aktobe", "Aktyubinsk"));
    assert!(has("aktobe", "Ақтөбе"));
    assert!(has("nur-sultan", "Astana"));
    assert!(has("oskemen", "Ust-Kamenogorsk"));
}

#[test]
fn every_event_has_a_source_and_every_link_is_http() {
    let data = dataset();
    assert!(
        data.events.len() >= 120,
        "only {} events",
        data.events.len()
    );
    for e in &data.events {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
    }
    let without_url: Vec<&str> = data
        .sources
        .iter()
        .filter(|s| s.url.is_none())
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        without_url,
        ["seed-article"],
        "only the seed article has no URL"
    );
    for s in data.sources.iter().filter_map(|s| s.url.as_deref()) {
        assert!(is_http_url(s), "{s}");
    }
}

#[test]
fn western_local_times_are_converted_to_nur_sultan_time() {
    let data = dataset();
    let clock = data.meta.clock;
    let e = data.event(
        data.event_by_id("2022-01-02-zhanaozen-rally-begins")
            .unwrap(),
    );
    assert_eq!(e.start.written_offset_minutes, Some(5 * 60));
    assert_eq!(
        clock.hhmm(e.start.instant),
        "12:00",
        "11:00 UTC+5 is 12:00 UTC+6"
    );
    let note = qantar::text::conversion_note(clock, qantar::i18n::Lang::En, e).unwrap();
    assert!(note.contains("11:00") && note.contains("UTC+5"), "{note}");
}

#[test]
fn precision_is_flagged_where_the_record_is_thin() {
    let data = dataset();
    let ev = |id: &str| data.event(data.event_by_id(id).unwrap());
    assert!(!ev("2022-01-05-government-resigns").precision.time_known);
    assert!(
        ev("2022-01-05-kyzylorda-buildings-damaged")
            .precision
            .date_inferred
    );
    assert!(ev("2022-01-03-kokshetau-named-3-jan").precision.unconfirmed);
    assert!(
        ev("2022-01-01-zhanaozen-first-gathering")
            .precision
            .single_source
    );
    let losses = ev("2022-01-05-security-forces-losses-5-jan");
    assert!(losses.precision.figures_disputed);
    let injured = &losses.figures[0];
    let values: Vec<u64> = injured.values.iter().map(|v| v.value).collect();
    assert_eq!(values, [317, 400]);
    assert!(
        injured.values.iter().all(|v| !v.by.is_empty()),
        "whose figure is whose"
    );
}

#[test]
fn every_article_chronology_day_has_events() {
    let data = dataset();
    let timeline = Timeline::new(&data);
    for day in 2..=10 {
        let d = chrono::NaiveDate::from_ymd_opt(2022, 1, day).unwrap();
        assert!(
            !timeline.events_on_day(&data, d).is_empty(),
            "no events on {d}"
        );
    }
    let seed = data
        .sources
        .iter()
        .position(|s| s.id == "seed-article")
        .unwrap();
    let cited = data
        .events
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.index() == seed))
        .count();
    assert!(
        cited >= 25,
        "the seed article's chronology is cited by only {cited} events"
    );
}

#[test]
fn national_events_include_the_blackout_the_resignation_and_the_csto() {
    let data = dataset();
    let national: Vec<&str> = data
        .events
        .iter()
        .filter(|e| e.place == Place::Country)
        .map(|e| e.id.as_str())
        .collect();
    for id in [
        "2022-01-05-internet-blackout",
        "2022-01-05-government-resigns",
        "2022-01-05-csto-help-requested",
    ] {
        assert!(national.contains(&id), "{id} is not national");
    }
}
