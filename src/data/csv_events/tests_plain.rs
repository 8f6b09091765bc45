//! Plain CSV files: datetimes, places, kinds, links, required columns, and odd files.

use chrono::{NaiveDate, NaiveTime};

use super::{CsvError, Layout, read_events_csv};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn plain_csv_with_datetimes_and_place_names_is_read() {
    let text = "Title,Date,Place,Kind,URL,Sources,Description
Akimat stormed,2022-01-05T14:30,Almaty,Clash,https://example.org/a,Reuters; AP,\"Crowds, then fire.\"
Rally on the square,2022-01-04 09:15:30,Zhanaozen,protest,ftp://example.org/b,,
Internet cut,5 Jan 2022,Almaty,Internet shutdown,,,
Decree,2022/01/05,Nur-Sultan,,,,
";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.layout, Layout::Plain);
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let [stormed, rally, cut, decree] = read.events.as_slice() else {
        panic!("four events expected, got {:?}", read.events);
    };
    assert_eq!(stormed.date, day(2022, 1, 5));
    assert_eq!(stormed.time, Some(hm(14, 30)));
    assert_eq!(stormed.lon_lat, None);
    assert_eq!(stormed.location.as_deref(), Some("Almaty"));
    assert_eq!(stormed.title, "Akimat stormed");
    assert_eq!(stormed.description, "Crowds, then fire.");
    assert_eq!(stormed.kind, "clash");
    assert_eq!(stormed.original_kind, None);
    assert_eq!(stormed.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(stormed.sources, ["Reuters", "AP"]);
    assert_eq!(stormed.id, "row-2");

    assert_eq!(rally.time, NaiveTime::from_hms_opt(9, 15, 30));
    assert_eq!(rally.date, day(2022, 1, 4));
    assert_eq!(rally.url, None);
    assert_eq!(rally.kind, "protest");

    assert_eq!(cut.date, day(2022, 1, 5));
    assert_eq!(cut.time, None);
    assert_eq!(cut.kind, "internetshutdown");
    assert_eq!(cut.original_kind.as_deref(), Some("Internet shutdown"));

    assert_eq!(decree.date, day(2022, 1, 5));
    assert_eq!(decree.kind, "other");
    assert_eq!(decree.original_kind, None);
}

#[test]
fn plain_csv_with_coordinates_a_time_column_and_an_end_date() {
    let text = "id,lat,lng,date,time,end_date,name,fatalities
e1,43.25,76.92,05 January 2022,23:05,2022-01-07,Curfew,0
e2,-33.5,-70.6,2022-01-06,,,Elsewhere,
";
    let read = read_events_csv(text).unwrap();
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let curfew = &read.events[0];
    assert_eq!(curfew.id, "e1");
    assert_eq!(curfew.lon_lat, Some((76.92, 43.25)));
    assert_eq!(curfew.time, Some(hm(23, 5)));
    assert_eq!(curfew.end_date, Some(day(2022, 1, 7)));
    assert_eq!(curfew.fatalities, Some(0));
    assert_eq!(read.events[1].lon_lat, Some((-70.6, -33.5)));
    assert_eq!(read.events[1].time, None);
}

#[test]
fn plain_csv_refuses_ambiguous_and_zoned_dates() {
    let text = "date,city,title
05-01-2022,Almaty,Day first
05/01/2022,Almaty,Slashes
2022-01-05T14:30Z,Almaty,Zoned
2022-02-30,Almaty,No such day
2022-01-05,Almaty,Fine
";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.events.len(), 1);
    assert_eq!(read.events[0].row, 6);
    let rows: Vec<usize> = read.skipped.iter().map(|p| p.row).collect();
    assert_eq!(rows, [2, 3, 4, 5]);
    assert!(
        read.skipped
            .iter()
            .all(|p| p.column.as_deref() == Some("date"))
    );
    assert!(
        read.skipped[0]
            .message
            .contains("\"05-01-2022\" is not a date")
    );
    assert!(read.skipped[0].message.contains("2022-01-05T14:30"));
    assert!(read.skipped[2].message.contains("without a time zone"));
}

#[test]
fn missing_required_column_is_an_error_naming_it() {
    let error = read_events_csv("title,place\nRally,Almaty\n").unwrap_err();
    assert_eq!(error.line, 1);
    assert_eq!(error.column, None);
    assert!(
        error
            .message
            .contains("needs a date column (date, datetime, start")
    );
    assert!(error.message.contains("the header has: title, place"));
    assert!(
        error
            .to_string()
            .starts_with("line 1: a CSV of events needs")
    );

    let error = read_events_csv("date,place\n2022-01-05,Almaty\n").unwrap_err();
    assert!(
        error
            .message
            .contains("a title column (title, name, event, headline)")
    );

    let error = read_events_csv("date,title\n2022-01-05,Rally\n").unwrap_err();
    assert!(
        error
            .message
            .contains("latitude and longitude columns (lat, latitude, y")
    );
    assert!(
        error
            .message
            .contains("place, location, city, admin1, region")
    );
}

#[test]
fn byte_order_mark_and_odd_header_case_are_ignored() {
    let text = "\u{feff} DATE ,Latitude,LONGITUDE,Headline,Extra\n2022-01-05,43.25,76.92,Rally,x\n";
    let read = read_events_csv(text).unwrap();
    assert_eq!(
        read.columns,
        ["DATE", "Latitude", "LONGITUDE", "Headline", "Extra"]
    );
    assert_eq!(read.events[0].title, "Rally");
    assert_eq!(read.events[0].lon_lat, Some((76.92, 43.25)));
}

#[test]
fn empty_file_and_a_header_alone_are_errors() {
    let error = read_events_csv("  \n").unwrap_err();
    assert_eq!(
        error,
        CsvError {
            line: 1,
            column: None,
            message: "the file is empty".to_owned()
        }
    );
    // A header alone would replace the dataset's events by none.
    let error = read_events_csv("date,place,title\n").unwrap_err();
    assert_eq!((error.line, error.column), (2, None));
    assert!(error.message.contains("no rows"), "{}", error.message);
}

/// Rule: a row with more fields than the header is skipped when the extra fields hold
/// something (its cells have moved), and read when they are empty (trailing commas).
#[test]
fn a_row_with_fields_beyond_the_header() {
    let text = "date,place,title\n2022-01-05,Almaty,A, march\n2022-01-06,Aktau,B,,\n";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.events.len(), 1);
    assert_eq!(read.events[0].row, 3);
    assert_eq!(read.skipped.len(), 1);
    assert_eq!(read.skipped[0].row, 2);
    assert!(
        read.skipped[0]
            .message
            .contains("4 fields, 1 more than the header"),
        "{}",
        read.skipped[0].message
    );
}

