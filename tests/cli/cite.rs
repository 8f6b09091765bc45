//! `qantar cite`: the dataset and the map at an instant, in APA and BibTeX.

use super::qantar;

fn cite(args: &[&str]) -> String {
    let mut all = vec!["cite"];
    all.extend(args);
    let out = qantar(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn cite_at_an_instant_gives_apa_then_bibtex_with_the_instant_and_versions() {
    let text = cite(&["--at", "2022-01-05T13:00"]);
    let (apa, bibtex) = text.split_once("\n\n").expect("two blocks");
    let version = env!("CARGO_PKG_VERSION");
    assert!(apa.starts_with("Kazakhstan, January 2022 (Qandy Qantar) (Version 1.0.0)"));
    assert!(apa.contains("[Data set kz-2022-01]"));
    assert!(apa.contains("The map at 2022-01-05T13:00:00+06:00 (Nur-Sultan time)"));
    assert!(apa.contains(&format!("Qantar (Version {version}) [Computer software]")));
    assert!(apa.contains("Retrieved "));
    assert!(
        bibtex.starts_with("@misc{qantar-kz-2022-01-1.0.0,\n"),
        "{bibtex}"
    );
    assert!(bibtex.contains("2022-01-05T13:00:00+06:00"));
    assert!(bibtex.contains(&format!("Qantar {version}")));
    assert!(bibtex.contains("title        = {{Kazakhstan, January 2022 (Qandy Qantar)}},"));
    assert!(bibtex.trim_end().ends_with('}'));
    // The attribution's licences are in both, and today is the access date.
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    assert!(bibtex.contains(&format!("urldate      = {{{today}}}")));
    assert!(apa.contains("GeoNames (CC BY 4.0)") && bibtex.contains("GeoNames (CC BY 4.0)"));
}

#[test]
fn cite_writes_one_style_when_asked_and_refuses_an_instant_outside_the_window() {
    let apa = cite(&["--format", "apa"]);
    assert!(!apa.contains("@misc"));
    assert!(!apa.contains("map at"), "no instant, no map: {apa}");
    let bibtex = cite(&["--format", "bibtex", "--at", "2022-01-06"]);
    assert!(bibtex.starts_with("@misc{"));
    assert!(bibtex.contains("2022-01-06T23:59:00+06:00"));
    assert!(!bibtex.contains("Retrieved"));
    let out = qantar(&["cite", "--at", "2021-12-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the dataset's window"));
}
