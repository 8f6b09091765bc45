//! The instants of an animation: from one instant to another in equal steps, both ends included.

use super::ExportError;
use crate::clock::Instant;

/// The most frames one animation may have.
pub const MAX_FRAMES: usize = 5000;

/// Reads a step such as `1d`, `6h`, `1h` or `30m` into minutes.
pub fn parse_step(text: &str) -> Result<i64, ExportError> {
    let bad = || {
        ExportError::Range(format!(
            "--step {text}: use a number and a unit, such as 1d, 6h, 1h or 30m"
        ))
    };
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?);
    let n: i64 = number.parse().map_err(|_| bad())?;
    let per_unit = match unit {
        "d" => 24 * 60,
        "h" => 60,
        "m" | "min" => 1,
        _ => return Err(bad()),
    };
    let minutes = n.checked_mul(per_unit).ok_or_else(|| {
        ExportError::Range(format!(
            "--step {text} is longer than any animation can be; use a step such as 1d or 6h"
        ))
    })?;
    if minutes <= 0 {
        return Err(ExportError::Range(format!(
            "--step {text} must be longer than zero"
        )));
    }
    Ok(minutes)
}

/// `from`, `from + step`, … and `to` itself, whether or not it falls on a step.
pub fn frame_instants(
    from: Instant,
    to: Instant,
    step_minutes: i64,
) -> Result<Vec<Instant>, ExportError> {
    if step_minutes <= 0 {
        return Err(ExportError::Range(
            "the step must be longer than zero".into(),
        ));
    }
    if to < from {
        return Err(ExportError::Range("--to is before --from".into()));
    }
    let span = to.unix_minutes().saturating_sub(from.unix_minutes());
    let count = usize::try_from(span / step_minutes + 1).unwrap_or(usize::MAX);
    if count > MAX_FRAMES {
        return Err(ExportError::Range(format!(
            "{count} frames are too many (at most {MAX_FRAMES}); choose a longer step"
        )));
    }
    let mut out: Vec<Instant> = (0..count as i64)
        .map(|i| from.plus_minutes(i * step_minutes))
        .collect();
    if out.last() != Some(&to) {
        out.push(to);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;

    #[test]
    fn two_to_nineteen_january_by_day_is_eighteen_frames() {
        let clock = Clock::new(360);
        let from = clock.parse_when("2022-01-02").unwrap();
        let to = clock.parse_when("2022-01-19").unwrap();
        let frames = frame_instants(from, to, parse_step("1d").unwrap()).unwrap();
        assert_eq!(frames.len(), 18);
        assert_eq!(frames[0], from);
        assert_eq!(*frames.last().unwrap(), to);
    }

    #[test]
    fn an_uneven_range_still_ends_on_its_last_instant() {
        let clock = Clock::new(360);
        let from = clock.parse_when("2022-01-05T00:00").unwrap();
        let to = clock.parse_when("2022-01-05T13:00").unwrap();
        let frames = frame_instants(from, to, parse_step("6h").unwrap()).unwrap();
        let hours: Vec<String> = frames.iter().map(|&t| clock.hhmm(t)).collect();
        assert_eq!(hours, ["00:00", "06:00", "12:00", "13:00"]);
    }

    #[test]
    fn a_step_too_long_to_count_in_minutes_is_an_error_not_an_overflow() {
        let e = parse_step("99999999999999999d").unwrap_err();
        assert!(e.to_string().contains("longer than any animation"), "{e}");
    }

    #[test]
    fn bad_steps_and_ranges_are_errors() {
        for bad in ["", "d", "0h", "5x", "-1h", "1.5h"] {
            assert!(parse_step(bad).is_err(), "{bad}");
        }
        let t = Instant::from_unix_minutes(1000);
        assert!(frame_instants(t, t.plus_minutes(-1), 60).is_err());
        assert!(frame_instants(t, t.plus_minutes(1_000_000), 1).is_err());
    }
}
