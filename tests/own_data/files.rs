//! The files these tests open, written by the tests themselves: a region file of Kazakhstan's
//! 20-unit layout (after June 2022) made from the embedded outlines, a country of 20 square
//! provinces, a TopoJSON, and ACLED exports in the current and an older layout.

use geo::{BooleanOps, Coord, MultiPolygon, Rect};
use qantar::data::Dataset;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn feature(props: Value, geometry: &MultiPolygon<f64>) -> Value {
    let geometry = geojson::Geometry::from(geometry);
    json!({"type": "Feature", "properties": props, "geometry": geometry})
}

fn half(g: &MultiPolygon<f64>, west: bool, lon: f64) -> MultiPolygon<f64> {
    let (x0, x1) = if west { (-180.0, lon) } else { (lon, 180.0) };
    let cut = Rect::new(Coord { x: x0, y: -90.0 }, Coord { x: x1, y: 90.0 }).to_polygon();
    g.intersection(&MultiPolygon::new(vec![cut]))
}

fn below(g: &MultiPolygon<f64>, south: bool, lat: f64) -> MultiPolygon<f64> {
    let (y0, y1) = if south { (-90.0, lat) } else { (lat, 90.0) };
    let cut = Rect::new(Coord { x: -180.0, y: y0 }, Coord { x: 180.0, y: y1 }).to_polygon();
    g.intersection(&MultiPolygon::new(vec![cut]))
}

/// Kazakhstan's 20 units as a post-2022 file would give them: numeric ISO codes under
/// `shapeISO`, today's names under `shapeName`. Abai, Ulytau and Jetisu are cut from the units
/// they were carved out of (roughly: by a meridian or a parallel), and Shymkent has a polygon
/// of its own cut from Turkistan.
pub fn kazakhstan_2023(dir: &Path) -> PathBuf {
    let data = Dataset::embedded().expect("the embedded dataset loads");
    let shymkent = MultiPolygon::new(vec![
        Rect::new(Coord { x: 69.4, y: 42.15 }, Coord { x: 69.85, y: 42.5 }).to_polygon(),
    ]);
    let numeric = |id: &str| {
        let u = data.unit(data.unit_by_id(id).expect("a unit"));
        u.aliases
            .iter()
            .find(|a| a.len() == 5)
            .cloned()
            .expect("a numeric code")
    };
    let mut features = Vec::new();
    let mut add = |iso: String, name: &str, g: MultiPolygon<f64>| {
        features.push(feature(
            json!({"shapeISO": iso, "shapeName": name, "shapeGroup": "KAZ"}),
            &g,
        ));
    };
    for u in &data.units {
        let Some(g) = &u.geometry else { continue };
        let name = u
            .names
            .get(qantar::i18n::Lang::En)
            .replace("Nur-Sultan (capital)", "Astana");
        match u.id.as_str() {
            "KZ-VOS" => {
                add(
                    numeric("KZ-VOS"),
                    "East Kazakhstan Region",
                    half(g, false, 81.0),
                );
                add("KZ-10".into(), "Abai Region", half(g, true, 81.0));
            }
            "KZ-KAR" => {
                add(numeric("KZ-KAR"), "Karaganda Region", half(g, false, 70.0));
                add("KZ-62".into(), "Ulytau Region", half(g, true, 70.0));
            }
            "KZ-ALM" => {
                add(numeric("KZ-ALM"), "Almaty Region", below(g, true, 44.6));
                add("KZ-33".into(), "Jetisu Region", below(g, false, 44.6));
            }
            "KZ-YUZ" => add(
                numeric("KZ-YUZ"),
                "Turkistan Region",
                g.difference(&shymkent),
            ),
            id => add(numeric(id), &name, g.clone()),
        }
    }
    add("KZ-79".into(), "Shymkent", shymkent);
    let path = dir.join("kz-2023.geojson");
    let fc = json!({"type": "FeatureCollection", "features": features});
    std::fs::write(&path, fc.to_string()).expect("written");
    path
}

/// Twenty square provinces of a made-up country, named as OCHA's boundary files name them
/// (`ADM1_PCODE`, `ADM1_EN`, `ADM1_FR`), one of them a bow-tie that crosses itself.
pub fn grid_country(dir: &Path) -> PathBuf {
    let mut features = Vec::new();
    for i in 0..20 {
        let (x, y) = (20.0 + f64::from(i % 5) * 2.0, 44.0 + f64::from(i / 5) * 2.0);
        let ring = if i == 7 {
            // A bow-tie: the ring crosses itself in the middle of the square.
            vec![
                [x, y],
                [x + 2.0, y + 2.0],
                [x + 2.0, y],
                [x, y + 2.0],
                [x, y],
            ]
        } else {
            vec![
                [x, y],
                [x + 2.0, y],
                [x + 2.0, y + 2.0],
                [x, y + 2.0],
                [x, y],
            ]
        };
        features.push(json!({
            "type": "Feature",
            "properties": {
                "ADM1_PCODE": format!("RT{:02}", i + 1),
                "ADM1_EN": format!("Province {}", i + 1),
                "ADM1_FR": format!("Province n° {}", i + 1),
                "ADM0_EN": "Ruritania"
            },
            "geometry": {"type": "Polygon", "coordinates": [ring]}
        }));
    }
    let path = dir.join("ruritania-adm1.geojson");
    let fc = json!({"type": "FeatureCollection", "features": features});
    std::fs::write(&path, fc.to_string()).expect("written");
    path
}

