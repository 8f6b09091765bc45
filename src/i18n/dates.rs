//! Dates and times in words ("Wednesday 5 January 2022, 13:00"): the names of weekdays and
//! months, and the clock's instants written out. The clock itself has no words; this module adds
//! them, so that every word a user reads comes from `i18n`.

use super::Lang;
use crate::clock::{Clock, Instant};
use chrono::{Datelike, NaiveDate, Timelike};

/// The weekday's name; `weekday` counts from Monday = 0.
pub fn weekday_name(lang: Lang, weekday: u32) -> &'static str {
    let _ = lang;
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    EN[(weekday % 7) as usize]
}

/// The month's name in a date ("5 January"); `month` counts from January = 1.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let _ = lang;
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    EN[((month + 11) % 12) as usize]
}

/// Instants and days in words, on this clock.
impl Clock {
    /// "Wednesday 5 January 2022, 13:00": the instant in words.
    pub fn long_text(self, lang: Lang, t: Instant) -> String {
        let local = self.local(t);
        format!(
            "{} {}, {:02}:{:02}",
            weekday_name(lang, local.weekday().num_days_from_monday()),
            self.date_text(lang, local.date()),
            local.hour(),
            local.minute()
        )
    }

    /// "5 January 2022".
    pub fn date_text(self, lang: Lang, day: NaiveDate) -> String {
        format!(
            "{} {} {}",
            day.day(),
            month_name(lang, day.month()),
            day.year()
        )
    }

    /// "5 Jan 16:00": an instant in few letters, for the legend.
    pub fn compact_text(self, lang: Lang, t: Instant) -> String {
        let local = self.local(t);
        let month: String = month_name(lang, local.month()).chars().take(3).collect();
        format!(
            "{} {month} {:02}:{:02}",
            local.day(),
            local.hour(),
            local.minute()
        )
    }

    /// "5 January", for lists within one month's story.
    pub fn short_date_text(self, lang: Lang, day: NaiveDate) -> String {
        format!("{} {}", day.day(), month_name(lang, day.month()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUR_SULTAN: Clock = Clock::new(6 * 60);

    #[test]
    fn the_long_text_names_the_weekday() {
        let t = NUR_SULTAN.parse_when("2022-01-05T13:00").unwrap();
        assert_eq!(
            NUR_SULTAN.long_text(Lang::En, t),
            "Wednesday 5 January 2022, 13:00"
        );
    }

    #[test]
    fn month_and_weekday_names_count_from_one_and_monday() {
        assert_eq!(month_name(Lang::En, 1), "January");
        assert_eq!(weekday_name(Lang::En, 2), "Wednesday");
    }
}