#[test]
fn description_stands_in_for_a_missing_title() {
    let text = "date,region,title,notes
2022-01-05,Mangystau,,\"Gas prices doubled.
Protests began.\"
2022-01-06,Mangystau,,
";
    let read = read_events_csv(text).unwrap();
    assert_eq!(read.events[0].title, "Gas prices doubled.");
    assert_eq!(read.events[0].admin1.as_deref(), Some("Mangystau"));
    assert_eq!(read.skipped.len(), 1);
    assert_eq!(read.skipped[0].row, 4);
    assert_eq!(read.skipped[0].column.as_deref(), Some("title"));
}

#[test]
fn bad_cells_are_row_problems_that_display_their_position() {
    let text = "date,lat,lon,title,geo_precision
2022-01-05,43.25,inf,Infinite,1
2022-01-05,43.25,,Half,1
2022-01-05,\"43,25\",76.92,Comma,1
2022-01-05,43.25,76.92,Precise,4
";
    let read = read_events_csv(text).unwrap();
    assert!(read.events.is_empty());
    let shown: Vec<String> = read.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "line 2, column lon: \"inf\" is not a longitude in degrees",
            "line 3, column lon: a latitude but no longitude",
            "line 4, column lat: \"43,25\" is not a latitude in degrees (use a dot as the decimal mark)",
            "line 5, column geo_precision: \"4\" is not a precision code (1, 2 or 3)",
        ]
    );
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "\"",
        "date\n\"",
        "date,place,title\n\"unterminated,Almaty,x",
        "date,place,title\n,,,,,,,,\n\n\n",
        "\u{feff}",
        "date,place,title\n2022-01-05,\u{0},\u{feff}\n",
        "date,place,title\n99999-01-05,A,B\n2022-1-5,A,B\n",
    ];
    for input in inputs {
        let _ = read_events_csv(input);
    }
    let read = read_events_csv("date,place,title\n2022-1-5,A,B\n").unwrap();
    assert_eq!(read.events[0].date, day(2022, 1, 5));
}
