//! ACLED exports: the current 31-column layout, an older one, kinds, dates and bad rows.

use chrono::NaiveDate;

use super::{Layout, read_events_csv};

/// The header of ACLED's current 31-column export.
const CURRENT_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,\
event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn current_layout_csv() -> String {
    let rows = [
        "KAZ1001,02 January 2022,2022,1,Demonstrations,Protests,Peaceful protest,\
Protesters (Kazakhstan),,6,,,0,60,,398,Central Asia,Kazakhstan,Mangystau,Zhanaozen,,Zhanaozen,\
43.3412,52.8619,1,Radio Azattyq; Vlast.kz,National,\
\"On 2 January 2022, residents of Zhanaozen gathered, demanding lower gas prices.\",0,\
crowd size=hundreds,1642000000",
        "KAZ1002,05 January 2022,2022,1,Political violence,Riots,Violent demonstration,\
Rioters (Kazakhstan),,5,Police Forces of Kazakhstan (2019-),,1,15,,398,Central Asia,Kazakhstan,\
Almaty,Almaty,,Almaty,43.2567,76.9286,1,Reuters,International,\"Rioters stormed the akimat.\n\
Shots were heard, police said.\",8,,1642000001",
        "KAZ1003,06 January 2022,2022,2,Strategic developments,Strategic developments,Arrests,\
Police Forces of Kazakhstan (2019-),,1,Protesters (Kazakhstan),,6,16,,398,Central Asia,\
Kazakhstan,Aktobe,Aktobe,,Aktobe,50.2839,57.1669,2,\"Tengrinews;Interfax\",National,\
Police detained 40 people.,0,,1642000002",
        "KAZ1004,07 January 2022,2022,1,Political violence,Violence against civilians,Attack,\
Unidentified Armed Group (Kazakhstan),,3,Civilians (Kazakhstan),\
Journalists (Kazakhstan); Women (Kazakhstan),7,37,Civilian targeting,398,Central Asia,\
Kazakhstan,Almaty,Almaty,,Almaty,43.25,76.92,1,HRW,Other,\
\"A journalist was beaten, then released.\",0,,1642000003",
    ];
    format!("{CURRENT_HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn current_acled_layout_is_read_with_quoted_commas_and_newlines() {
    let read = read_events_csv(&current_layout_csv()).unwrap();
    assert_eq!(read.layout, Layout::Acled);
    assert_eq!(read.columns.len(), 31);
    assert_eq!(read.total_rows, 4);
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let rows: Vec<usize> = read.events.iter().map(|e| e.row).collect();
    // The second row's notes hold a newline, so the third row starts on line 5.
    assert_eq!(rows, [2, 3, 5, 6]);

    let protest = &read.events[0];
    assert_eq!(protest.id, "KAZ1001");
    assert_eq!(protest.date, day(2022, 1, 2));
    assert_eq!(protest.time, None);
    assert_eq!(protest.lon_lat, Some((52.8619, 43.3412)));
    assert_eq!(protest.location.as_deref(), Some("Zhanaozen"));
    assert_eq!(protest.admin1.as_deref(), Some("Mangystau"));
    assert_eq!(protest.country.as_deref(), Some("Kazakhstan"));
    assert_eq!(protest.title, "Protests: Peaceful protest, Zhanaozen");
    assert_eq!(
        protest.description,
        "On 2 January 2022, residents of Zhanaozen gathered, demanding lower gas prices."
    );
    assert_eq!(protest.kind, "protest");
    assert_eq!(
        protest.original_kind.as_deref(),
        Some("Protests / Peaceful protest")
    );
    assert_eq!(protest.sources, ["Radio Azattyq", "Vlast.kz"]);
    assert_eq!(protest.fatalities, Some(0));
    assert_eq!(protest.time_precision, Some(1));
    assert_eq!(protest.geo_precision, Some(1));
    assert_eq!(protest.actors, ["Protesters (Kazakhstan)"]);
    assert_eq!(protest.tags, ["crowd size=hundreds"]);
    assert_eq!(protest.url, None);
    assert_eq!(protest.end_date, None);
}

#[test]
fn deadly_riot_becomes_casualties_and_keeps_its_multiline_notes() {
    let read = read_events_csv(&current_layout_csv()).unwrap();
    let riot = &read.events[1];
    assert_eq!(riot.kind, "casualties");
    assert_eq!(
        riot.original_kind.as_deref(),
        Some("Riots / Violent demonstration")
    );
    assert_eq!(riot.fatalities, Some(8));
    assert_eq!(
        riot.description,
        "Rioters stormed the akimat.\nShots were heard, police said."
    );
    assert_eq!(
        riot.actors,
        [
            "Rioters (Kazakhstan)",
            "Police Forces of Kazakhstan (2019-)"
        ]
    );
}

#[test]
fn arrests_are_security_and_attacks_on_civilians_are_violence() {
    let read = read_events_csv(&current_layout_csv()).unwrap();
    let arrests = &read.events[2];
    assert_eq!(arrests.kind, "security");
    assert_eq!(arrests.time_precision, Some(2));
    assert_eq!(arrests.geo_precision, Some(2));
    assert_eq!(arrests.sources, ["Tengrinews", "Interfax"]);
    assert_eq!(arrests.title, "Strategic developments: Arrests, Aktobe");
    let attack = &read.events[3];
    assert_eq!(attack.kind, "violence");
    assert_eq!(
        attack.actors,
        [
            "Unidentified Armed Group (Kazakhstan)",
            "Civilians (Kazakhstan)",
            "Journalists (Kazakhstan)",
            "Women (Kazakhstan)"
        ]
    );
}

#[test]
fn older_acled_layout_is_read_with_its_date_forms() {
    let text = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,\
event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,\
source_scale,notes,fatalities,iso3
7001,398,KAZ501,501,2022-01-05,2022,1,Battles,Armed clash,Military Forces of Kazakhstan,,1,\
Rioters (Kazakhstan),,5,15,Central Asia,Kazakhstan,Almaty,Almaty,,Almaty,43.25,76.92,1,\
Reuters,International,Clashes at the airport.,0,KAZ
7002,398,KAZ502,502,05 January 2022,2022,1,Battles,Armed clash,Military Forces of Kazakhstan,,1,\
Rioters (Kazakhstan),,5,15,Central Asia,Kazakhstan,Almaty,Almaty,,Almaty,43.25,76.92,1,\
Reuters,International,Clashes near the akimat.,3,KAZ
7003,398,KAZ503,503,05-01-2022,2022,1,Riots,Mob violence,Rioters (Kazakhstan),,5,,,0,50,\
Central Asia,Kazakhstan,Qyzylorda,Kyzylorda,,Kyzylorda,44.85,65.50,1,Azattyq,National,\
A crowd attacked a shop.,0,KAZ
7004,398,KAZ504,504,05/01/2022,2022,1,Protests,Protest with intervention,Protesters,,6,,,0,60,\
Central Asia,Kazakhstan,Aqtobe,Aktobe,,Aktobe,50.28,57.17,1,Azattyq,National,Dispersed.,0,KAZ
";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.layout, Layout::Acled);
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let ids: Vec<&str> = read.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["KAZ501", "KAZ502", "KAZ503", "KAZ504"]);
    assert!(read.events.iter().all(|e| e.date == day(2022, 1, 5)));
    assert!(read.events.iter().all(|e| e.time.is_none()));
    let kinds: Vec<&str> = read.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["clash", "casualties", "violence", "protest"]);
    assert!(read.events.iter().all(|e| e.tags.is_empty()));
    assert_eq!(read.events[2].admin1.as_deref(), Some("Qyzylorda"));
}

