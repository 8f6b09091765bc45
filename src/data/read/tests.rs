use super::*;
use std::time::Duration;

/// The first problem's (line, column, message).
fn first(e: LoadError) -> (usize, usize, String) {
    match e {
        LoadError::Invalid(p) => (p[0].line, p[0].column, p[0].message.clone()),
        other => (0, 0, other.to_string()),
    }
}

/// `read_bytes` on another thread: a read that would block for ever fails the test instead
/// of hanging it.
fn read_soon(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || tx.send(read_bytes(&path)));
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the read returned within 10 s")
}

#[test]
fn a_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("events.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo made the pipe");
    let (_, _, message) = first(read_soon(&fifo).unwrap_err());
    assert!(message.contains("not a regular file"), "{message}");
}

#[test]
fn a_device_that_never_ends_and_a_folder_are_refused() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let (_, _, message) = first(read_soon(Path::new(device)).unwrap_err());
        assert!(
            message.contains("not a regular file"),
            "{device}: {message}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let (_, _, message) = first(read_soon(dir.path()).unwrap_err());
    assert_eq!(message, "is a folder, not a file");
}

#[test]
fn a_file_over_the_limit_is_refused_saying_how_to_read_more() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, vec![b'a'; 3 * 1024 * 1024]).unwrap();
    let (_, _, message) = first(read_bytes_within(&path, 2 * 1024 * 1024).unwrap_err());
    assert!(message.contains("larger than the 2 MiB"), "{message}");
    assert!(message.contains(MAX_FILE_ENV), "{message}");
    // At the limit it is read whole.
    assert_eq!(
        read_bytes_within(&path, 3 * 1024 * 1024).unwrap().len(),
        3 * 1024 * 1024
    );
}

#[test]
fn a_byte_order_mark_is_said_and_dropped() {
    let t = decode("events.csv", b"\xEF\xBB\xBFdate,place\n".to_vec()).unwrap();
    assert_eq!(t.text, "date,place\n");
    let note = t.note.unwrap();
    assert!(
        note.contains("events.csv: starts with a UTF-8 byte-order mark"),
        "{note}"
    );
    assert!(decode("a", b"date".to_vec()).unwrap().note.is_none());
}

#[test]
fn utf16_is_named_with_or_without_its_mark() {
    let le: Vec<u8> = "\u{feff}{\"id\": 1}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let be: Vec<u8> = "{\"id\": 1}"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let bare: Vec<u8> = "{\"id\": 1}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for bytes in [le, be, bare] {
        let (line, column, message) = first(decode("units.json", bytes).unwrap_err());
        assert_eq!((line, column), (1, 1));
        assert_eq!(message, "is UTF-16, not UTF-8: save it as UTF-8");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_placed_by_byte_line_and_column() {
    // Latin-1 "é" on the second line, after "caf".
    let (line, column, message) =
        first(decode("x.csv", b"id,name\n1,caf\xE9\n".to_vec()).unwrap_err());
    assert_eq!(message, "is not UTF-8 at byte 13: save it as UTF-8");
    assert_eq!((line, column), (2, 6));
}

#[test]
fn a_dataset_names_only_files_inside_its_folder() {
    for name in ["../x.json", "/etc/passwd", "data/../../x.json", ".."] {
        let why = outside_folder(name).unwrap_or_else(|| panic!("{name} refused"));
        assert!(why.contains("outside the dataset's folder"), "{why}");
    }
    for name in [
        "units.geojson",
        "data/events.csv",
        "./periods.json",
        "a..b.json",
    ] {
        assert_eq!(outside_folder(name), None, "{name}");
    }
}
