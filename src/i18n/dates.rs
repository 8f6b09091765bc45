//! Dates and times in words ("Wednesday, 5 January 2022, 13:00"; "среда, 5 января 2022 г.,
//! 13:00"; "2022 ж. 5 қаңтар, сәрсенбі, 13:00"), from CLDR's patterns and names through ICU4X.
//! The clock itself has no words; this module adds them, so that every word a user reads comes
//! from `i18n`.

use super::Lang;
use crate::clock::{Clock, Instant};
use chrono::{Datelike, NaiveDate, Timelike};
use icu::calendar::{Date, Gregorian};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{self, enums::DateFieldSet};
use icu::locale::Locale;
use std::sync::OnceLock;

/// How much of a date to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Weekday, day, month, year.
    Long,
    /// Day, month, year.
    Date,
    /// Day and month.
    DayMonth,
    /// Day and abbreviated month.
    DayMonthShort,
}

const FORMS: [Form; 4] = [Form::Long, Form::Date, Form::DayMonth, Form::DayMonthShort];

type Formatter = FixedCalendarDateTimeFormatter<Gregorian, DateFieldSet>;

/// The locale whose patterns a language uses: British English (day before month).
fn locale(lang: Lang) -> Locale {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Ru => "ru",
        Lang::Kk => "kk",
    };
    tag.parse().unwrap_or(Locale::UNKNOWN)
}

fn field_set(form: Form) -> DateFieldSet {
    match form {
        Form::Long => DateFieldSet::YMDE(fieldsets::YMDE::long()),
        Form::Date => DateFieldSet::YMD(fieldsets::YMD::long()),
        Form::DayMonth => DateFieldSet::MD(fieldsets::MD::long()),
        Form::DayMonthShort => DateFieldSet::MD(fieldsets::MD::medium()),
    }
}

/// The formatters, built once per language and form; `None` where ICU4X has no data (the
/// fallback then writes ISO dates).
fn formatter(lang: Lang, form: Form) -> Option<&'static Formatter> {
    static ALL: OnceLock<Vec<Option<Formatter>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Lang::ALL_IN_ORDER
            .iter()
            .flat_map(|&l| FORMS.map(|f| Formatter::try_new(locale(l).into(), field_set(f)).ok()))
            .collect()
    });
    let i = lang as usize * FORMS.len() + FORMS.iter().position(|&f| f == form)?;
    all.get(i)?.as_ref()
}

fn format(lang: Lang, form: Form, day: NaiveDate) -> String {
    let date = u8::try_from(day.month())
        .ok()
        .zip(u8::try_from(day.day()).ok())
        .and_then(|(m, d)| Date::try_new_gregorian(day.year(), m, d).ok());
    match (formatter(lang, form), date) {
        // CLDR puts a narrow no-break space before "г."; a plain no-break space reads the
        // same in every font the atlas and its exports use.
        (Some(f), Some(date)) => f.format(&date).to_string().replace('\u{202f}', "\u{a0}"),
        _ => day.to_string(),
    }
}

/// Instants and days in words, on this clock.
impl Clock {
    /// "Wednesday, 5 January 2022, 13:00": the instant in words.
    pub fn long_text(self, lang: Lang, t: Instant) -> String {
        let local = self.local(t);
        format!(
            "{}, {:02}:{:02}",
            format(lang, Form::Long, local.date()),
            local.hour(),
            local.minute()
        )
    }

    /// "5 January 2022".
    pub fn date_text(self, lang: Lang, day: NaiveDate) -> String {
        format(lang, Form::Date, day)
    }

    /// "5 Jan 16:00": an instant in few letters, for the legend.
    pub fn compact_text(self, lang: Lang, t: Instant) -> String {
        let local = self.local(t);
        format!(
            "{} {:02}:{:02}",
            format(lang, Form::DayMonthShort, local.date()),
            local.hour(),
            local.minute()
        )
    }

    /// "5 Jan", for the timeline's labels of weeks and months.
    pub fn tick_text(self, lang: Lang, day: NaiveDate) -> String {
        format(lang, Form::DayMonthShort, day)
    }

    /// "5 January", for lists within one month's story.
    pub fn short_date_text(self, lang: Lang, day: NaiveDate) -> String {
        format(lang, Form::DayMonth, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUR_SULTAN: Clock = Clock::new(6 * 60);

    fn five_january_13() -> Instant {
        NUR_SULTAN
            .parse_when("2022-01-05T13:00")
            .unwrap_or(Instant::from_unix_minutes(0))
    }

    #[test]
    fn the_long_text_names_the_weekday_in_each_language() {
        let t = five_january_13();
        assert_eq!(
            NUR_SULTAN.long_text(Lang::En, t),
            "Wednesday, 5 January 2022, 13:00"
        );
        assert_eq!(
            NUR_SULTAN.long_text(Lang::Ru, t),
            "среда, 5 января 2022\u{a0}г., 13:00"
        );
        assert_eq!(
            NUR_SULTAN.long_text(Lang::Kk, t),
            "2022\u{a0}ж. 5 қаңтар, сәрсенбі, 13:00"
        );
    }

    #[test]
    fn short_dates_decline_the_month_where_the_language_does() {
        let day = NaiveDate::from_ymd_opt(2022, 1, 5).unwrap_or_default();
        assert_eq!(NUR_SULTAN.short_date_text(Lang::En, day), "5 January");
        assert_eq!(NUR_SULTAN.short_date_text(Lang::Ru, day), "5 января");
        assert_eq!(NUR_SULTAN.short_date_text(Lang::Kk, day), "5 қаңтар");
    }
}