/// Three provinces in TopoJSON, sharing their borders as arcs, quantized.
pub fn topojson(dir: &Path) -> PathBuf {
    let topo = json!({
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [20.0, 44.0]},
        "objects": {"provinces": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "properties": {"HASC_1": "RT.WE", "NAME_1": "West"}},
            {"type": "Polygon", "arcs": [[2, 3, -1, 5]], "properties": {"HASC_1": "RT.MI", "NAME_1": "Middle"}},
            {"type": "Polygon", "arcs": [[4, -3]], "properties": {"HASC_1": "RT.EA", "NAME_1": "East"}}
        ]}},
        "arcs": [
            [[200, 0], [0, 200]],
            [[200, 200], [-200, 0], [0, -200], [200, 0]],
            [[400, 0], [0, 200]],
            [[400, 200], [-200, 0]],
            [[400, 200], [200, 0], [0, -200], [-200, 0]],
            [[200, 0], [200, 0]]
        ]
    });
    let path = dir.join("provinces.topojson");
    std::fs::write(&path, topo.to_string()).expect("written");
    path
}

const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// An ACLED export in the current 31-column layout: four good rows (three date forms, an
/// admin1 in an old spelling, a multi-line note) and two bad ones (a 13th month, latitude 95).
pub fn acled_current(dir: &Path) -> PathBuf {
    let rows = [
        "TST1,2022-01-02,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Test),,6,,,0,60,,398,Central Asia,Kazakhstan,Mangistau,Zhanaozen,,Zhanaozen,43.3412,52.8619,1,Test Wire; Test Daily,National,\"Residents gathered on the square\nover the price of gas.\",0,crowd size=hundreds,1700000000",
        "TST2,04 January 2022,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Test),,6,,,0,60,,398,Central Asia,Kazakhstan,Aktyubinsk,Aktobe,,Aktobe,50.2797,57.2072,1,Test Daily,National,\"A rally, with placards, in the centre.\",0,,1700000000",
        "TST3,05-01-2022,2022,1,Political violence,Riots,Violent demonstration,Rioters (Test),,5,Police Forces (Test),,1,15,,398,Central Asia,Kazakhstan,Almaty City,Almaty,,Almaty,43.2567,76.9286,1,Test Wire,International,A building was stormed.,8,,1700000000",
        "TST4,2022-01-06,2022,2,Strategic developments,Strategic developments,Arrests,Police Forces (Test),,1,Protesters (Test),,6,16,,398,Central Asia,Kazakhstan,Zhetysu,Taldykorgan,,Taldykorgan,,,2,Test Daily,National,Detentions were reported.,0,,1700000000",
        "TST5,2022-13-06,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Test),,6,,,0,60,,398,Central Asia,Kazakhstan,Atyrau,Atyrau,,Atyrau,47.1,51.9,1,Test Daily,National,A bad date.,0,,1700000000",
        "TST6,2022-01-07,2022,1,Demonstrations,Protests,Peaceful protest,Protesters (Test),,6,,,0,60,,398,Central Asia,Kazakhstan,Abai,Semey,,Semey,95.0,80.2,1,Test Daily,National,A latitude out of range.,0,,1700000000",
    ];
    let path = dir.join("acled-current.csv");
    std::fs::write(&path, format!("{ACLED_HEADER}\n{}\n", rows.join("\n"))).expect("written");
    path
}

/// An ACLED export in an older layout: `data_id`, `iso3` and `event_id_no_cnty`, no
/// `disorder_type`, `civilian_targeting`, `tags` or `timestamp`.
pub fn acled_old(dir: &Path) -> PathBuf {
    let text = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,iso3\n\
        9001,398,OLD1,1,05 January 2022,2022,1,Protests,Peaceful protest,Protesters (Test),,6,,,0,60,Central Asia,Kazakhstan,Mangystau,Aktau,,Aktau,43.65,51.16,1,Test Wire,National,A crowd in the city square.,0,KAZ\n\
        9002,398,OLD2,2,06-01-2022,2022,1,Battles,Armed clash,Military Forces (Test),,1,Rioters (Test),,5,15,Central Asia,Kazakhstan,Almaty,Almaty,,Almaty,43.2567,76.9286,1,Test Daily,National,Shooting near the square.,4,KAZ\n";
    let path = dir.join("acled-2019-layout.csv");
    std::fs::write(&path, text).expect("written");
    path
}

/// Events of the made-up country as a plain CSV: a datetime, a date, and a place by name.
pub fn grid_events(dir: &Path) -> PathBuf {
    let text = "date,lat,lon,place,title,description,kind,source,url\n\
        2031-03-26T10:00,45.0,21.0,Northgate,March in Northgate,A march through the old town.,protest,Ruritanian Wire,https://example.org/a\n\
        2031-03-27,47.0,25.0,Eastbridge,Strike at the port,Dockers stopped work.,strike,Port Gazette,\n\
        2031-03-28T18:30,,,Province 12,Curfew announced,A curfew was announced for the province.,government,Official notice,https://example.org/b\n";
    let path = dir.join("ruritania-events.csv");
    std::fs::write(&path, text).expect("written");
    path
}