#[test]
fn strategic_developments_map_by_sub_event_type() {
    let mut text = String::from("event_date,event_type,sub_event_type,location\n");
    for sub in [
        "Agreement",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ] {
        text.push_str(&format!("2022-01-08,Strategic developments,{sub},Almaty\n"));
    }
    let read = read_events_csv(&text).unwrap();
    let kinds: Vec<&str> = read.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "government",
            "government",
            "security",
            "security",
            "violence",
            "government",
            "government"
        ]
    );
    assert_eq!(read.events[0].lon_lat, None);
    assert_eq!(read.events[0].id, "row-2");
}

#[test]
fn bad_rows_are_skipped_with_their_lines_while_the_others_load() {
    let text = "event_id_cnty,event_date,event_type,sub_event_type,location,latitude,longitude,\
notes,fatalities
A1,2022-01-05,Protests,Peaceful protest,Almaty,43.25,76.92,\"Two
lines\",0
A2,2022-13-40,Protests,Peaceful protest,Almaty,43.25,76.92,Bad date,0
A3,2022-01-05,Protests,Peaceful protest,Almaty,95,76.92,Too far north,0
A4,2022-01-05,Protests,Peaceful protest,Almaty,NaN,76.92,Not a number,0
A5,2022-01-05,Protests
A6,2022-01-05,Protests,Peaceful protest,Almaty,43.25,76.92,Negative,-1
A1,2022-01-06,Protests,Peaceful protest,Almaty,43.25,76.92,Again,0
A8,2022-01-06,Protests,Peaceful protest,,,,No place at all,0
A9,06 Jan 2022,Protests,Peaceful protest,Almaty,43.25,76.92,Fine,0
";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.total_rows, 9);
    let loaded: Vec<(&str, usize)> = read.events.iter().map(|e| (e.id.as_str(), e.row)).collect();
    assert_eq!(loaded, [("A1", 2), ("A9", 11)]);
    let skipped: Vec<(usize, Option<&str>)> = read
        .skipped
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(
        skipped,
        [
            (4, Some("event_date")),
            (5, Some("latitude")),
            (6, Some("latitude")),
            (7, Some("latitude")),
            (8, Some("fatalities")),
            (9, None),
            (10, Some("latitude")),
        ]
    );
    let messages: Vec<&str> = read.skipped.iter().map(|p| p.message.as_str()).collect();
    assert!(messages[0].contains("\"2022-13-40\" is not a date"));
    assert!(messages[0].contains("05 January 2022"));
    assert!(messages[1].contains("out of range"));
    assert!(messages[2].contains("\"NaN\" is not a latitude"));
    assert!(messages[3].contains("the row has 3 of 9 fields"));
    assert!(messages[4].contains("\"-1\""));
    assert_eq!(messages[5], "duplicate id \"A1\", first on line 2");
    assert!(messages[6].starts_with("no coordinates and no place"));
}

#[test]
fn acled_never_keeps_a_time_of_day() {
    let text = "event_date,event_type,location\n2022-01-05T14:30:00,Protests,Almaty\n";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.events[0].date, day(2022, 1, 5));
    assert_eq!(read.events[0].time, None);
    assert_eq!(read.events[0].title, "Protests, Almaty");
    assert_eq!(read.events[0].original_kind.as_deref(), Some("Protests"));
}

#[test]
fn acled_header_without_a_place_names_what_is_missing() {
    let error =
        read_events_csv("event_date,event_type,notes\n2022-01-05,Protests,x\n").unwrap_err();
    assert_eq!(error.line, 1);
    assert!(error.message.starts_with("an ACLED export needs latitude"));
    assert!(
        error
            .message
            .contains("the header has: event_date, event_type, notes")
    );
}
