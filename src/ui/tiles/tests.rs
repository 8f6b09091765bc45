//! The tiles against servers on this machine: one that is not there, one that never answers,
//! one that refuses, one that sends a tile.

use super::*;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

struct Local(u16);

impl TileSource for Local {
    fn tile_url(&self, id: TileId) -> String {
        format!(
            "http://127.0.0.1:{}/{}/{}/{}.png",
            self.0, id.zoom, id.x, id.y
        )
    }
    fn attribution(&self) -> Attribution {
        Attribution {
            text: "test",
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }
}

/// Tiles from the server on `port`, giving up after `whole`, with their log lines (and the
/// folder of their disk cache, removed when dropped).
fn basemap(port: u16, whole: Duration) -> (Basemap, Arc<Mutex<Vec<String>>>, tempfile::TempDir) {
    let limits = Limits {
        connect: Duration::from_millis(500),
        whole,
    };
    let lines = Arc::new(Mutex::new(Vec::new()));
    let log = lines.clone();
    // With the disk cache, as in the window: it wraps the client's errors in its own.
    let cache = tempfile::tempdir().unwrap();
    let folder = Some(cache.path().to_owned());
    let map = Basemap::new(Local(port), folder, limits, &egui::Context::default())
        .logging_to(move |l| log.lock().unwrap().push(l));
    (map, lines, cache)
}

fn tile(x: u32) -> TileId {
    TileId { x, y: 3, zoom: 4 }
}

/// Asks for tiles 0..n, then waits (at most 20 s) until `done` holds.
fn ask_and_wait(map: &mut Basemap, n: u32, done: impl Fn(&mut Basemap) -> bool) {
    let start = Instant::now();
    let mut asked = 0;
    while !done(map) {
        if asked < n && map.fetcher.ask(tile(asked)) {
            map.slots.put(tile(asked), Slot::Asked);
            asked += 1;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no answer in 20 s"
        );
        std::thread::sleep(Duration::from_millis(10));
        map.take_finished();
    }
}

fn failed(map: &Basemap) -> usize {
    map.slots
        .iter()
        .filter(|(_, s)| matches!(s, Slot::Failed(_)))
        .count()
}

/// A server that answers every connection with `answer` (or holds it open unanswered when
/// `None`), on its own thread, for the test's life.
fn server(answer: Option<Vec<u8>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            match &answer {
                Some(bytes) => {
                    let _ = stream.write_all(bytes);
                }
                None => held.push(stream),
            }
        }
    });
    port
}

/// Rule: with no server there, every tile fails as "no connection", the log has one line for
/// them all, and the tiles are said to be unavailable.
#[test]
fn no_connection_is_logged_once_and_said() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (mut map, lines, _cache) = basemap(port, Duration::from_secs(5));
    ask_and_wait(&mut map, 8, |m| failed(m) == 8);
    assert_eq!(map.unavailable(), Some(Failure::NoConnection));
    let lines = lines.lock().unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("cannot be reached"), "{lines:?}");
}

/// Rule: a server that never answers is given up on after the time limit.
#[test]
fn a_server_that_never_answers_times_out() {
    let port = server(None);
    let start = Instant::now();
    let (mut map, lines, _cache) = basemap(port, Duration::from_millis(300));
    ask_and_wait(&mut map, 3, |m| failed(m) == 3);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(map.unavailable(), Some(Failure::TimedOut));
    assert_eq!(lines.lock().unwrap().len(), 1);
}

/// Rule: an HTTP error is its own kind, logged once with its status.
#[test]
fn a_refusal_is_its_own_kind() {
    let port = server(Some(
        b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_vec(),
    ));
    let (mut map, lines, _cache) = basemap(port, Duration::from_secs(5));
    ask_and_wait(&mut map, 4, |m| failed(m) == 4);
    assert_eq!(map.unavailable(), Some(Failure::Refused(403)));
    let lines = lines.lock().unwrap();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("HTTP 403"), "{lines:?}");
}

/// Rule: a tile that comes is shown, also for the finer tiles it covers, and the tiles are
/// not unavailable.
#[test]
fn a_tile_that_comes_is_shown() {
    let mut png = Vec::new();
    let image = image::RgbaImage::from_pixel(256, 256, image::Rgba([200, 220, 240, 255]));
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let mut answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: image/png\r\ncontent-length: {}\r\nconnection: \
         close\r\n\r\n",
        png.len()
    )
    .into_bytes();
    answer.extend(png);
    let port = server(Some(answer));
    let (mut map, lines, _cache) = basemap(port, Duration::from_secs(5));
    ask_and_wait(&mut map, 1, |m| {
        matches!(m.slots.peek(&tile(0)), Some(Slot::Ready(_)))
    });
    assert_eq!(map.unavailable(), None);
    assert!(lines.lock().unwrap().is_empty());
    // A tile one zoom finer is the top-left quarter of the one that came.
    let finer = map
        .best_available(TileId {
            x: 0,
            y: 6,
            zoom: 5,
        })
        .unwrap();
    assert_eq!(
        finer.uv,
        egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(0.5, 0.5))
    );
}

#[test]
fn tiles_outside_the_world_are_not_asked_for() {
    let (mut map, _, _cache) = basemap(1, Duration::from_secs(1));
    assert!(
        map.at(TileId {
            x: 16,
            y: 0,
            zoom: 4
        })
        .is_none()
    );
    assert!(map.slots.is_empty());
}
